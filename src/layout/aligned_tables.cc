#include "layout/aligned_tables.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>

#include "base/utf8.h"
#include "layout/page_layout.h"
#include "layout/paragraphs.h"
#include "textnorm/thai_chars.h"

namespace raingan::layout {
namespace {

// Tracing for development: RAINGAN_DEBUG_ALIGNED=1 prints the finder's
// decisions on stderr.
bool Tracing() {
  static const bool on = std::getenv("RAINGAN_DEBUG_ALIGNED") != nullptr;
  return on;
}
#define RG_DEBUG(...)                                 \
  do {                                                \
    if (Tracing()) std::fprintf(stderr, __VA_ARGS__); \
  } while (0)

// Header cells are labels; a longer group of text is data. The longest
// header cell of the samples ("มาตรการ โครงการ หรือกิจกรรมที่ดำเนินการ
// เพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน") has 85 characters.
constexpr size_t kMaxHeaderCellChars = 120;

// How far (× font size) OCR may set the rest of a word from its start
// when it splits it ("การดําเน" | "ิน": 0.26 em on the 300-dpi borderless
// sample scan); a column gap is wider than a word space.
constexpr double kWordRestGap = 0.5;

// The number of a list item's marker ("๓." "3)" "(๓)"), or -1 when the
// text does not open a numbered item.
int ListItemNumber(std::string_view text) {
  if (!StartsWithListMarker(text)) return -1;
  size_t pos = 0;
  char32_t c = utf8::DecodeNext(text, &pos);
  while (c == U' ' && pos < text.size()) c = utf8::DecodeNext(text, &pos);
  if (c == U'(' && pos < text.size()) c = utf8::DecodeNext(text, &pos);
  int value = -1;
  for (int digits = 0; utf8::IsDigit(c) && digits < 3; ++digits) {
    value = (value < 0 ? 0 : value * 10) + utf8::DigitValue(c);
    if (pos >= text.size()) break;
    c = utf8::DecodeNext(text, &pos);
  }
  return value;
}

// Whether `text` holds a letter or a digit of any script (not only
// punctuation, a bullet or a lone combining mark).
bool HasLetterOrDigit(std::string_view text) {
  for (char32_t c : utf8::ToU32(text)) {
    if (utf8::IsDigit(c) || (c >= U'A' && c <= U'Z') ||
        (c >= U'a' && c <= U'z') || utf8::IsThaiConsonant(c)) {
      return true;
    }
  }
  return false;
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + mid, v.end());
  return v[mid];
}

// One visual line: fragments sharing a baseline, left to right.
struct Band {
  std::vector<int> frags;
  double top = 0, bottom = 0, baseline = 0;
  double x0 = 0, x1 = 0;
};

struct Interval {
  double lo = 0, hi = 0;
  double width() const { return hi - lo; }
};

// Removes [lo, hi] from a sorted list of disjoint intervals.
void Subtract(std::vector<Interval>* free, double lo, double hi) {
  std::vector<Interval> out;
  for (const Interval& f : *free) {
    if (hi <= f.lo || lo >= f.hi) {
      out.push_back(f);
      continue;
    }
    if (lo > f.lo) out.push_back({f.lo, lo});
    if (hi < f.hi) out.push_back({hi, f.hi});
  }
  *free = std::move(out);
}

class Finder {
 public:
  // `fragments` and `rules` are in the coordinates of one tall virtual
  // page (VirtualPage below): margins dropped, pages stacked.
  // `seams` are the virtual y where one page ends and the next begins.
  Finder(std::vector<TextLine> fragments, std::vector<Segment> rules,
         std::vector<double> seams, const HeaderVocabulary& vocabulary,
         const AlignedTableOptions& options)
      : vocab_(vocabulary),
        options_(options),
        frags_(std::move(fragments)),
        rules_(std::move(rules)),
        seams_(std::move(seams)) {
    std::vector<double> sizes;
    for (const TextLine& f : frags_) {
      if (f.font_size > 0) sizes.push_back(f.font_size);
    }
    em_ = sizes.empty() ? 12 : Median(sizes);
    BuildBands();
    std::vector<double> gaps;
    for (size_t b = 1; b < bands_.size(); ++b) {
      double gap = bands_[b].top - bands_[b - 1].bottom;
      if (gap > -em_ && gap < em_) gaps.push_back(gap);
    }
    usual_gap_ = gaps.empty() ? 0 : Median(gaps);
    line_pitch_ = MeasureLinePitch();
    frag_role_.assign(frags_.size(), 0);
    for (const Band& band : bands_) {
      std::vector<int> roles;
      for (int f : band.frags) {
        int r = vocab_.role_of ? vocab_.role_of(F(f).text) : 0;
        frag_role_[static_cast<size_t>(f)] = r;
        if (r != 0) roles.push_back(r);
      }
      band_roles_.push_back(std::move(roles));
    }
  }

  std::vector<AlignedTable> Run() {
    for (size_t b = 0; b < bands_.size(); ++b) {
      RG_DEBUG(" band %zu y %.1f roles %zu: %s\n", b, bands_[b].baseline,
               band_roles_[b].size(), BandText(b).c_str());
      if (std::getenv("RAINGAN_DEBUG_BOXES")) {
        for (int f : bands_[b].frags)
          RG_DEBUG("     [%.1f %.1f] %.1f %.1f %.1f %.1f %s\n", F(f).bbox.x0,
                   F(f).bbox.x1, F(f).bbox.y0, F(f).bbox.y1, F(f).baseline,
                   F(f).font_size, F(f).text.c_str());
      }
    }
    std::vector<AlignedTable> tables;
    size_t i = 0;
    size_t floor = 0;  // the first band after the last table
    while (i < bands_.size()) {
      std::optional<Built> t =
          TableAt(i, floor, tables.empty() ? nullptr : &tables.back());
      if (!t) {
        ++i;
        continue;
      }
      i = floor = t->end;
      tables.push_back(std::move(t->table));
    }
    return tables;
  }

  double em() const { return em_; }

 private:
  // A header candidate: its bands and its column groups.
  struct Group {
    double x0 = 0, x1 = 0;
    std::vector<int> frags;
    int role = 0;
    double cx() const { return (x0 + x1) / 2; }
  };
  struct Header {
    size_t first = 0, last = 0;  // bands
    std::vector<Group> groups;   // left to right
    int distinct_roles = 0;
  };
  struct Built {
    AlignedTable table;
    size_t end = 0;  // first band after the table
  };

  const TextLine& F(int i) const { return frags_[static_cast<size_t>(i)]; }

  void BuildBands() {
    std::vector<int> order(frags_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      return F(a).baseline < F(b).baseline;
    });
    size_t i = 0;
    while (i < order.size()) {
      const TextLine& head = F(order[i]);
      double tolerance =
          options_.same_band * (head.font_size > 0 ? head.font_size : em_);
      size_t j = i + 1;
      while (j < order.size() &&
             F(order[j]).baseline - head.baseline <= tolerance) {
        ++j;
      }
      Band band;
      band.frags.assign(order.begin() + static_cast<std::ptrdiff_t>(i),
                        order.begin() + static_cast<std::ptrdiff_t>(j));
      std::stable_sort(band.frags.begin(), band.frags.end(), [&](int a, int b) {
        return F(a).bbox.x0 < F(b).bbox.x0;
      });
      // A fragment that opens with a mark or a following vowel ("ิน"
      // after "การดําเน") is the rest of the word before it, split by OCR:
      // no cell begins there. Rejoined, it cannot pass for a column.
      for (size_t k = 1; k < band.frags.size();) {
        TextLine& left = frags_[static_cast<size_t>(band.frags[k - 1])];
        const TextLine& right = F(band.frags[k]);
        size_t pos = 0;
        const bool rest_of_word =
            !right.text.empty() &&
            textnorm::thai::IsNonInitial(utf8::DecodeNext(right.text, &pos)) &&
            right.bbox.x0 - left.bbox.x1 < kWordRestGap * em_;
        if (!rest_of_word) {
          ++k;
          continue;
        }
        left.text += right.text;
        left.bbox.x1 = std::max(left.bbox.x1, right.bbox.x1);
        left.bbox.y0 = std::min(left.bbox.y0, right.bbox.y0);
        left.bbox.y1 = std::max(left.bbox.y1, right.bbox.y1);
        band.frags.erase(band.frags.begin() + static_cast<std::ptrdiff_t>(k));
      }
      std::vector<double> baselines;
      band.top = F(band.frags[0]).bbox.y0;
      band.bottom = F(band.frags[0]).bbox.y1;
      band.x0 = F(band.frags[0]).bbox.x0;
      band.x1 = F(band.frags[0]).bbox.x1;
      for (int f : band.frags) {
        band.top = std::min(band.top, F(f).bbox.y0);
        band.bottom = std::max(band.bottom, F(f).bbox.y1);
        band.x0 = std::min(band.x0, F(f).bbox.x0);
        band.x1 = std::max(band.x1, F(f).bbox.x1);
        baselines.push_back(F(f).baseline);
      }
      band.baseline = Median(baselines);
      bands_.push_back(std::move(band));
      i = j;
    }
  }

  // The usual distance from a line to the next line of the same text
  // block: for each fragment, the nearest fragment below it that shares
  // some of its x-extent (a cell's or a paragraph's next line). Consecutive
  // bands are no measure: cells centred vertically interleave their lines
  // half a pitch apart. 0 when the page has no such pairs.
  double MeasureLinePitch() const {
    std::vector<double> pitches;
    for (size_t b = 0; b < bands_.size(); ++b) {
      for (int f : bands_[b].frags) {
        const BBox& box = F(f).bbox;
        for (size_t n = b + 1; n < bands_.size(); ++n) {
          double d = bands_[n].baseline - bands_[b].baseline;
          if (d > 3 * em_) break;
          bool below = false;
          for (int g : bands_[n].frags) {
            below = below || (F(g).bbox.x0 < box.x1 && F(g).bbox.x1 > box.x0);
          }
          if (below) {
            pitches.push_back(d);
            break;
          }
        }
      }
    }
    return pitches.empty() ? 0 : Median(pitches);
  }

