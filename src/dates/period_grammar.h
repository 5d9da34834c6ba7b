// The grammar of period cells, over the tokens of period_tokens.h. Internal
// to src/dates/: PeriodParser (period.h) is the interface. Implemented in
// period_grammar.cc (driver, shared helpers), period_dates.cc (day/month
// chains) and period_fiscal.cc (fiscal years and quarters).
#ifndef RAINGAN_DATES_PERIOD_GRAMMAR_H_
#define RAINGAN_DATES_PERIOD_GRAMMAR_H_

#include <string>
#include <string_view>
#include <vector>

#include "dates/period.h"
#include "dates/period_tokens.h"

namespace raingan::dates {

// A year more than this far from the document's fiscal year is taken for an
// OCR misreading (๖ and ๒, ๘ and ๕ are easily confused).
inline constexpr int kMaxYearsFromDocument = 10;
// Longest fiscal-year range accepted ("๒๕๖๖-๒๕๗๐" is five).
inline constexpr int kMaxFiscalRange = 30;

// One date of a chain ("๑ ต.ค. ๖๗", "มีนาคม", a bare day "๑" before "-").
struct DateItem {
  int day = 0;                // 0 = not given
  int month = 0;              // 0 = a bare day taking the next item's month
  int year_be = 0;            // 0 = not given
  bool bad_year = false;      // a number where the year goes, but not a year
  bool invalid = false;       // a numeric date with day or month out of range
  size_t begin = 0, end = 0;  // bytes in the original text
};

// Reads the tokens of one part of a cell (outside or inside parentheses).
// Every Parse* method takes a token index and returns the index past what
// it read, or the same index when nothing matched there.
class PeriodGrammar {
 public:
  PeriodGrammar(std::string_view text, std::vector<Token> tokens,
                int default_fiscal_year)
      : text_(text),
        tokens_(std::move(tokens)),
        default_fy_(default_fiscal_year) {}

  // The first date expression of the tokens, or recognized = false.
  // `fiscal_hint` (0 = none) resolves months given without a year.
  PeriodResult Parse(int fiscal_hint) const;

  // The single fiscal year these tokens name explicitly, or 0.
  int FiscalYearHint() const;

 private:
  bool IsNumber(size_t i) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::kNumber;
  }
  bool IsWord(size_t i, WordKind kind) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::kWord &&
           tokens_[i].word == kind;
  }
  bool IsKind(size_t i, TokenKind kind) const {
    return i < tokens_.size() && tokens_[i].kind == kind;
  }
  bool IsSeparator(size_t i) const {
    return IsWord(i, WordKind::kRange) || IsWord(i, WordKind::kAnd);
  }
  bool IsDay(size_t i) const {
    return IsNumber(i) && tokens_[i].digits <= 2 && tokens_[i].value >= 1 &&
           tokens_[i].value <= 31;
  }
  std::string Slice(size_t from, size_t to) const;  // tokens [from, to)
  bool StartsDate(size_t i) const;
  bool HasLetterOrDigit(const Token& t) const;
  std::string SliceBytes(size_t b, size_t e) const;  // original bytes
  bool Plausible(int fiscal_year_be, const std::string& what,
                 PeriodResult* r) const;

  // period_dates.cc
  size_t ParseItem(size_t i, DateItem* item) const;
  size_t ParseChain(size_t i, std::vector<DateItem>* items) const;
  PeriodResult Resolve(std::vector<DateItem> items, int fiscal_hint) const;

  // period_fiscal.cc
  size_t ParseYearList(size_t i, bool ce, std::vector<int>* years,
                       bool* bad_range) const;
  void FiscalResult(std::vector<int> years, bool bad_range, size_t first_token,
                    PeriodResult* r) const;
  size_t ParseFiscal(size_t i, PeriodResult* r, bool* whole_without_year) const;
  size_t ParseQuarters(size_t i, int fiscal_hint, PeriodResult* r) const;
  PeriodResult WholeYearDefault() const;

  std::string_view text_;
  std::vector<Token> tokens_;
  int default_fy_;
};

}  // namespace raingan::dates

#endif  // RAINGAN_DATES_PERIOD_GRAMMAR_H_
