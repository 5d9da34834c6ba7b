#include "dates/money.h"

#include <cstdint>
#include <string>
#include <vector>

#include "base/utf8.h"

namespace raingan::dates {
namespace {

// Integer parts longer than this cannot be exact in int64 once multiplied,
// and are never budgets.
constexpr int kMaxIntegerDigits = 15;

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
         c == 0x200B || c == 0xFEFF || (c >= 0x2000 && c <= 0x200A);
}

bool IsDash(char32_t c) {
  return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2212;
}

bool At(const std::u32string& s, size_t pos, std::u32string_view w) {
  return s.compare(pos, w.size(), w) == 0;
}

size_t SkipSpaces(const std::u32string& s, size_t pos) {
  while (pos < s.size() && IsSpace(s[pos])) ++pos;
  return pos;
}

// A thousands separator: a comma followed by exactly three digits.
bool GroupSeparatorAt(const std::u32string& s, size_t i) {
  if (s[i] != ',' || i + 3 >= s.size()) return false;
  for (size_t k = 1; k <= 3; ++k) {
    if (!utf8::IsDigit(s[i + k])) return false;
  }
  return i + 4 >= s.size() || !utf8::IsDigit(s[i + 4]);
}

struct Number {
  int64_t value = 0;      // whole baht, multiplier applied
  bool fraction = false;  // non-zero digits after the decimal point
  bool overflow = false;
  bool baht = false;          // followed by บาท (or ฿ before/after)
  size_t begin = 0, end = 0;  // code points, unit words included
};

struct Multiplier {
  std::u32string_view word;
  int64_t factor;
};
constexpr Multiplier kMultipliers[] = {
    {U"ล้าน", 1000000}, {U"แสน", 100000}, {U"หมื่น", 10000}, {U"พัน", 1000}};

// Reads the number starting at the digit s[pos]: "15,000", "5,000.-",
// "5,000.00 บาท", "1.5 ล้านบาท".
Number ReadNumber(const std::u32string& s, size_t pos) {
  Number n;
  n.begin = pos;
  size_t i = pos;
  int digits = 0;
  while (i < s.size()) {
    if (utf8::IsDigit(s[i])) {
      if (++digits > kMaxIntegerDigits) n.overflow = true;
      if (!n.overflow) n.value = n.value * 10 + utf8::DigitValue(s[i]);
      ++i;
    } else if (GroupSeparatorAt(s, i)) {
      ++i;
    } else {
      break;
    }
  }
  // Decimal part: ".50", or ".-", which Thai forms use for "no satang".
  int64_t frac = 0, frac_scale = 1;
  if (i + 1 < s.size() && s[i] == '.' && utf8::IsDigit(s[i + 1])) {
    for (++i; i < s.size() && utf8::IsDigit(s[i]); ++i) {
      if (frac_scale < 1000000) {
        frac = frac * 10 + utf8::DigitValue(s[i]);
        frac_scale *= 10;
      }
    }
    n.fraction = frac != 0;
  } else if (i + 1 < s.size() && s[i] == '.' && IsDash(s[i + 1])) {
    i += 2;
  }
  size_t after = SkipSpaces(s, i);
  for (const Multiplier& m : kMultipliers) {
    if (!At(s, after, m.word)) continue;
    if (n.value > (INT64_MAX - m.factor) / m.factor) n.overflow = true;
    if (!n.overflow)
      n.value = n.value * m.factor + frac * m.factor / frac_scale;
    n.fraction = false;  // "1.5 ล้าน" is a whole number of baht
    i = after + m.word.size();
    after = SkipSpaces(s, i);
    break;
  }
  if (At(s, after, U"บาท")) {
    n.baht = true;
    i = after + 3;
  } else if (At(s, after, U"฿")) {
    n.baht = true;
    i = after + 1;
  }
  size_t before = pos;
  while (before > 0 && IsSpace(s[before - 1])) --before;
  if (before > 0 && s[before - 1] == U'฿') n.baht = true;
  n.end = i;
  return n;
}

std::u32string Decode(std::string_view text) {
  std::u32string s;
  s.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) s.push_back(utf8::DecodeNext(text, &pos));
  return s;
}

std::vector<Number> ReadNumbers(const std::u32string& s) {
  std::vector<Number> out;
  size_t i = 0;
  while (i < s.size()) {
    if (!utf8::IsDigit(s[i])) {
      ++i;
      continue;
    }
    out.push_back(ReadNumber(s, i));
    i = out.back().end;
  }
  return out;
}

// "ไม่ใช้งบประมาณ" and its variants ("ไม่ใช้ งบประมาณ", the frequent typo
// "ไม่ใช่งบประมาณ", "ไม่มีงบประมาณ", "ไม่ได้ใช้งบประมาณ"): no budget.
bool SaysNoBudget(const std::u32string& s) {
  std::u32string compact;
  for (char32_t c : s) {
    if (!IsSpace(c)) compact.push_back(c);
  }
  for (std::u32string_view phrase :
       {U"ไม่ใช้งบ", U"ไม่ใช่งบ", U"ไม่มีงบ", U"ไม่ได้ใช้งบ", U"ไม่ต้องใช้งบ"}) {
    if (compact.find(phrase) != std::u32string::npos) return true;
  }
  return false;
}

// True if `s` outside [begin, end) holds only what may surround a lone
// amount in a budget cell: spaces, punctuation and the words below.
bool OnlyFillerAround(const std::u32string& s, size_t begin, size_t end) {
  static constexpr std::u32string_view kFiller[] = {
      U"จำนวน", U"งบประมาณ", U"ประมาณ", U"รวม", U"เป็นเงิน", U"บาท", U"฿"};
  for (size_t i = 0; i < s.size();) {
    if (i >= begin && i < end) {
      i = end;
      continue;
    }
    char32_t c = s[i];
    if (IsSpace(c) || IsDash(c) || c == '.' || c == ',' || c == '(' ||
        c == ')' || c == ':' || c == '=') {
      ++i;
      continue;
    }
    bool matched = false;
    for (std::u32string_view w : kFiller) {
      if (At(s, i, w)) {
        i += w.size();
        matched = true;
        break;
      }
    }
    if (!matched) return false;
  }
  return true;
}

bool OnlyDashes(const std::u32string& s) {
  bool dash = false;
  for (char32_t c : s) {
    if (IsDash(c)) {
      dash = true;
    } else if (!IsSpace(c) && c != '.') {
      return false;
    }
  }
  return dash;
}

}  // namespace

std::optional<int64_t> ParseBaht(std::string_view text) {
  std::u32string s = Decode(text);
  if (SkipSpaces(s, 0) == s.size()) return std::nullopt;
  if (OnlyDashes(s)) return 0;
  std::vector<Number> numbers = ReadNumbers(s);
  for (const Number& n : numbers) {
    if (n.baht) return n.overflow ? std::nullopt : std::optional(n.value);
  }
  if (SaysNoBudget(s)) return 0;
  if (numbers.size() == 1 &&
      OnlyFillerAround(s, numbers[0].begin, numbers[0].end) &&
      !numbers[0].overflow) {
    return numbers[0].value;
  }
  return std::nullopt;
}

std::optional<int64_t> ParseCount(std::string_view text) {
  std::u32string s = Decode(text);
  if (OnlyDashes(s)) return 0;
  std::vector<Number> numbers = ReadNumbers(s);
  if (numbers.empty()) return std::nullopt;
  const Number& n = numbers.front();
  if (n.fraction || n.overflow) return std::nullopt;
  return n.value;
}

}  // namespace raingan::dates
