#include "layout/paragraphs.h"

#include <algorithm>

#include "base/utf8.h"
#include "regex/regex.h"

namespace raingan::layout {
namespace {

// Thai letters, vowels and marks — the characters a wrap can fall between
// inside a word. Digits, ๆ and ฯ stand apart from words.
bool IsThaiWordChar(char32_t c) {
  return (c >= 0x0E01 && c <= 0x0E3A && c != 0x0E2F) ||
         (c >= 0x0E40 && c <= 0x0E4E && c != 0x0E46);
}

char32_t LastCodePoint(std::string_view s) {
  size_t end = s.size();
  while (end > 0 && s[end - 1] == ' ') --end;
  if (end == 0) return 0;
  size_t start = end - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
  }
  size_t pos = start;
  return utf8::DecodeNext(s.substr(0, end), &pos);
}

char32_t FirstCodePoint(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size() && s[pos] == ' ') ++pos;
  return pos < s.size() ? utf8::DecodeNext(s, &pos) : 0;
}

BBox Union(const BBox& a, const BBox& b) {
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1),
          std::max(a.y1, b.y1)};
}

// Whether a wrap between `text` and `line` fell inside a word: between two
// Thai letters, or after a slash or a hyphen that joins words
// ("มาตรการ/" + "โครงการ/", "E-" + "Service").
bool GluedAcrossWrap(std::string_view text, std::string_view line) {
  char32_t last = LastCodePoint(text);
  char32_t next = FirstCodePoint(line);
  if (next == 0 || next == ' ') return false;
  if (IsThaiWordChar(last) && IsThaiWordChar(next)) return true;
  if (last == '/') return true;
  if (last == '-' && text.size() >= 2) {
    char32_t before = LastCodePoint(text.substr(0, text.size() - 1));
    return IsThaiWordChar(before) || (before >= 'A' && before <= 'Z') ||
           (before >= 'a' && before <= 'z');
  }
  return false;
}

// The number a line's leading numeric marker counts with — the last part
// of "๒.๓", "(๔)", "๕)" — or -1 when the line opens with none (a bullet,
// a letter, text).
int MarkerCount(std::string_view line) {
  static const Regex kNumber(
      R"(^\s*\(?((?:[0-9๐-๙]{1,3}\.)*)([0-9๐-๙]{1,3})[.)\s])");
  RegexMatch m;
  if (!kNumber.PartialMatch(line, &m)) return -1;
  int value = 0;
  for (char32_t c : utf8::ToU32(m.groups[2])) {
    value = value * 10 + utf8::DigitValue(c);
  }
  return value;
}

// How many levels the leading number has: 1 for "๓.", 2 for "๙๙.๔๖".
int MarkerLevels(std::string_view line) {
  static const Regex kOutline(R"(^\s*\(?[0-9๐-๙]{1,3}\.[0-9๐-๙])");
  return kOutline.PartialMatch(line) ? 2 : 1;
}

}  // namespace

bool StartsWithListMarker(std::string_view line) {
  // Numbers are 1-3 digits so that a wrapped year ("๒๕๖๘)") or amount is
  // not a marker; "๑.๕%" (a decimal) is not one either. A dash is a bullet
  // before a space or a Thai letter, not inside a wrapped Latin word
  // ("E" + "-Service") or a wrapped range ("๑ ตุลาคม" + "– ๓๐ กันยายน").
  // "(๖)" alone on a line is a wrapped reference ("ครบถ้วน ๑๐๐% (0๖)"),
  // a marker has its item after it.
  static const Regex kMarker(
      R"(^\s*(?:)"
      R"(\(?[0-9๐-๙]{1,3}\)\s*\S)"
      R"(|[0-9๐-๙]{1,3}(?:\.[0-9๐-๙]{1,3})*\.(?:\s|$|[^0-9๐-๙]))"
      R"(|[0-9๐-๙]{1,3}(?:\.[0-9๐-๙]{1,3})+(?:\s|$))"
      R"(|[ก-ฮ][.)]\s)"
      R"(|[•●▪■○◦✓*►➢]\s*[^0-9๐-๙\s])"
      R"(|[-–](?:\s+[^0-9๐-๙\s]|[ก-ฮเ-ไ])))");
  return kMarker.PartialMatch(line);
}

