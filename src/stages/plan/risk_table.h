// RiskTableReader: the corruption-risk assessment of a plan (ส่วนที่ ๑:
// ลำดับ | ขั้นตอนการดำเนินงาน | ประเด็นความเสี่ยงการทุจริต | Risk Score |
// มาตรการควบคุมความเสี่ยงการทุจริต) -> RiskRows.
//
// A row starts at a sequence number; a row without one continues the row
// above: the page broke it (a repeated header may come between), so its
// list cells add items ("๔. มาตรการ...") or finish the item that was cut
// (an unnumbered paragraph). Risk and control cells hold numbered lists,
// often inline ("๑. ... ๒. ..."). Column roles come from the header
// wording (models/header_roles.tsv: risk, risk_score, control, seq).
#ifndef RAINGAN_STAGES_PLAN_RISK_TABLE_H_
#define RAINGAN_STAGES_PLAN_RISK_TABLE_H_

#include <optional>
#include <vector>

#include "model/document.h"
#include "stages/plan/plan_lexicon.h"
#include "lexicon/header_roles.h"

namespace raingan {

class RiskTableReader {
 public:
  RiskTableReader(const HeaderLexicon& headers, const PlanLexicon& plan)
      : headers_(headers), plan_(plan) {}

  // Offers the document's next table; true when it was read as (part of)
  // a risk table.
  bool AddTable(const Table& table);
  // Text between tables: anything but page furniture ends the table, so a
  // later table without a header is not taken for its continuation.
  void AddParagraph(const Paragraph& paragraph);

  std::vector<RiskRow> Finish() { return std::move(rows_); }

 private:
  struct Layout {
    int columns = 0;
    int seq = -1, step = -1, risk = -1, score = -1, control = -1;
  };

  bool FindLayout(const TableRow& row, Layout* layout) const;
  void AddRow(const TableRow& row);

  const HeaderLexicon& headers_;
  const PlanLexicon& plan_;
  std::optional<Layout> layout_;
  bool continues_ = false;
  std::vector<RiskRow> rows_;
};

}  // namespace raingan

#endif  // RAINGAN_STAGES_PLAN_RISK_TABLE_H_
