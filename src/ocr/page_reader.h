// Reading one scanned page into the document model.
//
//   scan ──PreparePage──▶ upright gray + clean binary
//        ──DetectRulings/NormalizeSegments/BuildGrids──▶ table grids
//          (the same grid code as born-digital PDFs)
//        ──rulings erased, each non-empty cell read row by row──▶ lines
//        ──ink outside tables grouped into blocks, read the same way──▶ lines
//        ──Thai digits re-read by shape (digit_repair.h), unsure words
//          checked against the report vocabulary (word_corrector.h)──
//        ──LayoutPage──▶ blocks, as for a PDF text layer
//
// Every cell is recognized on its own, so text lands in the cell it is
// printed in whatever Tesseract's page layout analysis would have made of
// the table. Paragraphs carry the mean confidence of their words.
//
// A page with no ink, or whose ink OCR cannot read (noise, a photo), is
// not an error: it yields no blocks and a warning.
#ifndef RAINGAN_OCR_PAGE_READER_H_
#define RAINGAN_OCR_PAGE_READER_H_

#include <string>
#include <vector>

#include "base/result.h"
#include "dates/lexicon.h"
#include "image/image.h"
#include "image/lines.h"
#include "image/preprocess.h"
#include "image/sheet.h"
#include "image/text_rows.h"
#include "layout/aligned_tables.h"
#include "layout/grid.h"
#include "layout/page_layout.h"
#include "layout/segment.h"
#include "model/document.h"
#include "ocr/digit_repair.h"
#include "ocr/digit_shapes.h"
#include "ocr/engine.h"
#include "ocr/recognized_line.h"
#include "ocr/word_corrector.h"

namespace raingan::ocr {

struct PageReadOptions {
  image::PreprocessOptions preprocess;
  image::RulingOptions rulings;
  layout::SegmentOptions segments;
  layout::GridOptions grids;
  layout::PageLayoutOptions layout;
  LineOptions lines;
  image::InkBlockOptions blocks;
  image::TextRowOptions rows;
  DigitRepairOptions digits;
  // OCR baselines wobble by about 1.5 pt (0.1 em) from line to line, so a
  // cell's padding is not told from it: rows of OCRed tables are found
  // from the measures' numbering and wider gaps.
  layout::AlignedTableOptions aligned = {.block_gap = 0.35};
  // Ruling pixels are erased this far (points) beyond their thickness.
  double ruling_margin = 1.0;
  // Cells with less ink than this share (after erasing rulings) are empty
  // and not sent to Tesseract.
  double min_cell_ink = 0.001;
  // White border (points) kept around a text row given to Tesseract: it
  // reads the first and last letters better with some margin.
  double region_padding = 2.0;
  // Outside tables, blocks with more ink than this share are solid areas
  // (scan borders, punched holes, photos), not text.
  double max_block_ink = 0.5;
  // Outside tables, blocks taller than this (points) whose blank pixel
  // rows are fewer than `min_blank_rows` are noise or pictures: text lines
  // always leave blank rows between them (10% and more on the samples).
  double noise_min_height = 72.0;
  double min_blank_rows = 0.03;
  // A block of text whose rows leave two or more vertical gaps free of ink
  // (in all but `river_rows` of its rows, for a title or section row across
  // them) is read column by column, so that OCR never reads one line
  // across two cells of a table without rulings. Gaps are at least
  // `min_river` points wide (the samples' borderless columns are 7 pt
  // apart; word spaces do not line up over rows).
  double min_river = 2.5;
  double river_rows = 0.1;
  int min_river_table_rows = 3;
  // A ruled cell at most `letter_wrap_width` core heights wide whose text
  // runs over two or more rows at most `letter_wrap_row` core heights wide
  // (median) wraps after every letter or two: its rows are laid side by
  // side and read as one line (image/row_strip.h). A Thai consonant is
  // about one core height wide; the owner columns of LibreOffice prints in
  // Norasi 16 and Kinnari 14 are 2.6-3 core heights wide, a sample's
  // narrowest column (TH Sarabun) holds 8. Rows of one cell more than
  // `letter_wrap_paragraph` times their usual pitch apart are separate
  // paragraphs (list items), each read as a line of its own.
  double letter_wrap_width = 4.5;
  double letter_wrap_row = 2.5;
  double letter_wrap_paragraph = 1.5;
  // Pages fed upside down or sideways are turned upright first, when
  // Tesseract's orientation detector is at least this sure (its scale:
  // the samples' upright pages score 10-30, the sideways pages of the
  // rotated sample 2.6-8; below 1.5 it guesses).
  bool detect_orientation = true;
  // A phone photo of a page: the sheet is cut from the desk around it and
  // its perspective undone before anything else (image/sheet.h).
  bool flatten_photos = true;
  image::SheetOptions sheet;
  double min_orientation_confidence = 1.5;
  // Below it (below `min_quarter_turn_confidence` for a quarter turn,
  // which the detector gets wrong more often: 0.2-2.3 on the sideways
  // pages of a borderless Sawasdee scan, right or wrong), the turn it
  // names is checked by recognition: the page is turned when a strip of
  // it turned reads this many times as much confident text as the page as
  // it is (page_reader.cc, TurnsByRecognition).
  double min_quarter_turn_confidence = 10;
  double min_turn_confidence_gain = 1.5;
  // A page whose ink covers less than this share is blank.
  double min_page_ink = 0.0005;
  // Words below this confidence that contain no Thai letter or digit are
  // noise (specks, stamp rims, signature strokes read as "'", "|", "ๆ").
  double min_noise_confidence = 0.5;
};

// Data from models/ that helps recognition; null members are not used.
struct OcrModels {
  const DigitShapes* digits = nullptr;
  const dates::PeriodLexicon* months = nullptr;  // month names
  const WordCorrector* words = nullptr;
  // Header wording, to find tables without rulings (aligned_tables.h).
  const layout::HeaderVocabulary* vocabulary = nullptr;
};

struct ReadPage {
  Page page;  // number, size, blocks; ocr = true
  // Stage "ocr", the page's number; messages prefixed with "page N: ".
  std::vector<Issue> issues;
  double skew_degrees = 0;
  // What recognition found, before the page's blocks are formed
  // (LayOutScannedPages() consumes them).
  std::vector<RecognizedLine> lines;
  std::vector<layout::TableGrid> grids;  // ruled tables
  std::vector<layout::Segment> rules;    // horizontal rulings

  void AddIssue(std::string_view code, std::string message);
};

// Reads `scan` (any depth; its dpi gives the page size) as page `number`:
// its lines and ruled tables, page.blocks still empty. Fails only when
// Tesseract itself fails; unreadable content gives issues (blank_page,
// no_readable_text, areas_skipped).
Result<ReadPage> RecognizeScannedPage(Engine* engine, const image::Image& scan,
                                      int number, const OcrModels& models,
                                      const PageReadOptions& options = {});

// Forms the blocks of recognized pages of one document: tables without
// rulings are found over all of them (a table may run over page breaks),
// lines split at their column gaps, then each page laid out as a text
// layer would be. `vocabulary` may be null (ruled tables only).
void LayOutScannedPages(const layout::HeaderVocabulary* vocabulary,
                        const PageReadOptions& options,
                        std::vector<ReadPage>* pages);

// Both steps for one page on its own.
Result<ReadPage> ReadScannedPage(Engine* engine, const image::Image& scan,
                                 int number, const OcrModels& models,
                                 const PageReadOptions& options = {});

}  // namespace raingan::ocr

#endif  // RAINGAN_OCR_PAGE_READER_H_
