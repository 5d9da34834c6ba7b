#include "layout/text_lines.h"

#include <algorithm>
#include <numeric>

#include "base/utf8.h"
#include "layout/clusters.h"

namespace raingan::layout {
namespace {

// Union that keeps zero-width boxes (a lone mark has no advance).
void Grow(BBox* box, const BBox& o, bool* first) {
  if (*first) {
    *box = o;
    *first = false;
    return;
  }
  box->x0 = std::min(box->x0, o.x0);
  box->y0 = std::min(box->y0, o.y0);
  box->x1 = std::max(box->x1, o.x1);
  box->y1 = std::max(box->y1, o.y1);
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + mid, v.end());
  return v[mid];
}

// True if a vertical ruling runs between the centers of `a` and `b` at the
// height of their line.
bool BarrierBetween(const Cluster& a, const Cluster& b,
                    const std::vector<const Segment*>& verticals) {
  double xa = a.bbox.cx(), xb = b.bbox.cx();
  double y = (a.bbox.cy() + b.bbox.cy()) / 2;
  for (const Segment* s : verticals) {
    if (s->x0 > xa && s->x0 < xb && s->y0 <= y && s->y1 >= y) return true;
  }
  return false;
}

// Right-to-left letters (Hebrew, Arabic and their presentation forms).
bool IsRtlLetter(char32_t c) {
  return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) ||
         (c >= 0xFE70 && c <= 0xFEFF);
}

// Producers draw a right-to-left run in visual order, left to right, and
// its glyphs come out of x order reversed from how they are written:
// "ทุจريت" (an Arabic look-alike pasted into a Thai word, sample 004)
// is drawn ت ي ر. Reverses each run of RTL letters, with the spaces
// between them, back to logical order; the combining marks after an
// Arabic letter stay after it.
std::string LogicalOrderOfRtlRuns(const std::string& text) {
  std::u32string u = utf8::ToU32(text);
  bool any = false;
  for (char32_t c : u) any = any || IsRtlLetter(c);
  if (!any) return text;
  auto is_rtl_mark = [](char32_t c) {
    return (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
           (c >= 0x0591 && c <= 0x05C7);
  };
  std::u32string out;
  size_t i = 0;
  while (i < u.size()) {
    if (!IsRtlLetter(u[i])) {
      out += u[i++];
      continue;
    }
    // The run: RTL letters, and spaces followed by another RTL letter.
    size_t end = i;
    while (end < u.size()) {
      if (IsRtlLetter(u[end])) {
        ++end;
      } else if (u[end] == ' ' && end + 1 < u.size() &&
                 IsRtlLetter(u[end + 1])) {
        ++end;
      } else {
        break;
      }
    }
    // Units: a letter with the marks after it, or one space.
    std::vector<std::u32string> units;
    for (size_t k = i; k < end; ++k) {
      if (is_rtl_mark(u[k]) && !units.empty()) {
        units.back() += u[k];
      } else {
        units.emplace_back(1, u[k]);
      }
    }
    for (auto it = units.rbegin(); it != units.rend(); ++it) out += *it;
    i = end;
  }
  return utf8::FromU32(out);
}

// Builds one line from clusters sorted by x (spaces included).
TextLine MakeLine(const std::vector<const Cluster*>& piece,
                  const LineOptions& options) {
  std::vector<const Cluster*> words;  // non-space clusters
  std::vector<bool> space_before;     // explicit space glyph before words[i]
  bool saw_space = false, any_space = false;
  for (const Cluster* c : piece) {
    if (c->space) {
      saw_space = !words.empty();
      continue;
    }
    space_before.push_back(saw_space);
    any_space |= saw_space;
    words.push_back(c);
    saw_space = false;
  }
  TextLine line;
  if (words.empty()) return line;
  line.trailing_space = piece.back()->space;

  // The line's own letter-spacing: the typical gap between glyphs that no
  // space glyph separates.
  std::vector<double> gaps;
  for (size_t i = 1; i < words.size(); ++i) {
    if (!space_before[i]) {
      gaps.push_back(words[i]->bbox.x0 - words[i - 1]->bbox.x1);
    }
  }
  double letter = std::max(0.0, Median(gaps));

  std::vector<double> sizes;
  size_t bold_chars = 0, chars = 0;
  bool first = true;
  for (size_t i = 0; i < words.size(); ++i) {
    const Cluster& c = *words[i];
    if (i > 0) {
      const Cluster& p = *words[i - 1];
      double em = std::max(c.font_size, p.font_size);
      // A producer that draws space glyphs draws all of its word spaces, so
      // only a much wider gap (a tab) adds one.
      double threshold = letter + em * (any_space ? 0.5 : options.word_gap);
      if (space_before[i] || c.bbox.x0 - p.bbox.x1 > threshold) {
        line.text += ' ';
      }
    }
    line.text += c.text;
    Grow(&line.bbox, c.bbox, &first);
    sizes.push_back(c.font_size);
    chars += c.text.size();
    if (c.bold) bold_chars += c.text.size();
  }
  line.text = LogicalOrderOfRtlRuns(line.text);
  line.font_size = Median(sizes);
  line.bold = bold_chars * 2 > chars;
  std::vector<double> baselines;
  for (const Cluster* c : words) baselines.push_back(c->baseline);
  line.baseline = Median(baselines);
  return line;
}

}  // namespace

