// BudgetTableReader: the budget table of a five-year anti-corruption plan
// (ส่วนที่ ๒: มิติ | ภารกิจตามมิติ | โครงการ/กิจกรรม/มาตรการ | ปี ๒๕๖๖ ...
// ปี ๒๕๗๐ | หมายเหตุ) -> BudgetLines (one per project, an amount per year)
// and BudgetTotals (the รวม rows and รวมทั้งสิ้น, as printed).
//
// What real tables do, and how it is read:
//  - One project cell holds several projects as paragraphs ("๑. ...
//    ๒. ..."), their yearly amounts on the following rows with empty
//    leading cells: the n-th amount row goes to the n-th project. A
//    project that never gets a row keeps blank (unknown) amounts.
//  - Amount cells: "๑๕,๐๐๐", "-" (0), "ไม่ใช้งบประมาณ" (0), blank
//    (unknown, nullopt). Several paragraphs in a year cell are the amounts
//    of the projects of that row, in order.
//  - Rows are not always aligned with the header: exports drop a merged
//    dimension cell or add one, so a row whose project is one cell left of
//    the header's project column is shifted back. The project cell is the
//    text cell right before the first amount.
//  - Total rows print a count ("จำนวน ๑๕ โครงการ ...") and then the yearly
//    totals, sometimes a cell early: their amounts are read in order.
//  - The table spans pages: a table without a header continues it (its
//    missing leftmost columns are the merged ones); a project name cut by
//    the page break continues on the next page's first row.
//
// Column roles come from the header wording (models/header_roles.tsv);
// total-row words and "no budget" phrases from models/plan_markers.tsv.
#ifndef RAINGAN_STAGES_PLAN_BUDGET_TABLE_H_
#define RAINGAN_STAGES_PLAN_BUDGET_TABLE_H_

#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lexicon/header_roles.h"
#include "model/document.h"
#include "stages/plan/plan_lexicon.h"

namespace raingan {

struct BudgetTableResult {
  std::vector<BudgetLine> lines;
  std::vector<BudgetTotal> totals;  // `computed` left empty
  // Stage "budget_table": budget_amounts_without_project,
  // budget_project_without_name.
  std::vector<Issue> issues;
};

class BudgetTableReader {
 public:
  BudgetTableReader(const HeaderLexicon& headers, const PlanLexicon& plan)
      : headers_(headers), plan_(plan) {}

  // Offers the document's next table. Returns true when it was read as
  // (a part of) the budget table.
  bool AddTable(const Table& table);
  // Running text between tables: page furniture is ignored; anything else
  // means the next table without a header is not a continuation.
  void AddParagraph(const Paragraph& paragraph);

  // The lines and totals read; a project number whose name never came is
  // reported.
  BudgetTableResult Finish();

 private:
  struct Layout {
    int columns = 0;
    int dimension = -1, mission = -1, project = -1, remark = -1;
    std::vector<std::pair<int, int>> years;  // (column, BE year)
  };

  // Header rows at the top of `table`: on success fills *layout and
  // *first_data_row.
  bool FindLayout(const Table& table, Layout* layout,
                  size_t* first_data_row) const;
  bool IsHeaderLike(const TableRow& row) const;
  void AddRow(const TableRow& row, int offset, bool after_break);
  // How far the row's cells sit from the header's columns: its project
  // cell is the text cell right before its first amount.
  int RowShift(const TableRow& row, int offset) const;
  void AddMission(const std::string& cell_text);
  void AssignAmounts(const std::vector<std::vector<int64_t>>& values,
                     const Cell* remark, const Provenance& prov);
  void AddTotal(const TableRow& row, size_t label_cell, TotalRow kind);
  // The amounts one paragraph of a year cell holds: usually one; two when
  // a PDF ran two lines together ("ไม่ใช้ งบประมาณไม่ใช้ งบประมาณ",
  // "๕,๐๐๐ ๕,๐๐๐"); none when it is not an amount.
  std::vector<int64_t> Amounts(std::string_view text) const;
  bool IsAmountCell(const Cell& cell) const;
  void AddProjects(const Cell& cell, const TableRow& row, bool after_break,
                   bool row_has_amounts);

  const HeaderLexicon& headers_;
  const PlanLexicon& plan_;
  BudgetTableResult result_;
  std::optional<Layout> layout_;  // of the budget table being read
  bool continues_ = false;        // a header-less table may continue it
  int dimension_ = 0;
  int totals_seen_ = 0;  // dimension totals, to number them if unlabelled
  std::string mission_;
  std::deque<size_t> pending_;  // lines still waiting for their amounts
  // A line whose number ended a page ("... ๒.") and whose name is on the
  // next page.
  std::optional<size_t> unnamed_;
};

}  // namespace raingan

#endif  // RAINGAN_STAGES_PLAN_BUDGET_TABLE_H_
