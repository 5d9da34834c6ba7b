// Minimal UTF-8 helpers used across stages. Invalid sequences decode to
// U+FFFD one byte at a time, so iteration always terminates.
#ifndef RAINGAN_BASE_UTF8_H_
#define RAINGAN_BASE_UTF8_H_

#include <string>
#include <string_view>

namespace raingan::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point starting at s[*pos] and advances *pos past it.
// Requires *pos < s.size().
char32_t DecodeNext(std::string_view s, size_t* pos);

// Appends the UTF-8 encoding of `cp` (U+FFFD for surrogates/out of range).
void Append(char32_t cp, std::string* out);
std::string Encode(char32_t cp);

// True if `s` is well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF).
bool IsValid(std::string_view s);

// Number of code points.
size_t Length(std::string_view s);

std::u32string ToU32(std::string_view s);
std::string FromU32(std::u32string_view s);

// Thai block U+0E00..U+0E7F.
inline bool IsThai(char32_t c) { return c >= 0x0E00 && c <= 0x0E7F; }
// Thai consonants ก..ฮ.
inline bool IsThaiConsonant(char32_t c) { return c >= 0x0E01 && c <= 0x0E2E; }
// Thai digits ๐..๙.
inline bool IsThaiDigit(char32_t c) { return c >= 0x0E50 && c <= 0x0E59; }
inline bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
// Either kind of digit; DigitValue() is its value 0..9 (or -1).
inline bool IsDigit(char32_t c) { return IsAsciiDigit(c) || IsThaiDigit(c); }
inline int DigitValue(char32_t c) {
  if (IsAsciiDigit(c)) return static_cast<int>(c - '0');
  if (IsThaiDigit(c)) return static_cast<int>(c - 0x0E50);
  return -1;
}

}  // namespace raingan::utf8

#endif  // RAINGAN_BASE_UTF8_H_