  std::string BandText(size_t b) const {
    std::string text;
    for (int f : bands_[b].frags) {
      if (!text.empty()) text += ' ';
      text += F(f).text;
    }
    return text;
  }

  // Text of a group's fragments in reading order.
  std::string GroupText(const std::vector<int>& frags) const {
    std::vector<int> sorted = frags;
    std::stable_sort(sorted.begin(), sorted.end(), [&](int a, int b) {
      if (std::abs(F(a).baseline - F(b).baseline) > 0.35 * em_) {
        return F(a).baseline < F(b).baseline;
      }
      return F(a).bbox.x0 < F(b).bbox.x0;
    });
    std::string text;
    for (int f : sorted) {
      if (!text.empty()) text += ' ';
      text += F(f).text;
    }
    return text;
  }

  int RoleOf(const std::vector<int>& frags) const {
    if (!vocab_.role_of) return 0;
    std::string text = GroupText(frags);
    if (utf8::Length(text) > kMaxHeaderCellChars) return 0;
    int role = vocab_.role_of(text);
    if (role != 0) return role;
    // A parent label set left in its merged cell stands over its first
    // child only ("ระยะเวลา" over "เริ่มต้น"): the lines below the top
    // one name the column, the child's role wins.
    std::vector<int> lower = frags;
    while (lower.size() > 1) {
      double top = 1e18;
      for (int f : lower) top = std::min(top, F(f).baseline);
      std::vector<int> rest;
      for (int f : lower) {
        if (F(f).baseline - top > options_.same_band * em_) rest.push_back(f);
      }
      if (rest.empty() || rest.size() == lower.size()) break;
      role = vocab_.role_of(GroupText(rest));
      if (role != 0) return role;
      lower = std::move(rest);
    }
    return 0;
  }

  // Header groups of bands [first, last]: fragments stacked over each other
  // are one group (a header cell wraps over lines); one fragment above two
  // or more groups is a parent cell and joins none of them.
  std::vector<Group> GroupHeader(size_t first, size_t last) const {
    std::vector<Group> groups;
    for (size_t b = last + 1; b-- > first;) {
      for (int f : bands_[b].frags) {
        // OCR specks read as "." or "'" label nothing and would bridge
        // two labels or stand as columns of their own.
        if (!HasLetterOrDigit(F(f).text)) continue;
        const BBox& box = F(f).bbox;
        std::vector<size_t> over;
        for (size_t g = 0; g < groups.size(); ++g) {
          if (box.x0 < groups[g].x1 && box.x1 > groups[g].x0) over.push_back(g);
        }
        if (over.size() >= 2) continue;  // a parent: decided later
        if (over.empty()) {
          // Words of one line closer than a column gap are one cell. The
          // gap is to the group's word on this line, not to its extent: a
          // wider label line below may end 2 pt before the next column
          // ("โครงการ" under "ร/" beside "ปฏิบัติ", Kinnari 14, a 45-pt column).
          for (size_t g = 0; g < groups.size(); ++g) {
            const int last = groups[g].frags.back();
            bool same_band =
                std::find(bands_[b].frags.begin(), bands_[b].frags.end(),
                          last) != bands_[b].frags.end();
            const BBox& near = F(last).bbox;
            double gap = std::max(near.x0 - box.x1, box.x0 - near.x1);
            // Two text runs drawn apart with no space between them are two
            // cells, however close ("การดำเนิน" overflowing its period
            // cell 0.4 pt from the owner cell's "ชอบ", Kinnari 14).
            bool drawn_apart =
                box.x0 >= near.x1 ? F(f).run_break : F(last).run_break;
            // ... unless each names a role of its own ("หรือ" joins
            // "มาตรการ โครงการ", "ขั้นตอนหรือ" 1.4 pt to its right does not).
            int a = frag_role_[groups[g].frags.back()], r = frag_role_[f];
            bool two_labels = a != 0 && r != 0 && a != r;
            if (same_band && gap < options_.min_gap * em_ && !two_labels &&
                !drawn_apart) {
              over.push_back(g);
              break;
            }
          }
        }
        if (over.empty()) {
          groups.push_back({box.x0, box.x1, {f}, 0});
          continue;
        }
        Group& g = groups[over[0]];
        g.x0 = std::min(g.x0, box.x0);
        g.x1 = std::max(g.x1, box.x1);
        g.frags.push_back(f);
      }
    }
    std::sort(groups.begin(), groups.end(),
              [](const Group& a, const Group& b) { return a.x0 < b.x0; });
    // Groups grown from different lines may now overlap: one cell.
    std::vector<Group> merged;
    for (Group& g : groups) {
      if (!merged.empty() && g.x0 < merged.back().x1) {
        Group& m = merged.back();
        m.x1 = std::max(m.x1, g.x1);
        m.frags.insert(m.frags.end(), g.frags.begin(), g.frags.end());
        continue;
      }
      merged.push_back(std::move(g));
    }
    for (Group& g : merged) g.role = RoleOf(g.frags);
    return merged;
  }

  static int DistinctRoles(const std::vector<Group>& groups) {
    std::vector<int> roles;
    for (const Group& g : groups) {
      if (g.role != 0) roles.push_back(g.role);
    }
    std::sort(roles.begin(), roles.end());
    return static_cast<int>(std::unique(roles.begin(), roles.end()) -
                            roles.begin());
  }

  // Most groups of a header are labels (as IsHeaderRow asks of a row).
  static bool MostlyLabels(const std::vector<Group>& groups) {
    int labelled = 0;
    for (const Group& g : groups) labelled += g.role != 0;
    return labelled * 10 >= static_cast<int>(groups.size()) * 6;
  }

  // A line of running text: it spans most of `width` with no gap a
  // column would leave (≥ 1 em). Header lines are labels in separate
  // columns; a sentence above a table is not one of them.
  bool IsRunningText(size_t b, double width) const {
    const Band& band = bands_[b];
    if (band.x1 - band.x0 < 0.6 * width) return false;
    for (size_t k = 1; k < band.frags.size(); ++k) {
      if (F(band.frags[k]).bbox.x0 - F(band.frags[k - 1]).bbox.x1 >= em_) {
        return false;
      }
    }
    return true;
  }

  bool SeamBetween(size_t a, size_t b) const {
    for (double y : seams_) {
      if (bands_[a].baseline < y && bands_[b].baseline > y) return true;
    }
    return false;
  }

  // A fragment that opens a list item ("(๑)" with the word after it: a
  // number alone is no marker).
  bool BandHasListMarker(size_t b) const {
    const std::vector<int>& frags = bands_[b].frags;
    for (size_t k = 0; k < frags.size(); ++k) {
      std::string text = F(frags[k]).text;
      if (k + 1 < frags.size()) text += " " + F(frags[k + 1]).text;
      if (StartsWithListMarker(text)) return true;
    }
    return false;
  }

  // The header starting at band `first`, if one does: the window of tight
  // bands naming the most roles.
  std::optional<Header> HeaderAt(size_t first) const {
    if (first >= bands_.size()) return std::nullopt;
    // Cheap test first: a header's single fragments already name most of
    // its roles (a wrapped label like "ช่วงระยะ / เวลา" names one only once
    // joined), and its first band names one.
    if (band_roles_[first].empty()) return std::nullopt;
    // Labels are not numbered: a numbered line is a data row.
    if (BandHasListMarker(first)) return std::nullopt;
    {
      std::vector<int> seen;
      for (size_t b = first;
           b < bands_.size() && bands_[b].bottom - bands_[first].top <=
                                    options_.max_header_height * em_;
           ++b) {
        seen.insert(seen.end(), band_roles_[b].begin(), band_roles_[b].end());
      }
      std::sort(seen.begin(), seen.end());
      seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
      if (static_cast<int>(seen.size()) < options_.min_roles - 1) {
        return std::nullopt;
      }
    }
    // The widest the header could be: the bands it may hold.
    double wx0 = bands_[first].x0, wx1 = bands_[first].x1;
    for (size_t b = first;
         b < bands_.size() && bands_[b].bottom - bands_[first].top <=
                                  options_.max_header_height * em_;
         ++b) {
      wx0 = std::min(wx0, bands_[b].x0);
      wx1 = std::max(wx1, bands_[b].x1);
    }
    std::optional<Header> best;
    for (size_t last = first; last < bands_.size(); ++last) {
      if (bands_[last].bottom - bands_[first].top >
          options_.max_header_height * em_) {
        break;
      }
      if (last > first && bands_[last].top - bands_[last - 1].bottom >
                              options_.max_header_gap * em_) {
        break;
      }
      // Header labels are not numbered; a numbered line is the body.
      if (last > first && BandHasListMarker(last)) break;
      // A header cut by a page break shows labels before the break: body
      // text at the foot of a page followed by the next page's header is
      // not one header.
      if (last > first && SeamBetween(last - 1, last)) {
        std::vector<Group> before = GroupHeader(first, last - 1);
        if (DistinctRoles(before) < 2 || !MostlyLabels(before)) break;
      }
      if (IsRunningText(last, wx1 - wx0)) {
        if (last == first) return std::nullopt;
        break;
      }
      std::vector<Group> groups = GroupHeader(first, last);
      int roles = DistinctRoles(groups);
      if (roles < options_.min_roles || !MostlyLabels(groups)) continue;
      if (!best || roles > best->distinct_roles) {
        best = Header{first, last, std::move(groups), roles};
      }
    }
    if (!best) return std::nullopt;
    // The header's first band must hold header text, not a caption above.
    bool first_is_label = false;
    for (const Group& g : best->groups) {
      if (g.role == 0) continue;
      for (int f : g.frags) {
        first_is_label =
            first_is_label ||
            std::find(bands_[first].frags.begin(), bands_[first].frags.end(),
                      f) != bands_[first].frags.end();
      }
    }
    // ... or a parent label standing over the groups it names.
    for (int f : bands_[first].frags) {
      if (first_is_label || frag_role_[f] == 0) continue;
      for (const Group& g : best->groups) {
        first_is_label =
            first_is_label ||
            (g.role != 0 && F(f).bbox.x0 < g.x1 && F(f).bbox.x1 > g.x0);
      }
    }
    if (!first_is_label) return std::nullopt;
    bool ruled = false;
    size_t last = HeaderEnd(*best, &ruled);
    if (last != best->last) {
      std::vector<Group> groups = GroupHeader(first, last);
      int roles = DistinctRoles(groups);
      RG_DEBUG("   header %zu..%zu roles %d (window %zu roles %d)\n", first,
               last, roles, best->last, best->distinct_roles);
      // A rule under the header is believed over the label count.
      // (or one fewer: a longer label may read as another role once OCR
      // noise joins it).
      if (roles >= best->distinct_roles ||
          (roles >= options_.min_roles &&
           (ruled || roles + 1 >= best->distinct_roles))) {
        best = Header{first, last, std::move(groups), roles};
      }
    }
    return best;
  }

