#include "stages/metadata/metadata_lexicon.h"

#include "lexicon/tsv.h"

namespace raingan {
namespace {

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    std::string part = s.substr(
        start, comma == std::string::npos ? std::string::npos : comma - start);
    size_t b = part.find_first_not_of(' ');
    size_t e = part.find_last_not_of(' ');
    if (b != std::string::npos) out.push_back(part.substr(b, e - b + 1));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace

Result<MetadataLexicon> MetadataLexicon::Load(const std::string& models_dir) {
  MetadataLexicon lex;
  {
    std::string path = ModelPath(models_dir, "org_types.tsv");
    Result<std::vector<TsvRecord>> recs = ReadTsv(path, 1);
    if (!recs.ok()) return recs.status();
    for (const TsvRecord& r : *recs) {
      OrgType t;
      t.full = r.fields[0];
      if (r.fields.size() > 1) t.abbreviations = SplitComma(r.fields[1]);
      lex.org_types.push_back(std::move(t));
    }
  }
  {
    std::string path = ModelPath(models_dir, "provinces.tsv");
    Result<std::vector<TsvRecord>> recs = ReadTsv(path, 1);
    if (!recs.ok()) return recs.status();
    for (const TsvRecord& r : *recs) lex.provinces.push_back(r.fields[0]);
  }
  {
    std::string path = ModelPath(models_dir, "document_kinds.tsv");
    Result<std::vector<TsvRecord>> recs = ReadTsv(path, 3);
    if (!recs.ok()) return recs.status();
    for (const TsvRecord& r : *recs) {
      KindPattern k;
      if (r.fields[0] == "ita_report") {
        k.kind = DocumentKind::kItaReport;
      } else if (r.fields[0] == "anticorruption_plan") {
        k.kind = DocumentKind::kAnticorruptionPlan;
      } else {
        return Status::BadInput(path + ":" + std::to_string(r.line) +
                                ": unknown kind '" + r.fields[0] + "'");
      }
      try {
        k.weight = std::stoi(r.fields[1]);
      } catch (...) {
        return Status::BadInput(path + ":" + std::to_string(r.line) +
                                ": weight must be an integer");
      }
      k.pattern = r.fields[2];
      lex.kinds.push_back(std::move(k));
    }
  }
  return lex;
}

}  // namespace raingan
