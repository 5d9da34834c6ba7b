// Tables without ruling lines: found from the alignment of their text.
//
// A measure table always has a header whose cells name roles (มาตรการ,
// ขั้นตอน, ผู้รับผิดชอบ, ระยะเวลา ...) and, below it, text that stays in
// vertical bands: each cell's lines wrap inside its column, so the gaps
// between columns stay empty all the way down. FindAlignedTables() anchors
// on that:
//
//   header   a few tight lines whose fragments, grouped by horizontal
//            overlap, name at least `min_roles` distinct roles; a fragment
//            above two or more groups is a parent cell (ระยะเวลา over
//            เริ่มต้น | สิ้นสุด) and makes the header two rows
//   columns  the gaps between the header groups that no body fragment
//            crosses; a body fragment crossing the gap between two groups
//            that do not name two different roles merges them (one header
//            cell whose words were far apart)
//   extent   the body grows band by band until a band crosses a real
//            column gap (a paragraph across the page — unless the bands
//            after it fit again: then it is a row spanning the table, a
//            section title), a new header, or a wide vertical gap
//   rows     a row starts where a column that was empty since the current
//            row began gets text (cells are top-aligned), where the
//            measure column starts with the table's numbering (๑.๑, 1.,
//            (๒)), where every column with text starts a new block after an
//            extra gap, or at a horizontal rule between the bands
//
// It knows nothing of PDFs or images: the input is positioned fragments
// (words, or runs of words that cannot cross a column gap) from a text
// layer or from OCR, in page points. Header wording is classified by the
// caller's HeaderVocabulary (in raingan, models/header_roles.tsv).
#ifndef RAINGAN_LAYOUT_ALIGNED_TABLES_H_
#define RAINGAN_LAYOUT_ALIGNED_TABLES_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/grid.h"
#include "layout/segment.h"
#include "layout/text_lines.h"
#include "model/geometry.h"

namespace raingan::layout {

// What header text names. `role_of` returns 0 for text that names no
// column role and a positive id otherwise (the same id for the same role);
// `measure_role` is the id of the column that names the measures.
struct HeaderVocabulary {
  std::function<int(std::string_view)> role_of;
  int measure_role = -1;
};

struct AlignedTableOptions {
  // Fragments whose baselines are closer than this (× font size) share a
  // band (a visual line).
  double same_band = 0.35;
  // The narrowest gap between two columns (× font size). LibreOffice's
  // default cell padding leaves 5.7 pt between the text of adjacent cells,
  // 0.36 em at 16 pt; word spaces of TH Sarabun/Laksaman are 0.25–0.3 em
  // but do not stay at one x for several lines.
  double min_gap = 0.25;
  // Fewest distinct roles a header names (as ColumnMap::IsMeasureTable
  // asks for: a measure column and two result columns).
  int min_roles = 3;
  // The header: at most this tall (× font size; the measure header of the
  // borderless 002 sample wraps over 10 lines at 1.6 em pitch, 16 em) with
  // gaps between consecutive bands of at most `max_header_gap` (× font
  // size).
  double max_header_height = 24.0;
  double max_header_gap = 1.2;
  // A vertical gap between two bands of the body wider than this (× font
  // size) ends the table (the space before the next heading).
  double max_body_gap = 2.5;
  // A column's next line is a new block (a new cell, or a new paragraph)
  // when its baseline is this much (× font size) further than the usual
  // line pitch. Cell padding adds 2.9 pt (0.2 em) between rows of the
  // samples' LibreOffice tables; the pitch itself varies by under 0.05 em
  // in a text layer and by about 0.1 em in OCR.
  double block_gap = 0.12;
  // A row spanning the table (a section title across merged cells) has at
  // most this many bands, and the bands right after it fit the columns.
  int max_spanning_bands = 2;
  // Page numbers ("- 8 -", "๘") are looked for in this share of the page
  // height at the top and the bottom (as PageLayoutOptions::margin_band).
  double margin_band = 0.12;
  // Fragments within this distance (points) of a horizontal rule are
  // beside it; rules cover at least `min_rule_span` of the table's width.
  double rule_tolerance = 2.0;
  double min_rule_span = 0.5;
};

struct AlignedTable {
  TableGrid grid;        // rows: header_rows header rows, then the data rows
  int header_rows = 0;   // 0 for the part of a table a page break cut off
  int measure_col = -1;  // the column the header names as the measures'
  std::string measure_shape;  // numbering of its measures, "" if unknown
  std::vector<int> column_roles;  // HeaderVocabulary ids, one per column
  // Vertical separators between the columns, one per grid row and gap, but
  // not through a cell spanning that gap: the text line builder splits
  // lines there (text_lines.h) as it does at ruled column borders.
  std::vector<Segment> separators;
  // Set when a page break cut the header: the text of every header cell
  // (row, column; empty for covered positions), read from both pages, to
  // stand for what each page's part of the header shows.
  std::vector<std::vector<std::string>> header_text;
};

// What the finder reads of one page.
struct PageText {
  std::vector<TextLine> fragments;  // words, page coordinates
  std::vector<BBox> exclude;        // ruled tables: not read again
  std::vector<Segment> rules;       // horizontal rules (others ignored)
  double height = 0;                // points
};

// The tables of a document, per page (the same order as `pages`), top to
// bottom. A table may run over several pages: its header on one, its rows
// cut by the page breaks anywhere, the header not repeated. The finder
// reads the pages as one — page numbers and catchwords in the margins
// dropped, each page's text right below the last — and gives each page the
// part of the table on it, as a table of its own: a row cut by a break is
// a row on both pages (the table stage joins them, as it does for ruled
// tables).
std::vector<std::vector<AlignedTable>> FindAlignedTables(
    const std::vector<PageText>& pages, const HeaderVocabulary& vocabulary,
    const AlignedTableOptions& options = {});

}  // namespace raingan::layout

#endif  // RAINGAN_LAYOUT_ALIGNED_TABLES_H_