std::vector<TextLine> AssembleLines(const std::vector<Glyph>& glyphs,
                                    const std::vector<Segment>& barriers,
                                    const LineOptions& options) {
  std::vector<Cluster> clusters = BuildClusters(glyphs);
  std::vector<const Cluster*> sorted;
  sorted.reserve(clusters.size());
  for (const Cluster& c : clusters) sorted.push_back(&c);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Cluster* a, const Cluster* b) {
                     return a->baseline < b->baseline;
                   });

  std::vector<const Segment*> verticals;
  for (const Segment& s : barriers) {
    if (s.vertical()) verticals.push_back(&s);
  }

  // The cluster each glyph index starts (marks start none): whether the
  // glyphs drawn between two neighbours of a line belong to that line.
  std::vector<const Cluster*> by_order(glyphs.size(), nullptr);
  for (const Cluster& c : clusters) {
    if (c.order >= 0 && static_cast<size_t>(c.order) < by_order.size())
      by_order[c.order] = &c;
  }

  std::vector<TextLine> lines;
  size_t i = 0;
  while (i < sorted.size()) {
    // A band of clusters whose baselines are within tolerance of its first.
    double tolerance = options.same_line * sorted[i]->font_size;
    size_t j = i + 1;
    while (j < sorted.size() &&
           sorted[j]->baseline - sorted[i]->baseline <= tolerance) {
      ++j;
    }
    std::vector<const Cluster*> band(sorted.begin() + i, sorted.begin() + j);
    std::stable_sort(band.begin(), band.end(),
                     [](const Cluster* a, const Cluster* b) {
                       return a->bbox.x0 < b->bbox.x0;
                     });
    // Rulings that cross this band: usually only a table's column borders.
    double top = band.front()->bbox.y0, bottom = band.front()->bbox.y1;
    for (const Cluster* c : band) {
      top = std::min(top, c->bbox.y0);
      bottom = std::max(bottom, c->bbox.y1);
    }
    std::vector<const Segment*> crossing;
    for (const Segment* s : verticals) {
      if (s->y1 >= top && s->y0 <= bottom) crossing.push_back(s);
    }

    // Two neighbours drawn with a glyph of another line between them
    // (a narrow cell's wrapped "ลำดั" | "บ", then the next cell's
    // "โครงการ/" touching it) are two text runs: two cells.
    auto other_line_between = [&](const Cluster& a, const Cluster& b) {
      for (int k = a.order + 1; k < b.order; ++k) {
        const Cluster* m = by_order[k];
        if (m != nullptr && !m->space &&
            std::abs(m->baseline - a.baseline) > tolerance) {
          return true;
        }
      }
      return false;
    };
    std::vector<const Cluster*> piece;
    const Cluster* last = nullptr;  // last non-space cluster of `piece`
    bool space_since_last = false;
    bool piece_after_jump = false;  // `piece` began at a content-stream jump
    for (const Cluster* c : band) {
      if (c->space) space_since_last = true;
      if (!c->space && last != nullptr) {
        double em = std::max(c->font_size, last->font_size);
        bool jump = options.split_at_spaces && !space_since_last &&
                    (c->order < last->order ||
                     c->order > last->order + options.max_order_jump ||
                     other_line_between(*last, *c));
        bool split = c->bbox.x0 - last->bbox.x1 > options.split_gap * em ||
                     (options.split_at_spaces && space_since_last) || jump ||
                     BarrierBetween(*last, *c, crossing);
        if (split) {
          TextLine line = MakeLine(piece, options);
          line.run_break = piece_after_jump;
          if (!line.text.empty()) lines.push_back(std::move(line));
          piece.clear();
          piece_after_jump = jump;
        }
      }
      piece.push_back(c);
      if (!c->space) {
        last = c;
        space_since_last = false;
      }
    }
    TextLine line = MakeLine(piece, options);
    line.run_break = piece_after_jump;
    if (!line.text.empty()) lines.push_back(std::move(line));
    i = j;
  }
  return lines;
}

void SortReadingOrder(std::vector<TextLine>* lines,
                      const LineOptions& options) {
  std::stable_sort(lines->begin(), lines->end(),
                   [](const TextLine& a, const TextLine& b) {
                     return a.baseline < b.baseline;
                   });
  // Bands as in AssembleLines(); a comparator with a tolerance would not
  // be a strict weak order.
  size_t i = 0;
  while (i < lines->size()) {
    double tolerance = options.same_line * (*lines)[i].font_size;
    size_t j = i + 1;
    while (j < lines->size() &&
           (*lines)[j].baseline - (*lines)[i].baseline <= tolerance) {
      ++j;
    }
    std::stable_sort(lines->begin() + i, lines->begin() + j,
                     [](const TextLine& a, const TextLine& b) {
                       return a.bbox.x0 < b.bbox.x0;
                     });
    i = j;
  }
}

}  // namespace raingan::layout
