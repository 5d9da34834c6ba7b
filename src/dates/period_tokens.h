// Tokens of a period cell, the input of the period grammar in period.cc.
#ifndef RAINGAN_DATES_PERIOD_TOKENS_H_
#define RAINGAN_DATES_PERIOD_TOKENS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "dates/lexicon.h"

namespace raingan::dates {

enum class TokenKind {
  kNumber,  // a run of Thai and/or Arabic digits
  kWord,  // a lexicon word (month, "ถึง", "ปีงบประมาณ", ...)
  kSlash,  // "/" of numeric dates
  kOpen,   // "(" or "["
  kClose,  // ")" or "]"
  kOther,  // anything else (a run of unknown characters)
};

struct Token {
  TokenKind kind = TokenKind::kOther;
  WordKind word = WordKind::kSkip;  // kWord
  int month = 0;                    // kWord of WordKind::kMonth
  int64_t value = 0;                // kNumber (saturates at 10 digits)
  int digits = 0;                   // kNumber
  size_t begin = 0, end = 0;        // byte range in the original text
};

// Splits `text` into tokens. Spaces separate tokens and are dropped;
// zero-width characters are ignored; a split SARA AM (ํ + า) is read as ำ.
std::vector<Token> TokenizePeriod(std::string_view text,
                                  const PeriodLexicon& lexicon);

}  // namespace raingan::dates

#endif  // RAINGAN_DATES_PERIOD_TOKENS_H_
