#include "stages/tables/measure_tables_stage.h"

#include <memory>
#include <optional>
#include <utility>

#include "base/utf8.h"
#include "stages/tables/list_items.h"
#include "stages/tables/measure_builder.h"

namespace raingan {
namespace {

// Header rows are words: no numbering, no date, no digit at all. Data
// rows nearly always have some (a numbered measure or step, a year).
bool HasNoNumbers(const TableRow& row) {
  for (const Cell& cell : row.cells) {
    if (cell.covered || cell.Empty()) continue;
    std::string text = cell.Text();
    if (StartsWithListMarker(text)) return false;
    for (char32_t c : utf8::ToU32(text)) {
      if (utf8::IsDigit(c)) return false;
    }
  }
  return true;
}

// A header row may itself be cut by a page break (Word and LibreOffice let
// any row break across pages), leaving the header's last words at the top
// of the next page: "กิจกรรม" | "ที่ดำเนินการ", "ผู้รับผิดชอ" | "บ". Such a
// row has no numbers and is short as a whole. Only asked of the first row
// after a page-ending header, so a short data row elsewhere is never
// dropped.
bool LooksLikeHeaderTail(const TableRow& row) {
  constexpr size_t kMaxCellChars = 80;  // the longest header cells
  constexpr size_t kMaxRowChars = 200;
  size_t total = 0;
  for (const Cell& cell : row.cells) {
    if (cell.covered || cell.Empty()) continue;
    size_t length = utf8::Length(cell.Text());
    if (length > kMaxCellChars) return false;
    total += length;
  }
  return total > 0 && total <= kMaxRowChars && HasNoNumbers(row);
}

// A row whose one cell spans the whole table: a caption or a title. (A
// row of separate cells with only one filled is a cut row's tail.)
bool SpansTheTable(const TableRow& row) {
  int cells = 0;
  for (const Cell& cell : row.cells) cells += !cell.covered;
  return cells <= 1;
}

// The header cut by a page break, put back together: each cell of `head`
// followed by the same cell of `tail`.
TableRow JoinHeaderRows(const TableRow& head, const TableRow& tail) {
  TableRow joined = head;
  for (size_t c = 0; c < joined.cells.size() && c < tail.cells.size(); ++c) {
    if (tail.cells[c].covered || tail.cells[c].Empty()) continue;
    Cell& cell = joined.cells[c];
    std::string text = cell.Text() + tail.cells[c].Text();
    cell.paragraphs.resize(1);
    cell.paragraphs[0].text = text;
  }
  return joined;
}

int KnownRoles(const ColumnMap& map) {
  int known = 0;
  for (ColumnRole role : map.roles) known += role != ColumnRole::kNone;
  return known;
}

// The column map of a header made of `rows` (one or two header rows).
bool MapOfHeader(std::vector<TableRow> rows, int columns,
                 const HeaderLexicon& lexicon, ColumnMap* map,
                 size_t* header_rows) {
  Table header;
  header.columns = columns;
  header.rows = std::move(rows);
  return FindHeader(header, lexicon, map, header_rows) && *header_rows > 0;
}

// Walks the blocks of a document in reading order and feeds the rows of
// every measure table to a MeasureBuilder, one per logical table.
class TableWalker {
 public:
  TableWalker(const MeasureTableModels& models, Document* doc)
      : models_(models), doc_(doc) {}

  void Paragraph(const std::string& text) {
    if (std::optional<std::string> s = models_.sections->Match(text)) {
      Finish();
      section_ = *s;
    }
  }

