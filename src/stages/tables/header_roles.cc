#include "stages/tables/header_roles.h"

#include <array>
#include <utility>

#include "base/utf8.h"
#include "lexicon/tsv.h"

namespace raingan {
namespace {

constexpr std::array<std::pair<ColumnRole, std::string_view>, 17> kRoleNames{{
    {ColumnRole::kNone, "none"},
    {ColumnRole::kMeasure, "measure"},
    {ColumnRole::kMethod, "method"},
    {ColumnRole::kOwner, "owner"},
    {ColumnRole::kPeriod, "period"},
    {ColumnRole::kOutput, "output"},
    {ColumnRole::kOutcome, "outcome"},
    {ColumnRole::kRecommendation, "recommendation"},
    {ColumnRole::kBudget, "budget"},
    {ColumnRole::kRemark, "remark"},
    {ColumnRole::kSeq, "seq"},
    {ColumnRole::kDimension, "dimension"},
    {ColumnRole::kMission, "mission"},
    {ColumnRole::kYear, "year"},
    {ColumnRole::kRisk, "risk"},
    {ColumnRole::kRiskScore, "risk_score"},
    {ColumnRole::kControl, "control"},
}};

}  // namespace

std::string_view ColumnRoleName(ColumnRole role) {
  for (const auto& [r, name] : kRoleNames) {
    if (r == role) return name;
  }
  return "none";
}

ColumnRole ColumnRoleFromName(std::string_view name) {
  for (const auto& [r, n] : kRoleNames) {
    if (n == name) return r;
  }
  return ColumnRole::kNone;
}

std::string HeaderLexicon::Fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = utf8::DecodeNext(text, &pos);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
        c == 0x200B || c == 0xFEFF) {
      continue;
    }
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
    utf8::Append(c, &out);
  }
  return out;
}

Result<HeaderLexicon> HeaderLexicon::Load(const std::string& models_dir) {
  std::string path = ModelPath(models_dir, "header_roles.tsv");
  Result<std::vector<TsvRecord>> records = ReadTsv(path, 3);
  if (!records.ok()) return records.status();
  std::vector<Entry> entries;
  for (const TsvRecord& rec : *records) {
    Entry e;
    e.role = ColumnRoleFromName(rec.fields[0]);
    if (e.role == ColumnRole::kNone) {
      return Status::BadInput(path + ":" + std::to_string(rec.line) +
                              ": unknown role '" + rec.fields[0] + "'");
    }
    try {
      e.weight = std::stoi(rec.fields[1]);
    } catch (...) {
      return Status::BadInput(path + ":" + std::to_string(rec.line) +
                              ": weight must be an integer");
    }
    e.pattern = Fold(rec.fields[2]);
    if (e.pattern.empty()) {
      return Status::BadInput(path + ":" + std::to_string(rec.line) +
                              ": empty pattern");
    }
    entries.push_back(std::move(e));
  }
  return FromEntries(std::move(entries));
}

HeaderLexicon HeaderLexicon::FromEntries(std::vector<Entry> entries) {
  HeaderLexicon lex;
  for (Entry& e : entries) {
    e.pattern = Fold(e.pattern);
    e.length = utf8::Length(e.pattern);
  }
  lex.entries_ = std::move(entries);
  return lex;
}

ColumnRole HeaderLexicon::Classify(std::string_view header_text) const {
  std::string folded = Fold(header_text);
  if (folded.empty()) return ColumnRole::kNone;
  const Entry* best = nullptr;
  for (const Entry& e : entries_) {
    if (folded.find(e.pattern) == std::string::npos) continue;
    if (best == nullptr || e.weight > best->weight ||
        (e.weight == best->weight && e.length > best->length)) {
      best = &e;
    }
  }
  return best == nullptr ? ColumnRole::kNone : best->role;
}

}  // namespace raingan
