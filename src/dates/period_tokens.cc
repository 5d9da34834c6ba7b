#include "dates/period_tokens.h"

#include <string>

#include "base/utf8.h"

namespace raingan::dates {
namespace {

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v' || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x202F || c == 0x3000;
}

bool IsZeroWidth(char32_t c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 ||
         c == 0xFEFF || c == 0xAD;
}

bool IsMonth(const Token& t) {
  return t.kind == TokenKind::kWord && t.word == WordKind::kMonth;
}

// "ต.ค, ๖๗": OCR read the abbreviation's last dot as a comma. A comma
// glued to a month and followed by a year (two or four digits, no month
// after it: "๑๕ ม.ค., ๒๐ ก.พ." lists days) is that dot, not a list.
void DropCommasReadForDots(std::string_view text, std::vector<Token>* tokens) {
  std::vector<Token>& t = *tokens;
  for (size_t k = 1; k + 1 < t.size(); ++k) {
    const bool comma = t[k].kind == TokenKind::kWord &&
                       t[k].word == WordKind::kAnd &&
                       text.substr(t[k].begin, t[k].end - t[k].begin) == ",";
    if (!comma || !IsMonth(t[k - 1]) || t[k - 1].end != t[k].begin) continue;
    const Token& next = t[k + 1];
    const bool year = next.kind == TokenKind::kNumber &&
                      (next.digits == 2 || next.digits == 4);
    const bool month_after = k + 2 < t.size() && IsMonth(t[k + 2]);
    if (!year || month_after) continue;
    t.erase(t.begin() + static_cast<std::ptrdiff_t>(k));
  }
}

// "ตุลาคม ๒๕ ๖๗": OCR set a blank inside the year (narrow period cells of
// a 1-bit copy, Loma 13). Right after a month, "๒๕" and two more digits
// with only blanks between are the Buddhist-Era year 25xx: no date has a
// day after its month, and 25 alone would be the year 2525.
void JoinYearsSplitByABlank(std::string_view text, std::vector<Token>* tokens) {
  std::vector<Token>& t = *tokens;
  for (size_t k = 1; k + 1 < t.size(); ++k) {
    Token& head = t[k];
    const Token& tail = t[k + 1];
    if (!IsMonth(t[k - 1]) || head.kind != TokenKind::kNumber ||
        head.digits != 2 || head.value != 25 ||
        tail.kind != TokenKind::kNumber || tail.digits != 2) {
      continue;
    }
    std::string_view between = text.substr(head.end, tail.begin - head.end);
    if (between.find_first_not_of(' ') != std::string_view::npos) continue;
    head.value = 2500 + tail.value;
    head.digits = 4;
    head.end = tail.end;
    t.erase(t.begin() + static_cast<std::ptrdiff_t>(k + 1));
  }
}

}  // namespace

std::vector<Token> TokenizePeriod(std::string_view text,
                                  const PeriodLexicon& lexicon) {
  // Code points plus the byte offset each came from, so that tokens (and
  // the warnings quoting them) point into the original text.
  std::u32string cps;
  std::vector<size_t> offsets;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    char32_t c = utf8::DecodeNext(text, &pos);
    if (IsZeroWidth(c)) continue;
    if (IsSpace(c)) c = U' ';
    if (c == 0x0E32 && !cps.empty() && cps.back() == 0x0E4D) {
      cps.back() = 0x0E33;  // ํ + า -> ำ
      continue;
    }
    cps.push_back(c);
    offsets.push_back(start);
  }
  offsets.push_back(text.size());

  std::vector<Token> tokens;
  size_t n = cps.size();
  size_t i = 0;
  while (i < n) {
    char32_t c = cps[i];
    if (c == U' ') {
      ++i;
      continue;
    }
    Token t;
    size_t end = i + 1;
    const LexiconWord* word = nullptr;
    if (utf8::IsDigit(c)) {
      t.kind = TokenKind::kNumber;
      end = i;
      while (end < n && utf8::IsDigit(cps[end])) {
        if (t.digits < 10) t.value = t.value * 10 + utf8::DigitValue(cps[end]);
        ++t.digits;
        ++end;
      }
    } else if (c == U'/') {
      t.kind = TokenKind::kSlash;
    } else if (c == U'(' || c == U'[') {
      t.kind = TokenKind::kOpen;
    } else if (c == U')' || c == U']') {
      t.kind = TokenKind::kClose;
    } else if (size_t m = lexicon.Match(cps, i, &word); m > i) {
      t.kind = TokenKind::kWord;
      t.word = word->kind;
      t.month = word->month;
      end = m;
    } else {
      t.kind = TokenKind::kOther;
      // Merge with a preceding unknown character: one token per unknown run.
      if (!tokens.empty() && tokens.back().kind == TokenKind::kOther &&
          tokens.back().end == offsets[i]) {
        tokens.back().end = offsets[i + 1];
        ++i;
        continue;
      }
    }
    t.begin = offsets[i];
    t.end = offsets[end];
    tokens.push_back(t);
    i = end;
  }
  DropCommasReadForDots(text, &tokens);
  JoinYearsSplitByABlank(text, &tokens);
  return tokens;
}

}  // namespace raingan::dates
