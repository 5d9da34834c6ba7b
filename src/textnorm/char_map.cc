#include "textnorm/char_map.h"

#include <algorithm>
#include <string_view>

#include "lexicon/tsv.h"

namespace raingan::textnorm {
namespace {

// Parses "F705" or "U+F705" as a Unicode scalar value.
bool ParseCodePoint(std::string_view s, char32_t* out) {
  if (s.size() > 2 && (s[0] == 'U' || s[0] == 'u') && s[1] == '+') {
    s.remove_prefix(2);
  }
  if (s.empty() || s.size() > 6) return false;
  char32_t v = 0;
  for (char ch : s) {
    int d;
    if (ch >= '0' && ch <= '9') {
      d = ch - '0';
    } else if (ch >= 'A' && ch <= 'F') {
      d = ch - 'A' + 10;
    } else if (ch >= 'a' && ch <= 'f') {
      d = ch - 'a' + 10;
    } else {
      return false;
    }
    v = v * 16 + static_cast<char32_t>(d);
  }
  if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return false;
  *out = v;
  return true;
}

}  // namespace

Result<CharMap> CharMap::Load(const std::string& path) {
  Result<std::vector<TsvRecord>> records = ReadTsv(path, 2);
  if (!records.ok()) return records.status();
  CharMap map;
  for (const TsvRecord& rec : *records) {
    auto bad = [&](std::string_view what) {
      return Status::BadInput(path + ":" + std::to_string(rec.line) + ": " +
                              std::string(what));
    };
    char32_t from;
    if (!ParseCodePoint(rec.fields[0], &from)) {
      return bad("'" + rec.fields[0] + "' is not a hex code point");
    }
    std::u32string to;
    std::string_view rest = rec.fields[1];
    while (!rest.empty()) {
      size_t sp = rest.find(' ');
      std::string_view item = rest.substr(0, sp);
      rest = sp == std::string_view::npos ? "" : rest.substr(sp + 1);
      if (item.empty()) continue;
      char32_t cp;
      if (!ParseCodePoint(item, &cp)) {
        return bad("'" + std::string(item) + "' is not a hex code point");
      }
      to.push_back(cp);
    }
    if (to.empty()) return bad("no replacement code point");
    map.Set(from, std::move(to));
  }
  return map;
}

void CharMap::Set(char32_t from, std::u32string to) {
  map_[from] = std::move(to);
  min_key_ = std::min(min_key_, from);
  max_key_ = std::max(max_key_, from);
}

}  // namespace raingan::textnorm
