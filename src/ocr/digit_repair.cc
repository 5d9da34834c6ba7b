#include "ocr/digit_repair.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "base/utf8.h"
#include "image/glyph_shapes.h"

namespace raingan::ocr {
namespace {

bool IsNumberPunct(char32_t c) {
  return c == '.' || c == ',' || c == '-' || c == '/' || c == '(' || c == ')' ||
         c == 0x2013;  // EN DASH
}

bool IsQuote(char32_t c) {
  return c == '"' || c == '\'' || (c >= 0x2018 && c <= 0x201F);
}

bool IsLatinLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

template <typename Pred>
size_t Count(const std::u32string& s, Pred pred) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), pred));
}

// A word that may be part of a number: it holds a digit, or is nothing
// but punctuation or quotes (a misread digit often comes out as "“").
bool NumberWord(const std::string& text) {
  std::u32string s = utf8::ToU32(text);
  if (s.empty()) return false;
  if (Count(s, utf8::IsDigit) > 0) return true;
  return Count(s, [](char32_t c) { return IsNumberPunct(c) || IsQuote(c); }) ==
         s.size();
}

struct Glyph {
  BBox box;
  bool digit = false;  // else punctuation
};

// The glyphs between x0 and x1 (points), left to right.
std::optional<std::vector<Glyph>> LocateGlyphs(
    const image::Image& binary, const image::TextRow& row, double x0, double x1,
    const DigitRepairOptions& options) {
  const double core = row.core_bottom - row.core_top;
  if (core <= 0) return std::nullopt;
  BBox band{x0 - core / 3, row.core_top - core / 4, x1 + core / 3,
            row.core_bottom + core / 4};
  Result<std::vector<BBox>> comps = image::InkComponents(binary, band);
  if (!comps.ok()) return std::nullopt;
  std::vector<Glyph> out;
  for (const BBox& c : *comps) {
    double overlap = std::min(c.x1, x1) - std::max(c.x0, x0);
    // Marks of neighbouring letters poke into the band from above or
    // below; digits sit on the baseline.
    bool in_band = c.cy() > row.core_top && c.cy() < row.core_bottom + 1;
    if (overlap < c.width() / 2 || !in_band) continue;
    bool digit = c.height() >= options.min_digit_height * core &&
                 c.width() >= options.min_digit_aspect * c.height();
    out.push_back({c, digit});
  }
  // A piece lying within a digit's columns is part of it (the loop of a ๖
  // broken off by the scan): ShapeOfInk() reads it with the digit.
  std::vector<Glyph> merged;
  for (const Glyph& g : out) {
    bool inside = std::any_of(out.begin(), out.end(), [&](const Glyph& d) {
      if (!d.digit || &d == &g || d.box.width() <= g.box.width()) return false;
      double overlap =
          std::min(g.box.x1, d.box.x1) - std::max(g.box.x0, d.box.x0);
      return overlap >= 0.6 * g.box.width();
    });
    if (!inside) merged.push_back(g);
  }
  return merged;
}

// Classifies one glyph, cutting touching digits apart; appends the digits
// and returns the lowest score, or nullopt when a piece is not clearly a
// digit.
std::optional<double> ReadGlyph(const image::Image& binary, const BBox& box,
                                const DigitShapes& shapes,
                                const DigitRepairOptions& options,
                                double min_score, std::u32string* digits) {
  const double aspect = box.width() / box.height();
  int parts = 1;
  if (aspect > options.max_digit_aspect) {
    parts = std::max(
        2, static_cast<int>(std::lround(aspect / options.digit_aspect)));
  }
  double worst = 1;
  double left = box.x0;
  const double step = box.width() / parts;
  for (int i = 0; i < parts; ++i) {
    double right = box.x1;
    if (i + 1 < parts) {
      double guess = box.x0 + step * (i + 1);
      right = image::ThinnestColumn(binary, box, guess - step / 4,
                                    guess + step / 4);
    }
    Result<image::GlyphShape> shape =
        image::ShapeOfInk(binary, {left, box.y0, right, box.y1});
    if (!shape.ok()) return std::nullopt;
    DigitMatch m = shapes.Classify(*shape);
    if (m.digit == 0 || m.score < min_score || m.margin < options.min_margin) {
      return std::nullopt;
    }
    digits->push_back(m.digit);
    worst = std::min(worst, m.score);
    left = right;
  }
  return worst;
}