  // The last band of the header whose labels `header` found: the window
  // naming the most roles may stop before the longest label ends
  // ("...ภายในหน่วย" / "งาน"). The header goes on while some column's label
  // continues at its line pitch; it ends where every column with text
  // starts a new block (the first row, top-aligned, after the cells'
  // padding), or at a numbered line.
  // How far below its first line a header wrapping in one narrow column
  // may reach (33 em in the rows-only Umpush variant, the tallest seen).
  static constexpr double kWrappedHeaderReach = 2.0;  // × max_header_height

  size_t HeaderEnd(const Header& header, bool* ruled) const {
    const std::vector<Group>& groups = header.groups;
    std::vector<double> xs = {-1e18};
    for (size_t k = 0; k + 1 < groups.size(); ++k) {
      xs.push_back((groups[k].x1 + groups[k + 1].x0) / 2);
    }
    xs.push_back(1e18);
    const int cols = static_cast<int>(groups.size());
    std::vector<double> last_baseline(cols, -1);
    std::vector<double> pitches;
    for (size_t b = header.first; b <= header.last; ++b) {
      for (int f : bands_[b].frags) {
        int c = ColumnOf(xs, F(f).bbox.cx());
        double d = bands_[b].baseline - last_baseline[c];
        if (last_baseline[c] >= 0 && d > 0 && d < 2.5 * em_)
          pitches.push_back(d);
        last_baseline[c] = bands_[b].baseline;
      }
    }
    // A header of one-line cells has no pitch of its own: the page's is
    // the best guess (1.3 em for TH Sarabun, 1.9 em for Garuda). Nor is
    // its own less than the page's: OCR specks and words split off
    // between the lines of centred labels give half-pitch steps in a
    // column (0.98 em against the page's 1.67 on a phone photo).
    const double pitch = !pitches.empty()
                             ? std::max(Median(pitches), line_pitch_)
                         : line_pitch_ > 0 ? line_pitch_
                                           : 1.3 * em_;
    const double new_block = pitch + options_.block_gap * em_;
    size_t last = header.last;
    RG_DEBUG("   header end from %zu\n", header.last);
    for (size_t b = header.last + 1; b < bands_.size(); ++b) {
      // (A line naming two roles is labels, whatever a speck read as "-"
      // between them makes of it.)
      if (BandHasListMarker(b) && RolesNamed(b) < 2) {
        RG_DEBUG("   header ends at numbered band %zu: %s\n", b,
                 BandText(b).c_str());
        break;
      }
      // Baselines, not boxes: OCR gives a line its own font size, and a
      // box its size.
      if (bands_[b].baseline - bands_[b - 1].baseline >
          (options_.max_header_gap + 1.5) * em_) {
        break;
      }
      // Past a plain header's height only the one cell still wrapping
      // goes on, at its pitch: a narrow measure column wraps its label
      // word by word (15 lines, 25 em, in the frame-only Garuda variant;
      // the Umpush rows-only one reaches 33 em). Text in two columns, or
      // after the cells' padding, is the body.
      if (bands_[b].baseline - bands_[header.first].baseline >
          options_.max_header_height * em_) {
        const int wrapping = OnlyColumn(last, xs);
        if (wrapping < 0 || OnlyColumn(b, xs) != wrapping ||
            bands_[b].baseline - bands_[b - 1].baseline > new_block ||
            bands_[b].baseline - bands_[header.first].baseline >
                kWrappedHeaderReach * options_.max_header_height * em_) {
          break;
        }
        RG_DEBUG("   header band %zu: one column still wraps\n", b);
        last_baseline[wrapping] = bands_[b].baseline;
        last = b;
        continue;
      }
      auto continues_a_column = [&](size_t n) {
        for (int f : bands_[n].frags) {
          int c = ColumnOf(xs, F(f).bbox.cx());
          if (last_baseline[c] >= 0 &&
              bands_[n].baseline - last_baseline[c] <= new_block) {
            return true;
          }
        }
        return false;
      };
      // A row begins at least a line pitch and the cells' padding below
      // the last line of the row above: a line closer than a pitch to the
      // band before it (a child label centred between a taller cell's
      // lines) cannot open the body. The slack covers the pitch's spread
      // (under 0.05 em in a text layer, about 0.1 em in OCR).
      constexpr double kPitchSlack = 0.25;  // × font size
      const bool interleaved = bands_[b].baseline - bands_[b - 1].baseline <
                               pitch - kPitchSlack * em_;
      // A line of labels only (ผลผลิต | ผลลัพธ์ under a parent cell, in a
      // header whose cells are centred vertically) is header, wherever
      // its columns' text was: no data row names a role in every cell.
      bool all_labels = !bands_[b].frags.empty();
      for (int f : bands_[b].frags)
        all_labels = all_labels && frag_role_[f] != 0;
      // A header cell's label is one block: a column whose label ended
      // and that gets text again after more than a pitch is the body
      // (OCR's font size, and so the slack of `new_block`, is large: the
      // tallest label's column alone does not tell, the others do).
      // Two such columns at least: a narrow column wrapping its label
      // letter by letter may skip a line (Sawasdee, centred cells).
      std::vector<int> resumed;
      for (int f : bands_[b].frags) {
        int c = ColumnOf(xs, F(f).bbox.cx());
        if (last_baseline[c] >= 0 &&
            bands_[b].baseline - last_baseline[c] > new_block &&
            std::find(resumed.begin(), resumed.end(), c) == resumed.end()) {
          resumed.push_back(c);
        }
      }
      const bool resumes = resumed.size() >= 2;
      bool continues = interleaved || all_labels;
      if (!continues && !resumes) continues = continues_a_column(b);
      // Cells centred vertically interleave their lines: a short label
      // sits between two lines of the tallest one, half a pitch from
      // each. The header goes on past it while a column still continues
      // in a later band at its pitch.
      for (size_t n = b + 1;
           !continues && !resumes && n < bands_.size() &&
           bands_[n].baseline - bands_[b].baseline <= new_block;
           ++n) {
        continues = !BandHasListMarker(n) && continues_a_column(n);
      }
      RG_DEBUG("   header band %zu: %s (step %.1f pitch %.1f)\n", b,
               continues ? "goes on" : "ends",
               bands_[b].baseline - bands_[b - 1].baseline, pitch);
      if (!continues) {
        RG_DEBUG("   header ends before band %zu (pitch %.1f em %.1f)\n", b,
                 pitch, em_);
        break;
      }
      for (int f : bands_[b].frags) {
        last_baseline[ColumnOf(xs, F(f).bbox.cx())] = bands_[b].baseline;
      }
      last = b;
    }
    // A rule under the header (a header drawn with a bottom border, the
    // rest of the table without) says where it ends. It is looked for
    // further down than a header without one may reach: a narrow measure
    // column wraps its header cell letter by letter (17 lines, 33 em, in
    // the rows-only Umpush variant).
    double left = groups.front().x0, right = groups.back().x1;
    for (size_t j = header.last; j + 1 < bands_.size(); ++j) {
      const double height = bands_[j + 1].bottom - bands_[header.first].top;
      if (height > kWrappedHeaderReach * options_.max_header_height * em_) {
        break;
      }
      // Beyond a plain header's reach only the one cell still wrapping
      // goes on; text in several columns is the body.
      if (height > options_.max_header_height * em_ && j > last) {
        const int wrapping = OnlyColumn(last, xs);
        if (wrapping < 0 || OnlyColumn(j, xs) != wrapping ||
            bands_[j].baseline - bands_[j - 1].baseline > new_block) {
          break;
        }
      }
      if (BandHasListMarker(j + 1) && j + 1 > last) break;
      if (RuleBetween(j, j + 1, left, right)) {
        RG_DEBUG("   header ends at a rule after band %zu\n", j);
        *ruled = true;
        return j;
      }
    }
    return last;
  }

  // Column gaps during the growth of a body: for each gap between two
  // adjacent columns, the free x-intervals no body fragment covers.
  struct Gap {
    Interval search;  // where the separator may lie
    Interval header;  // between the two header groups (empty: no header)
    std::vector<Interval> free;
    bool mergeable = false;  // the two sides do not name different roles
  };

