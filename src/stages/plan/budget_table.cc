#include "stages/plan/budget_table.h"

#include <algorithm>
#include <cstdlib>

#include "base/utf8.h"
#include "dates/calendar.h"
#include "dates/money.h"
#include "regex/regex.h"
#include "stages/plan/plan_text.h"
#include "stages/tables/list_items.h"

namespace raingan {
namespace {

// Header cells are short labels; data cells (project names, missions)
// are long.
constexpr size_t kMaxHeaderCell = 40;
// How many cells a row may sit off the header's columns.
constexpr int kMaxShift = 2;

// "ปี ๒๕๖๖", "พ.ศ. 2566", "2566 (บาท)", "งบประมาณปี 2566" -> 2566 (BE);
// CE years are converted.
std::optional<int> HeaderYear(std::string_view text) {
  static const Regex kYear(
      R"(^(?:งบประมาณ\s*)?(?:ปี(?:งบประมาณ)?)?\s*(?:พ\.\s*ศ\.)?\s*)"
      R"(([0-9๐-๙]{4})\s*(?:\(?\s*บาท\s*\)?)?$)");
  std::vector<std::string> g;
  if (!kYear.PartialMatch(CleanPlanText(text), &g)) return std::nullopt;
  return dates::YearToBe(DigitsValue(g[1]), 4);
}

// The mission numbers in a cell ("๑.๑ ... ๑.๑.๑ ..."): the text after the
// last one, and the dimension the first number names.
bool LastMission(std::string_view text, std::string* mission, int* dimension) {
  static const Regex kNumber(
      R"((?:^|\s)([0-9๐-๙]{1,2})\.[0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})*\s)");
  std::vector<RegexMatch> all = kNumber.FindAll(text);
  if (all.empty() || all.front().offset != 0) return false;
  const RegexMatch& last = all.back();
  *mission = CleanPlanText(text.substr(last.offset + last.length));
  *dimension = DigitsValue(all.front().groups[1]);
  return true;
}

std::string Where(const Provenance& prov) {
  if (prov.line > 0) return " (line " + std::to_string(prov.line) + ")";
  if (prov.page > 0) return " (page " + std::to_string(prov.page) + ")";
  return "";
}

}  // namespace

std::vector<int64_t> BudgetTableReader::Amounts(std::string_view text) const {
  std::string t = CleanPlanText(text);
  if (t.empty()) return {};
  if (int n = plan_.NoBudgetRepeats(t); n > 0) {
    return std::vector<int64_t>(static_cast<size_t>(n), 0);
  }
  if (IsDashOnly(t)) return {0};
  if (IsAmountOnly(t)) {
    if (std::optional<int64_t> v = dates::ParseBaht(t)) return {*v};
    return {};
  }
  // Bare amounts separated by spaces, one per line of the cell.
  std::vector<int64_t> out;
  size_t from = 0;
  while (from < t.size()) {
    size_t to = std::min(t.find(' ', from), t.size());
    std::string token = t.substr(from, to - from);
    from = to + 1;
    if (IsDashOnly(token)) {
      out.push_back(0);
      continue;
    }
    static const Regex kBare(R"(^[0-9๐-๙]{1,3}(?:,[0-9๐-๙]{3})*(?:\.-)?$)");
    std::optional<int64_t> v =
        kBare.FullMatch(token) ? dates::ParseBaht(token) : std::nullopt;
    if (!v) return {};
    out.push_back(*v);
  }
  return out;
}

bool BudgetTableReader::IsAmountCell(const Cell& cell) const {
  bool any = false;
  for (const Paragraph& p : cell.paragraphs) {
    if (CleanPlanText(p.text).empty()) continue;
    if (Amounts(p.text).empty()) return false;
    any = true;
  }
  return any;
}

bool BudgetTableReader::IsHeaderLike(const TableRow& row) const {
  bool any = false;
  for (const Cell& c : row.cells) {
    std::string t = CleanPlanText(c.Text());
    if (t.empty()) continue;
    if (utf8::Length(t) > kMaxHeaderCell || IsAmountCell(c) ||
        plan_.MatchDimension(t)) {
      return false;
    }
    if (!HeaderYear(t) && headers_.Classify(t) == ColumnRole::kNone) {
      return false;
    }
    any = true;
  }
  return any;
}

bool BudgetTableReader::FindLayout(const Table& table, Layout* layout,
                                   size_t* first_data_row) const {
  Layout l;
  l.columns = table.columns;
  size_t rows = 0;
  // A header may take two rows: "งบประมาณ (บาท)" over the years, or the
  // years under a spanning "งบประมาณ".
  for (size_t r = 0; r < std::min<size_t>(3, table.rows.size()); ++r) {
    const TableRow& row = table.rows[r];
    if (!IsHeaderLike(row)) break;
    for (size_t c = 0; c < row.cells.size(); ++c) {
      std::string t = row.cells[c].Text();
      int col = static_cast<int>(c);
      if (std::optional<int> y = HeaderYear(t)) {
        bool known =
            std::any_of(l.years.begin(), l.years.end(),
                        [col](const auto& p) { return p.first == col; });
        if (!known) l.years.push_back({col, *y});
        continue;
      }
      switch (headers_.Classify(t)) {
        case ColumnRole::kDimension:
          l.dimension = col;
          break;
        case ColumnRole::kMission:
          l.mission = col;
          break;
        case ColumnRole::kMeasure:
          l.project = col;
          break;
        case ColumnRole::kRemark:
          l.remark = col;
          break;
        default:
          break;
      }
    }
    rows = r + 1;
  }
  if (rows == 0 || l.years.size() < 2 || l.project < 0) return false;
  std::sort(l.years.begin(), l.years.end());
  *layout = l;
  *first_data_row = rows;
  return true;
}

void BudgetTableReader::AddParagraph(const Paragraph& paragraph) {
  std::string t = CleanPlanText(paragraph.text);
  if (t.empty() || plan_.IsNoise(t)) return;
  continues_ = false;
}

bool BudgetTableReader::AddTable(const Table& table) {
  Layout layout;
  size_t first = 0;
  int offset = 0;
  if (FindLayout(table, &layout, &first)) {
    layout_ = layout;  // also a header repeated on the next page
    continues_ = true;
  } else {
    if (!layout_ || !continues_) return false;
    int missing = layout_->columns - table.columns;
    int years = static_cast<int>(layout_->years.size());
    if (missing > kMaxShift + 1 || missing < -1 || table.columns <= years) {
      continues_ = false;
      return false;
    }
    // A narrower continuation lacks the merged leftmost columns.
    offset = std::max(0, missing);
  }
  bool after_break = true;
  for (size_t r = first; r < table.rows.size() && layout_; ++r) {
    if (IsHeaderLike(table.rows[r])) {
      after_break = true;
      continue;
    }
    AddRow(table.rows[r], offset, after_break);
    after_break = false;
  }
  return true;
}

int BudgetTableReader::RowShift(const TableRow& row, int offset) const {
  const std::vector<Cell>& cells = row.cells;
  const int n = static_cast<int>(cells.size());
  for (int a = 0; a < n; ++a) {
    if (!IsAmountCell(cells[a])) continue;
    int t = a - 1;
    while (t >= 0 && cells[t].Empty()) --t;
    // A mission heading right before the amounts: the project is missing
    // (cut by a page), nothing to align on.
    std::string mission;
    int d = 0;
    if (t >= 0 && !IsAmountCell(cells[t]) &&
        !LastMission(cells[t].Text(), &mission, &d) &&
        std::abs(layout_->project - t - offset) <= kMaxShift) {
      return layout_->project - t;
    }
    break;
  }
  return offset;
}

void BudgetTableReader::AddRow(const TableRow& row, int offset,
                               bool after_break) {
  for (const Cell& c : row.cells) {
    if (c.Empty()) continue;
    TotalRow kind = plan_.MatchTotal(c.Text());
    if (kind != TotalRow::kNone) {
      AddTotal(row, static_cast<size_t>(&c - row.cells.data()), kind);
      return;
    }
    break;
  }
  const Layout& l = *layout_;
  const int shift = RowShift(row, offset);
  auto at = [&row, shift](int col) -> const Cell* {
    int i = col - shift;
    bool inside = col >= 0 && i >= 0 && i < static_cast<int>(row.cells.size());
    return inside ? &row.cells[static_cast<size_t>(i)] : nullptr;
  };
  for (int col = 0; col < l.project; ++col) {
    const Cell* c = at(col);
    if (c == nullptr || c->Empty()) continue;
    if (std::optional<int> d = plan_.MatchDimension(c->Text())) {
      dimension_ = *d;
      mission_.clear();
    }
  }
  if (const Cell* c = at(l.mission);
      c != nullptr && !c->Empty() && !plan_.MatchDimension(c->Text())) {
    AddMission(c->Text());
  }
  // The amounts: one value per amount paragraph of each year cell.
  std::vector<std::vector<int64_t>> values(l.years.size());
  for (size_t y = 0; y < l.years.size(); ++y) {
    if (const Cell* c = at(l.years[y].first)) {
      for (const Paragraph& p : c->paragraphs) {
        for (int64_t v : Amounts(p.text)) values[y].push_back(v);
      }
    }
  }
  bool has_amounts = std::any_of(values.begin(), values.end(),
                                 [](const auto& v) { return !v.empty(); });
  if (const Cell* c = at(l.project); c != nullptr && !c->Empty()) {
    AddProjects(*c, row, after_break, has_amounts);
  }
  AssignAmounts(values, at(l.remark), row.prov);
}

void BudgetTableReader::AddMission(const std::string& cell_text) {
  std::string mission;
  int d = 0;
  if (LastMission(cell_text, &mission, &d)) {
    mission_ = mission;
    if (dimension_ == 0) dimension_ = d;
    return;
  }
  // The heading continues (after a page break): the lines already read
  // under it get the whole heading too.
  std::string longer = JoinWrapped(mission_, CleanPlanText(cell_text));
  for (BudgetLine& line : result_.lines) {
    if (line.dimension == dimension_ && line.mission == mission_) {
      line.mission = longer;
    }
  }
  mission_ = longer;
}

void BudgetTableReader::AssignAmounts(
    const std::vector<std::vector<int64_t>>& values, const Cell* remark,
    const Provenance& prov) {
  const Layout& l = *layout_;
  size_t slots = 0;
  for (const auto& v : values) slots = std::max(slots, v.size());
  // The j-th amount of each year cell is the j-th waiting project's.
  for (size_t j = 0; j < slots; ++j) {
    if (pending_.empty()) {
      result_.issues.push_back(
          Issue{"budget_table", prov.page, "budget_amounts_without_project",
                "budget table: amounts without a project" + Where(prov)});
      return;
    }
    BudgetLine& line = result_.lines[pending_.front()];
    pending_.pop_front();
    for (size_t y = 0; y < l.years.size(); ++y) {
      if (j < values[y].size()) line.by_year[l.years[y].second] = values[y][j];
    }
    if (remark != nullptr && j < remark->paragraphs.size()) {
      line.remark = CleanPlanText(remark->paragraphs[j].text);
    }
  }
}

BudgetTableResult BudgetTableReader::Finish() {
  for (const BudgetLine& line : result_.lines) {
    if (line.project.empty()) {
      result_.issues.push_back(
          Issue{"budget_table", line.prov.page, "budget_project_without_name",
                "budget table: a project number without its name" +
                    Where(line.prov)});
    }
  }
  return std::move(result_);
}

void BudgetTableReader::AddProjects(const Cell& cell, const TableRow& row,
                                    bool after_break, bool row_has_amounts) {
  std::vector<std::string> names = SplitListItems(cell.paragraphs);
  // The first row after a page break may finish the name cut there.
  if (after_break && !result_.lines.empty() && !names.empty() &&
      !StartsWithListMarker(cell.paragraphs.front().text)) {
    BudgetLine& last =
        unnamed_ ? result_.lines[*unnamed_] : result_.lines.back();
    last.project = JoinWrapped(last.project, CleanPlanText(names.front()));
    names.erase(names.begin());
  }
  unnamed_.reset();
  // "... ๒." at the end of the cell: project ๒'s name is on the next page.
  static const Regex kDangling(R"((?:^|\s)[0-9๐-๙]{1,2}\.$)");
  bool dangling =
      kDangling.PartialMatch(CleanPlanText(cell.paragraphs.back().text));
  if (dangling) names.emplace_back();
  if (names.empty()) return;
  // Projects printed with their own amounts replace those still waiting
  // (these stay blank); projects whose amounts follow queue up after them.
  if (row_has_amounts) pending_.clear();
  for (size_t i = 0; i < names.size(); ++i) {
    BudgetLine line;
    line.dimension = dimension_;
    line.mission = mission_;
    line.project = CleanPlanText(names[i]);
    for (const auto& [col, year] : layout_->years) {
      line.by_year[year] = std::nullopt;
    }
    line.prov = row.prov;
    if (cell.paragraphs.size() == names.size()) {
      const Provenance& p = cell.paragraphs[i].prov;
      if (p.line > 0 || !p.bbox.empty()) line.prov = p;
    }
    pending_.push_back(result_.lines.size());
    result_.lines.push_back(std::move(line));
  }
  if (dangling) unnamed_ = result_.lines.size() - 1;
}

void BudgetTableReader::AddTotal(const TableRow& row, size_t label_cell,
                                 TotalRow kind) {
  BudgetTotal total;
  if (kind == TotalRow::kGrand) {
    total.dimension = 0;
  } else {
    ++totals_seen_;
    total.dimension = dimension_ > 0 ? dimension_ : totals_seen_;
  }
  // In order after the label and the count: exports shift these cells.
  std::vector<int64_t> values;
  for (size_t i = label_cell + 1; i < row.cells.size(); ++i) {
    std::string t = row.cells[i].Text();
    if (t.empty() || plan_.IsCount(t)) continue;
    for (int64_t v : Amounts(t)) values.push_back(v);
  }
  for (size_t y = 0; y < layout_->years.size(); ++y) {
    int year = layout_->years[y].second;
    total.stated[year] =
        y < values.size() ? std::optional(values[y]) : std::nullopt;
  }
  total.prov = row.prov;
  result_.totals.push_back(std::move(total));
  pending_.clear();
  if (kind == TotalRow::kGrand) continues_ = false;  // the table ends here
}

}  // namespace raingan
