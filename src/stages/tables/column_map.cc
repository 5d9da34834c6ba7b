#include "stages/tables/column_map.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/utf8.h"
#include "stages/tables/list_items.h"

namespace raingan {
namespace {

// Header cells are labels; a long cell is data ("ผลการดำเนินการ: ได้จัด...").
constexpr size_t kMaxHeaderCellLength = 160;
// A second header row refines the first with short labels ("ผลผลิต",
// "งบประมาณ (บาท)"); a longer cell there is the first data row.
constexpr size_t kMaxSubHeaderCellLength = 40;

bool AllCellsShort(const TableRow& row, size_t limit) {
  for (const Cell& c : row.cells) {
    if (!c.covered && utf8::Length(c.Text()) > limit) return false;
  }
  return true;
}

bool IsResultRole(ColumnRole r) {
  return r == ColumnRole::kMethod || r == ColumnRole::kOwner ||
         r == ColumnRole::kPeriod || r == ColumnRole::kOutput ||
         r == ColumnRole::kOutcome;
}

// Month columns give the period.
ColumnRole AsResultRole(ColumnRole r) {
  return r == ColumnRole::kMonth ? ColumnRole::kPeriod : r;
}

bool AnyCellNumbered(const TableRow& row) {
  for (const Cell& c : row.cells) {
    if (!c.covered && StartsWithListMarker(c.Text())) return true;
  }
  return false;
}

bool Blank(const Cell& c) { return c.covered || c.Empty(); }

bool HasDigit(std::string_view text) {
  for (char32_t c : utf8::ToU32(text)) {
    if (utf8::IsDigit(c)) return true;
  }
  return false;
}

// The parent of each column of a two-row header: for a column under a
// cell that spans it (the cell itself, or a covered or empty cell after
// it whose column the second row labels), the spanning cell's column;
// -1 for columns under a cell of their own.
std::vector<int> SpanningParents(const TableRow& top, const TableRow& sub) {
  size_t n = std::min(top.cells.size(), sub.cells.size());
  std::vector<int> parent(n, -1);
  for (size_t c = 0; c < n; ++c) {
    if (Blank(top.cells[c]) || Blank(sub.cells[c])) continue;
    size_t end = c + 1;
    // Some exporters repeat a merged cell's text in every column it spans.
    const std::string parent_text = HeaderLexicon::Fold(top.cells[c].Text());
    auto spanned = [&](size_t k) {
      return Blank(top.cells[k]) ||
             HeaderLexicon::Fold(top.cells[k].Text()) == parent_text;
    };
    while (end < n && spanned(end) && !Blank(sub.cells[end])) ++end;
    size_t span = std::max<size_t>(
        end - c, static_cast<size_t>(std::max(1, top.cells[c].col_span)));
    if (span < 2) continue;
    for (size_t k = c; k < c + span && k < n; ++k) {
      parent[k] = static_cast<int>(c);
    }
    c += span - 1;
  }
  return parent;
}

}  // namespace

// Folds a second header row into `m` (built from `top`). Two shapes count
// as a second header row: labels under the cells of a spanning parent
// (structure decides, the labels may be unknown words: "เริ่มต้น"), or at
// least two short labels naming roles (a lexicon refinement of the first
// row). Either way no cell may read as data: numbered, a digit, long.
bool RefineWithSubHeader(const TableRow& top, const TableRow& sub_row,
                         const HeaderLexicon& lexicon, ColumnMap* m) {
  // A cell spanning both rows whose text the exporter repeated in the
  // second row ("มาตรการ" | "มาตรการ") is the same cell, not a label.
  TableRow sub = sub_row;
  for (size_t c = 0; c < sub.cells.size() && c < top.cells.size(); ++c) {
    if (!Blank(sub.cells[c]) && !Blank(top.cells[c]) &&
        HeaderLexicon::Fold(sub.cells[c].Text()) ==
            HeaderLexicon::Fold(top.cells[c].Text())) {
      sub.cells[c].covered = true;
    }
  }
  if (AnyCellNumbered(sub) || !AllCellsShort(sub, kMaxSubHeaderCellLength)) {
    return false;
  }
  std::vector<ColumnRole> roles = ClassifyRow(sub, lexicon);
  std::vector<int> parent = SpanningParents(top, sub);
  int labels = 0, under_parent = 0;
  bool digits = false;
  for (size_t c = 0; c < sub.cells.size(); ++c) {
    if (Blank(sub.cells[c])) continue;
    ++labels;
    digits = digits || HasDigit(sub.cells[c].Text());
    if (c < parent.size() && parent[c] >= 0) ++under_parent;
  }
  bool structural = labels >= 2 && under_parent == labels && !digits;
  // At least two labelled columns: one short labelled cell is more likely
  // the tail of a row cut by the page break ("ประจำปีงบประมาณ ๒๕๖๘").
  int labelled = static_cast<int>(
      roles.size() - std::count(roles.begin(), roles.end(), ColumnRole::kNone));
  bool lexical = labelled >= 2 && IsHeaderRow(sub, lexicon, /*min_roles=*/1);
  if (!structural && !lexical) return false;

  std::vector<ColumnRole> parent_roles = m->roles;
  std::map<int, int> period_children;
  m->sub_header_texts.assign(m->roles.size(), "");
  for (size_t c = 0; c < roles.size() && c < m->roles.size(); ++c) {
    if (Blank(sub.cells[c])) continue;
    const std::string t = sub.cells[c].Text();
    m->sub_header_texts[c] = t;
    int p = structural && c < parent.size() ? parent[c] : -1;
    ColumnRole role = roles[c];
    if (role == ColumnRole::kNone && p >= 0) role = parent_roles[p];
    if (role == ColumnRole::kNone) continue;
    // Keep a specific first-row role (a "ปี ๒๕๖๖" year column above
    // "งบประมาณ (บาท)"), refine a generic or missing one; a parent's
    // children always take their own.
    if (p >= 0 || m->roles[c] == ColumnRole::kNone || IsResultRole(role)) {
      m->roles[c] = role;
      std::string head = p >= 0 ? top.cells[p].Text() : m->header_texts[c];
      m->header_texts[c] = head.empty() ? t : head + " " + t;
      if (role == ColumnRole::kPeriod && p >= 0) ++period_children[p];
    }
  }
  for (const auto& [p, n] : period_children) {
    if (n >= 2) m->period_range = true;
  }
  return true;
}

bool ColumnMap::Has(ColumnRole role) const { return Count(role) > 0; }

int ColumnMap::Count(ColumnRole role) const {
  return static_cast<int>(std::count(roles.begin(), roles.end(), role));
}

bool ColumnMap::IsMeasureTable() const {
  if (!Has(ColumnRole::kMeasure)) return false;
  std::set<ColumnRole> others;
  for (ColumnRole r : roles) {
    if (IsResultRole(AsResultRole(r))) others.insert(AsResultRole(r));
  }
  return others.size() >= 2;
}

bool ColumnMap::SameLayout(const ColumnMap& other) const {
  if (roles.size() != other.roles.size()) return false;
  // The same table on the next page, possibly with a header cell that OCR
  // or wrapping made unreadable: no column may change role, and at least
  // three must be recognized in both.
  int agree = 0;
  for (size_t c = 0; c < roles.size(); ++c) {
    if (roles[c] == ColumnRole::kNone || other.roles[c] == ColumnRole::kNone) {
      continue;
    }
    if (roles[c] != other.roles[c]) return false;
    ++agree;
  }
  return agree >= 3;
}

std::vector<ColumnRole> ClassifyRow(const TableRow& row,
                                    const HeaderLexicon& lexicon) {
  std::vector<ColumnRole> roles;
  for (const Cell& c : row.cells) {
    roles.push_back(c.covered ? ColumnRole::kNone : lexicon.Classify(c.Text()));
  }
  return roles;
}

bool IsHeaderRow(const TableRow& row, const HeaderLexicon& lexicon,
                 int min_roles) {
  int nonempty = 0, classified = 0;
  std::set<ColumnRole> distinct;
  for (const Cell& c : row.cells) {
    if (c.covered || c.Empty()) continue;
    std::string text = c.Text();
    ++nonempty;
    if (utf8::Length(text) > kMaxHeaderCellLength) return false;
    ColumnRole r = lexicon.Classify(text);
    if (r != ColumnRole::kNone) {
      ++classified;
      distinct.insert(r);
    }
  }
  if (nonempty == 0) return false;
  return static_cast<int>(distinct.size()) >= min_roles &&
         classified * 10 >= nonempty * 6;
}

bool FindHeader(const Table& table, const HeaderLexicon& lexicon,
                ColumnMap* map, size_t* first_data_row) {
  // Captions (a spanning title row) may sit above the header.
  size_t limit = std::min<size_t>(table.rows.size(), 3);
  for (size_t i = 0; i < limit; ++i) {
    if (!IsHeaderRow(table.rows[i], lexicon)) continue;
    ColumnMap m;
    m.roles = ClassifyRow(table.rows[i], lexicon);
    for (const Cell& c : table.rows[i].cells)
      m.header_texts.push_back(c.Text());
    size_t next = i + 1;
    if (next < table.rows.size() &&
        RefineWithSubHeader(table.rows[i], table.rows[next], lexicon, &m)) {
      ++next;
    }
    // No measure column recognized but a clear results table: the first
    // unlabelled column names the measures.
    if (!m.Has(ColumnRole::kMeasure)) {
      std::set<ColumnRole> others;
      for (ColumnRole r : m.roles) {
        if (IsResultRole(r)) others.insert(r);
      }
      if (others.size() >= 3) {
        for (ColumnRole& r : m.roles) {
          if (r == ColumnRole::kNone) {
            r = ColumnRole::kMeasure;
            break;
          }
        }
      }
    }
    *map = std::move(m);
    *first_data_row = next;
    return true;
  }
  return false;
}

std::optional<std::vector<std::optional<dates::MonthColumn>>> ReadMonthRow(
    const TableRow& row, const dates::PeriodLexicon& lexicon) {
  std::vector<std::optional<dates::MonthColumn>> months(row.cells.size());
  int found = 0;
  for (size_t c = 0; c < row.cells.size(); ++c) {
    const Cell& cell = row.cells[c];
    if (cell.covered || cell.Empty()) continue;
    std::string text = cell.Text();
    months[c] = dates::ReadMonthColumn(text, lexicon);
    if (months[c]) {
      ++found;
    } else if (utf8::Length(text) > kMaxSubHeaderCellLength ||
               StartsWithListMarker(text)) {
      return std::nullopt;  // a data cell: this is a data row
    }
  }
  if (found < 2) return std::nullopt;
  return months;
}

void ApplyMonthRow(const TableRow& row,
                   const std::vector<std::optional<dates::MonthColumn>>& months,
                   int fiscal_year_be, ColumnMap* map) {
  size_t n = std::min(months.size(), map->roles.size());
  map->month_spans = dates::ResolveMonthColumns(months, fiscal_year_be);
  map->month_spans.resize(map->roles.size());
  for (size_t c = 0; c < n; ++c) {
    if (!months[c]) continue;
    map->roles[c] = ColumnRole::kMonth;
    map->header_texts[c] = row.cells[c].Text();
  }
}

bool RepeatsHeader(const TableRow& row, const ColumnMap& map,
                   const HeaderLexicon& lexicon) {
  // The same wording as the header in at least two columns (whitespace
  // aside: headers re-wrap differently on each page)...
  int same_text = 0, nonempty = 0;
  for (size_t c = 0; c < row.cells.size() && c < map.header_texts.size(); ++c) {
    if (row.cells[c].covered || row.cells[c].Empty()) continue;
    // Above the month columns stands their parent ("ระยะเวลาดำเนินการ"),
    // spanning them or repeated over each: not compared.
    if (map.roles[c] == ColumnRole::kMonth) continue;
    ++nonempty;
    std::string folded = HeaderLexicon::Fold(row.cells[c].Text());
    if (!folded.empty() && folded == HeaderLexicon::Fold(map.header_texts[c])) {
      ++same_text;
    }
  }
  if (same_text >= 2 && same_text * 2 >= nonempty) return true;
  // The second row of a two-row header, repeated with it.
  int same_sub = 0;
  for (size_t c = 0; c < row.cells.size() && c < map.sub_header_texts.size();
       ++c) {
    if (row.cells[c].covered || row.cells[c].Empty()) continue;
    std::string folded = HeaderLexicon::Fold(row.cells[c].Text());
    // A cell spanning both header rows may be repeated in the second.
    same_sub += !folded.empty() &&
                (folded == HeaderLexicon::Fold(map.sub_header_texts[c]) ||
                 (c < map.header_texts.size() &&
                  folded == HeaderLexicon::Fold(map.header_texts[c])));
  }
  if (same_sub >= 2 && same_sub == nonempty) return true;
  // ...or other wording that still names at least three roles in the
  // header's columns. Two roles are not enough: data cells mention
  // "ขั้นตอน" or "ผลสัมฤทธิ์" in running text.
  if (!IsHeaderRow(row, lexicon, /*min_roles=*/3)) return false;
  std::vector<ColumnRole> roles = ClassifyRow(row, lexicon);
  int agree = 0, disagree = 0;
  for (size_t c = 0; c < roles.size() && c < map.roles.size(); ++c) {
    if (roles[c] == ColumnRole::kNone) continue;
    if (map.roles[c] == ColumnRole::kMonth) continue;  // the parent, as above
    if (roles[c] == map.roles[c]) {
      ++agree;
    } else {
      ++disagree;
    }
  }
  return agree >= 3 && agree > disagree;
}

}  // namespace raingan