  // Indices of the gaps band `b` would close.
  std::vector<size_t> ClosedBy(const std::vector<Gap>& gaps, size_t b) const {
    std::vector<size_t> closed;
    for (size_t k = 0; k < gaps.size(); ++k) {
      std::vector<Interval> free = gaps[k].free;
      for (int f : bands_[b].frags) Subtract(&free, F(f).bbox.x0, F(f).bbox.x1);
      bool open = false;
      for (const Interval& iv : free) {
        open = open || (iv.hi > gaps[k].header.lo && iv.lo < gaps[k].header.hi);
      }
      if (!open) closed.push_back(k);
    }
    return closed;
  }

  void Occupy(std::vector<Gap>* gaps, size_t b) const {
    for (Gap& g : *gaps) {
      for (int f : bands_[b].frags) {
        Subtract(&g.free, F(f).bbox.x0, F(f).bbox.x1);
      }
    }
  }

  bool Genuine(const std::vector<Gap>& gaps,
               const std::vector<size_t>& closed) const {
    for (size_t k : closed) {
      if (!gaps[k].mergeable) return true;
    }
    return false;
  }

  // Merges the columns on both sides of gap k (header groups k and k+1).
  void MergeAt(size_t k, std::vector<Gap>* gaps,
               std::vector<Group>* groups) const {
    if (groups != nullptr) {
      Group& a = (*groups)[k];
      const Group& b = (*groups)[k + 1];
      a.x0 = std::min(a.x0, b.x0);
      a.x1 = std::max(a.x1, b.x1);
      a.frags.insert(a.frags.end(), b.frags.begin(), b.frags.end());
      a.role = RoleOf(a.frags);
      groups->erase(groups->begin() + static_cast<std::ptrdiff_t>(k) + 1);
    }
    // The merged column's neighbours now reach across it.
    if (k > 0) gaps->at(k - 1).search.hi = gaps->at(k).search.hi;
    if (k + 1 < gaps->size()) gaps->at(k + 1).search.lo = gaps->at(k).search.lo;
    gaps->erase(gaps->begin() + static_cast<std::ptrdiff_t>(k));
    if (groups != nullptr) {
      for (size_t j = 0; j < gaps->size(); ++j) {
        (*gaps)[j].mergeable = Mergeable((*groups)[j], (*groups)[j + 1]);
      }
    }
  }

  // Two header groups may be one label unless they name two roles.
  static bool Mergeable(const Group& a, const Group& b) {
    return a.role == 0 || b.role == 0 || a.role == b.role;
  }

  // The body below the header or from `start` for a continuation: bands
  // from `start` while they fit the gaps. Returns one past the last body
  // band; `spanning` gets the bands that span the table.
  size_t GrowBody(size_t start, std::vector<Gap>* gaps,
                  std::vector<Group>* groups,
                  std::vector<size_t>* spanning) const {
    size_t end_band = bands_.size();
    size_t b = start;
    double last_bottom = start > 0 ? bands_[start - 1].bottom : 0;
    while (b < end_band) {
      const Band& band = bands_[b];
      if (b > start && band.top - last_bottom > MaxBodyGap()) {
        RG_DEBUG("   stop: gap before %s\n", BandText(b).c_str());
        break;
      }
      // A new table's header follows a gap, or opens a page (a repeated
      // header); body text that mentions roles ("...ผู้รับผิดชอบ ก่อน
      // ระยะเวลาที่กำหนด") sits at the usual line gap.
      bool may_open = band.top - last_bottom > usual_gap_ + 0.5 * em_ ||
                      SeamBetween(b - 1, b);
      // (OCR may garble the top line of a header repeated on a new page,
      // "มาตรวรการ": the page's first line, naming nothing, right above a
      // header opens it too.)
      const bool header_next =
          band_roles_[b].empty() && SeamBetween(b - 1, b) && b + 1 < end_band &&
          !SeamBetween(b, b + 1) &&
          bands_[b + 1].top - band.bottom <= options_.max_header_gap * em_ &&
          HeaderAt(b + 1).has_value();
      if (b > start && may_open && (header_next || HeaderAt(b).has_value())) {
        RG_DEBUG("   stop: header at %s\n", BandText(b).c_str());
        break;
      }
      std::vector<size_t> closed = ClosedBy(*gaps, b);
      if (!Genuine(*gaps, closed)) {
        // Only gaps inside one header cell: merge those columns.
        for (size_t n = closed.size(); n-- > 0;)
          MergeAt(closed[n], gaps, groups);
        Occupy(gaps, b);
        last_bottom = band.bottom;
        ++b;
        continue;
      }
      // A line that closes a gap only because the lines above wore it
      // down (OCR boxes a little wide, a speck) without reaching across
      // the space between the two header labels is a line of its column.
      // (Not a line naming two roles: the next page's repeated header,
      // its columns set a little apart from this page's.)
      if (b > start && RolesNamed(b) < 2 && !ReachesAcross(*gaps, closed, b)) {
        RG_DEBUG("   band %zu closes a worn gap only\n", b);
        last_bottom = band.bottom;
        ++b;
        continue;
      }
      // A band across the columns: a row spanning the table (a section
      // title) when it is one run of text from the first column and the
      // bands after it fit again.
      size_t after = b;
      while (after < end_band &&
             after - b < static_cast<size_t>(options_.max_spanning_bands) &&
             Genuine(*gaps, ClosedBy(*gaps, after)) && Contiguous(after)) {
        ++after;
      }
      bool starts_left =
          gaps->empty() || band.x0 < gaps->front().search.lo + em_;
      bool fits_after =
          after < end_band && after > b &&
          bands_[after].top - bands_[after - 1].bottom <= MaxBodyGap() &&
          !Genuine(*gaps, ClosedBy(*gaps, after)) && !HeaderAt(after);
      // (Also right under the header: "ด้านที่ ๑ ..." often opens the body.)
      if (starts_left && fits_after) {
        for (size_t s = b; s < after; ++s) spanning->push_back(s);
        last_bottom = bands_[after - 1].bottom;
        b = after;
        continue;
      }
      // A table line with one word glued across a gap (OCR without the
      // blank between two cells) is still a table line: it stays in the
      // body, and the gap keeps what the other lines showed.
      int open_gaps = static_cast<int>(gaps->size() - closed.size());
      if (b > start && closed.size() == 1 && open_gaps >= 1 && !Contiguous(b) &&
          !HeaderAt(b).has_value()) {
        last_bottom = band.bottom;
        ++b;
        continue;
      }
      RG_DEBUG(
          "   stop: crossing [%s] start %d left %d fits %d closed %zu open %d "
          "contiguous %d\n",
          BandText(b).c_str(), b == start, starts_left, fits_after,
          closed.size(), open_gaps, Contiguous(b));
      break;
    }
    return b;
  }

  // How many distinct roles the fragments of band `b` name.
  int RolesNamed(size_t b) const {
    std::vector<int> roles;
    for (int f : bands_[b].frags) {
      if (frag_role_[f] != 0) roles.push_back(frag_role_[f]);
    }
    std::sort(roles.begin(), roles.end());
    return static_cast<int>(std::unique(roles.begin(), roles.end()) -
                            roles.begin());
  }

  // Whether a fragment of band `b` spans the whole space between the two
  // header labels of one of the `closed` gaps (always, for a gap without
  // a header: a continuation's columns come from its body).
  bool ReachesAcross(const std::vector<Gap>& gaps,
                     const std::vector<size_t>& closed, size_t b) const {
    for (size_t k : closed) {
      const Interval& h = gaps[k].header;
      if (h.width() <= 0) return true;
      for (int f : bands_[b].frags) {
        if (F(f).bbox.x0 < h.lo && F(f).bbox.x1 > h.hi) return true;
      }
    }
    return false;
  }

  // The widest vertical gap inside a table's body, in points: the option
  // is in font sizes of a font set at TH Sarabun's 1.3 em line pitch; a
  // font with taller lines (Garuda, 1.9 em) sets rows and their padding
  // further apart in proportion.
  double MaxBodyGap() const {
    constexpr double kSarabunPitch = 1.3;  // × font size
    const double scale =
        line_pitch_ > 0 ? std::max(1.0, line_pitch_ / (kSarabunPitch * em_))
                        : 1.0;
    return options_.max_body_gap * em_ * scale;
  }

  // One run of text: no gap a column would leave between its fragments.
  bool Contiguous(size_t b) const {
    const Band& band = bands_[b];
    for (size_t k = 1; k < band.frags.size(); ++k) {
      if (F(band.frags[k]).bbox.x0 - F(band.frags[k - 1]).bbox.x1 >= em_) {
        return false;
      }
    }
    return true;
  }

  // x of the separator of each gap: inside its widest free interval that
  // meets the header interval, as near the interval's middle as the
  // header allows.
  static std::vector<double> Separators(const std::vector<Gap>& gaps) {
    std::vector<double> xs;
    for (const Gap& g : gaps) {
      const Interval* best = nullptr;
      for (const Interval& f : g.free) {
        if (f.hi <= g.header.lo || f.lo >= g.header.hi) continue;
        if (best == nullptr || f.width() > best->width()) best = &f;
      }
      if (best == nullptr) {
        xs.push_back((g.header.lo + g.header.hi) / 2);
        continue;
      }
      double mid = (best->lo + best->hi) / 2;
      double lo = std::max(best->lo, g.header.lo);
      double hi = std::min(best->hi, g.header.hi);
      xs.push_back(std::clamp(mid, lo, hi));
    }
    return xs;
  }