// The candidate's text as its glyphs read, or nullopt to keep Tesseract's.
std::optional<std::string> Reread(const std::string& old_text,
                                  const std::vector<Glyph>& glyphs,
                                  const image::Image& binary,
                                  const DigitShapes& shapes,
                                  const DigitRepairOptions& options,
                                  double min_score, double* confidence) {
  std::u32string old_punct;
  for (char32_t c : utf8::ToU32(old_text)) {
    if (IsNumberPunct(c)) old_punct.push_back(c);
  }
  size_t punct_glyphs = 0, digit_glyphs = 0;
  for (const Glyph& g : glyphs) (g.digit ? digit_glyphs : punct_glyphs)++;
  // Punctuation keeps Tesseract's characters, which needs them to line up
  // with the punctuation glyphs; without punctuation glyphs, Tesseract's
  // extra characters ("“" in "๒๕“๕") were misread digits.
  bool keep_punct = old_punct.size() == punct_glyphs;
  if (digit_glyphs == 0 || (!keep_punct && punct_glyphs > 0)) {
    return std::nullopt;
  }
  std::u32string out;
  size_t next_punct = 0;
  double worst = 1;
  for (const Glyph& g : glyphs) {
    if (!g.digit) {
      out.push_back(old_punct[next_punct++]);
      continue;
    }
    std::optional<double> score =
        ReadGlyph(binary, g.box, shapes, options, min_score, &out);
    if (!score) return std::nullopt;
    worst = std::min(worst, *score);
  }
  *confidence = worst;
  return utf8::FromU32(out);
}

// True if `text` ends with a month name.
bool EndsWithMonth(const std::u32string& text,
                   const dates::PeriodLexicon& months) {
  for (size_t pos = 0; pos < text.size(); ++pos) {
    const dates::LexiconWord* w = nullptr;
    if (months.Match(text, pos, &w) == text.size() && w != nullptr &&
        w->kind == dates::WordKind::kMonth) {
      return true;
    }
  }
  return false;
}

bool StartsWithMonth(const std::u32string& text,
                     const dates::PeriodLexicon& months) {
  const dates::LexiconWord* w = nullptr;
  return months.Match(text, 0, &w) > 0 && w != nullptr &&
         w->kind == dates::WordKind::kMonth;
}

// What Tesseract makes of Thai digits it does not know: a few Latin
// letters (the English model: "mo" for ๓๐) or letters mixed with digits
// ("ไว๗-" for "๖๗-").
bool SuspectShortToken(const std::u32string& s, size_t max_length) {
  if (s.empty() || s.size() > max_length) return false;
  return Count(s, [](char32_t c) {
           return IsLatinLetter(c) || utf8::IsDigit(c);
         }) > 0;
}

// "(@)", "(๕@)", "D.®": a row number "(๔)", "(๕)", "๖.๑" whose digits
// Tesseract did not know. Thai measure tables number their rows this way.
bool MarkerLike(const std::u32string& s) {
  if (s.size() < 3 || s.size() > 5) return false;
  if (Count(s, [](char32_t c) {
        return utf8::IsThai(c) && !utf8::IsDigit(c);
      }) > 0) {
    return false;
  }
  bool bracketed = s.front() == U'(' && s.back() == U')';
  bool dotted = s.find(U'.') != std::u32string::npos && s.front() != U'.' &&
                Count(s, IsNumberPunct) < s.size();
  return bracketed || dotted;
}

// A short non-number word: a digit Tesseract took for a letter or two.
bool JunkWord(const std::string& text) {
  return !NumberWord(text) && utf8::Length(text) <= 2;
}

// The end of the run starting at words[i] (i when there is none). With
// `junk`, junk words may open the run or sit between number words.
size_t RunEnd(const std::vector<OcrWord>& words, size_t i, size_t end,
              bool junk) {
  size_t j = i;
  while (j < end) {
    if (NumberWord(words[j].text)) {
      ++j;
    } else if (junk && JunkWord(words[j].text) && j + 1 < end &&
               (NumberWord(words[j + 1].text) || JunkWord(words[j + 1].text))) {
      ++j;
    } else {
      break;
    }
  }
  // A run never ends on junk.
  while (j > i && !NumberWord(words[j - 1].text)) --j;
  return j;
}

bool HasThaiDigit(const std::vector<OcrWord>& words, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i) {
    if (Count(utf8::ToU32(words[i].text), utf8::IsThaiDigit) > 0) return true;
  }
  return false;
}

class Repairer {
 public:
  Repairer(const image::Image& binary, const image::TextRow& row,
           const DigitShapes& shapes, const DigitRepairOptions& options)
      : binary_(binary), row_(row), shapes_(shapes), options_(options) {}

