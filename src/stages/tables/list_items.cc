#include "stages/tables/list_items.h"

#include <algorithm>

#include "base/utf8.h"
#include "regex/regex.h"

namespace raingan {
namespace {

std::string ToArabic(std::string_view digits) {
  std::string out;
  size_t pos = 0;
  while (pos < digits.size()) {
    char32_t c = utf8::DecodeNext(digits, &pos);
    int v = utf8::DigitValue(c);
    if (v >= 0) {
      out.push_back(static_cast<char>('0' + v));
    } else {
      utf8::Append(c, &out);
    }
  }
  return out;
}

int NumberValue(std::string_view digits) {
  int v = 0;
  size_t pos = 0;
  while (pos < digits.size()) {
    int d = utf8::DigitValue(utf8::DecodeNext(digits, &pos));
    if (d < 0) return -1;
    v = v * 10 + d;
    if (v > 100000) return -1;
  }
  return v;
}

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\n");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\n");
  return std::string(s.substr(b, e - b + 1));
}

// Leading bullet characters.
const Regex& BulletRe() {
  static const Regex re(R"(^\s*(?:[-–•●▪■◦○➢►✓*]|\x{F0B7}|\x{F0D8})\s*)");
  return re;
}

// Leading list numbers: "(๑)", "๑)", "๑.", "1.1", "1.1.", "ข้อ ๑".
const Regex& NumberRe() {
  static const Regex re(
      R"(^\s*(ข้อ\s*)?(?:\(\s*([0-9๐-๙]{1,3})\s*\)|([0-9๐-๙]{1,3}(?:\s?\.\s?[0-9๐-๙]{1,3})*)\s*(?:\.\s*\.|[.)]|(\s)|$))\s*)");
  return re;
}

// The last character before `pos` is a digit (Thai or Arabic).
bool DigitBefore(std::string_view s, size_t pos) {
  if (pos == 0) return false;
  size_t i = pos - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  size_t p = i;
  return utf8::IsDigit(utf8::DecodeNext(s, &p));
}

// The character at `pos` is a digit.
bool DigitAt(std::string_view s, size_t pos) {
  if (pos >= s.size()) return false;
  return utf8::IsDigit(utf8::DecodeNext(s, &pos));
}

}  // namespace

Numbering ReadNumbering(std::string_view text) {
  Numbering n;
  RegexMatch m;
  if (!NumberRe().PartialMatch(text, &m)) {
    n.rest = Trim(text);
    return n;
  }
  bool item_word = !m.groups[1].empty();  // "ข้อ ๒" numbers without a dot
  std::string raw = !m.groups[2].empty() ? m.groups[2] : m.groups[3];
  std::string_view after = text.substr(m.offset + m.length);
  bool dotted = raw.find('.') != std::string::npos;
  bool bare = m.groups[2].empty() && !m.groups[4].empty();
  if (bare && !dotted && !item_word) {
    // "๑ ตุลาคม" or "๒๕๖๘ ..." — a bare number before a word is a date or
    // a quantity, not numbering.
    n.rest = Trim(text);
    return n;
  }
  std::string id;
  for (char c : ToArabic(raw)) {
    if (c != ' ') id.push_back(c);
  }
  n.id = id;
  n.rest = Trim(after);
  bool in_digits = false;
  for (char32_t c : utf8::ToU32(text.substr(m.offset, m.length))) {
    if (utf8::IsDigit(c)) {
      if (!in_digits) n.style.push_back('9');
      in_digits = true;
      continue;
    }
    in_digits = false;
    if (c != ' ') utf8::Append(c, &n.style);
  }
  return n;
}

std::string StripListMarker(std::string_view text) {
  std::string s(text);
  RegexMatch m;
  if (BulletRe().PartialMatch(s, &m)) s = s.substr(m.offset + m.length);
  Numbering n = ReadNumbering(s);
  if (!n.id.empty()) return n.rest;
  return Trim(s);
}

