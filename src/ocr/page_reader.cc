#include "ocr/page_reader.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "base/utf8.h"

namespace raingan::ocr {
namespace {

PixelBox ToPixels(const BBox& b, double pixels_per_point) {
  return {static_cast<int>(std::floor(b.x0 * pixels_per_point)),
          static_cast<int>(std::floor(b.y0 * pixels_per_point)),
          static_cast<int>(std::ceil(b.x1 * pixels_per_point)),
          static_cast<int>(std::ceil(b.y1 * pixels_per_point))};
}

BBox Grow(const BBox& b, double d) {
  return {b.x0 - d, b.y0 - d, b.x1 + d, b.y1 + d};
}

BBox Intersect(const BBox& a, const BBox& b) {
  return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1),
          std::min(a.y1, b.y1)};
}

// True for a word that carries text: a Thai letter or digit, a Latin
// letter or an Arabic digit.
bool HasTextChar(std::string_view word) {
  size_t pos = 0;
  while (pos < word.size()) {
    char32_t c = utf8::DecodeNext(word, &pos);
    if (utf8::IsThaiConsonant(c) || utf8::IsDigit(c) ||
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
        (c >= 0x0E40 && c <= 0x0E44)) {  // leading vowels เ แ โ ใ ไ
      return true;
    }
  }
  return false;
}

// Drops noise words (see PageReadOptions::min_noise_confidence) and the
// lines left without words.
void DropNoise(double min_confidence, std::vector<RecognizedLine>* lines) {
  for (RecognizedLine& l : *lines) {
    auto& w = l.words;
    w.erase(std::remove_if(w.begin(), w.end(),
                           [&](const OcrWord& word) {
                             return word.confidence < min_confidence &&
                                    !HasTextChar(word.text);
                           }),
            w.end());
    l.RebuildText();
  }
  lines->erase(
      std::remove_if(lines->begin(), lines->end(),
                     [](const RecognizedLine& l) { return l.words.empty(); }),
      lines->end());
}

// The rulings to erase: vertical ones (no Thai letter is 25 pt tall) and
// horizontal ones lying on a boundary of one of the grids. Other long
// horizontal runs (the bottom of a bold heading, an underline) are left in
// the image: erasing them would cut letters in half.
std::vector<layout::Segment> TableBorders(
    const std::vector<layout::Segment>& rulings,
    const std::vector<layout::TableGrid>& grids, double tolerance) {
  std::vector<layout::Segment> out;
  for (const layout::Segment& s : rulings) {
    if (s.vertical()) {
      out.push_back(s);
      continue;
    }
    for (const layout::TableGrid& g : grids) {
      BBox box = Grow(g.bbox(), tolerance);
      bool inside = box.Contains(s.x0, s.y0) && box.Contains(s.x1, s.y1);
      bool on_line = std::any_of(g.ys().begin(), g.ys().end(), [&](double p) {
        return std::abs(p - s.position()) <= tolerance;
      });
      if (inside && on_line) {
        out.push_back(s);
        break;
      }
    }
  }
  return out;
}

// The first or last blank-separated token of a line.
std::string EdgeToken(const std::vector<OcrLine>& lines, bool first) {
  if (lines.empty() || lines.front().words.empty()) return "";
  const std::vector<OcrWord>& words =
      first ? lines.front().words : lines.back().words;
  std::string token;
  if (first) {
    for (size_t i = 0; i < words.size(); ++i) {
      if (i > 0 && words[i].space_before) break;
      token += words[i].text;
    }
  } else {
    size_t i = words.size();
    while (i > 0) {
      token.insert(0, words[i - 1].text);
      if (words[i - 1].space_before) break;
      --i;
    }
  }
  return token;
}

// Recognizes the text of `area` (points) line by line: rows found with
// Thai marks in mind (image/text_rows.h), each read as a single line, then
// its numbers checked by shape (digit_repair.h).
Status ReadRegion(Engine* engine, const image::Image& binary, const BBox& area,
                  const OcrModels& models, const PageReadOptions& options,
                  std::vector<RecognizedLine>* out) {
  RAINGAN_ASSIGN_OR_RETURN(std::vector<image::TextRow> rows,
                           image::FindTextRows(binary, area, options.rows));
  const double k = binary.dpi() / 72.0;
  std::vector<std::vector<OcrLine>> read(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    BBox rect = Intersect(Grow(rows[i].box, options.region_padding), area);
    RAINGAN_ASSIGN_OR_RETURN(
        read[i], engine->Recognize(ToPixels(rect, k), Segmentation::kLine));
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    const image::TextRow& row = rows[i];
    LineNeighbours around;
    if (i > 0) around.before = EdgeToken(read[i - 1], /*first=*/false);
    if (i + 1 < rows.size()) around.after = EdgeToken(read[i + 1], true);
    for (OcrLine& l : read[i]) {
      // The row finder knows the consonant band better than Tesseract's
      // estimate from one line.
      l.baseline = static_cast<int>(std::lround(row.core_bottom * k));
      l.x_height = (row.core_bottom - row.core_top) * k;
      if (models.digits != nullptr) {
        RepairDigits(binary, row, *models.digits, models.months, around,
                     options.digits, &l.words);
      }
      if (models.words != nullptr) models.words->Correct(&l.words);
    }
    for (RecognizedLine& l : ToRecognizedLines(read[i], 1 / k)) {
      out->push_back(std::move(l));
    }
  }
  return Status::Ok();
}

