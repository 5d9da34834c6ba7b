#include "base/text.h"

#include "base/utf8.h"

namespace raingan {

std::string_view TrimChars(std::string_view s, std::string_view chars) {
  const size_t begin = s.find_first_not_of(chars);
  if (begin == std::string_view::npos) return {};
  const size_t end = s.find_last_not_of(chars);
  return s.substr(begin, end - begin + 1);
}

std::string_view TrimAsciiSpace(std::string_view s) {
  return TrimChars(s, " \t\n\v\f\r");
}

int ParseDigits(std::string_view digits, int max_value) {
  if (digits.empty()) return -1;
  long long value = 0;
  size_t pos = 0;
  while (pos < digits.size()) {
    const int d = utf8::DigitValue(utf8::DecodeNext(digits, &pos));
    if (d < 0) return -1;
    value = value * 10 + d;
    if (value > max_value) return -1;
  }
  return static_cast<int>(value);
}

}  // namespace raingan
