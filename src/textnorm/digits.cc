#include "textnorm/digits.h"

namespace raingan::textnorm {

// Both directions work on bytes: Thai digits are E0 B9 90..99 in UTF-8 and
// no other character contains that sequence, so invalid UTF-8 elsewhere is
// passed through untouched.
std::string FoldDigitsToArabic(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b == 0xE0 && i + 2 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) == 0xB9) {
      auto last = static_cast<unsigned char>(text[i + 2]);
      if (last >= 0x90 && last <= 0x99) {
        out.push_back(static_cast<char>('0' + (last - 0x90)));
        i += 2;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

std::string FoldDigitsToThai(std::string_view text) {
  std::string out;
  out.reserve(text.size() * 2);
  for (char ch : text) {
    if (ch >= '0' && ch <= '9') {
      out += "\xE0\xB9";
      out.push_back(static_cast<char>(0x90 + (ch - '0')));
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

}  // namespace raingan::textnorm
