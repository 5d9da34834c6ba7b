#include "ocr/digit_shapes.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "base/utf8.h"
#include "image/preprocess.h"
#include "lexicon/tsv.h"

namespace raingan::ocr {
namespace {

constexpr size_t kCells = image::kShapeCells * image::kShapeCells;
// How much a difference in proportions counts against a match, per unit
// of |ln(aspect ratio)|: ๐ is wider than ๑ mostly in proportion.
constexpr double kAspectWeight = 0.5;

// The grid blurred with a [1 2 1]² kernel: a scanned stroke is thicker or
// a cell off from the template's, which raw grids punish as a mismatch.
image::GlyphShape Smooth(const image::GlyphShape& in) {
  constexpr int n = image::kShapeCells;
  image::GlyphShape out;
  out.aspect = in.aspect;
  for (int y = 0; y < n; ++y) {
    for (int x = 0; x < n; ++x) {
      float sum = 0, weight = 0;
      for (int dy = -1; dy <= 1; ++dy) {
        for (int dx = -1; dx <= 1; ++dx) {
          int yy = y + dy, xx = x + dx;
          if (yy < 0 || yy >= n || xx < 0 || xx >= n) continue;
          float w = static_cast<float>((2 - std::abs(dx)) * (2 - std::abs(dy)));
          sum += w * in.ink[yy * n + xx];
          weight += w;
        }
      }
      out.ink[y * n + x] = sum / weight;
    }
  }
  return out;
}

double Correlation(const image::GlyphShape& a, const image::GlyphShape& b) {
  double ma = 0, mb = 0;
  for (size_t i = 0; i < kCells; ++i) {
    ma += a.ink[i];
    mb += b.ink[i];
  }
  ma /= kCells;
  mb /= kCells;
  double ab = 0, aa = 0, bb = 0;
  for (size_t i = 0; i < kCells; ++i) {
    double da = a.ink[i] - ma, db = b.ink[i] - mb;
    ab += da * db;
    aa += da * da;
    bb += db * db;
  }
  return aa > 0 && bb > 0 ? ab / std::sqrt(aa * bb) : 0;
}

bool IsThaiDigitText(const std::string& s, char32_t* c) {
  if (s.empty()) return false;
  size_t pos = 0;
  *c = utf8::DecodeNext(s, &pos);
  return pos == s.size() && utf8::IsThaiDigit(*c);
}

}  // namespace

DigitShapes::DigitShapes(std::vector<ShapeTemplate> templates)
    : templates_(std::move(templates)) {
  for (const ShapeTemplate& t : templates_)
    smoothed_.push_back(Smooth(t.shape));
}

Result<DigitShapes> DigitShapes::Load(const std::string& path) {
  RAINGAN_ASSIGN_OR_RETURN(std::vector<TsvRecord> records, ReadTsv(path, 4));
  std::vector<ShapeTemplate> templates;
  for (const TsvRecord& r : records) {
    auto bad = [&](const std::string& what) {
      return Status::BadInput(path + ":" + std::to_string(r.line) + ": " +
                              what);
    };
    ShapeTemplate t;
    if (!IsThaiDigitText(r.fields[0], &t.character)) {
      return bad("the first field must be one Thai digit (๐..๙)");
    }
    t.font = r.fields[1];
    char* end = nullptr;
    t.shape.aspect = std::strtod(r.fields[2].c_str(), &end);
    if (end == r.fields[2].c_str() || *end != '\0' || !(t.shape.aspect > 0)) {
      return bad("the aspect ratio must be a positive number");
    }
    const std::string& grid = r.fields[3];
    if (grid.size() != kCells) {
      return bad("the shape must have " + std::to_string(kCells) +
                 " hexadecimal digits");
    }
    for (size_t i = 0; i < kCells; ++i) {
      char c = grid[i];
      int v = c >= '0' && c <= '9'   ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                     : -1;
      if (v < 0) return bad("the shape may only hold 0-9 and a-f");
      t.shape.ink[i] = static_cast<float>(v) / 15.0f;
    }
    templates.push_back(std::move(t));
  }
  return DigitShapes(std::move(templates));
}

DigitMatch DigitShapes::Classify(const image::GlyphShape& raw) const {
  const image::GlyphShape shape = Smooth(raw);
  std::map<char32_t, double> best;  // per digit, over fonts
  for (size_t i = 0; i < templates_.size(); ++i) {
    const ShapeTemplate& t = templates_[i];
    double score = Correlation(shape, smoothed_[i]);
    if (shape.aspect > 0 && t.shape.aspect > 0) {
      score -=
          kAspectWeight * std::abs(std::log(shape.aspect / t.shape.aspect));
    }
    auto [it, inserted] = best.emplace(t.character, score);
    if (!inserted) it->second = std::max(it->second, score);
  }
  DigitMatch m;
  for (const auto& [digit, score] : best) {
    if (m.digit == 0 || score > m.score) {
      m.digit = digit;
      m.score = score;
    }
  }
  bool other = false;
  double second = 0;
  for (const auto& [digit, score] : best) {
    if (digit == m.digit) continue;
    second = other ? std::max(second, score) : score;
    other = true;
  }
  m.margin = other ? m.score - second : m.score;
  return m;
}

std::string DigitShapes::FormatLine(const ShapeTemplate& t) {
  static const char kHex[] = "0123456789abcdef";
  char aspect[32];
  std::snprintf(aspect, sizeof(aspect), "%.3f", t.shape.aspect);
  std::string line =
      utf8::Encode(t.character) + "\t" + t.font + "\t" + aspect + "\t";
  for (float v : t.shape.ink) {
    int level = static_cast<int>(std::lround(std::clamp(v, 0.0f, 1.0f) * 15));
    line.push_back(kHex[level]);
  }
  return line;
}

Result<std::vector<ShapeTemplate>> LearnDigitShapes(const pdf::PdfDocument& pdf,
                                                    const std::string& font,
                                                    int dpi) {
  struct Sum {
    image::GlyphShape shape;
    int count = 0;
  };
  std::map<char32_t, Sum> sums;
  for (int n = 1; n <= pdf.page_count(); ++n) {
    RAINGAN_ASSIGN_OR_RETURN(pdf::PageContent page, pdf.ReadPage(n));
    std::vector<std::pair<char32_t, BBox>> digits;
    for (const pdf::Glyph& g : page.glyphs) {
      char32_t c = 0;
      if (!g.bold && IsThaiDigitText(g.text, &c))
        digits.emplace_back(c, g.bbox);
    }
    if (digits.empty()) continue;
    RAINGAN_ASSIGN_OR_RETURN(image::Image raster, pdf.Render(n, dpi));
    RAINGAN_ASSIGN_OR_RETURN(image::Image binary, image::Binarize(raster));
    for (const auto& [c, box] : digits) {
      // The advance box may hold a sliver of a neighbour: the digit is its
      // largest component.
      RAINGAN_ASSIGN_OR_RETURN(std::vector<BBox> comps,
                               image::InkComponents(binary, box));
      const BBox* largest = nullptr;
      for (const BBox& b : comps) {
        if (!largest ||
            b.width() * b.height() > largest->width() * largest->height()) {
          largest = &b;
        }
      }
      if (largest == nullptr) continue;
      Result<image::GlyphShape> shape = image::ShapeOfInk(binary, *largest);
      if (!shape.ok()) continue;
      Sum& s = sums[c];
      for (size_t i = 0; i < kCells; ++i) s.shape.ink[i] += shape->ink[i];
      s.shape.aspect += shape->aspect;
      ++s.count;
    }
  }
  std::vector<ShapeTemplate> out;
  for (auto& [c, s] : sums) {
    ShapeTemplate t;
    t.character = c;
    t.font = font;
    for (size_t i = 0; i < kCells; ++i)
      t.shape.ink[i] = s.shape.ink[i] / s.count;
    t.shape.aspect = s.shape.aspect / s.count;
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace raingan::ocr
