// MeasureBuilder: turns the data rows of one logical measure table into
// Measure records, handling the ways real reports break rows:
//
//   sub-row        empty measure cell, its own method/owner/period
//                  → its own record; measure and id carried down
//   continuation   a row cut by a page break: only output/outcome (or a
//                  list's tail) filled, or the same measure repeated right
//                  after a repeated header → merged into the record it
//                  continues; a cut item is joined, identical items are not
//                  duplicated
#ifndef RAINGAN_STAGES_TABLES_MEASURE_BUILDER_H_
#define RAINGAN_STAGES_TABLES_MEASURE_BUILDER_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "dates/period.h"
#include "lexicon/header_roles.h"
#include "lexicon/model_store.h"
#include "model/document.h"
#include "stages/sections/section_matcher.h"
#include "stages/tables/column_map.h"
#include "stages/tables/owners.h"

namespace raingan {

// What the measure_tables stage reads from models/: header wording, unit
// prefixes, section headings and the period grammar.
struct MeasureTableModels {
  std::shared_ptr<const HeaderLexicon> headers;
  std::shared_ptr<const UnitLexicon> units;
  std::shared_ptr<const SectionMatcher> sections;
  std::shared_ptr<const dates::PeriodParser> periods;

  static Result<MeasureTableModels> Load(ModelStore* models);
};

class MeasureBuilder {
 public:
  // `table_index` is the 1-based logical table number for provenance.
  MeasureBuilder(const MeasureTableModels& models, ColumnMap map,
                 int table_index);

  // Adds one data row. `after_break` is true when a page break, a table
  // boundary or a repeated header came between this row and the previous
  // data row: only then may a row continue the previous record — and a
  // row naming a measure only when it is on a later page than the previous
  // data row (a measure cell is cut by a page break, not by a header or a
  // table boundary in mid-page).
  void AddRow(const TableRow& row, const std::string& section,
              bool after_break);

  const ColumnMap& map() const { return map_; }
  // How the rows added next were found ("ruled", "aligned", "delimited").
  void set_table_kind(std::string_view kind) { table_kind_ = kind; }
  // The numbering shape of the measures of the document's tables before
  // this one ("9.9", "(9)"; "" if none): a first row whose number OCR
  // misread is told by it. style() is this table's, else that one.
  void set_earlier_style(std::string style) {
    earlier_style_ = std::move(style);
  }
  const std::string& style() const {
    return last_style_.empty() ? earlier_style_ : last_style_;
  }
  // Data rows added so far.
  int data_rows() const { return data_rows_; }
  // The records, with their warnings (no measure name, low OCR confidence)
  // decided now that no row can continue them.
  std::vector<Measure> TakeMeasures();

 private:
  // The cell contents of one row, by role.
  struct RowFields {
    std::vector<Paragraph> measure, method, owner, period, output, outcome,
        recommendation, budget, seq;
    std::vector<std::pair<std::string, std::vector<Paragraph>>> extra;
    // Start and end columns: the row's period text starts in the end
    // column (the start went before a page break).
    bool period_from_end = false;
    std::vector<int> ticked_months;  // month columns with a mark
    double confidence = 1.0;
    std::map<std::string, double> field_confidence;  // below 1 only
  };

  RowFields Collect(const TableRow& row) const;
  Measure NewRecord(const RowFields& f, const TableRow& row,
                    const std::string& section, const std::string& id,
                    const std::string& name);
  void Merge(const RowFields& f, bool cut_by_break, Measure* into) const;
  bool IsCompleteSubRow(const RowFields& f) const;
  // Period text and runs from the ticked month columns of a record.
  void SetTickedPeriod(Period* period) const;
  // The number the next measure should carry: one more than the last
  // measure with a plain number, counting those after it; 0 if none.
  int ExpectedNumber() const;

  const MeasureTableModels& models_;
  ColumnMap map_;
  int table_index_;
  int data_rows_ = 0;
  int last_page_ = 0;  // of the previous data row; 0 = not paged
  std::string table_kind_;
  // Numbering shape of the measure that started the last record.
  std::string last_style_;
  std::string earlier_style_;
  std::vector<Measure> measures_;
  // Per record: no row has given it a measure name yet.
  std::vector<bool> unnamed_;
};

// Appends `items` to `list`, skipping items already present; when
// `join_first` the first item continues the last one (a cut sentence).
void AppendItems(std::vector<std::string> items, bool join_first,
                 std::vector<std::string>* list);

}  // namespace raingan

#endif  // RAINGAN_STAGES_TABLES_MEASURE_BUILDER_H_
