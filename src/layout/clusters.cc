#include "layout/clusters.h"

#include <algorithm>
#include <cmath>

#include "base/utf8.h"

namespace raingan::layout {
namespace {

constexpr char32_t kSaraAm = 0x0E33;
constexpr char32_t kSaraAa = 0x0E32;

// Logical order of stacked marks: vowel marks sit closest to the base, then
// tone marks, then the signs above them. Producers emit stacked marks in
// either order; NFC does not reorder Thai marks of combining class 0, so
// we do it here.
int MarkRank(char32_t c) {
  if (c >= 0x0E48 && c <= 0x0E4B) return 1;  // tone marks
  if (c >= 0x0E4C && c <= 0x0E4E) return 2;  // ์ ํ ๎
  return 0;
}

char32_t FirstCodePoint(const std::string& s) {
  size_t pos = 0;
  return s.empty() ? 0 : utf8::DecodeNext(s, &pos);
}

// A glyph that only draws white space: an explicit word boundary.
bool IsSpaceText(const std::string& s) {
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = utf8::DecodeNext(s, &pos);
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
                 (c >= 0x2000 && c <= 0x200A) || c == 0x3000;
    if (!space) return false;
  }
  return !s.empty();
}

bool IsFinite(const Glyph& g) {
  return std::isfinite(g.bbox.x0) && std::isfinite(g.bbox.x1) &&
         std::isfinite(g.bbox.y0) && std::isfinite(g.bbox.y1) &&
         std::isfinite(g.baseline) && std::isfinite(g.font_size);
}

double Em(const Glyph& g) {
  if (g.font_size > 0) return g.font_size;
  double h = g.bbox.height();
  return h > 0 ? h / 1.3 : 10.0;
}

// Whether a mark glyph can sit on `host` (the base drawn just before it in
// the content stream). The window is wide to the right because the mark's
// pen position is after the base plus any letter-spacing. `next` is the
// glyph drawn after the mark (null if none): when the producer emits marks
// after their base (`marks_trail`), a mark at the pen position of the next
// base belongs to the base before it however wide the letter-spacing — a
// line of Thai distributed justification spaces its letters 1.1 em apart
// (sample 004, page 116: "ร ะ ด ั บ", the ั at บ's origin).
bool FitsPrecedingBase(const Cluster& host, const Glyph& mark,
                       const Glyph* next, bool marks_trail) {
  double em = std::max(host.font_size, Em(mark));
  if (mark.baseline < host.baseline - 0.8 * em ||
      mark.baseline > host.baseline + 0.3 * em) {
    return false;
  }
  double right = host.bbox.x1 + 1.0 * em;
  // Letter-spacing wider than 3 em is no justified line but a gap between
  // cells; a mark there is not carried across it.
  constexpr double kMaxLetterSpacing = 3.0;  // em
  if (marks_trail && next != nullptr && !next->text.empty() &&
      std::abs(next->baseline - host.baseline) <= 0.3 * em &&
      next->bbox.x0 >= host.bbox.x1 &&
      next->bbox.x0 <= host.bbox.x1 + kMaxLetterSpacing * em) {
    right = std::max(right, next->bbox.x0 + 0.2 * em);
  }
  return mark.bbox.x0 >= host.bbox.x0 - 0.2 * em && mark.bbox.x0 <= right;
}

// Whether a mark emitted before any base (start of a line, after a space)
// belongs to the base that follows it.
bool FitsFollowingBase(const Cluster& base, const Glyph& mark) {
  double em = std::max(base.font_size, Em(mark));
  if (mark.baseline < base.baseline - 0.8 * em ||
      mark.baseline > base.baseline + 0.3 * em) {
    return false;
  }
  return mark.bbox.x0 >= base.bbox.x0 - 0.6 * em &&
         mark.bbox.x0 <= base.bbox.x1 + 0.2 * em;
}

// Whether the producer of these glyphs emits each mark after its base: no
// mark is drawn where no base precedes it on its line (first of the
// stream, after a space glyph, after a glyph on another baseline) while a
// base follows it there. A Thai word never starts with a mark, so one such
// mark shows a producer that emits marks first.
bool MarksTrailTheirBase(const std::vector<Glyph>& glyphs) {
  auto is_base = [](const Glyph& g) {
    return !g.text.empty() && !IsSpaceText(g.text) &&
           !IsCombiningMark(FirstCodePoint(g.text));
  };
  for (size_t i = 0; i + 1 < glyphs.size(); ++i) {
    const Glyph& g = glyphs[i];
    if (g.text.empty() || !IsCombiningMark(FirstCodePoint(g.text))) continue;
    double em = Em(g);
    bool base_before =
        i > 0 && is_base(glyphs[i - 1]) &&
        std::abs(glyphs[i - 1].baseline - g.baseline) <= 0.8 * em;
    if (i > 0 && !base_before &&
        IsCombiningMark(FirstCodePoint(glyphs[i - 1].text))) {
      continue;  // the second of stacked marks
    }
    const Glyph& n = glyphs[i + 1];
    if (!base_before && is_base(n) &&
        std::abs(n.baseline - g.baseline) <= 0.8 * em) {
      return false;
    }
  }
  return true;
}

Cluster FromGlyph(const Glyph& g, int order) {
  Cluster c;
  c.text = g.text;
  c.bbox = g.bbox;
  c.baseline = g.baseline;
  c.font_size = Em(g);
  c.bold = g.bold;
  c.order = order;
  return c;
}

// Appends a mark to the cluster, keeping the base first and the marks in
// MarkRank order (stable, so equal ranks keep stream order). A "mark" glyph
// that advances the pen — /ActualText "่ำ" over the glyphs of ่ ํ า —
// widens the cluster; zero-width marks do not, their pen position
// includes the letter-spacing after the base.
void AppendMark(Cluster* c, const Glyph& mark) {
  if (mark.bbox.width() > 0.05 * Em(mark)) {
    c->bbox.x1 = std::max(c->bbox.x1, mark.bbox.x1);
  }
  c->text += mark.text;
  std::u32string u = utf8::ToU32(c->text);
  // Find where the run of marks at the end starts.
  size_t start = u.size();
  while (start > 0 && IsCombiningMark(u[start - 1])) --start;
  std::stable_sort(u.begin() + start, u.end(), [](char32_t a, char32_t b) {
    return MarkRank(a) < MarkRank(b);
  });
  c->text = utf8::FromU32(u);
}

}  // namespace