  void Table(const raingan::Table& table) {
    const HeaderLexicon& lexicon = *models_.headers;
    size_t r = 0;
    ColumnMap map;
    if (table.rows.empty()) return;
    if (IsHeaderTail(table)) {
      // The rest of a header cut at the end of the previous page. Its
      // fragments ("ปฏิบัติ", "รับผิดชอบ") may themselves read as a weaker
      // header, so this is decided before looking for one.
      RefineHeader(table.rows[0]);
      r = 1;
    } else if (FindHeader(table, lexicon, &map, &r)) {
      TakeMonthRow(table, &map, &r);
      // Rows above the header: a caption, or — in a grid holding two
      // tables drawn edge to edge — the end of the row the previous page
      // cut, which must not be lost.
      ContinueAboveHeader(table, lexicon);
      if (!StartTable(map, table.rows[r - 1])) return;
    } else if (!current_ ||
               table.columns !=
                   static_cast<int>(current_->map().roles.size())) {
      // A table without a header that does not continue a measure table:
      // not ours (signatures, scores, photos).
      Finish();
      return;
    }
    current_->set_table_kind(TableKindName(table.kind));
    // Every table boundary may cut a row in two.
    bool after_break = true;
    header_ended_page_ = r == table.rows.size();
    for (; r < table.rows.size(); ++r) {
      const TableRow& row = table.rows[r];
      if (RepeatsHeader(row, current_->map(), lexicon) ||
          IsMonthRowOf(row, current_->map())) {
        after_break = true;
        header_ended_page_ = r + 1 == table.rows.size();
        last_header_ = row;
        continue;
      }
      if (HasNoNumbers(row) && IsHeaderRow(row, lexicon)) {
        // Another table's header inside this grid: two tables drawn edge
        // to edge with matching column lines.
        std::vector<TableRow> rows(
            table.rows.begin() + static_cast<std::ptrdiff_t>(r),
            table.rows.begin() + static_cast<std::ptrdiff_t>(
                                     std::min(r + 2, table.rows.size())));
        size_t header_rows = 0;
        if (MapOfHeader(std::move(rows), table.columns, lexicon, &map,
                        &header_rows)) {
          TakeMonthRow(table, &map, &r, &header_rows);
          if (!StartTable(map, table.rows[r + header_rows - 1])) return;
          r += header_rows - 1;
          after_break = true;
          header_ended_page_ = r + 1 == table.rows.size();
          continue;
        }
      }
      const TableRow* next =
          r + 1 < table.rows.size() ? &table.rows[r + 1] : nullptr;
      if (std::optional<std::string> s = SectionRow(row, after_break, next)) {
        // A group heading inside the table: the section of the rows below.
        // It ends no record and starts no table; a cut row's tail may still
        // follow it only where a page break does.
        section_ = *s;
        header_ended_page_ = false;
        continue;
      }
      current_->AddRow(row, section_, after_break);
      after_break = false;
      header_ended_page_ = false;
    }
  }

  void Finish() {
    if (!current_) return;
    earlier_style_ = current_->style();
    for (Measure& m : current_->TakeMeasures()) {
      doc_->measures.push_back(std::move(m));
    }
    current_.reset();
    header_ended_page_ = false;
  }

 private:
  // A Gantt table: the row of month or quarter columns under the header
  // (at table.rows[*r], the row after the header) becomes part of it.
  // `header_rows`, when given, counts header rows from `*r` instead.
  void TakeMonthRow(const raingan::Table& table, ColumnMap* map, size_t* r,
                    size_t* header_rows = nullptr) const {
    size_t at = header_rows ? *r + *header_rows : *r;
    // The months may already have been read as the header's second row
    // (a parent header over children): they are month columns all the
    // same, and no start/end pair.
    const bool two_rows = header_rows ? *header_rows >= 2 : *r >= 2;
    if (at > 0 && two_rows && !map->sub_header_texts.empty()) {
      auto months =
          ReadMonthRow(table.rows[at - 1], models_.periods->lexicon());
      if (months) {
        ApplyMonthRow(table.rows[at - 1], *months, HeaderFiscalYear(*map), map);
        map->period_range = false;
        return;
      }
    }
    if (at >= table.rows.size()) return;
    auto months = ReadMonthRow(table.rows[at], models_.periods->lexicon());
    if (!months) return;
    ApplyMonthRow(table.rows[at], *months, HeaderFiscalYear(*map), map);
    if (header_rows) {
      ++*header_rows;
    } else {
      ++*r;
    }
  }

  // The fiscal year the month columns belong to: the one their parent
  // header names ("ระยะเวลาดำเนินการ ปีงบประมาณ พ.ศ. ๒๕๖๘"), else the
  // document's when it covers one year; 0 when neither says.
  int HeaderFiscalYear(const ColumnMap& map) const {
    for (const std::string& text : map.header_texts) {
      if (text.empty()) continue;
      dates::PeriodResult parsed = models_.periods->Parse(text);
      if (parsed.fiscal_years.size() == 1) return parsed.fiscal_years[0];
    }
    const FiscalYearSpan& fy = doc_->info.fiscal_year;
    return fy.be > 0 && fy.be == fy.be_end ? fy.be : 0;
  }

  // The month row of the current Gantt table, repeated after a page break.
  bool IsMonthRowOf(const TableRow& row, const ColumnMap& map) const {
    if (!map.Has(ColumnRole::kMonth)) return false;
    auto months = ReadMonthRow(row, models_.periods->lexicon());
    if (!months) return false;
    for (size_t c = 0; c < months->size() && c < map.roles.size(); ++c) {
      if ((*months)[c] && map.roles[c] != ColumnRole::kMonth) return false;
    }
    return true;
  }