  int ColumnOf(const std::vector<double>& xs, double x) const {
    for (size_t c = 0; c + 1 < xs.size(); ++c) {
      if (x < xs[c + 1]) return static_cast<int>(c);
    }
    return static_cast<int>(xs.size()) - 2;
  }

  // The one column all fragments of band `b` lie in, or -1.
  int OnlyColumn(size_t b, const std::vector<double>& xs) const {
    int column = -1;
    for (int f : bands_[b].frags) {
      int c = ColumnOf(xs, F(f).bbox.cx());
      if (column >= 0 && c != column) return -1;
      column = c;
    }
    return column;
  }

  // Shape of a leading number: "(n)", "n.n", "n." or "" — a measure cell
  // may hold a list numbered in another shape than the table's measures.
  std::string NumberShape(const std::string& text) const {
    std::u32string s = utf8::ToU32(text);
    size_t i = 0;
    std::string shape;
    if (i < s.size() && s[i] == U'(') {
      shape += '(';
      ++i;
    }
    bool digits = false;
    while (i < s.size() && (utf8::IsDigit(s[i]) || s[i] == U'.')) {
      if (utf8::IsDigit(s[i])) {
        if (!digits) shape += 'n';
        digits = true;
      } else {
        shape += '.';
        digits = false;
      }
      ++i;
    }
    if (i < s.size() && s[i] == U')') shape += ')';
    if (shape.find('n') == std::string::npos) return "";
    // OCR drops one bracket of "(๔)" now and then: a bracket is a bracket.
    if (shape.front() == '(' || shape.back() == ')') return "(n)";
    return shape;
  }

  // Row boundaries among body bands [start, end) (spanning bands are rows
  // of their own): the first band of each row.
  //
  // Cells may be top-aligned or vertically centred, and the lines of
  // different columns need not share baselines (paragraph spacing inside a
  // cell shifts the lines after it). So rows are anchored on the measure
  // column: each measure — a block of its lines that starts with the
  // table's numbering ("(๒)", "๑.๑"; a list inside the cell is numbered in
  // another shape), or, where measures are not numbered, that starts after
  // a gap — is one row. Between two anchors the row boundary is where no
  // column *continues* (its last line above and first line below are one
  // line pitch apart), at the widest such gap; with none (cells without
  // padding) it is right above the next anchor. Other boundaries are rows
  // without a measure: sub-rows whose cells start together in two or more
  // columns where no column continues, or a horizontal rule.
  std::vector<size_t> RowStarts(size_t start, size_t end,
                                const std::vector<double>& xs, int measure_col,
                                const std::vector<size_t>& spanning,
                                std::string* shape_io) const {
    const int cols = static_cast<int>(xs.size()) - 1;
    auto is_spanning = [&](size_t b) {
      return std::find(spanning.begin(), spanning.end(), b) != spanning.end();
    };
    std::vector<std::vector<std::vector<int>>> cell(
        end - start, std::vector<std::vector<int>>(cols));
    for (size_t b = start; b < end; ++b) {
      if (is_spanning(b)) continue;
      for (int f : bands_[b].frags) {
        cell[b - start][ColumnOf(xs, F(f).bbox.cx())].push_back(f);
      }
    }
    auto has = [&](size_t b, int c) { return !cell[b - start][c].empty(); };
    // A column's own baseline in a band: bands gather lines of different
    // columns up to `same_band` apart, more than the slack of a pitch.
    auto baseline = [&](size_t b, int c) {
      std::vector<double> v;
      for (int f : cell[b - start][c]) v.push_back(F(f).baseline);
      return Median(v);
    };
    // The usual line pitch inside each column (the table's where a column
    // has too few lines to tell).
    std::vector<std::vector<double>> column_pitches(cols);
    std::vector<double> pitches;
    for (int c = 0; c < cols; ++c) {
      double last = -1;
      for (size_t b = start; b < end; ++b) {
        if (!has(b, c)) continue;
        double y = baseline(b, c);
        double d = y - last;
        if (last >= 0 && d > 0 && d < 2.5 * em_) {
          pitches.push_back(d);
          column_pitches[c].push_back(d);
        }
        last = y;
      }
    }
    const double pitch = pitches.empty() ? 1.3 * em_ : Median(pitches);
    std::vector<double> new_block(cols);
    for (int c = 0; c < cols; ++c) {
      double p =
          column_pitches[c].size() >= 3 ? Median(column_pitches[c]) : pitch;
      new_block[c] = p + options_.block_gap * em_;
    }

    std::string shape = *shape_io;
    bool shape_known = !shape.empty();
    std::vector<size_t> starts;
    // Rows of one run of bands between spanning rows.
    auto segment = [&](size_t s, size_t e) {
      auto continues = [&](int c, size_t b) {
        double above = -1, below = -1;
        for (size_t k = b; k-- > s;) {
          if (has(k, c)) {
            above = baseline(k, c);
            break;
          }
        }
        for (size_t k = b; k < e; ++k) {
          if (has(k, c)) {
            below = baseline(k, c);
            break;
          }
        }
        return above >= 0 && below >= 0 && below - above <= new_block[c];
      };
      auto free_at = [&](size_t b) {
        for (int c = 0; c < cols; ++c) {
          if (continues(c, b)) return false;
        }
        return true;
      };
      auto starting = [&](size_t b) {
        int n = 0;
        for (int c = 0; c < cols; ++c) n += has(b, c) && !continues(c, b);
        return n;
      };
      auto gap_above = [&](size_t b) {
        return b > s ? bands_[b].top - bands_[b - 1].bottom : 0.0;
      };
      // The measures' numbering: that of the first numbered measure (a
      // header's last line or a cut row's tail may come before it).
      if (!shape_known && measure_col >= 0) {
        for (size_t b = s; b < e; ++b) {
          if (!has(b, measure_col)) continue;
          const std::vector<int>& m = cell[b - start][measure_col];
          std::string here = NumberShape(GroupText(m));
          if (StartsWithListMarker(GroupText(m)) && !here.empty()) {
            shape = here;
            break;
          }
        }
        shape_known = true;
      }
      // Measure anchors.
      std::vector<size_t> anchors;
      if (measure_col >= 0) {
        double last = -1;
        size_t last_band = s;
        for (size_t b = s; b < e; ++b) {
          if (!has(b, measure_col)) continue;
          const std::vector<int>& m = cell[b - start][measure_col];
          double y = baseline(b, measure_col);
          bool block_start = last < 0 || y - last > new_block[measure_col];
          // Cells centred vertically: a taller cell of the next row may
          // start above its measure, so the measure's own band is not
          // free; a free band since the last measure line is the break.
          bool break_since = b == s || last < 0 || free_at(b);
          for (size_t k = last_band + 1; !break_since && last >= 0 && k < b;
               ++k) {
            break_since = free_at(k);
          }
          last = y;
          last_band = b;
          std::string here = NumberShape(GroupText(m));
          bool numbered = StartsWithListMarker(GroupText(m)) && !here.empty();
          bool anchor = shape.empty() ? block_start && break_since
                                      : numbered && here == shape;
          if (anchor) anchors.push_back(b);
        }
      }
      RG_DEBUG("   rows %zu..%zu measure col %d shape '%s' anchors:", s, e,
               measure_col, shape.c_str());
      for (size_t a : anchors) RG_DEBUG(" %zu", a);
      RG_DEBUG("\n");
      std::vector<size_t> bounds;  // row starts inside (s, e)
      for (size_t i = 0; i < anchors.size(); ++i) {
        size_t lo = i == 0 ? s : anchors[i - 1];
        size_t hi = anchors[i];
        // A first row keeps the lines of its taller cells above its
        // centred measure — also right after a section row, which ends
        // the row before it. (A row the page break cut is split off at
        // the seam, SplitAtSeams.)
        if (i == 0) continue;
        std::optional<size_t> best;
        for (size_t b = lo + 1; b <= hi; ++b) {
          if (!free_at(b)) continue;
          if (!best || gap_above(b) > gap_above(*best)) best = b;
        }
        if (!best && i > 0) best = hi;
        if (best) bounds.push_back(*best);
      }
      // Rows without a measure, and ruled rows.
      for (size_t b = s + 1; b < e; ++b) {
        bool rule = RuleBetween(b - 1, b, xs.front(), xs.back());
        bool sub_row = free_at(b) && starting(b) >= 2 &&
                       (measure_col < 0 || !has(b, measure_col)) &&
                       !ContinuesLists(cell[b - start]);
        if (measure_col >= 0 && sub_row) {
          // Only where no measure follows before the next boundary: the
          // lines above a centred measure are its own row's.
          for (size_t k = b; k < e; ++k) {
            if (std::find(bounds.begin(), bounds.end(), k) != bounds.end() &&
                k > b) {
              break;
            }
            if (std::find(anchors.begin(), anchors.end(), k) != anchors.end()) {
              sub_row = false;
              break;
            }
          }
        }
        if (measure_col < 0 && free_at(b) && starting(b) >= 1) sub_row = true;
        if (rule || sub_row) bounds.push_back(b);
      }
      std::sort(bounds.begin(), bounds.end());
      bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
      starts.push_back(s);
      for (size_t b : bounds) {
        if (b > s && b < e) starts.push_back(b);
      }
    };
    size_t s = start;
    for (size_t b = start; b <= end; ++b) {
      if (b == end || is_spanning(b)) {
        if (b > s) segment(s, b);
        if (b < end) starts.push_back(b);
        s = b + 1;
      }
    }
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    *shape_io = shape;
    return starts;
  }

