// CharMap: a code point -> replacement table read from models/ (used for the
// Private-Use-Area repair table, models/pua.tsv).
#ifndef RAINGAN_TEXTNORM_CHAR_MAP_H_
#define RAINGAN_TEXTNORM_CHAR_MAP_H_

#include <string>
#include <unordered_map>

#include "base/result.h"

namespace raingan::textnorm {

class CharMap {
 public:
  CharMap() = default;

  // Reads a TSV file whose records are
  //   <code point>  <replacement code points>  [description]
  // with code points in hex ("F705" or "U+F705") and several replacement
  // code points separated by spaces. Errors name the file and line.
  static Result<CharMap> Load(const std::string& path);

  // Adds or replaces one entry (tests and programmatic tables).
  void Set(char32_t from, std::u32string to);

  // The replacement for `c`, or nullptr when `c` is not in the table. Fast
  // for characters outside the table's key range, i.e. almost all text.
  const std::u32string* Find(char32_t c) const {
    if (c < min_key_ || c > max_key_) return nullptr;
    auto it = map_.find(c);
    return it == map_.end() ? nullptr : &it->second;
  }

  size_t size() const { return map_.size(); }

 private:
  std::unordered_map<char32_t, std::u32string> map_;
  char32_t min_key_ = 0x10FFFF + 1;
  char32_t max_key_ = 0;
};

}  // namespace raingan::textnorm

#endif  // RAINGAN_TEXTNORM_CHAR_MAP_H_
