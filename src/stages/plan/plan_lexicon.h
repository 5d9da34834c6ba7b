// PlanLexicon: the wording of five-year anti-corruption plans, read from
// models/plan_sheet_fields.tsv (the field headings of project sheets) and
// models/plan_markers.tsv (sheet and dimension headings, page furniture,
// budget-table total rows). Administrations reword the national template,
// so every word the plan stages look for is data users can extend.
#ifndef RAINGAN_STAGES_PLAN_PLAN_LEXICON_H_
#define RAINGAN_STAGES_PLAN_PLAN_LEXICON_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "regex/regex.h"

namespace raingan {

// The numbered fields of a project detail sheet.
enum class SheetField {
  kNone,
  kName,         // ๑ ชื่อโครงการ
  kRationale,    // ๒ หลักการและเหตุผล
  kObjectives,   // ๓ วัตถุประสงค์
  kTargetGroup,  // ๔ กลุ่มเป้าหมาย
  kArea,    // พื้นที่ดำเนินการ (older template)
  kMethod,  // ๕ วิธีดำเนินการ
  kPeriod,  // ๖ ระยะเวลาดำเนินการ
  kBudget,  // ๗ งบประมาณ
  kOwner,   // ๘ ผู้รับผิดชอบ
  kResults,  // ๙ ผลผลิต/ผลลัพธ์ (holds the two below)
  kOutput,   // ผลผลิต
  kOutcome,  // ผลลัพธ์
};

std::string_view SheetFieldName(SheetField field);
// Inverse of SheetFieldName; kNone for an unknown name.
SheetField SheetFieldFromName(std::string_view name);

// A paragraph recognized as a field heading.
struct FieldLabel {
  SheetField field = SheetField::kNone;
  int number = 0;           // the printed field number; 0 = unnumbered
  bool exact = true;        // nothing but the label (and a colon) printed
  std::string inline_text;  // content printed after the label, if any
};

// A sheet heading: "รายละเอียดโครงการ/กิจกรรม/มาตรการ" (kTitle) and/or
// "ลำดับที่ N" (kNumber, or kTitle with number when on one line).
struct SheetHeading {
  enum Kind { kNone, kTitle, kNumber } kind = kNone;
  int number = 0;  // 0 = not printed
};

enum class TotalRow { kNone, kDimension, kGrand };

class PlanLexicon {
 public:
  static Result<PlanLexicon> Load(const std::string& models_dir);

  // The field heading `paragraph` is, if any. Recognition only: whether a
  // heading is plausible where it stands (its number follows the previous
  // field's) is the sheet parser's decision. A label followed by content
  // without a colon is reported (exact = false) only when numbered.
  std::optional<FieldLabel> MatchLabel(std::string_view paragraph) const;

  SheetHeading MatchSheetHeading(std::string_view paragraph) const;
  // N of a dimension heading "มิติที่ N ...".
  std::optional<int> MatchDimension(std::string_view text) const;
  bool IsNoise(std::string_view paragraph) const;
  bool IsEnd(std::string_view paragraph) const;
  TotalRow MatchTotal(std::string_view cell) const;
  bool IsCount(std::string_view cell) const;
  // The text opens with a "no budget used" phrase.
  bool IsNoBudget(std::string_view text) const;
  // How many "no budget" phrases the text is made of ("ไม่ใช้ งบประมาณ
  // ไม่ใช้ งบประมาณ": two lines a PDF ran together); 0 when it holds
  // anything else.
  int NoBudgetRepeats(std::string_view text) const;

 private:
  struct Label {
    SheetField field;
    std::string key;  // folded wording
  };
  using Patterns = std::vector<std::shared_ptr<const Regex>>;

  static bool AnyMatch(const Patterns& patterns, std::string_view text,
                       std::vector<std::string>* groups = nullptr);

  std::vector<Label> labels_;  // longest key first
  Patterns sheet_title_, sheet_number_, dimension_, noise_, end_;
  Patterns grand_total_, total_, count_, no_budget_;
};

}  // namespace raingan

#endif  // RAINGAN_STAGES_PLAN_PLAN_LEXICON_H_