  // Whether every cell a band starts goes on a numbered list ("๓. ..."
  // in each column that has text): the next items of the row above, whose
  // columns happen to wrap to the same line, not a sub-row of its own. A
  // sub-row's lists start again at ๑ (or are not numbered).
  bool ContinuesLists(const std::vector<std::vector<int>>& cells) const {
    int filled = 0;
    for (const std::vector<int>& frags : cells) {
      if (frags.empty()) continue;
      ++filled;
      if (ListItemNumber(GroupText(frags)) < 2) return false;
    }
    return filled > 0;
  }

  // A horizontal rule between bands a and b across most of the table.
  bool RuleBetween(size_t a, size_t b, double left, double right) const {
    double lo = bands_[a].baseline,
           hi = bands_[b].top + options_.rule_tolerance;
    for (const Segment& s : rules_) {
      if (s.y0 <= lo || s.y0 >= hi) continue;
      double span = std::min(s.x1, right) - std::max(s.x0, left);
      if (span >= options_.min_rule_span * (right - left)) return true;
    }
    return false;
  }

  // Whether no header line above band `b` (from `first`) has text inside
  // one of columns [c0, c1]: a parent cell is the top of the columns it
  // spans. A fragment crossing columns lower down is a label's line that
  // OCR joined to a neighbour's ("ดำเนินการเพื่อ" + "ะ" of ระยะ).
  bool NothingAbove(size_t first, size_t b, const std::vector<double>& xs,
                    int c0, int c1) const {
    const double reach = 0.25 * em_;
    for (size_t k = first; k < b; ++k) {
      if (bands_[b].baseline - bands_[k].baseline <= options_.same_band * em_)
        continue;
      for (int f : bands_[k].frags) {
        const BBox& box = F(f).bbox;
        int a = ColumnOf(xs, box.x0 + reach), z = ColumnOf(xs, box.x1 - reach);
        if (a == z && a >= c0 && a <= c1 && HasLetterOrDigit(F(f).text))
          return false;
      }
    }
    return true;
  }

  // Builds the grid: header rows (one or two), then data rows.
  AlignedTable MakeTable(const std::vector<double>& seps,
                         std::optional<size_t> header_first,
                         std::optional<size_t> header_last, size_t body_start,
                         size_t body_end, const std::vector<size_t>& row_starts,
                         const std::vector<size_t>& spanning) const {
    double left = 1e18, right = -1e18, top = 1e18, bottom = -1e18;
    size_t first = header_first.value_or(body_start);
    for (size_t b = first; b < body_end; ++b) {
      left = std::min(left, bands_[b].x0);
      right = std::max(right, bands_[b].x1);
      top = std::min(top, bands_[b].top);
      bottom = std::max(bottom, bands_[b].bottom);
    }
    constexpr double kPad = 1.0;
    std::vector<double> xs;
    xs.push_back(std::min(left, seps.empty() ? left : seps.front()) - kPad);
    for (double s : seps) xs.push_back(s);
    xs.push_back(std::max(right, seps.empty() ? right : seps.back()) + kPad);
    const int cols = static_cast<int>(xs.size()) - 1;

    // Header fragments crossing a separator are parents of the columns
    // they span; with parents the header has two rows.
    struct Parent {
      int first_col, last_col;
      double bottom;
    };
    std::vector<Parent> parents;
    double children_top = 1e18;
    if (header_first) {
      const double reach = 0.25 * em_;
      for (size_t b = *header_first; b <= *header_last; ++b) {
        for (int f : bands_[b].frags) {
          const BBox& box = F(f).bbox;
          int c0 = ColumnOf(xs, box.x0 + reach),
              c1 = ColumnOf(xs, box.x1 - reach);
          if (c1 > c0 && NothingAbove(*header_first, b, xs, c0, c1))
            parents.push_back({c0, c1, box.y1});
        }
      }
      for (size_t b = *header_first; b <= *header_last; ++b) {
        for (int f : bands_[b].frags) {
          const BBox& box = F(f).bbox;
          int c = ColumnOf(xs, box.cx());
          for (const Parent& p : parents) {
            if (c >= p.first_col && c <= p.last_col &&
                box.y0 >= p.bottom - 0.2 * em_ &&
                ColumnOf(xs, box.x0 + reach) == ColumnOf(xs, box.x1 - reach)) {
              children_top = std::min(children_top, box.y0);
            }
          }
        }
      }
    }
    const bool two_rows = !parents.empty() && children_top < 1e17;

    std::vector<double> ys;
    ys.push_back(top - kPad);
    if (header_first) {
      if (two_rows) {
        double parent_bottom = 0;
        for (const Parent& p : parents)
          parent_bottom = std::max(parent_bottom, p.bottom);
        ys.push_back((parent_bottom + children_top) / 2);
      }
      ys.push_back((bands_[*header_last].bottom + bands_[body_start].top) / 2);
    }
    for (size_t r = 1; r < row_starts.size(); ++r) {
      size_t b = row_starts[r];
      ys.push_back((bands_[b - 1].bottom + bands_[b].top) / 2);
    }
    ys.push_back(bottom + kPad);
    // Bands may overlap a little (marks above and below): keep the
    // boundaries increasing.
    for (size_t i = 1; i < ys.size(); ++i)
      ys[i] = std::max(ys[i], ys[i - 1] + 0.01);

    std::vector<GridCell> cells;
    int header_rows = header_first ? (two_rows ? 2 : 1) : 0;
    auto box_of = [&](int r, int c, int rs, int cs) {
      return BBox{xs[c], ys[r], xs[c + cs], ys[r + rs]};
    };
    if (header_rows == 2) {
      std::vector<int> parent_of(cols, -1);
      for (size_t p = 0; p < parents.size(); ++p) {
        for (int c = parents[p].first_col; c <= parents[p].last_col; ++c) {
          if (parent_of[c] < 0) parent_of[c] = static_cast<int>(p);
        }
      }
      for (int c = 0; c < cols;) {
        if (parent_of[c] < 0) {
          cells.push_back({0, c, 2, 1, box_of(0, c, 2, 1)});
          ++c;
          continue;
        }
        int span = 1;
        while (c + span < cols && parent_of[c + span] == parent_of[c]) ++span;
        cells.push_back({0, c, 1, span, box_of(0, c, 1, span)});
        for (int k = c; k < c + span; ++k)
          cells.push_back({1, k, 1, 1, box_of(1, k, 1, 1)});
        c += span;
      }
    } else if (header_rows == 1) {
      for (int c = 0; c < cols; ++c)
        cells.push_back({0, c, 1, 1, box_of(0, c, 1, 1)});
    }
    for (size_t r = 0; r < row_starts.size(); ++r) {
      int row = header_rows + static_cast<int>(r);
      bool spans = std::find(spanning.begin(), spanning.end(), row_starts[r]) !=
                   spanning.end();
      if (spans) {
        cells.push_back({row, 0, 1, cols, box_of(row, 0, 1, cols)});
        continue;
      }
      for (int c = 0; c < cols; ++c)
        cells.push_back({row, c, 1, 1, box_of(row, c, 1, 1)});
    }
    // Row-major order of top-left positions, as TableGrid expects.
    std::sort(cells.begin(), cells.end(),
              [](const GridCell& a, const GridCell& b) {
                return a.row != b.row ? a.row < b.row : a.col < b.col;
              });

    AlignedTable table{TableGrid(xs, ys, cells), 0, -1, {}, {}, {}, {}};
    table.header_rows = header_rows;
    table.grid.set_kind(TableKind::kAligned);
    // The header cells' text, in case a page break cuts the header.
    table.header_text.assign(header_rows, std::vector<std::string>(cols));
    if (header_first) {
      for (const GridCell& c : table.grid.cells()) {
        if (c.row >= header_rows) continue;
        std::vector<int> in_cell;
        for (size_t b = *header_first; b <= *header_last; ++b) {
          for (int f : bands_[b].frags) {
            const BBox& box = F(f).bbox;
            if (c.bbox.Contains(box.cx(), (box.cy() + F(f).baseline) / 2)) {
              in_cell.push_back(f);
            }
          }
        }
        table.header_text[c.row][c.col] = GroupText(in_cell);
      }
    }
    return table;
  }

  // A gap between two header groups that do not name two roles (one
  // label's words, set far apart) is a column gap only if the body has
  // text on both sides of it; otherwise the two groups are one column.
  void MergeUnwitnessed(size_t start, size_t end,
                        const std::vector<size_t>& spanning,
                        std::vector<Gap>* gaps,
                        std::vector<Group>* groups) const {
    for (bool changed = true; changed;) {
      changed = false;
      std::vector<double> seps = Separators(*gaps);
      std::vector<double> xs = {-1e18};
      xs.insert(xs.end(), seps.begin(), seps.end());
      xs.push_back(1e18);
      std::vector<int> count(groups->size(), 0);
      for (size_t b = start; b < end; ++b) {
        if (std::find(spanning.begin(), spanning.end(), b) != spanning.end()) {
          continue;
        }
        for (int f : bands_[b].frags) ++count[ColumnOf(xs, F(f).bbox.cx())];
      }
      // The narrowest such gap first: an unlabelled word belongs to the
      // label it stands closest to.
      std::optional<size_t> merge;
      for (size_t k = 0; k < gaps->size(); ++k) {
        if (!(*gaps)[k].mergeable || (count[k] != 0 && count[k + 1] != 0)) {
          continue;
        }
        auto width = [&](size_t j) {
          return (*groups)[j + 1].x0 - (*groups)[j].x1;
        };
        if (!merge || width(k) < width(*merge)) merge = k;
      }
      if (merge) {
        MergeAt(*merge, gaps, groups);
        changed = true;
      }
    }
  }

  // The same columns: as many, and no column named differently (OCR may
  // leave one label unread).
  static bool SameColumns(const std::vector<int>& a,
                          const std::vector<int>& b) {
    if (a.size() != b.size()) return false;
    int agree = 0;
    for (size_t c = 0; c < a.size(); ++c) {
      if (a[c] == 0 || b[c] == 0) continue;
      if (a[c] != b[c]) return false;
      ++agree;
    }
    return agree >= 3;
  }