  // Starts a logical table under the header `map` (unless it continues the
  // current one). False when the header is not a measure table's.
  bool StartTable(const ColumnMap& map, const TableRow& header_row) {
    last_header_ = header_row;
    if (!map.IsMeasureTable()) {
      Finish();
      return false;
    }
    if (!current_ || !current_->map().SameLayout(map)) {
      Finish();
      current_.emplace(models_, map, ++tables_);
      current_->set_earlier_style(earlier_style_);
    }
    return true;
  }

  void ContinueAboveHeader(const raingan::Table& table,
                           const HeaderLexicon& lexicon) {
    if (!current_ ||
        table.columns != static_cast<int>(current_->map().roles.size())) {
      return;
    }
    bool after_break = true;
    current_->set_table_kind(TableKindName(table.kind));
    for (const TableRow& row : table.rows) {
      if (IsHeaderRow(row, lexicon)) return;
      if (SpansTheTable(row)) continue;  // a caption
      current_->AddRow(row, section_, after_break);
      after_break = false;
    }
  }

  // The section a row names when it is a group heading: only its first
  // cell filled, and that cell a section heading ("ด้านที่ ๑ …", "มิติที่ ๒ …",
  // models/section_markers.tsv), a cell merged across the whole table, or
  // an unnumbered name followed by a numbered measure. Right after a page
  // break an unmarked first cell is the tail of a cut measure name, so
  // there only the marker or the merge decides.
  std::optional<std::string> SectionRow(const TableRow& row, bool after_break,
                                        const TableRow* next) const {
    if (row.cells.empty() || row.cells[0].covered || row.cells[0].Empty()) {
      return std::nullopt;
    }
    for (size_t c = 1; c < row.cells.size(); ++c) {
      if (!row.cells[c].covered && !row.cells[c].Empty()) return std::nullopt;
    }
    std::string text = row.cells[0].Text();
    if (std::optional<std::string> s = models_.sections->Match(text)) return s;
    if (!ReadNumbering(text).id.empty() || row.cells.size() < 2) {
      return std::nullopt;
    }
    if (row.cells[0].col_span >= static_cast<int>(row.cells.size())) {
      return text;
    }
    bool next_numbered = next != nullptr && !next->cells.empty() &&
                         !next->cells[0].covered &&
                         !ReadNumbering(next->cells[0].Text()).id.empty();
    if (!after_break && next_numbered) return text;
    return std::nullopt;
  }

  bool IsHeaderTail(const raingan::Table& table) const {
    return header_ended_page_ && current_ &&
           table.columns == static_cast<int>(current_->map().roles.size()) &&
           LooksLikeHeaderTail(table.rows[0]);
  }

  // A header cut in two was mapped from its first part alone ("ช่วง",
  // "ผู้"); map it again from both parts while no data row has used it.
  void RefineHeader(const TableRow& tail) {
    if (current_->data_rows() > 0) return;
    ColumnMap map;
    size_t header_rows = 0;
    if (MapOfHeader({JoinHeaderRows(last_header_, tail)},
                    static_cast<int>(tail.cells.size()), *models_.headers, &map,
                    &header_rows) &&
        map.IsMeasureTable() && KnownRoles(map) > KnownRoles(current_->map())) {
      current_.emplace(models_, map, tables_);
      current_->set_earlier_style(earlier_style_);
    }
  }

  const MeasureTableModels& models_;
  Document* doc_;
  std::string section_;
  std::optional<MeasureBuilder> current_;
  // The numbering shape of the last logical table finished.
  std::string earlier_style_;
  int tables_ = 0;
  // The last table ended with a header row and no data after it.
  bool header_ended_page_ = false;
  TableRow last_header_;
};

class MeasureTablesStage : public Stage {
 public:
  explicit MeasureTablesStage(MeasureTableModels models)
      : models_(std::move(models)) {}

  std::string_view name() const override { return "measure_tables"; }

  Status Run(Document* doc) const override {
    TableWalker walker(models_, doc);
    for (const Page& page : doc->pages) {
      for (const Block& block : page.blocks) {
        if (block.type == BlockType::kParagraph) {
          walker.Paragraph(block.text.text);
        } else {
          walker.Table(block.table);
        }
      }
    }
    walker.Finish();
    return Status::Ok();
  }

 private:
  MeasureTableModels models_;
};

}  // namespace

Result<std::unique_ptr<Stage>> NewMeasureTablesStage(ModelStore* models) {
  RAINGAN_ASSIGN_OR_RETURN(MeasureTableModels m,
                           MeasureTableModels::Load(models));
  return std::unique_ptr<Stage>(
      std::make_unique<MeasureTablesStage>(std::move(m)));
}

}  // namespace raingan