bool IsCombiningMark(char32_t c) {
  return c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) ||
         (c >= 0x0E47 && c <= 0x0E4E) || (c >= 0x0300 && c <= 0x036F);
}

std::vector<Cluster> BuildClusters(const std::vector<Glyph>& glyphs) {
  const bool marks_trail = MarksTrailTheirBase(glyphs);
  std::vector<Cluster> out;
  out.reserve(glyphs.size());
  int host = -1;  // cluster the next mark may attach to
  // A zero-advance "ำ" glyph waiting for the "า" glyph drawn at its origin.
  int open_am = -1;
  double open_am_x = 0;
  std::vector<int> pending;  // marks seen before any base

  auto flush_pending_standalone = [&] {
    for (int idx : pending) out.push_back(FromGlyph(glyphs[idx], idx));
    pending.clear();
  };

  for (size_t i = 0; i < glyphs.size(); ++i) {
    const Glyph& g = glyphs[i];
    // Nothing can be placed without a position (and NaN would break every
    // ordering downstream).
    if (g.text.empty() || !IsFinite(g)) continue;
    int order = static_cast<int>(i);
    if (IsSpaceText(g.text)) {
      flush_pending_standalone();
      Cluster c = FromGlyph(g, order);
      c.text.assign(1, ' ');
      c.space = true;
      out.push_back(std::move(c));
      host = -1;
      open_am = -1;
      continue;
    }
    char32_t cp = FirstCodePoint(g.text);
    if (IsCombiningMark(cp)) {
      const Glyph* next = i + 1 < glyphs.size() ? &glyphs[i + 1] : nullptr;
      if (host >= 0 && FitsPrecedingBase(out[host], g, next, marks_trail)) {
        AppendMark(&out[host], g);
      } else {
        pending.push_back(order);
      }
      continue;
    }
    double em = Em(g);
    if (cp == kSaraAa && g.text.size() == 3 && open_am >= 0 &&
        std::abs(g.bbox.x0 - open_am_x) <= 0.3 * em &&
        std::abs(g.baseline - out[open_am].baseline) <= 0.3 * em) {
      // The second half of a split SARA AM: the "ำ" already stands for it.
      out[open_am].bbox.x1 = std::max(out[open_am].bbox.x1, g.bbox.x1);
      open_am = -1;
      continue;
    }
    Cluster c = FromGlyph(g, order);
    if (!pending.empty()) {
      for (int idx : pending) {
        if (FitsFollowingBase(c, glyphs[idx])) {
          AppendMark(&c, glyphs[idx]);
        } else {
          out.push_back(FromGlyph(glyphs[idx], idx));
        }
      }
      pending.clear();
    }
    out.push_back(std::move(c));
    host = static_cast<int>(out.size()) - 1;
    open_am = -1;
    if (cp == kSaraAm && g.bbox.width() < 0.05 * em) {
      open_am = host;
      open_am_x = g.bbox.x0;
    }
  }
  flush_pending_standalone();
  return out;
}

}  // namespace raingan::layout