  bool HasDigit(size_t b) const {
    for (int f : bands_[b].frags) {
      for (char32_t c : utf8::ToU32(F(f).text)) {
        if (utf8::IsDigit(c)) return true;
      }
    }
    return false;
  }

  // Every fragment of band `b` lies in one column of `xs`.
  bool InsideColumns(const std::vector<double>& xs, size_t b) const {
    for (int f : bands_[b].frags) {
      const BBox& box = F(f).bbox;
      if (ColumnOf(xs, box.x0 + 1) != ColumnOf(xs, box.x1 - 1)) return false;
    }
    return true;
  }

  // Header cells are often centred vertically: the first band whose
  // labels name roles may lie below the first lines of the tallest label,
  // pieces of a word that name nothing yet ("มาตรก" / "าร/" / "โครงก" over
  // "กิจกรรม", "ช่วง" / "ระยะ" over "เวลา": 45-pt columns, Loma 13). Bands
  // right above the header, as close as its own lines and each fragment
  // over one of its groups only (it may be wider than the lines below:
  // "ช่วงระยะ" over "เวลาใน"), are its top; taken when the header then
  // names no fewer roles. Never above `floor` (the last table's end).
  void ExtendHeaderUp(size_t floor, Header* header) const {
    // As close as the lines of one cell: the usual band gap, and half an
    // em for OCR boxes (the interleaved bands of centred cells overlap).
    const double tight = usual_gap_ + 0.5 * em_;
    const double reach = options_.max_header_height * em_;
    size_t first = header->first;
    while (first > floor) {
      const size_t b = first - 1;
      if (bands_[first].top - bands_[b].bottom > tight) break;
      if (bands_[header->last].bottom - bands_[b].top > reach) break;
      if (SeamBetween(b, first) || BandHasListMarker(b)) break;
      bool inside = !bands_[b].frags.empty();
      for (int f : bands_[b].frags) {
        const BBox& box = F(f).bbox;
        int over = 0;
        for (const Group& g : header->groups) {
          over += box.x0 < g.x1 && box.x1 > g.x0;
        }
        inside = inside && over == 1;
      }
      if (!inside) break;
      first = b;
    }
    if (first == header->first) return;
    std::vector<Group> groups = GroupHeader(first, header->last);
    const int roles = DistinctRoles(groups);
    RG_DEBUG("   header top %zu -> %zu roles %d -> %d\n", header->first, first,
             header->distinct_roles, roles);
    if (roles < header->distinct_roles || !MostlyLabels(groups)) return;
    *header = Header{first, header->last, std::move(groups), roles};
  }

  // `previous` is the table found before, if any: a header repeated on
  // the next page opens the same table again, numbered the same way.
  // `floor` is the first band after it.
  std::optional<Built> TableAt(size_t i, size_t floor,
                               const AlignedTable* previous) const {
    std::optional<Header> header = HeaderAt(i);
    if (!header) return std::nullopt;
    ExtendHeaderUp(floor, &*header);
    std::vector<Group> groups = header->groups;
    if (groups.size() < 2) return std::nullopt;
    std::vector<Gap> gaps;
    for (size_t k = 0; k + 1 < groups.size(); ++k) {
      Gap g;
      g.search = {groups[k].cx(), groups[k + 1].cx()};
      g.header = {groups[k].x1, groups[k + 1].x0};
      g.free = {g.search};
      g.mergeable = Mergeable(groups[k], groups[k + 1]);
      gaps.push_back(g);
    }
    size_t body_start = header->last + 1;
    std::vector<size_t> spanning;
    size_t end = GrowBody(body_start, &gaps, &groups, &spanning);
    if (end <= body_start) return std::nullopt;
    RG_DEBUG("table at band %zu (y %.1f) header ..%zu body ..%zu\n", i,
             bands_[i].top, header->last, end);
    for (const Group& g : groups) {
      RG_DEBUG("  group [%.1f %.1f] role %d %s\n", g.x0, g.x1, g.role,
               GroupText(g.frags).c_str());
    }
    MergeUnwitnessed(body_start, end, spanning, &gaps, &groups);
    // The merged header must still name enough roles.
    for (Group& g : groups) g.role = RoleOf(g.frags);
    if (DistinctRoles(groups) < options_.min_roles) return std::nullopt;
    std::vector<double> seps = Separators(gaps);
    int measure_col = -1;
    for (size_t c = 0; c < groups.size(); ++c) {
      if (groups[c].role == vocab_.measure_role) {
        measure_col = static_cast<int>(c);
        break;
      }
    }
    std::vector<double> xs = {groups.front().x0};
    xs.insert(xs.end(), seps.begin(), seps.end());
    xs.push_back(groups.back().x1);
    std::vector<int> roles;
    for (const Group& g : groups) roles.push_back(g.role);
    std::string shape;
    if (previous != nullptr && SameColumns(previous->column_roles, roles)) {
      shape = previous->measure_shape;
    }
    // The tail of a long label (the measure column's header wraps longest)
    // may have been taken for the body: lines above the first numbered
    // measure with text in that column only, and no numbers, are header.
    size_t header_last = header->last;
    if (measure_col >= 0) {
      size_t b = body_start;
      auto only_measure = [&](size_t k) {
        for (int f : bands_[k].frags) {
          if (ColumnOf(xs, F(f).bbox.cx()) != measure_col) return false;
          for (char32_t c : utf8::ToU32(F(f).text)) {
            if (utf8::IsDigit(c)) return false;
          }
        }
        return true;
      };
      while (b < end && only_measure(b) && !BandHasListMarker(b)) ++b;
      bool numbered_next = b < end && b > body_start &&
                           !NumberShape(BandText(b)).empty() &&
                           StartsWithListMarker(BandText(b));
      if (numbered_next) {
        header_last = b - 1;
        body_start = b;
      }
    }
    // A header the page break cut: its labels go on at the top of the
    // next page ("าร/ กิจกรร ม ที่ ดำเนิน การ" under "มาตรก าร/ โครงก",
    // Loma 13). The first block of lines after the break, with no number
    // and each line in the columns, is header when a new block (the first
    // row, after the cells' padding) follows it; lines at the usual pitch
    // that run into a number are the first row, cut by the break.
    if (header_last + 1 == body_start && SeamBetween(header_last, body_start)) {
      // A new block as RowStarts tells one: a baseline step wider than the
      // line pitch by the cells' padding.
      auto new_block = [&](size_t k) {
        return bands_[k].baseline - bands_[k - 1].baseline >
               line_pitch_ + options_.block_gap * em_;
      };
      size_t b = body_start;
      const double reach = options_.max_header_height * em_;
      while (b < end && (b == body_start || !new_block(b)) &&
             !BandHasListMarker(b) && !HasDigit(b) && InsideColumns(xs, b) &&
             bands_[b].bottom - bands_[body_start].top <= reach) {
        ++b;
      }
      if (b > body_start && b < end && new_block(b)) {
        RG_DEBUG("   header cut by the page break goes on to band %zu\n",
                 b - 1);
        header_last = b - 1;
        body_start = b;
      }
    }
    std::vector<size_t> starts =
        RowStarts(body_start, end, xs, measure_col, spanning, &shape);
    Built built{MakeTable(seps, header->first, header_last, body_start, end,
                          starts, spanning),
                end};
    built.table.measure_col = measure_col;
    built.table.measure_shape = shape;
    built.table.column_roles = roles;
    return built;
  }

  const HeaderVocabulary& vocab_;
  const AlignedTableOptions& options_;
  std::vector<TextLine> frags_;
  std::vector<Segment> rules_;
  std::vector<double> seams_;
  std::vector<Band> bands_;
  double usual_gap_ = 0;   // between consecutive bands
  double line_pitch_ = 0;  // baseline to baseline inside a paragraph or cell
  std::vector<std::vector<int>> band_roles_;  // roles single fragments name
  std::vector<int> frag_role_;                // per fragment
  double em_ = 12;
};

// Vertical separators of `grid`: between every two columns in every row,
// except across a cell that spans them.
std::vector<Segment> SeparatorsOf(const TableGrid& grid) {
  std::vector<Segment> out;
  for (int r = 0; r < grid.rows(); ++r) {
    for (int c = 1; c < grid.cols(); ++c) {
      if (grid.CellAt(r, c - 1) == grid.CellAt(r, c)) continue;
      Segment seg;
      seg.x0 = seg.x1 = grid.xs()[c];
      seg.y0 = grid.ys()[r];
      seg.y1 = grid.ys()[r + 1];
      out.push_back(seg);
    }
  }
  return out;
}

// The pages of a document stacked into one tall page: margins (page
// numbers, catchwords) dropped, each page's text placed one usual line gap
// below the last text of the page before, so that a table cut by a page
// break reads as one.
struct VirtualPage {
  std::vector<TextLine> fragments;
  std::vector<size_t> page_of;  // per fragment
  std::vector<Segment> rules;
  std::vector<double> offset;  // per page: virtual y = page y + offset
  // Virtual y where each page's share ends (the next begins); +inf last.
  std::vector<double> seam;
};

bool Finite(const BBox& b) {
  return std::isfinite(b.x0) && std::isfinite(b.x1) && std::isfinite(b.y0) &&
         std::isfinite(b.y1);
}

// The middle of the page's text, horizontally.
double MiddleOf(const PageText& page) {
  double x0 = 1e18, x1 = -1e18;
  for (const TextLine& f : page.fragments) {
    x0 = std::min(x0, f.bbox.x0);
    x1 = std::max(x1, f.bbox.x1);
  }
  return x1 > x0 ? (x0 + x1) / 2 : 0;
}