std::string StripBullet(std::string_view text) {
  RegexMatch m;
  if (!BulletRe().PartialMatch(text, &m)) return Trim(text);
  return Trim(text.substr(m.offset + m.length));
}

bool StartsWithListMarker(std::string_view text) {
  if (BulletRe().PartialMatch(text)) return true;
  return !ReadNumbering(text).id.empty();
}

std::vector<std::string> SplitInlineItems(std::string_view text,
                                          int first_number) {
  std::vector<std::string> items;
  std::string s = Trim(text);
  if (s.empty()) return items;

  // Bullet lists written on one line: "- a - b - c". OCR may drop the
  // space after a dash ("ณ จุดบริการ -ประชาสัมพันธ์"); a dash glued to a Thai
  // letter after a space still opens an item (a hyphen inside a word has
  // no space before it: "ยืม-คืน").
  if (BulletRe().PartialMatch(s) && s[0] == '-') {
    static const Regex kInlineBullet(R"(\s+-(?:\s+|(\p{Thai})))");
    size_t from = 0;
    for (const RegexMatch& m : kInlineBullet.FindAll(s)) {
      // "๑ ต.ค. ๖๗ - ๓๐ ก.ย. ๖๘": a dash between two numbers is a range.
      if (m.groups[1].empty() && DigitBefore(s, m.offset) &&
          DigitAt(s, m.offset + m.length)) {
        continue;
      }
      items.push_back(s.substr(from, m.offset - from));
      // A Thai letter the pattern consumed belongs to the next item.
      from = m.offset + m.length - m.groups[1].size();
    }
    items.push_back(s.substr(from));
    std::vector<std::string> out;
    for (const std::string& it : items) {
      std::string t = StripListMarker(it);
      if (!t.empty()) out.push_back(t);
    }
    return out;
  }

  // Numbered items counting up: find "N." / "N)" / "(N)" tokens at the
  // start or after whitespace whose values run k, k+1, k+2...
  static const Regex kMarker(
      R"((?:^|\s)(?:-\s*)?(?:\(([0-9๐-๙]{1,2})\)|([0-9๐-๙]{1,2})([.)])))");
  struct Cut {
    size_t at;  // byte offset where the item starts
    int value;
    int style;          // 0 "(N)", 1 "N.", 2 "N)"
    size_t before = 0;  // where the previous item ends: before " - ๒)"
  };
  std::vector<Cut> cuts;
  size_t from = 0;
  RegexMatch m;
  while (from < s.size() && kMarker.FindFrom(s, from, &m)) {
    size_t at = m.offset;
    while (at < s.size() && (s[at] == ' ' || s[at] == '\t')) ++at;
    if (at < s.size() && s[at] == '-') {
      ++at;
      while (at < s.size() && s[at] == ' ') ++at;
    }
    int value = NumberValue(!m.groups[1].empty() ? m.groups[1] : m.groups[2]);
    int style = !m.groups[1].empty() ? 0 : (m.groups[3] == "." ? 1 : 2);
    // "๑.๑" or "๙๙.๔๖": a digit right after the dot means a decimal or a
    // sub-number, not an item of this list.
    size_t end_pos = m.offset + m.length;
    bool decimal = false;
    if (end_pos < s.size()) {
      size_t p = end_pos;
      decimal = utf8::IsDigit(utf8::DecodeNext(s, &p));
    }
    // "(No.๔, ๕) ที่…": a number closing a parenthesis left open before it
    // is inside that parenthesis, not an item.
    bool closes_open = false;
    if (style == 2) {
      int depth = 0;
      for (size_t k = 0; k < m.offset; ++k) {
        if (s[k] == '(') ++depth;
        if (s[k] == ')' && depth > 0) --depth;
      }
      closes_open = depth > 0;
    }
    if (!decimal && !closes_open && value > 0)
      cuts.push_back({m.offset == 0 ? 0 : at, value, style, m.offset});
    from = end_pos;
  }
  auto chain_from = [&cuts](size_t i) {
    std::vector<Cut> c{cuts[i]};
    for (size_t j = i + 1; j < cuts.size(); ++j) {
      if (cuts[j].style != c.back().style) continue;
      bool next = cuts[j].value == c.back().value + 1;
      // Long lists skip a number now and then ("๓. ... ๔. ... ๖. ...",
      // plan 004): after three items in a row, one missing number is a
      // typo when the number it skips appears nowhere later.
      bool skip = c.size() >= 3 && cuts[j].value == c.back().value + 2 &&
                  std::none_of(cuts.begin() + j, cuts.end(), [&](const Cut& k) {
                    return k.value == c.back().value + 1;
                  });
      if (next || skip) c.push_back(cuts[j]);
    }
    return c;
  };
  // A text that opens with a marker is a list from its first character;
  // otherwise only a run 1, 2, ... of at least two items counts, after a
  // preface such as "ดังนี้" — or, for the tail of a cut list, a run that
  // continues its numbering.
  std::vector<Cut> chain;
  if (!cuts.empty() && cuts.front().at == 0) {
    chain = chain_from(0);
  } else {
    for (size_t i = 0; i < cuts.size(); ++i) {
      bool fresh = cuts[i].value == 1;
      bool continues = first_number > 1 && cuts[i].value == first_number;
      if (!fresh && !continues) continue;
      std::vector<Cut> c = chain_from(i);
      size_t needed = continues ? 1 : 2;
      if (c.size() >= needed && c.size() > chain.size()) chain = c;
    }
  }
  if (chain.empty()) {
    std::string t = StripListMarker(s);
    if (!t.empty()) items.push_back(t);
    return items;
  }
  size_t prev = 0;
  for (const Cut& c : chain) {
    // The bullet dash before an inline number belongs to neither item.
    if (c.at > prev) items.push_back(s.substr(prev, c.before - prev));
    prev = c.at;
  }
  items.push_back(s.substr(prev));
  std::vector<std::string> out;
  for (size_t i = 0; i < items.size(); ++i) {
    // The preface before the first number ("ดังนี้") stays as it is.
    bool preface = i == 0 && chain.front().at > 0;
    std::string t = preface ? Trim(items[i]) : StripListMarker(items[i]);
    if (!t.empty()) out.push_back(t);
  }
  return out;
}

