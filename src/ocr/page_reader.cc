#include "ocr/page_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "base/utf8.h"
#include "image/row_strip.h"
#include "layout/ruled_and_aligned.h"

namespace raingan::ocr {
namespace {

// How much text Tesseract reads with confidence in a strip across the
// middle of `page` turned `quarter_turns`: the code points of its words,
// each word weighted by its confidence. (Not the mean: a page read the
// wrong way round yields a few short words, some of them confident.)
Result<double> ConfidentText(Engine* engine, const image::Image& page,
                             int quarter_turns) {
  RAINGAN_ASSIGN_OR_RETURN(image::Image turned,
                           image::RotateQuarters(page, quarter_turns));
  RAINGAN_RETURN_IF_ERROR(engine->SetPage(turned));
  // The middle 40 %: a page's top or bottom may hold only a title or a
  // signature.
  const PixelBox strip{0, turned.height() * 3 / 10, turned.width(),
                       turned.height() * 7 / 10};
  RAINGAN_ASSIGN_OR_RETURN(std::vector<OcrLine> lines,
                           engine->Recognize(strip, Segmentation::kColumn));
  double sum = 0;
  for (const OcrLine& line : lines) {
    for (const OcrWord& w : line.words) {
      sum += static_cast<double>(utf8::Length(w.text)) * w.confidence;
    }
  }
  return sum;
}

// Tesseract's orientation detector is unsure of sideways pages, and may
// name the wrong quarter (a 300-dpi scan of a borderless Sawasdee 14
// print: pages turned the same way read as 90° one way or the other, at
// confidence 0.2-2.3). Each of `candidates` is tried on a strip and the
// turn that reads the most confident text wins when it reads `gain` times
// as much as the page as it is; otherwise the page stays. (Measured on
// that scan's page 3: 242 confident letters the right way round, 102 the
// wrong way, 1 as it lay.)
Result<int> TurnsByRecognition(Engine* engine, const image::Image& page,
                               const std::vector<int>& candidates,
                               double gain) {
  RAINGAN_ASSIGN_OR_RETURN(double as_is, ConfidentText(engine, page, 0));
  int best = 0;
  double most = as_is;
  for (int turns : candidates) {
    if (turns == 0) continue;
    RAINGAN_ASSIGN_OR_RETURN(double text, ConfidentText(engine, page, turns));
    if (text > most) {
      best = turns;
      most = text;
    }
  }
  return most >= gain * as_is ? best : 0;
}

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

// Letters and digits a page of a document holds at the least. A report's
// page holds hundreds; what OCR makes of a photo of a desk, a picture or a
// blank sheet is a stray "a" or "ร" (the sample forms' pages hold 300+;
// the desk photo of tests/data/scans 1).
constexpr size_t kMinPageText = 6;

size_t TextChars(const std::vector<RecognizedLine>& lines) {
  size_t n = 0;
  for (const RecognizedLine& l : lines) {
    for (char32_t c : utf8::ToU32(l.line.text)) {
      n += utf8::IsThai(c) || utf8::IsDigit(c) || (c >= U'A' && c <= U'Z') ||
           (c >= U'a' && c <= U'z');
    }
  }
  return n;
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

// Recognizes the text of `area` (points) line by line: its `rows`, found
// with Thai marks in mind (image/text_rows.h), each read as a single line,
// then its numbers checked by shape (digit_repair.h).
Status ReadRows(Engine* engine, const image::Image& binary, const BBox& area,
                const std::vector<image::TextRow>& rows,
                const OcrModels& models, const PageReadOptions& options,
                std::vector<RecognizedLine>* out) {
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

// ReadRows() of the rows found in `area`.
Status ReadRegion(Engine* engine, const image::Image& binary, const BBox& area,
                  const OcrModels& models, const PageReadOptions& options,
                  std::vector<RecognizedLine>* out) {
  RAINGAN_ASSIGN_OR_RETURN(std::vector<image::TextRow> rows,
                           image::FindTextRows(binary, area, options.rows));
  return ReadRows(engine, binary, area, rows, models, options, out);
}

double Median(std::vector<double> v) {
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

// Reads a ruled cell whose text (its `rows`) wraps after every letter or
// two (see PageReadOptions::letter_wrap_width) as one line per paragraph:
// its rows side by side (image/row_strip.h). Each line is placed on its
// paragraph's first row, its words spread across the cell's text in reading
// order, as the text of a wide cell would lie. Returns false, reading nothing,
// for any other cell.
Result<bool> ReadLetterWrapped(Engine* engine, const image::Image& gray,
                               const image::Image& binary, const BBox& cell,
                               const std::vector<image::TextRow>& rows,
                               const OcrModels& models,
                               const PageReadOptions& options,
                               std::vector<RecognizedLine>* out) {
  if (gray.depth() != 8 || rows.size() < 2) return false;
  std::vector<double> cores, widths, pitches;
  for (size_t i = 0; i < rows.size(); ++i) {
    cores.push_back(rows[i].core_bottom - rows[i].core_top);
    widths.push_back(rows[i].box.width());
    if (i > 0) pitches.push_back(rows[i].core_bottom - rows[i - 1].core_bottom);
  }
  const double core = Median(cores);
  if (core <= 0 || cell.width() > options.letter_wrap_width * core ||
      Median(widths) > options.letter_wrap_row * core) {
    return false;
  }
  const double pitch = Median(pitches);
  // Letters of one word stand about a quarter of a core height apart.
  const double gap = 0.25 * core;
  const double k = binary.dpi() / 72.0;
  size_t begin = 0;
  for (size_t i = 1; i <= rows.size(); ++i) {
    if (i < rows.size() && rows[i].core_bottom - rows[i - 1].core_bottom <=
                               options.letter_wrap_paragraph * pitch) {
      continue;
    }
    std::vector<image::TextRow> paragraph(rows.begin() + begin,
                                          rows.begin() + i);
    begin = i;
    RAINGAN_ASSIGN_OR_RETURN(
        image::RowStrip strip,
        image::LayRowsSideBySide(gray, binary, paragraph, gap));
    Result<std::vector<OcrLine>> read =
        engine->RecognizeImage(strip.image, Segmentation::kLine);
    RAINGAN_RETURN_IF_ERROR(engine->SetPage(gray));
    if (!read.ok()) return read.status();
    // Strip x -> cell x, keeping the words' order.
    int left = strip.pieces.front().source.x0;
    int right = strip.pieces.front().source.x1;
    for (const image::StripPiece& p : strip.pieces) {
      left = std::min(left, p.source.x0);
      right = std::max(right, p.source.x1);
    }
    const image::StripPiece& last = strip.pieces.back();
    const double from = strip.pieces.front().x;
    const double span = std::max(
        1.0,
        static_cast<double>(last.x + last.source.x1 - last.source.x0) - from);
    auto to_cell = [&](int x) {
      double t = std::clamp((x - from) / span, 0.0, 1.0);
      return static_cast<int>(std::lround(left + t * (right - left)));
    };
    const image::TextRow& first = paragraph.front();
    const int top = static_cast<int>(std::floor(first.box.y0 * k));
    const int bottom = static_cast<int>(std::ceil(first.box.y1 * k));
    for (OcrLine& l : *read) {
      for (OcrWord& w : l.words) {
        w.box = {to_cell(w.box.x0), top,
                 std::max(to_cell(w.box.x1), to_cell(w.box.x0) + 1), bottom};
      }
      l.box = {to_cell(l.box.x0), top, to_cell(l.box.x1), bottom};
      l.baseline = static_cast<int>(std::lround(first.core_bottom * k));
      l.x_height = core * k;
      // Digit shapes are checked on the page's own ink, which these word
      // boxes no longer cover; the word list needs only the text.
      if (models.words != nullptr) models.words->Correct(&l.words);
    }
    for (RecognizedLine& l : ToRecognizedLines(*read, 1 / k)) {
      out->push_back(std::move(l));
    }
  }
  return true;
}

// Reads one column strip of a block with columns: as a cell whose text
// wraps after every letter or two when its rows are (ReadLetterWrapped(),
// the narrow owner column of a table without column rules), else row by
// row.
Status ReadStrip(Engine* engine, const image::Image& gray,
                 const image::Image& binary, const BBox& strip,
                 const OcrModels& models, const PageReadOptions& options,
                 std::vector<RecognizedLine>* out) {
  RAINGAN_ASSIGN_OR_RETURN(std::vector<image::TextRow> rows,
                           image::FindTextRows(binary, strip, options.rows));
  // The strip reaches halfway into the gaps on either side; the width a
  // cell's text takes is that of its rows.
  BBox text;
  for (const image::TextRow& r : rows) text.Extend(r.box);
  // Three rows at least: two rows a letter or two wide are as often two
  // short lines (a number and its unit, "๑ / ครั้ง") as a wrapped word.
  if (rows.size() >= 3) {
    RAINGAN_ASSIGN_OR_RETURN(bool wrapped,
                             ReadLetterWrapped(engine, gray, binary, text, rows,
                                               models, options, out));
    if (wrapped) return Status::Ok();
  }
  return ReadRows(engine, binary, strip, rows, models, options, out);
}

// Reads an ink block outside the ruled tables. A block with columns (the
// gaps between them stay free of ink down the block) is read strip by
// strip — each column on its own, as cells of a ruled table are — except
// rows that cross the gaps (a title across the table, a header cell over
// two columns), which are read whole.
Status ReadBlock(Engine* engine, const image::Image& gray,
                 const image::Image& binary, const BBox& block,
                 const OcrModels& models, const PageReadOptions& options,
                 std::vector<RecognizedLine>* out) {
  image::ColumnProfile columns = image::InkColumns(binary, block);
  if (columns.ink.empty()) return Status::Ok();
  const double height = block.height();
  // A column gap: almost no ink from top to bottom (a row across it, a
  // title or a label over two columns, is allowed).
  const int max_ink =
      static_cast<int>(options.river_rows * height / columns.step * 0.1);
  const int min_width =
      std::max(1, static_cast<int>(options.min_river / columns.step));
  size_t first = 0, last = columns.ink.size();
  while (first < last && columns.ink[first] == 0) ++first;
  while (last > first && columns.ink[last - 1] == 0) --last;
  std::vector<std::pair<double, double>> rivers;  // points
  for (size_t i = first; i < last;) {
    if (columns.ink[i] > max_ink) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < last && columns.ink[j] <= max_ink) ++j;
    if (static_cast<int>(j - i) >= min_width) {
      rivers.emplace_back(columns.x0 + i * columns.step,
                          columns.x0 + j * columns.step);
    }
    i = j;
  }
  // A block is its ink's bounding box, so its top and bottom touch letters
  // (a line of consonants only, "มาตรการ", is exactly the block's height)
  // and Tesseract misreads them: the blank above and below is read too —
  // blocks lie at least InkBlockOptions::line_gap apart. Not the blank at
  // the sides: on the borderless scans of 002 (seed 21) that gained a
  // bilevel copy 0.14 and lost the noisy and photo copies 0.2 and 0.18,
  // where growing only the height gained 011 in Garuda 11 0.45 and the
  // photo 0.11 and changed the others by under 0.01.
  BBox outer = block;
  outer.y0 -= options.region_padding;
  outer.y1 += options.region_padding;
  if (rivers.size() < 2 || height < options.min_river_table_rows * 12.0) {
    return ReadRegion(engine, binary, outer, models, options, out);
  }
  // Where ink crosses a gap, the rows there are read whole; a line of
  // text reaches about half an em above and below the ink seen.
  constexpr double kReach = 8.0;  // points
  std::vector<std::pair<double, double>> crossing;
  for (const auto& [x0, x1] : rivers) {
    double y0 = 0, step = 1;
    std::vector<int> ink =
        image::InkRows(binary, {x0, block.y0, x1, block.y1}, &y0, &step);
    for (size_t i = 0; i < ink.size();) {
      if (ink[i] == 0) {
        ++i;
        continue;
      }
      size_t j = i;
      int most = 0;
      while (j < ink.size() && ink[j] > 0) most = std::max(most, ink[j++]);
      // Dust in a gap is no text across it: a glyph stroke is taller
      // than 2 pt and wider than 2 pixels.
      if ((j - i) * step < 2.0 || most < 3) {
        i = j;
        continue;
      }
      // A mark or a tail poking into the gap is no text across it either:
      // text across a gap fills most of its width.
      image::ColumnProfile across =
          image::InkColumns(binary, {x0, y0 + i * step, x1, y0 + j * step});
      size_t filled = 0;
      for (int v : across.ink) filled += v > 0;
      if (filled * 10 < across.ink.size() * 6) {
        i = j;
        continue;
      }
      crossing.emplace_back(std::max(outer.y0, y0 + i * step - kReach),
                            std::min(outer.y1, y0 + j * step + kReach));
      i = j;
    }
  }
  std::sort(crossing.begin(), crossing.end());
  std::vector<std::pair<double, double>> merged;
  for (const auto& c : crossing) {
    if (!merged.empty() && c.first <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, c.second);
    } else {
      merged.push_back(c);
    }
  }
  std::vector<double> cuts;
  for (const auto& [x0, x1] : rivers) cuts.push_back((x0 + x1) / 2);
  auto read_strips = [&](double top, double bottom) -> Status {
    if (bottom - top < 4) return Status::Ok();
    for (size_t c = 0; c <= cuts.size(); ++c) {
      double x0 = c == 0 ? outer.x0 : cuts[c - 1];
      double x1 = c == cuts.size() ? outer.x1 : cuts[c];
      BBox strip{x0, top, x1, bottom};
      if (image::InkCoverage(binary, strip) < options.min_cell_ink) continue;
      RAINGAN_RETURN_IF_ERROR(
          ReadStrip(engine, gray, binary, strip, models, options, out));
    }
    return Status::Ok();
  };
  double y = outer.y0;
  for (const auto& [c0, c1] : merged) {
    RAINGAN_RETURN_IF_ERROR(read_strips(y, c0));
    RAINGAN_RETURN_IF_ERROR(ReadRegion(
        engine, binary, {outer.x0, c0, outer.x1, c1}, models, options, out));
    y = c1;
  }
  return read_strips(y, outer.y1);
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

void ReadPage::AddIssue(std::string_view code, std::string message) {
  issues.push_back(
      Issue{"ocr", page.number, std::string(code), std::move(message)});
}

Result<ReadPage> RecognizeScannedPage(Engine* engine, const image::Image& scan,
                                      int number, const OcrModels& models,
                                      const PageReadOptions& options) {
  if (engine == nullptr) return Status::InvalidArgument("no OCR engine");
  const std::string where = "page " + std::to_string(number) + ": ";
  ReadPage out;
  Page& page = out.page;
  page.number = number;
  page.ocr = true;
  const image::Image* upright = &scan;
  image::Image flattened;
  if (options.flatten_photos) {
    RAINGAN_ASSIGN_OR_RETURN(std::optional<image::Sheet> sheet,
                             image::FindSheet(scan, options.sheet));
    if (sheet) {
      Result<image::Image> flat = image::FlattenSheet(scan, *sheet);
      if (flat.ok()) {
        flattened = std::move(*flat);
        upright = &flattened;
        out.AddIssue("photo_flattened",
                     where +
                         "a photographed sheet: cut from its background "
                         "and its perspective corrected");
      } else {
        out.AddIssue("photo_not_flattened", where + flat.status().message());
      }
    }
  }
  image::Image turned;
  if (options.detect_orientation) {
    // At half size: orientation shows in the layout of the letters, and
    // the detector reads a 150-dpi page in a quarter of the time.
    Result<image::Image> half = image::HalfSize(*upright);
    Result<Engine::Orientation> o = half.ok() && half->dpi() >= 100
                                        ? engine->DetectOrientation(*half)
                                        : engine->DetectOrientation(*upright);
    const bool quarter = o.ok() && o->quarter_turns % 2 == 1;
    if (o.ok() && o->quarter_turns != 0 &&
        o->confidence < (quarter ? options.min_quarter_turn_confidence
                                 : options.min_orientation_confidence)) {
      // A doubtful turn: the recognition test decides between the page as
      // it is, the detector's answer and its opposite.
      const image::Image& probe =
          half.ok() && half->dpi() >= 100 ? *half : *upright;
      RAINGAN_ASSIGN_OR_RETURN(
          int turns,
          TurnsByRecognition(engine, probe,
                             {0, o->quarter_turns, (o->quarter_turns + 2) % 4},
                             options.min_turn_confidence_gain));
      o->quarter_turns = turns;
      o->confidence = options.min_orientation_confidence;
    }
    if (!o.ok()) {
      out.AddIssue("orientation_unknown", where + o.status().message());
    } else if (o->quarter_turns != 0 &&
               o->confidence >= options.min_orientation_confidence) {
      RAINGAN_ASSIGN_OR_RETURN(
          turned, image::RotateQuarters(*upright, o->quarter_turns));
      upright = &turned;
      page.turned = 90 * o->quarter_turns;
      out.AddIssue("page_turned", where + "the scan was turned " +
                                      std::to_string(page.turned) +
                                      "° clockwise to read it");
    }
  }
  RAINGAN_ASSIGN_OR_RETURN(image::PreparedPage prepared,
                           image::PreparePage(*upright, options.preprocess));
  out.skew_degrees = prepared.skew_degrees;
  const double ppp = prepared.gray.points_per_pixel();
  page.width = prepared.gray.width() * ppp;
  page.height = prepared.gray.height() * ppp;
  const BBox whole{0, 0, page.width, page.height};
  if (image::InkCoverage(prepared.binary, whole) < options.min_page_ink) {
    out.AddIssue("blank_page", where + "blank page, no text to read");
    return out;
  }

  RAINGAN_ASSIGN_OR_RETURN(
      std::vector<layout::Segment> raw,
      image::DetectRulings(prepared.binary, options.rulings));
  // Hairlines too faint to be ink: found on the lighter raster and merged
  // with the rest by NormalizeSegments. Both are read because a border
  // that touches a shaded cell fuses with it in the lighter raster and is
  // then too thick to be a ruling there.
  RAINGAN_ASSIGN_OR_RETURN(
      std::vector<layout::Segment> faint,
      image::DetectRulings(prepared.rulings, options.rulings));
  raw.insert(raw.end(), faint.begin(), faint.end());
  std::vector<layout::Segment> rulings =
      layout::NormalizeSegments(raw, options.segments);
  std::vector<layout::TableGrid> grids =
      layout::BuildGrids(rulings, options.grids);
  // Tracing for development: RAINGAN_DEBUG_RULINGS=1 prints what the page's
  // raster gave as rulings and which grids they built.
  if (std::getenv("RAINGAN_DEBUG_RULINGS") != nullptr) {
    std::fprintf(stderr, "%sskew %.2f, %zu rulings\n", where.c_str(),
                 prepared.skew_degrees, rulings.size());
    for (const layout::Segment& s : rulings) {
      std::fprintf(stderr, "  %c %.1f,%.1f - %.1f,%.1f\n",
                   s.horizontal() ? 'h' : 'v', s.x0, s.y0, s.x1, s.y1);
    }
    for (const layout::TableGrid& g : grids) {
      std::fprintf(stderr, "  grid %dx%d [%.1f %.1f %.1f %.1f]\n", g.rows(),
                   g.cols(), g.bbox().x0, g.bbox().y0, g.bbox().x1,
                   g.bbox().y1);
    }
  }

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
      RAINGAN_ASSIGN_OR_RETURN(
          std::vector<image::TextRow> rows,
          image::FindTextRows(binary, cell.bbox, options.rows));
      RAINGAN_ASSIGN_OR_RETURN(
          bool wrapped, ReadLetterWrapped(engine, ocr_image, binary, cell.bbox,
                                          rows, models, options, &lines));
      if (wrapped) continue;
      RAINGAN_RETURN_IF_ERROR(
          ReadRows(engine, binary, cell.bbox, rows, models, options, &lines));
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
        ReadBlock(engine, ocr_image, binary, block, models, options, &lines));
  }
  if (skipped > 0) {
    out.AddIssue("areas_skipped", where + std::to_string(skipped) +
                                      " area(s) without lines of text skipped "
                                      "(a picture, a stamp or noise)");
  }

  DropNoise(options.min_noise_confidence, &lines);
  if (TextChars(lines) < kMinPageText) {
    out.AddIssue("no_readable_text",
                 where +
                     "no readable text: not a page of a document "
                     "(noise, a picture, a photo of something else or "
                     "a blank scan)");
    return out;
  }
  AssignFontSizes(&lines, options.lines);
  out.lines = std::move(lines);
  out.grids = std::move(grids);
  for (const layout::Segment& s : rulings) {
    if (s.horizontal()) out.rules.push_back(s);
  }
  return out;
}

void LayOutScannedPages(const layout::HeaderVocabulary* vocabulary,
                        const PageReadOptions& options,
                        std::vector<ReadPage>* pages) {
  std::vector<std::vector<layout::AlignedTable>> aligned(pages->size());
  if (vocabulary != nullptr && vocabulary->role_of) {
    // The finder reads words: OCR's blank-separated runs.
    std::vector<layout::PageText> text(pages->size());
    for (size_t p = 0; p < pages->size(); ++p) {
      ReadPage& page = (*pages)[p];
      // Tesseract's Thai "words" are often single letters; a fragment is
      // a run of them with no blank between.
      for (const RecognizedLine& l : page.lines) {
        for (size_t i = 0; i < l.words.size();) {
          layout::TextLine word;
          word.bbox = WordBox(l, i);
          size_t j = i;
          // ... and no gap a column could leave (Tesseract may set no blank
          // between two cells of a line read across a table).
          auto glued = [&](size_t k) {
            return !l.words[k].space_before &&
                   WordBox(l, k).x0 - WordBox(l, k - 1).x1 <
                       0.25 * l.line.font_size;
          };
          while (j < l.words.size() && (j == i || glued(j))) {
            word.text += l.words[j].text;
            word.bbox.Extend(WordBox(l, j));
            ++j;
          }
          word.bbox.y0 = l.line.bbox.y0;
          word.bbox.y1 = l.line.bbox.y1;
          word.baseline = l.line.baseline;
          word.font_size = l.line.font_size;
          text[p].fragments.push_back(std::move(word));
          i = j;
        }
      }
      for (const layout::TableGrid& g : page.grids) {
        if (!layout::UnderRuled(g)) text[p].exclude.push_back(g.bbox());
      }
      text[p].rules = page.rules;
      text[p].height = page.page.height;
    }
    aligned = layout::FindAlignedTables(text, *vocabulary, options.aligned);
  }
  for (size_t p = 0; p < pages->size(); ++p) {
    ReadPage& page = (*pages)[p];
    std::vector<layout::Segment> separators;
    layout::ReconcileTables(std::move(aligned[p]), &page.grids, &separators);
    std::vector<RecognizedLine> lines;
    for (const RecognizedLine& l : page.lines) {
      for (RecognizedLine& piece : SplitAtSeparators(l, separators)) {
        lines.push_back(std::move(piece));
      }
    }
    if (!lines.empty()) {
      page.page.blocks = layout::LayoutPage(LayoutLines(lines), page.grids,
                                            page.page.number, page.page.height);
      SetConfidences(lines, &page.page.blocks);
    }
    page.lines.clear();
    page.grids.clear();
    page.rules.clear();
  }
}

Result<ReadPage> ReadScannedPage(Engine* engine, const image::Image& scan,
                                 int number, const OcrModels& models,
                                 const PageReadOptions& options) {
  RAINGAN_ASSIGN_OR_RETURN(
      ReadPage page,
      RecognizeScannedPage(engine, scan, number, models, options));
  std::vector<ReadPage> one;
  one.push_back(std::move(page));
  LayOutScannedPages(models.vocabulary, options, &one);
  return std::move(one.front());
}

}  // namespace raingan::ocr