// Fragments of one page without its margin lines, in reading order bands.
std::vector<TextLine> ContentOf(const PageText& page,
                                const AlignedTableOptions& options) {
  std::vector<TextLine> kept;
  for (const TextLine& f : page.fragments) {
    if (f.text.empty() || !Finite(f.bbox) || !std::isfinite(f.baseline)) {
      continue;
    }
    bool excluded = std::any_of(
        page.exclude.begin(), page.exclude.end(),
        [&](const BBox& e) { return e.Contains(f.bbox.cx(), f.bbox.cy()); });
    if (!excluded) kept.push_back(f);
  }
  std::stable_sort(kept.begin(), kept.end(),
                   [](const TextLine& a, const TextLine& b) {
                     return a.baseline < b.baseline;
                   });
  // Bands, to read each visual line's text as a whole.
  std::vector<std::pair<size_t, size_t>> bands;
  for (size_t i = 0; i < kept.size();) {
    double tolerance = options.same_band * std::max(kept[i].font_size, 1.0);
    size_t j = i + 1;
    while (j < kept.size() &&
           kept[j].baseline - kept[i].baseline <= tolerance) {
      ++j;
    }
    bands.emplace_back(i, j);
    i = j;
  }
  std::vector<bool> drop(kept.size(), false);
  const double top = page.height * options.margin_band;
  const double bottom = page.height * (1 - options.margin_band);
  for (size_t k = 0; k < bands.size(); ++k) {
    auto [i, j] = bands[k];
    std::vector<const TextLine*> line;
    for (size_t n = i; n < j; ++n) line.push_back(&kept[n]);
    std::stable_sort(line.begin(), line.end(),
                     [](const TextLine* a, const TextLine* b) {
                       return a->bbox.x0 < b->bbox.x0;
                     });
    std::string text;
    double y0 = 1e18, y1 = -1e18;
    for (const TextLine* l : line) {
      if (!text.empty()) text += ' ';
      text += l->text;
      y0 = std::min(y0, l->bbox.y0);
      y1 = std::max(y1, l->bbox.y1);
    }
    double cy = (y0 + y1) / 2;
    bool in_margin = page.height > 0 && (cy <= top || cy >= bottom);
    // A page number OCR misread ("- ว์ -" for "- 3 -") is still a few
    // signs near the middle of the margin.
    double cx = (line.front()->bbox.x0 + line.back()->bbox.x1) / 2;
    double width = 0;
    for (const TextLine* l : line) width = std::max(width, l->bbox.x1);
    bool short_centred = utf8::Length(text) <= 7 && page.height > 0 &&
                         std::abs(cx - MiddleOf(page)) < 0.1 * page.height;
    bool margin_line = in_margin && (IsPageNumberLine(text) || short_centred);
    bool catchword = k + 1 == bands.size() && IsCatchwordLine(text);
    if (margin_line || catchword) {
      for (size_t n = i; n < j; ++n) drop[n] = true;
    }
  }
  std::vector<TextLine> out;
  for (size_t n = 0; n < kept.size(); ++n) {
    if (!drop[n]) out.push_back(std::move(kept[n]));
  }
  return out;
}

VirtualPage Stack(const std::vector<PageText>& pages,
                  const AlignedTableOptions& options) {
  std::vector<std::vector<TextLine>> content;
  std::vector<double> gaps;  // between consecutive lines, for the seams
  std::vector<double> sizes;
  for (const PageText& page : pages) {
    content.push_back(ContentOf(page, options));
    const std::vector<TextLine>& c = content.back();
    for (size_t i = 0; i < c.size(); ++i) {
      if (c[i].font_size > 0) sizes.push_back(c[i].font_size);
      // The next fragment below this one, overlapping it horizontally.
      for (size_t j = i + 1; j < c.size(); ++j) {
        if (c[j].baseline - c[i].baseline < 0.5 * c[i].font_size) continue;
        if (c[j].bbox.x0 >= c[i].bbox.x1 || c[j].bbox.x1 <= c[i].bbox.x0) {
          continue;
        }
        double gap = c[j].bbox.y0 - c[i].bbox.y1;
        if (gap > -0.5 * c[i].font_size && gap < c[i].font_size) {
          gaps.push_back(gap);
        }
        break;
      }
    }
  }
  double em = sizes.empty() ? 12 : Median(sizes);
  double line_gap = gaps.empty() ? 0.2 * em : Median(gaps);

  VirtualPage vp;
  vp.offset.assign(pages.size(), 0);
  vp.seam.assign(pages.size(), std::numeric_limits<double>::infinity());
  double last_bottom = 0;  // virtual bottom of the text so far
  bool any = false;
  for (size_t p = 0; p < pages.size(); ++p) {
    const std::vector<TextLine>& c = content[p];
    double top = std::numeric_limits<double>::infinity(), bottom = -top;
    for (const TextLine& f : c) {
      top = std::min(top, f.bbox.y0);
      bottom = std::max(bottom, f.bbox.y1);
    }
    if (c.empty()) {
      vp.offset[p] = any ? last_bottom : 0;
      if (p > 0) vp.seam[p - 1] = vp.offset[p];
      continue;
    }
    vp.offset[p] = any ? last_bottom + line_gap - top : 0;
    if (p > 0) vp.seam[p - 1] = vp.offset[p] + top - line_gap / 2;
    for (TextLine f : c) {
      f.bbox.y0 += vp.offset[p];
      f.bbox.y1 += vp.offset[p];
      f.baseline += vp.offset[p];
      vp.fragments.push_back(std::move(f));
      vp.page_of.push_back(p);
    }
    for (Segment s : pages[p].rules) {
      if (!s.horizontal()) continue;
      s.y0 += vp.offset[p];
      s.y1 += vp.offset[p];
      vp.rules.push_back(s);
    }
    last_bottom = bottom + vp.offset[p];
    any = true;
  }
  return vp;
}

// The part of `table` (virtual coordinates) on each page it reaches.
void SplitAtSeams(const AlignedTable& table, const VirtualPage& vp,
                  std::vector<std::vector<AlignedTable>>* out) {
  const TableGrid& g = table.grid;
  const std::vector<double>& ys = g.ys();
  constexpr double kMinRow = 0.5;  // points: a sliver is no row
  double lo = -std::numeric_limits<double>::infinity();
  for (size_t p = 0; p < vp.seam.size(); lo = vp.seam[p], ++p) {
    double hi = vp.seam[p];
    // Rows of this page, with their clipped boundaries.
    int first = -1, last = -1;
    std::vector<double> part_ys;
    for (int r = 0; r < g.rows(); ++r) {
      double a = std::max(ys[r], lo), b = std::min(ys[r + 1], hi);
      if (b - a < kMinRow) continue;
      if (first < 0) {
        first = r;
        part_ys.push_back(a - vp.offset[p]);
      }
      last = r;
      part_ys.push_back(b - vp.offset[p]);
    }
    if (first < 0) continue;
    // A part that holds no text of its page (the foot of a row that ended
    // in the page's margin) is no table there.
    bool has_text = false;
    double v0 = std::max(ys[first], lo), v1 = std::min(ys[last + 1], hi);
    for (size_t f = 0; f < vp.fragments.size() && !has_text; ++f) {
      const BBox& b = vp.fragments[f].bbox;
      has_text = vp.page_of[f] == p && b.cy() > v0 && b.cy() < v1 &&
                 b.cx() > g.xs().front() && b.cx() < g.xs().back();
    }
    if (!has_text) continue;
    std::vector<GridCell> cells;
    for (const GridCell& c : g.cells()) {
      int r0 = std::max(c.row, first),
          r1 = std::min(c.row + c.row_span, last + 1);
      if (r1 <= r0) continue;
      GridCell part = c;
      part.row = r0 - first;
      part.row_span = r1 - r0;
      part.bbox = {g.xs()[c.col], part_ys[part.row], g.xs()[c.col + c.col_span],
                   part_ys[part.row + part.row_span]};
      cells.push_back(part);
    }
    std::sort(cells.begin(), cells.end(),
              [](const GridCell& a, const GridCell& b) {
                return a.row != b.row ? a.row < b.row : a.col < b.col;
              });
    AlignedTable part{TableGrid(g.xs(), part_ys, cells),
                      0,
                      table.measure_col,
                      table.measure_shape,
                      table.column_roles,
                      {},
                      {}};
    part.grid.set_kind(TableKind::kAligned);
    part.header_rows =
        std::max(0, std::min(table.header_rows, last + 1) - first);
    part.separators = SeparatorsOf(part.grid);
    // A header cut by the break: each part stands for the whole header.
    bool header_cut = table.header_rows > 0 &&
                      (first > 0 ? first < table.header_rows
                                 : last + 1 < table.header_rows ||
                                       (last + 1 == table.header_rows &&
                                        ys[table.header_rows] > hi));
    if (header_cut && part.header_rows > 0)
      part.header_text = table.header_text;
    (*out)[p].push_back(std::move(part));
  }
}

}  // namespace

std::vector<std::vector<AlignedTable>> FindAlignedTables(
    const std::vector<PageText>& pages, const HeaderVocabulary& vocabulary,
    const AlignedTableOptions& options) {
  std::vector<std::vector<AlignedTable>> out(pages.size());
  if (!vocabulary.role_of || pages.empty()) return out;
  VirtualPage vp = Stack(pages, options);
  Finder finder(vp.fragments, vp.rules, vp.seam, vocabulary, options);
  for (const AlignedTable& table : finder.Run()) SplitAtSeams(table, vp, &out);
  return out;
}

}  // namespace raingan::layout
