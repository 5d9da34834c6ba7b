// HeaderLexicon: maps the wording of a table header cell to a column role,
// using models/header_roles.tsv. Roles are decided by wording, never by
// position: reports order their columns differently (period before owner)
// and word them differently ("ผลลัพธ์/ผลฤทธิ์ในการ ดำเนินงาน"). The table
// stages map columns with it; the PDF and OCR backends use it to find
// tables that have no ruling lines (layout/aligned_tables.h).
#ifndef RAINGAN_LEXICON_HEADER_ROLES_H_
#define RAINGAN_LEXICON_HEADER_ROLES_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace raingan {

enum class ColumnRole {
  kNone,
  kMeasure,
  kMethod,
  kOwner,
  kPeriod,
  kOutput,
  kOutcome,
  kRecommendation,
  kBudget,
  kRemark,
  kSeq,
  kDimension,
  kMission,
  kYear,
  kRisk,
  kRiskScore,
  kControl,
  // One month or quarter of a Gantt table's period (a mark in the months a
  // measure runs). Never from models/header_roles.tsv: the table stages
  // read month headers with dates/month_columns.h.
  kMonth,
};

std::string_view ColumnRoleName(ColumnRole role);
// Inverse of ColumnRoleName; kNone for an unknown name.
ColumnRole ColumnRoleFromName(std::string_view name);

class HeaderLexicon {
 public:
  struct Entry {
    ColumnRole role = ColumnRole::kNone;
    int weight = 0;
    std::string pattern;  // whitespace-free, Latin lower-case
    size_t length = 0;    // code points, for "longest pattern wins"
  };

  static Result<HeaderLexicon> Load(const std::string& models_dir);
  static HeaderLexicon FromEntries(std::vector<Entry> entries);

  // The role of one header cell, kNone when nothing matches. Exact wording
  // wins; failing that, a short cell may match a longer pattern with one or
  // two OCR slips ("ช่วงระยะเวสาในการดำเนินการ" → period).
  ColumnRole Classify(std::string_view header_text) const;

  // Header text folded for matching: whitespace removed, Latin lower-case,
  // NIKHAHIT + SARA AA (OCR's SARA AM) as SARA AM.
  static std::string Fold(std::string_view text);

 private:
  std::vector<Entry> entries_;
};

}  // namespace raingan

#endif  // RAINGAN_LEXICON_HEADER_ROLES_H_
