#include "stages/tables/column_map.h"

#include <algorithm>
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

}  // namespace

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
    // A second, refining header row: short labels, at least one role, and
    // no cell that reads as data.
    std::vector<ColumnRole> sub;
    if (next < table.rows.size()) sub = ClassifyRow(table.rows[next], lexicon);
    // At least two labelled columns: one short labelled cell is more likely
    // the tail of a row cut by the page break ("ประจำปีงบประมาณ ๒๕๖๘").
    int labelled = static_cast<int>(
        sub.size() - std::count(sub.begin(), sub.end(), ColumnRole::kNone));
    // Numbered cells ("๕.๑ มาตรการ" | "๑.จัดประชุม") are the first line of
    // a data row wrapped to a word or two, not labels.
    if (labelled >= 2 && !AnyCellNumbered(table.rows[next]) &&
        AllCellsShort(table.rows[next], kMaxSubHeaderCellLength) &&
        IsHeaderRow(table.rows[next], lexicon, /*min_roles=*/1)) {
      for (size_t c = 0; c < sub.size() && c < m.roles.size(); ++c) {
        if (sub[c] == ColumnRole::kNone) continue;
        // Keep a specific first-row role (a "ปี ๒๕๖๖" year column above
        // "งบประมาณ (บาท)"), refine a generic or missing one.
        if (m.roles[c] == ColumnRole::kNone || IsResultRole(sub[c])) {
          m.roles[c] = sub[c];
          const std::string t = table.rows[next].cells[c].Text();
          m.header_texts[c] =
              m.header_texts[c].empty() ? t : m.header_texts[c] + " " + t;
        }
      }
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