  // Tries words[begin, end) as one candidate; on success appends the
  // merged word to `out` and returns true.
  bool Try(const std::vector<OcrWord>& words, size_t begin, size_t end,
           double min_score, std::vector<OcrWord>* out) const {
    OcrWord merged = words[begin];
    for (size_t j = begin + 1; j < end; ++j) {
      const OcrWord& w = words[j];
      merged.text += w.text;
      merged.box.x0 = std::min(merged.box.x0, w.box.x0);
      merged.box.y0 = std::min(merged.box.y0, w.box.y0);
      merged.box.x1 = std::max(merged.box.x1, w.box.x1);
      merged.box.y1 = std::max(merged.box.y1, w.box.y1);
    }
    const double ppp = binary_.points_per_pixel();
    std::optional<std::vector<Glyph>> glyphs = LocateGlyphs(
        binary_, row_, merged.box.x0 * ppp, merged.box.x1 * ppp, options_);
    if (!glyphs) return false;
    double confidence = 0;
    std::optional<std::string> text =
        Reread(merged.text, *glyphs, binary_, shapes_, options_, min_score,
               &confidence);
    if (!text || *text == merged.text) return false;
    merged.text = std::move(*text);
    merged.confidence = confidence;
    out->push_back(std::move(merged));
    return true;
  }

 private:
  const image::Image& binary_;
  const image::TextRow& row_;
  const DigitShapes& shapes_;
  const DigitRepairOptions& options_;
};

}  // namespace

int RepairDigits(const image::Image& binary, const image::TextRow& row,
                 const DigitShapes& shapes, const dates::PeriodLexicon* months,
                 const LineNeighbours& neighbours,
                 const DigitRepairOptions& options,
                 std::vector<OcrWord>* words) {
  if (shapes.empty() || words->empty()) return 0;
  const Repairer repairer(binary, row, shapes, options);
  // Blank-separated tokens as [begin, end) ranges of words.
  std::vector<std::pair<size_t, size_t>> tokens;
  for (size_t i = 0; i < words->size(); ++i) {
    if (tokens.empty() || (*words)[i].space_before) tokens.push_back({i, i});
    tokens.back().second = i + 1;
  }
  auto token_text = [&](size_t t) {
    std::string s;
    for (size_t i = tokens[t].first; i < tokens[t].second; ++i) {
      s += (*words)[i].text;
    }
    return utf8::ToU32(s);
  };

  int changed = 0;
  std::vector<OcrWord> out;
  for (size_t t = 0; t < tokens.size(); ++t) {
    const auto [begin, end] = tokens[t];
    const std::u32string before =
        t > 0 ? token_text(t - 1) : utf8::ToU32(neighbours.before);
    const std::u32string after = t + 1 < tokens.size()
                                     ? token_text(t + 1)
                                     : utf8::ToU32(neighbours.after);
    const std::u32string text = token_text(t);
    const bool month_neighbour =
        months != nullptr &&
        SuspectShortToken(text, options.max_month_neighbour) &&
        (EndsWithMonth(before, *months) || StartsWithMonth(after, *months));
    if ((month_neighbour || MarkerLike(text)) &&
        repairer.Try(*words, begin, end, options.min_foreign_score, &out)) {
      ++changed;
      continue;
    }
    size_t i = begin;
    while (i < end) {
      const size_t strict = RunEnd(*words, i, end, /*junk=*/false);
      const size_t loose = RunEnd(*words, i, end, /*junk=*/true);
      // The run with Tesseract's stray letters first ("ไว๗-" for "๖๗-");
      // if a letter there is a real one ("ปี๒๕๖๘"), the digits alone.
      size_t done = i;
      for (size_t run_end : {loose, strict}) {
        // Letters in the run ask for the stricter evidence of a token that
        // Tesseract did not read as digits at all.
        double min_score =
            run_end == strict ? options.min_score : options.min_foreign_score;
        if (done == i && run_end > i && HasThaiDigit(*words, i, run_end) &&
            repairer.Try(*words, i, run_end, min_score, &out)) {
          ++changed;
          done = run_end;
        }
      }
      if (done > i) {
        i = done;
        continue;
      }
      // Not repaired: the words stay as Tesseract read them.
      size_t stop = std::max(strict, i + 1);
      for (; i < stop; ++i) out.push_back((*words)[i]);
    }
  }
  *words = std::move(out);
  return changed;
}

}  // namespace raingan::ocr
