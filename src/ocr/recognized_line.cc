#include "ocr/recognized_line.h"

#include <algorithm>

#include "base/utf8.h"

namespace raingan::ocr {
namespace {

BBox ToPoints(const PixelBox& b, double k) {
  return {b.x0 * k, b.y0 * k, b.x1 * k, b.y1 * k};
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

}  // namespace

double RecognizedLine::Confidence() const {
  double sum = 0, weight = 0;
  for (const OcrWord& w : words) {
    double n = static_cast<double>(utf8::Length(w.text));
    sum += n * w.confidence;
    weight += n;
  }
  return weight > 0 ? sum / weight : 0;
}

void RecognizedLine::RebuildText() {
  line.text.clear();
  for (const OcrWord& w : words) {
    if (w.text.empty()) continue;
    if (!line.text.empty() && w.space_before) line.text.push_back(' ');
    line.text += w.text;
  }
}

BBox WordBox(const RecognizedLine& line, size_t i) {
  return ToPoints(line.words[i].box, line.points_per_pixel);
}

std::vector<RecognizedLine> SplitAtSeparators(
    const RecognizedLine& line,
    const std::vector<layout::Segment>& separators) {
  const double y = line.line.bbox.cy();
  std::vector<double> cuts;
  for (const layout::Segment& s : separators) {
    if (s.vertical() && s.y0 <= y && s.y1 >= y && s.x0 > line.line.bbox.x0 &&
        s.x0 < line.line.bbox.x1) {
      cuts.push_back(s.x0);
    }
  }
  if (cuts.empty() || line.words.empty()) return {line};
  std::sort(cuts.begin(), cuts.end());
  std::vector<RecognizedLine> out;
  int current = -1;
  for (size_t i = 0; i < line.words.size(); ++i) {
    double cx = WordBox(line, i).cx();
    int piece = static_cast<int>(
        std::upper_bound(cuts.begin(), cuts.end(), cx) - cuts.begin());
    if (piece != current) {
      RecognizedLine r;
      r.x_height = line.x_height;
      r.points_per_pixel = line.points_per_pixel;
      r.line = line.line;
      r.line.bbox = {};
      out.push_back(std::move(r));
      current = piece;
    }
    RecognizedLine& r = out.back();
    OcrWord w = line.words[i];
    if (r.words.empty()) w.space_before = false;
    r.words.push_back(std::move(w));
    BBox box = WordBox(line, i);
    // Keep the line's vertical extent (its font box), narrow its x.
    if (r.line.bbox.empty() && r.words.size() == 1) {
      r.line.bbox = {box.x0, line.line.bbox.y0, box.x1, line.line.bbox.y1};
    } else {
      r.line.bbox.x0 = std::min(r.line.bbox.x0, box.x0);
      r.line.bbox.x1 = std::max(r.line.bbox.x1, box.x1);
    }
  }
  for (RecognizedLine& r : out) r.RebuildText();
  return out;
}

std::vector<RecognizedLine> ToRecognizedLines(const std::vector<OcrLine>& lines,
                                              double points_per_pixel) {
  std::vector<RecognizedLine> out;
  out.reserve(lines.size());
  for (const OcrLine& l : lines) {
    RecognizedLine r;
    r.words = l.words;
    r.points_per_pixel = points_per_pixel;
    r.x_height = l.x_height * points_per_pixel;
    // The words' union, not Tesseract's line box: the line box of a cell
    // may include stray marks Tesseract did not read as text.
    for (const OcrWord& w : l.words) {
      r.line.bbox.Extend(ToPoints(w.box, points_per_pixel));
    }
    if (r.line.bbox.empty()) r.line.bbox = ToPoints(l.box, points_per_pixel);
    r.line.baseline = l.baseline * points_per_pixel;
    if (r.line.baseline <= r.line.bbox.y0 || r.line.baseline > r.line.bbox.y1) {
      r.line.baseline = r.line.bbox.y1;
    }
    r.RebuildText();
    out.push_back(std::move(r));
  }
  return out;
}

void AssignFontSizes(std::vector<RecognizedLine>* lines,
                     const LineOptions& options) {
  std::vector<double> heights;
  for (const RecognizedLine& l : *lines) {
    if (l.x_height > 0) heights.push_back(l.x_height);
  }
  double median = Median(heights);
  for (RecognizedLine& l : *lines) {
    double x = l.x_height;
    if (x < median * options.same_size) x = median;
    // Without any estimate, a third of the box height is a fair x-height
    // for Thai (the box includes marks above and below).
    if (x <= 0) x = l.line.bbox.height() / 3;
    l.line.font_size = x * options.font_per_x_height;
    l.line.bbox.y0 = l.line.baseline - options.ascent * l.line.font_size;
    l.line.bbox.y1 = l.line.baseline + options.descent * l.line.font_size;
  }
}

std::vector<layout::TextLine> LayoutLines(
    const std::vector<RecognizedLine>& lines) {
  std::vector<layout::TextLine> out;
  out.reserve(lines.size());
  for (const RecognizedLine& l : lines) out.push_back(l.line);
  return out;
}

}  // namespace raingan::ocr
