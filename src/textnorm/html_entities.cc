#include "textnorm/html_entities.h"

#include <cstdint>

#include "base/utf8.h"

namespace raingan::textnorm {
namespace {

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

struct NamedEntity {
  std::string_view name;
  char32_t cp;
};

constexpr NamedEntity kNamedEntities[] = {
    {"amp", '&'},       {"lt", '<'},       {"gt", '>'},
    {"quot", '"'},      {"apos", '\''},    {"nbsp", 0xA0},
    {"ndash", 0x2013},  {"mdash", 0x2014}, {"hellip", 0x2026},
    {"lsquo", 0x2018},  {"rsquo", 0x2019}, {"ldquo", 0x201C},
    {"rdquo", 0x201D},  {"sbquo", 0x201A}, {"bdquo", 0x201E},
    {"laquo", 0xAB},    {"raquo", 0xBB},   {"bull", 0x2022},
    {"middot", 0xB7},   {"copy", 0xA9},    {"reg", 0xAE},
    {"trade", 0x2122},  {"deg", 0xB0},     {"times", 0xD7},
    {"divide", 0xF7},   {"plusmn", 0xB1},  {"minus", 0x2212},
    {"shy", 0xAD},      {"zwj", 0x200D},   {"zwnj", 0x200C},
    {"thinsp", 0x2009}, {"ensp", 0x2002},  {"emsp", 0x2003},
    {"para", 0xB6},     {"sect", 0xA7},    {"euro", 0x20AC},
    {"cent", 0xA2},     {"pound", 0xA3},   {"yen", 0xA5},
    {"frac12", 0xBD},   {"frac14", 0xBC},  {"frac34", 0xBE},
    {"sup2", 0xB2},     {"sup3", 0xB3},    {"larr", 0x2190},
    {"rarr", 0x2192},   {"uarr", 0x2191},  {"darr", 0x2193},
    {"check", 0x2713},  {"iexcl", 0xA1},   {"iquest", 0xBF},
};

// HTML5 maps numeric references 0x80..0x9F through Windows-1252, because
// that is what authors meant (&#150; is an en dash). 0 = undefined there.
constexpr char32_t kWindows1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

}  // namespace

size_t ParseCharacterReference(std::string_view html, size_t pos,
                               char32_t* cp) {
  size_t n = html.size();
  size_t i = pos + 1;
  if (i < n && html[i] == '#') {
    ++i;
    bool hex = i < n && (html[i] == 'x' || html[i] == 'X');
    if (hex) ++i;
    size_t digits_start = i;
    uint32_t v = 0;
    bool overflow = false;
    while (i < n) {
      char c = html[i];
      int d = -1;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (hex && c >= 'a' && c <= 'f') {
        d = c - 'a' + 10;
      } else if (hex && c >= 'A' && c <= 'F') {
        d = c - 'A' + 10;
      }
      if (d < 0) break;
      v = v * (hex ? 16 : 10) + static_cast<uint32_t>(d);
      if (v > 0x10FFFF) overflow = true, v = 0x110000;
      ++i;
    }
    if (i == digits_start || i >= n || html[i] != ';') return 0;
    char32_t c = overflow ? utf8::kReplacement : static_cast<char32_t>(v);
    if (c >= 0x80 && c <= 0x9F && kWindows1252[c - 0x80] != 0) {
      c = kWindows1252[c - 0x80];
    }
    if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
      c = utf8::kReplacement;
    }
    *cp = c;
    return i + 1;
  }
  size_t name_start = i;
  while (i < n && i - name_start <= 32 && IsAsciiAlnum(html[i])) ++i;
  if (i == name_start || i >= n || html[i] != ';') return 0;
  std::string_view name = html.substr(name_start, i - name_start);
  for (const NamedEntity& e : kNamedEntities) {
    if (e.name == name) {
      *cp = e.cp;
      return i + 1;
    }
  }
  return 0;
}

}  // namespace raingan::textnorm
