// The one document model every backend writes and every stage reads.
//
//   Document
//   ├── SourceInfo           what was read (path, hash, format, page count)
//   ├── pages[]              layout, in reading order
//   │   └── blocks[]         paragraphs, headings and tables
//   │       └── Table → rows[] → cells[] → paragraphs[]
//   ├── info                 document-level facts (kind, organization, year)
//   ├── measures[]           the normalized records (see measure.h)
//   ├── plan                 extra structures of anti-corruption plans
//   ├── issues[]             things a user should know; never fatal
//   └── status               ok / partial / failed, set by the pipeline
//
// Backends (src/backends/*) fill `source` and `pages`; stages (src/stages/*)
// refine pages and fill `info`, `measures` and `plan`; only src/output/
// turns a Document into JSON. Every item carries a Provenance.
#ifndef RAINGAN_MODEL_DOCUMENT_H_
#define RAINGAN_MODEL_DOCUMENT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/geometry.h"
#include "model/issue.h"
#include "model/measure.h"
#include "model/plan.h"

namespace raingan {

// A run of text: a paragraph of running text, one line of a heading, a list
// item, or one paragraph inside a table cell. Text is UTF-8, NFC and
// whitespace-collapsed once the "normalize" stage has run.
struct Paragraph {
  std::string text;
  bool list_item = false;   // came from <li>, or starts with a bullet/number
  bool heading = false;     // markdown heading, bold title line, etc.
  double confidence = 1.0;  // OCR word confidence 0..1; 1 for text layers
  Provenance prov;
};

// One grid position of a table. Spanning cells appear once, at their
// top-left position, with row_span/col_span > 1; the positions they cover
// hold empty cells with covered = true, so every row has `columns` cells.
struct Cell {
  std::vector<Paragraph> paragraphs;
  int row_span = 1;
  int col_span = 1;
  bool covered = false;
  // Something drawn in the cell that is not text: a fill or shading, or a
  // line or arrow crossing it (Gantt tables mark months so).
  bool drawn_mark = false;
  Provenance prov;

  // Paragraph texts joined by single spaces.
  std::string Text() const;
  bool Empty() const;
  // Lowest paragraph confidence (1 when empty).
  double Confidence() const;
};

struct TableRow {
  std::vector<Cell> cells;
  Provenance prov;
};

// How a table's cells were found: from its ruling lines, from the
// alignment of its text (no borders, or only some), or from the delimiters
// of a text export (tabs, pipes).
enum class TableKind { kRuled, kAligned, kDelimited };

struct Table {
  int columns = 0;
  TableKind kind = TableKind::kRuled;
  std::vector<TableRow> rows;
  Provenance prov;
};

enum class BlockType { kParagraph, kTable };

// One item of a page in reading order. For kParagraph, `text` holds the
// content (text.heading marks headings); for kTable, `table` does.
struct Block {
  BlockType type = BlockType::kParagraph;
  Paragraph text;
  Table table;

  static Block MakeParagraph(Paragraph p) {
    Block b;
    b.type = BlockType::kParagraph;
    b.text = std::move(p);
    return b;
  }
  static Block MakeTable(Table t) {
    Block b;
    b.type = BlockType::kTable;
    b.table = std::move(t);
    return b;
  }
};

// How trustworthy a page's text layer is (PDF pages only).
struct TextLayerQuality {
  int chars = 0;           // non-space characters in the text layer
  int pua = 0;             // Private-Use-Area code points (legacy Thai fonts)
  int split_sara_am = 0;   // NIKHAHIT + SARA AA pairs
  int replacement = 0;     // U+FFFD: glyphs without a Unicode mapping
  bool needs_ocr = false;  // the OCR backend should read this page
  std::string reason;      // why needs_ocr is set
};

struct Page {
  int number = 0;                // 1-based; 0 for unpaged text exports
  double width = 0, height = 0;  // points
  std::vector<Block> blocks;     // reading order
  TextLayerQuality quality;
  bool ocr = false;  // the text of this page came from OCR
  // Clockwise degrees (0, 90, 180, 270) the scan was turned before it was
  // read: it was fed upside down or sideways. Boxes are in the turned
  // page's frame.
  int turned = 0;
};

enum class SourceFormat { kText, kPdf, kImage };

struct SourceInfo {
  std::string path;
  std::string sha256;
  SourceFormat format = SourceFormat::kText;
  int pages = -1;  // -1 = not paged (text exports)
};

enum class DocumentKind { kUnknown, kItaReport, kAnticorruptionPlan };

struct Organization {
  std::string name;  // e.g. องค์การบริหารส่วนตำบลยางราก; empty = unknown
  std::string district;  // อำเภอ name without the prefix; empty = unknown
  std::string province;  // จังหวัด name without the prefix; empty = unknown
};

// Thai fiscal year(s) the document is about, in Buddhist Era. A one-year
// report has be == be_end; a five-year plan 2566..2570. 0 = unknown.
struct FiscalYearSpan {
  int be = 0;
  int be_end = 0;
};

struct DocumentInfo {
  DocumentKind kind = DocumentKind::kUnknown;
  std::string title;
  Organization organization;
  FiscalYearSpan fiscal_year;
};

// What became of a document, decided by the pipeline once it has run
// (pipeline/document_status.h) and reported alike by `extract` and
// `batch`: ok (every page read), partial (some pages not read) or failed
// (nothing read, or the input could not be processed: no JSON).
enum class DocStatus { kOk, kPartial, kFailed };

struct Document {
  SourceInfo source;
  std::vector<Page> pages;
  DocumentInfo info;
  std::vector<Measure> measures;
  PlanData plan;
  std::vector<Score> scores;
  std::vector<Issue> issues;
  DocStatus status = DocStatus::kOk;
  std::string status_reason;  // empty when ok
  // The run's review threshold (--review-below), set by the extractor
  // before the stages run: the review stage flags fields whose confidence
  // is below it. Negative: the review stage's default.
  double review_below = -1;

  void AddIssue(std::string_view stage, std::string_view code,
                std::string message, int page = 0);
  // True when an issue with `code` was added.
  bool HasIssue(std::string_view code) const;
  // The issues' messages, in order: the JSON's "warnings".
  std::vector<std::string> warnings() const;
};

std::string_view DocStatusName(DocStatus status);
std::optional<DocStatus> ParseDocStatus(std::string_view name);

std::string_view DocumentKindName(DocumentKind kind);
std::string_view SourceFormatName(SourceFormat format);
std::string_view TableKindName(TableKind kind);

}  // namespace raingan

#endif  // RAINGAN_MODEL_DOCUMENT_H_