std::vector<std::string> SplitListItems(const std::vector<Paragraph>& paras,
                                        int first_number) {
  std::vector<std::string> out;
  // Only a numbered list goes on counting: after paragraphs that carry no
  // numbers, a number inside a sentence is no item ("(No.๔, ๕)" in the
  // fifth paragraph of unnumbered ones).
  bool numbered = first_number > 1;
  for (const Paragraph& p : paras) {
    numbered = numbered || !ReadNumbering(p.text).id.empty();
    for (std::string& item :
         SplitInlineItems(p.text, numbered ? first_number : 1)) {
      out.push_back(std::move(item));
    }
    // Later paragraphs continue after what is already split off.
    first_number = static_cast<int>(out.size()) + 1;
  }
  return out;
}

std::string JoinWrapped(std::string_view left, std::string_view right) {
  std::string l = Trim(left), r = Trim(right);
  if (l.empty()) return r;
  if (r.empty()) return l;
  // Last code point of l and first of r.
  size_t i = l.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(l[i]) & 0xC0) == 0x80) --i;
  size_t p = i;
  char32_t last = utf8::DecodeNext(l, &p);
  p = 0;
  char32_t first = utf8::DecodeNext(r, &p);
  bool thai_thai = utf8::IsThai(last) && utf8::IsThai(first) &&
                   !utf8::IsThaiDigit(last) && !utf8::IsThaiDigit(first);
  return thai_thai ? l + r : l + " " + r;
}

std::string JoinParagraphs(const std::vector<Paragraph>& paras) {
  std::string out;
  for (const Paragraph& p : paras) {
    std::string t = Trim(p.text);
    if (t.empty()) continue;
    if (!out.empty()) out.push_back(' ');
    out += t;
  }
  return out;
}

}  // namespace raingan