bool OpensListItem(std::string_view text, std::string_view line) {
  if (!StartsWithListMarker(line)) return false;
  static const Regex kClosingNumber(R"(^\s*[0-9๐-๙]{1,3}\))");
  if (!kClosingNumber.PartialMatch(line)) return true;
  int depth = 0;
  for (char c : text) {
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
  }
  return depth == 0;
}

void JoinLine(std::string* text, std::string_view line, bool trailing_space) {
  if (line.empty()) return;
  if (text->empty()) {
    text->assign(line);
    return;
  }
  bool glue = !trailing_space && GluedAcrossWrap(*text, line);
  if (!glue && text->back() != ' ') text->push_back(' ');
  text->append(line);
}

double TableLeading(std::vector<double> gaps_em) {
  constexpr size_t kMinGaps = 4;
  if (gaps_em.size() < kMinGaps) return -1;
  size_t q = gaps_em.size() / 4;
  std::nth_element(gaps_em.begin(), gaps_em.begin() + q, gaps_em.end());
  return std::max(0.0, gaps_em[q]);
}

std::vector<Paragraph> CellParagraphs(const std::vector<TextLine>& lines,
                                      int page,
                                      const ParagraphOptions& options) {
  std::vector<Paragraph> out;
  const TextLine* prev = nullptr;
  int last_count = 0;  // the number of the cell's last numbered item
  int numbered = 0;    // items numbered so far
  double right = 0;    // where the cell's longest line ends
  for (const TextLine& line : lines) right = std::max(right, line.bbox.x1);
  for (const TextLine& line : lines) {
    bool marker = out.empty() ? StartsWithListMarker(line.text)
                              : OpensListItem(out.back().text, line.text);
    int count = marker ? MarkerCount(line.text) : -1;
    if (marker && count >= 0 && !out.empty()) {
      // Inside a cell a number opens an item only where the cell's list
      // counts on: 1 (a list starts), the next number, or the one after
      // (a number skipped, or one the layout put elsewhere: the Norasi
      // print of 000 justified "๒." to the end of a line, where it is not
      // seen as a marker). A number a line merely wrapped before
      // ("ระดับ" | "๙๙.๔๖ ซึ่ง…", "(No.๔," | "๕) ที่…") is the sentence
      // going on.
      bool counts = count == 1 || count == last_count + 1 ||
                    (numbered >= 1 && count == last_count + 2);
      // Before any number in the cell, the list may have begun on the page
      // before ("…และ ๒๕๗๐" | "๓. กิจกรรม…", plan 004): a number after a
      // line that ends short of the cell's right edge — its item ended
      // there — still opens one. A line that wrapped ends within a word of
      // the edge; 3 em is longer than most Thai words at any size.
      constexpr double kShortLine = 3.0;  // em
      bool after_short_line =
          numbered == 0 && prev != nullptr &&
          prev->bbox.x1 < right - kShortLine * std::max(prev->font_size, 1.0);
      // Before any number in the cell, a plain number ("๓. นำข้อสรุป") may
      // go on a list cut by the page break; only an outline number
      // ("๙๙.๔๖") has to count.
      bool plain_first = numbered == 0 && MarkerLevels(line.text) == 1;
      if (!counts && !after_short_line && !plain_first) marker = false;
    }
    if (marker && count >= 0) {
      last_count = count;
      ++numbered;
    }
    double em = prev != nullptr ? std::max(line.font_size, prev->font_size) : 0;
    double space = prev != nullptr ? line.bbox.y0 - prev->bbox.y1 : 0;
    bool gap = prev != nullptr && space > options.gap * em &&
               (options.leading < 0 ||
                space > (options.leading + kParagraphLeading) * em);
    if (prev == nullptr || marker || gap) {
      Paragraph p;
      p.text = line.text;
      p.list_item = marker;
      p.prov.page = page;
      p.prov.bbox = line.bbox;
      out.push_back(std::move(p));
    } else {
      Paragraph& p = out.back();
      JoinLine(&p.text, line.text, prev->trailing_space);
      p.prov.bbox = Union(p.prov.bbox, line.bbox);
    }
    prev = &line;
  }
  return out;
}

}  // namespace raingan::layout
