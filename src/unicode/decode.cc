// DecodeTextBytes(): the policy that decides how a text export is encoded.
// The conversions themselves go through ConvertToUtf8() (icu.cc).
#include <cstdint>
#include <string>

#include "base/utf8.h"
#include "unicode/icu.h"

namespace raingan::unicode {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// A C0/C1 control other than the whitespace controls text files use.
bool IsBadControl(char32_t c) {
  if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    return false;
  }
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0);
}

// Rejects decoded text that is mostly not text. A few stray controls or
// undecodable bytes are tolerated (real exports carry the odd form feed or
// broken byte); more than 1 in 100 characters means the bytes were not text.
Status CheckDecoded(const std::string& text, std::string_view encoding) {
  size_t chars = 0, bad = 0, nul = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = utf8::DecodeNext(text, &pos);
    ++chars;
    if (c == 0) ++nul;
    if (IsBadControl(c) || c == utf8::kReplacement) ++bad;
  }
  if (nul > 0) {
    return Status::BadInput("not a text file: it contains " +
                            std::to_string(nul) +
                            " NUL characters when read as " +
                            std::string(encoding) + " (a binary file?)");
  }
  if (bad * 100 > chars) {
    return Status::BadInput("not a text file: " + std::to_string(bad) + " of " +
                            std::to_string(chars) +
                            " characters are control codes or undecodable "
                            "bytes when read as " +
                            std::string(encoding));
  }
  return Status::Ok();
}

Result<std::string> ConvertChecked(std::string_view bytes,
                                   std::string_view charset) {
  Result<std::string> text = ConvertToUtf8(bytes, charset);
  if (!text.ok()) return text.status();
  Status st = CheckDecoded(*text, charset);
  if (!st.ok()) return st;
  return text;
}

// UTF-16 without a BOM: ASCII and Thai (U+0E00..U+0E7F) code units put 0x00
// or 0x0E in their high byte, so one byte parity is dominated by those two
// values. Returns "UTF-16LE", "UTF-16BE" or "".
std::string GuessBomlessUtf16(std::string_view bytes) {
  if (bytes.size() < 4 || bytes.size() % 2 != 0) return "";
  size_t units = bytes.size() / 2;
  size_t hi_even = 0, hi_odd = 0;
  for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
    auto even = static_cast<uint8_t>(bytes[i]);
    auto odd = static_cast<uint8_t>(bytes[i + 1]);
    if (even == 0x00 || even == 0x0E) ++hi_even;
    if (odd == 0x00 || odd == 0x0E) ++hi_odd;
  }
  if (hi_odd * 10 >= units * 9 && hi_even * 10 < units * 5) return "UTF-16LE";
  if (hi_even * 10 >= units * 9 && hi_odd * 10 < units * 5) return "UTF-16BE";
  return "";
}

// TIS-620 puts Thai in 0xA1..0xFB; Windows-874 adds a few punctuation marks
// in 0x80..0x9F (and NBSP at 0xA0). In Thai text that range dominates the
// high bytes, and because Thai words are runs of letters, most high bytes
// stand next to another one. Latin-1 text also uses 0xC0..0xFF, but as
// single accented letters between ASCII ones ("café").
bool LooksLikeLegacyThai(std::string_view bytes) {
  size_t high = 0, thai = 0, in_runs = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    auto b = static_cast<uint8_t>(bytes[i]);
    if (b < 0x80) continue;
    ++high;
    if (b >= 0xA1 && b <= 0xFB) ++thai;
    bool prev_high = i > 0 && static_cast<uint8_t>(bytes[i - 1]) >= 0x80;
    bool next_high =
        i + 1 < bytes.size() && static_cast<uint8_t>(bytes[i + 1]) >= 0x80;
    if (prev_high || next_high) ++in_runs;
  }
  return high > 0 && thai * 10 >= high * 9 && in_runs * 10 >= high * 8;
}

// ICU's windows-874 table maps the bytes Windows-874 leaves undefined
// (0xDB..0xDE, 0xFC..0xFF) to U+F8C1..U+F8C8. Private-use characters must
// not reach raingan's output, and these stand for no character at all.
std::string ReplaceUndefinedWindows874(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = utf8::DecodeNext(text, &pos);
    utf8::Append(c >= 0xF8C1 && c <= 0xF8C8 ? utf8::kReplacement : c, &out);
  }
  return out;
}

}  // namespace

Result<std::string> DecodeTextBytes(std::string_view bytes) {
  if (bytes.empty()) return std::string();
  // 1. Byte-order marks. UTF-32LE's BOM starts with UTF-16LE's: test it first.
  if (StartsWith(bytes, "\xEF\xBB\xBF")) {
    std::string_view body = bytes.substr(3);
    if (!utf8::IsValid(body)) {
      return ConvertChecked(body, "UTF-8");  // U+FFFD for bad bytes
    }
    std::string text(body);
    Status st = CheckDecoded(text, "UTF-8");
    if (!st.ok()) return st;
    return text;
  }
  if (StartsWith(bytes, std::string_view("\xFF\xFE\x00\x00", 4))) {
    return ConvertChecked(bytes.substr(4), "UTF-32LE");
  }
  if (StartsWith(bytes, std::string_view("\x00\x00\xFE\xFF", 4))) {
    return ConvertChecked(bytes.substr(4), "UTF-32BE");
  }
  if (StartsWith(bytes, "\xFF\xFE")) {
    return ConvertChecked(bytes.substr(2), "UTF-16LE");
  }
  if (StartsWith(bytes, "\xFE\xFF")) {
    return ConvertChecked(bytes.substr(2), "UTF-16BE");
  }
  // 2. UTF-16 without BOM (some Windows tools write it).
  if (bytes.find('\0') != std::string_view::npos) {
    std::string utf16 = GuessBomlessUtf16(bytes);
    if (!utf16.empty()) return ConvertChecked(bytes, utf16);
    return Status::BadInput(
        "not a text file: it contains NUL bytes and is not UTF-16 "
        "(a binary file?)");
  }
  // 3. UTF-8 (ASCII is a subset).
  if (utf8::IsValid(bytes)) {
    std::string text(bytes);
    Status st = CheckDecoded(text, "UTF-8");
    if (!st.ok()) return st;
    return text;
  }
  // 4. Legacy Thai code pages.
  if (LooksLikeLegacyThai(bytes)) {
    Result<std::string> text = ConvertChecked(bytes, "windows-874");
    if (!text.ok()) return text;
    return ReplaceUndefinedWindows874(*text);
  }
  CharsetGuess guess = DetectCharset(bytes);
  std::string hint;
  if (!guess.name.empty()) {
    hint = " (ICU guesses " + guess.name + ", confidence " +
           std::to_string(guess.confidence) + "%)";
  }
  return Status::BadInput("not UTF-8, UTF-16 or Thai TIS-620/Windows-874 text" +
                          hint + "; save the file as UTF-8 and try again");
}

}  // namespace raingan::unicode
