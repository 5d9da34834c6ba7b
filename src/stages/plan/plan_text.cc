#include "stages/plan/plan_text.h"

#include <algorithm>
#include <vector>

#include "base/similarity.h"
#include "base/text.h"
#include "base/utf8.h"
#include "regex/regex.h"

namespace raingan {
namespace {

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
         c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x3000;
}

bool IsQuote(char32_t c) {
  return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018 ||
         c == 0x2019 || c == 0x00AB || c == 0x00BB;
}

}  // namespace

std::string CleanPlanText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  size_t pos = 0;
  while (pos < text.size()) {
    // Doubled emphasis marks only: "**" and "__".
    if (pos + 1 < text.size() && (text[pos] == '*' || text[pos] == '_') &&
        text[pos + 1] == text[pos]) {
      pos += 2;
      continue;
    }
    char32_t c = utf8::DecodeNext(text, &pos);
    if (IsSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    utf8::Append(c, &out);
  }
  return out;
}

std::string NameKey(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = utf8::DecodeNext(text, &pos);
    if (IsSpace(c) || IsQuote(c) || c == '*' || c == '_') continue;
    if (utf8::IsThaiDigit(c)) c = '0' + utf8::DigitValue(c);
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
    utf8::Append(c, &out);
  }
  return out;
}

double KeySimilarity(std::string_view a, std::string_view b) {
  return EditSimilarity(a, b);
}

int DigitsValue(std::string_view digits) {
  return ParseDigits(digits, 1000000);
}

bool IsAmountOnly(std::string_view text) {
  static const Regex kAmount(
      R"(^\s*(?:จำนวน\s*)?(?:[0-9๐-๙]{1,3}(?:,[0-9๐-๙]{3})+|[0-9๐-๙]+))"
      R"((?:\.[0-9๐-๙]+|\.\s*-)?\s*(?:บาท)?\s*$)");
  return kAmount.FullMatch(CleanPlanText(text));
}

bool IsDashOnly(std::string_view text) {
  bool any = false;
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = utf8::DecodeNext(text, &pos);
    if (c == ' ') continue;
    if (c != '-' && c != 0x2013 && c != 0x2014 && c != 0x2212) return false;
    any = true;
  }
  return any;
}

std::string FormatBaht(long long amount) {
  std::string digits = std::to_string(amount < 0 ? -amount : amount);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return amount < 0 ? "-" + out : out;
}

}  // namespace raingan
