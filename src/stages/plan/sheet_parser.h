// SheetParser: the project detail sheets of a five-year anti-corruption
// plan (ส่วนที่ ๓ รายละเอียดโครงการ/กิจกรรม/มาตรการ) -> one Measure each.
//
// The national template prints, in running text:
//
//   มิติที่ ๑ การสร้างวัฒนธรรมสุจริต          dimension (also misspelt มติที่)
//   ๑.๑ การเสริมสร้างจิตสำนึก...              mission headings (ภารกิจ);
//   ๑.๑.๓ เสริมสร้างจิตสำนึกและค่านิยม...       the last one is the section
//   รายละเอียดโครงการ/กิจกรรม/มาตรการ           sheet title
//   ลำดับที่ ๕                                 number, afresh per dimension
//   ๑. ชื่อโครงการ : โครงการ...                 fields ๑-๙, see plan_lexicon.h
//   ๒. หลักการและเหตุผล  ...  ๙. ผลผลิต/ผลลัพธ์ ─ ผลผลิต ... ผลลัพธ์ ...
//
// Record: id "<dimension>-<number>", section = the mission heading without
// its number, measure = the name, method/output/outcome = list items,
// period.text, budget_baht (0 for "ไม่ใช้งบประมาณ"), owner; objectives,
// target_group, rationale (and area, in the older template) go to
// `extra`.
//
// Real sheets deviate: stray "**" markup, numbering "๑.ชื่อ"/"๑. ชื่อ
// โครงการ", a field given twice (๘ หน่วยงานที่รับผิดชอบ and ๙ ผู้รับผิดชอบ
// โครงการ: the first is the owner, the second kept as extra
// "owner_also"), paragraphs and items cut by PDF page breaks (see
// JoinCutParagraphs), page numbers and "โครงการที่ N"
// lines between fields (models/plan_markers.tsv, kind noise).
//
// A field heading is trusted only where it can stand: a numbered heading
// must come after the previous field's number (so item "๖. ระยะเวลา..."
// inside ๕ วิธีดำเนินการ is content), and a mission heading only counts
// when a sheet or dimension heading follows it.
#ifndef RAINGAN_STAGES_PLAN_SHEET_PARSER_H_
#define RAINGAN_STAGES_PLAN_SHEET_PARSER_H_

#include <string>
#include <vector>

#include "model/document.h"
#include "stages/plan/plan_lexicon.h"
#include "stages/tables/owners.h"

namespace raingan {

class SheetParser {
 public:
  SheetParser(const PlanLexicon& lexicon, const UnitLexicon& units)
      : lexicon_(lexicon), units_(units) {}

  // `paragraphs` are the document's running-text paragraphs in reading
  // order (all pages). Never fails: unreadable parts become warnings on
  // the records.
  std::vector<Measure> Parse(
      const std::vector<const Paragraph*>& paragraphs) const;

 private:
  const PlanLexicon& lexicon_;
  const UnitLexicon& units_;
};

// One paragraph of a sheet field, with where it stands (PDF pages only;
// text exports have page 0 and no box).
struct SheetText {
  std::string text;
  int page = 0;
  BBox bbox;
};

// Joins paragraphs a PDF cut apart inside one paragraph or list item. A
// paragraph without a list marker continues the previous one when it is
// a wrapped line set apart on the same page (hanging indent under "๑)"),
// or at the top of the next page when it does not start where that
// paragraph started, or when that paragraph is a numbered item. Text
// exports carry no boxes and are left as they are.
std::vector<SheetText> JoinCutParagraphs(const std::vector<SheetText>& texts);

// The items of a list field: one per paragraph (markers removed), with
// inline "๑) ... ๒) ..." split. Exposed for tests.
std::vector<std::string> SheetListItems(const std::vector<SheetText>& texts);

}  // namespace raingan

#endif  // RAINGAN_STAGES_PLAN_SHEET_PARSER_H_
