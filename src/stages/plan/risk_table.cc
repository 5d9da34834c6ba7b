#include "stages/plan/risk_table.h"

#include "base/utf8.h"
#include "dates/money.h"
#include "stages/plan/plan_text.h"
#include "stages/tables/list_items.h"
#include "stages/tables/measure_builder.h"

namespace raingan {
namespace {

const Cell* At(const TableRow& row, int col) {
  return col >= 0 && col < static_cast<int>(row.cells.size())
             ? &row.cells[static_cast<size_t>(col)]
             : nullptr;
}

// Adds the items of `cell` to `list`: a first paragraph without a number
// finishes the item the page break cut.
void AddItems(const Cell* cell, std::vector<std::string>* list) {
  if (cell == nullptr || cell->Empty()) return;
  bool cut =
      !list->empty() && !StartsWithListMarker(cell->paragraphs.front().text);
  int next = static_cast<int>(list->size()) + 1;
  AppendItems(SplitListItems(cell->paragraphs, cut ? 1 : next), cut, list);
}

}  // namespace

bool RiskTableReader::FindLayout(const TableRow& row, Layout* layout) const {
  Layout l;
  l.columns = static_cast<int>(row.cells.size());
  int other = -1;  // first unlabelled column: the step when not worded
  for (size_t c = 0; c < row.cells.size(); ++c) {
    std::string t = row.cells[c].Text();
    if (t.empty() || utf8::Length(t) > 60) continue;
    int col = static_cast<int>(c);
    switch (headers_.Classify(t)) {
      case ColumnRole::kSeq:
        l.seq = col;
        break;
      case ColumnRole::kRisk:
        l.risk = col;
        break;
      case ColumnRole::kRiskScore:
        l.score = col;
        break;
      case ColumnRole::kControl:
        l.control = col;
        break;
      case ColumnRole::kMethod:
        l.step = col;
        break;
      default:
        if (other < 0) other = col;
        break;
    }
  }
  if (l.step < 0) l.step = other;
  if (l.risk < 0 || (l.control < 0 && l.score < 0)) return false;
  *layout = l;
  return true;
}

void RiskTableReader::AddParagraph(const Paragraph& paragraph) {
  std::string t = CleanPlanText(paragraph.text);
  if (!t.empty() && !plan_.IsNoise(t)) continues_ = false;
}

bool RiskTableReader::AddTable(const Table& table) {
  size_t first = 0;
  Layout layout;
  if (!table.rows.empty() && FindLayout(table.rows.front(), &layout)) {
    layout_ = layout;
    continues_ = true;
    first = 1;
  } else if (!layout_ || !continues_ || table.columns != layout_->columns) {
    continues_ = false;
    return false;
  }
  for (size_t r = first; r < table.rows.size(); ++r) {
    Layout repeated;
    if (FindLayout(table.rows[r], &repeated)) continue;  // header again
    AddRow(table.rows[r]);
  }
  return true;
}

void RiskTableReader::AddRow(const TableRow& row) {
  const Layout& l = *layout_;
  const Cell* seq = At(row, l.seq);
  std::optional<int64_t> n =
      seq != nullptr ? dates::ParseCount(seq->Text()) : std::nullopt;
  if (n && *n > 0) {
    RiskRow r;
    r.seq = static_cast<int>(*n);
    r.prov = row.prov;
    rows_.push_back(std::move(r));
  } else if (rows_.empty()) {
    return;  // text before the first numbered row: nothing to continue
  }
  RiskRow& r = rows_.back();
  if (const Cell* c = At(row, l.step); c != nullptr && !c->Empty()) {
    r.step = JoinWrapped(r.step, CleanPlanText(c->Text()));
  }
  if (const Cell* c = At(row, l.score); c != nullptr && !c->Empty()) {
    r.risk_score = JoinWrapped(r.risk_score, CleanPlanText(c->Text()));
  }
  AddItems(At(row, l.risk), &r.risks);
  AddItems(At(row, l.control), &r.controls);
}

}  // namespace raingan
