#include "layout/paragraphs.h"

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

std::vector<Paragraph> CellParagraphs(const std::vector<TextLine>& lines,
                                      int page,
                                      const ParagraphOptions& options) {
  std::vector<Paragraph> out;
  const TextLine* prev = nullptr;
  for (const TextLine& line : lines) {
    bool marker = out.empty() ? StartsWithListMarker(line.text)
                              : OpensListItem(out.back().text, line.text);
    bool gap = prev != nullptr &&
               line.bbox.y0 - prev->bbox.y1 >
                   options.gap * std::max(line.font_size, prev->font_size);
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
