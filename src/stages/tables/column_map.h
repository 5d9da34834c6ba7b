// ColumnMap: which role each column of a table plays, read from the
// table's header row(s) with the HeaderLexicon.
#ifndef RAINGAN_STAGES_TABLES_COLUMN_MAP_H_
#define RAINGAN_STAGES_TABLES_COLUMN_MAP_H_

#include <optional>
#include <string>
#include <vector>

#include "dates/month_columns.h"
#include "lexicon/header_roles.h"
#include "model/document.h"

namespace raingan {

struct ColumnMap {
  std::vector<ColumnRole> roles;          // one per column
  std::vector<std::string> header_texts;  // the header wording per column
  // The second header row's wording per column (empty when the header has
  // one row), to recognize that row when the header repeats on a page.
  std::vector<std::string> sub_header_texts;
  // A spanning "ระยะเวลา" over "เริ่มต้น | สิ้นสุด": the period's start and
  // end sit in their own columns and are read as one range.
  bool period_range = false;

  // Gantt tables: the dates of each kMonth column (nullopt elsewhere, and
  // for a month column whose year could not be known).
  std::vector<std::optional<dates::MonthSpan>> month_spans;

  bool Has(ColumnRole role) const;
  int Count(ColumnRole role) const;
  // A measure table: a measure column plus at least two of method, owner,
  // period, output, outcome. Risk, budget and score tables are not.
  bool IsMeasureTable() const;
  // Same roles in the same columns: the same table continued (repeated
  // header on the next page, or the next table of the same form).
  bool SameLayout(const ColumnMap& other) const;
};

// Evidence that a row is a header: most non-empty cells are short and name
// a role, and at least `min_roles` distinct roles appear.
bool IsHeaderRow(const TableRow& row, const HeaderLexicon& lexicon,
                 int min_roles = 3);

// Roles of `row`'s cells (kNone for empty or unknown cells).
std::vector<ColumnRole> ClassifyRow(const TableRow& row,
                                    const HeaderLexicon& lexicon);

// Looks for the header among the first rows of `table`. On success sets
// *map and *first_data_row (the row after the header rows) and returns
// true. A second header row refines the first (a spanning "ผลการดำเนินงาน"
// over "ผลผลิต | ผลลัพธ์"): a child column takes its own role when its
// label names one, else its parent's ("ระยะเวลา" over "เริ่มต้น | สิ้นสุด"
// gives two period columns, read as one range). A parent is a cell that
// spans (col_span, or empty cells after it in a text export) the columns
// whose labels the second row holds.
bool FindHeader(const Table& table, const HeaderLexicon& lexicon,
                ColumnMap* map, size_t* first_data_row);

// Folds `sub`, when it is the second row of a header whose first row is
// `top`, into *map (built from `top`); false (map untouched) otherwise.
bool RefineWithSubHeader(const TableRow& top, const TableRow& sub,
                         const HeaderLexicon& lexicon, ColumnMap* map);

// The month or quarter columns of a row of month headers ("ต.ค. ๖๗" |
// "พ.ย. ๖๗" | ...), one entry per cell; nullopt unless at least two cells
// are month columns and every other non-empty cell is a short label.
std::optional<std::vector<std::optional<dates::MonthColumn>>> ReadMonthRow(
    const TableRow& row, const dates::PeriodLexicon& lexicon);

// Makes the month columns of `months` kMonth columns of `map`, their header
// text the month as written, their dates resolved with `fiscal_year_be`
// (0 = unknown: from the years the headers write).
void ApplyMonthRow(const TableRow& row,
                   const std::vector<std::optional<dates::MonthColumn>>& months,
                   int fiscal_year_be, ColumnMap* map);

// True if `row` repeats the header described by `map` (a header repeated
// at a page break).
bool RepeatsHeader(const TableRow& row, const ColumnMap& map,
                   const HeaderLexicon& lexicon);

}  // namespace raingan

#endif  // RAINGAN_STAGES_TABLES_COLUMN_MAP_H_