// Gives every paragraph the length-weighted mean confidence of the OCR
// lines whose center lies in its box.
void SetConfidence(const std::vector<RecognizedLine>& lines, Paragraph* p) {
  double sum = 0, weight = 0;
  for (const RecognizedLine& l : lines) {
    if (!p->prov.bbox.Contains(l.line.bbox.cx(), l.line.bbox.cy())) continue;
    double n = static_cast<double>(utf8::Length(l.line.text));
    sum += n * l.Confidence();
    weight += n;
  }
  if (weight > 0) p->confidence = sum / weight;
}

void SetConfidences(const std::vector<RecognizedLine>& lines,
                    std::vector<Block>* blocks) {
  for (Block& b : *blocks) {
    if (b.type == BlockType::kParagraph) {
      SetConfidence(lines, &b.text);
      continue;
    }
    for (TableRow& row : b.table.rows) {
      for (Cell& cell : row.cells) {
        for (Paragraph& p : cell.paragraphs) SetConfidence(lines, &p);
      }
    }
  }
}

}  // namespace

Result<ReadPage> ReadScannedPage(Engine* engine, const image::Image& scan,
                                 int number, const OcrModels& models,
                                 const PageReadOptions& options) {
  if (engine == nullptr) return Status::InvalidArgument("no OCR engine");
  const std::string where = "page " + std::to_string(number) + ": ";
  ReadPage out;
  Page& page = out.page;
  page.number = number;
  page.ocr = true;
  RAINGAN_ASSIGN_OR_RETURN(image::PreparedPage prepared,
                           image::PreparePage(scan, options.preprocess));
  out.skew_degrees = prepared.skew_degrees;
  const double ppp = prepared.gray.points_per_pixel();
  page.width = prepared.gray.width() * ppp;
  page.height = prepared.gray.height() * ppp;
  const BBox whole{0, 0, page.width, page.height};
  if (image::InkCoverage(prepared.binary, whole) < options.min_page_ink) {
    out.warnings.push_back(where + "blank page, no text to read");
    return out;
  }

  RAINGAN_ASSIGN_OR_RETURN(
      std::vector<layout::Segment> raw,
      image::DetectRulings(prepared.binary, options.rulings));
  std::vector<layout::Segment> rulings =
      layout::NormalizeSegments(raw, options.segments);
  std::vector<layout::TableGrid> grids =
      layout::BuildGrids(rulings, options.grids);

  // Borders read as "|" or glued to letters; OCR and the ink tests both
  // look at the page without them.
  std::vector<layout::Segment> borders =
      TableBorders(rulings, grids, options.grids.tolerance);
  image::Image& ocr_image = prepared.gray;
  image::Image& binary = prepared.binary;
  RAINGAN_RETURN_IF_ERROR(
      image::EraseRulings(&ocr_image, borders, options.ruling_margin));
  RAINGAN_RETURN_IF_ERROR(
      image::EraseRulings(&binary, borders, options.ruling_margin));
  RAINGAN_RETURN_IF_ERROR(engine->SetPage(ocr_image));

  std::vector<RecognizedLine> lines;
  std::vector<BBox> tables;
  for (const layout::TableGrid& grid : grids) {
    tables.push_back(grid.bbox());
    for (const layout::GridCell& cell : grid.cells()) {
      if (image::InkCoverage(binary, cell.bbox) < options.min_cell_ink) {
        continue;
      }
      RAINGAN_RETURN_IF_ERROR(
          ReadRegion(engine, binary, cell.bbox, models, options, &lines));
    }
  }

  RAINGAN_ASSIGN_OR_RETURN(
      std::vector<BBox> blocks,
      image::FindInkBlocks(binary, whole, tables, options.blocks));
  int skipped = 0;
  for (const BBox& block : blocks) {
    bool solid = image::InkCoverage(binary, block) > options.max_block_ink;
    bool noise = block.height() > options.noise_min_height &&
                 image::BlankRowShare(binary, block) < options.min_blank_rows;
    if (solid || noise) {
      ++skipped;
      continue;
    }
    RAINGAN_RETURN_IF_ERROR(
        ReadRegion(engine, binary, block, models, options, &lines));
  }
  if (skipped > 0) {
    out.warnings.push_back(where + std::to_string(skipped) +
                           " area(s) without lines of text skipped (a "
                           "picture, a stamp or noise)");
  }

  DropNoise(options.min_noise_confidence, &lines);
  if (lines.empty()) {
    out.warnings.push_back(where +
                           "no readable text (noise, a picture or a blank "
                           "scan)");
    return out;
  }
  AssignFontSizes(&lines, options.lines);
  page.blocks =
      layout::LayoutPage(LayoutLines(lines), grids, number, page.height);
  SetConfidences(lines, &page.blocks);
  return out;
}

}  // namespace raingan::ocr
