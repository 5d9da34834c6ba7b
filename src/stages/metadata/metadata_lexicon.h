// The word lists the metadata stage reads: kinds of local administration
// (models/org_types.tsv), provinces (models/provinces.tsv) and the wording
// that tells reports from plans (models/document_kinds.tsv).
#ifndef RAINGAN_STAGES_METADATA_METADATA_LEXICON_H_
#define RAINGAN_STAGES_METADATA_METADATA_LEXICON_H_

#include <string>
#include <vector>

#include "base/result.h"
#include "model/document.h"

namespace raingan {

struct OrgType {
  std::string full;  // องค์การบริหารส่วนตำบล
  std::vector<std::string> abbreviations;  // อบต.
};

struct KindPattern {
  DocumentKind kind = DocumentKind::kUnknown;
  int weight = 0;
  std::string pattern;
};

struct MetadataLexicon {
  std::vector<OrgType> org_types;
  std::vector<std::string> provinces;
  std::vector<KindPattern> kinds;

  static Result<MetadataLexicon> Load(const std::string& models_dir);
};

}  // namespace raingan

#endif  // RAINGAN_STAGES_METADATA_METADATA_LEXICON_H_
