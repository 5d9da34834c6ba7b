// PeriodParser: the "period" cell of a measure table -> dates.
//
//   "๑ ตุลาคม ๖๗- ๓๐ กันยายน ๖๘"          -> 2024-10-01 .. 2025-09-30
//   "ม.ค. – เม.ย. ๒๕๖๖"                    -> 2023-01-01 .. 2023-04-30
//   "๒๘ ก.พ. ๒๕๖๖"                         -> 2023-02-28 .. 2023-02-28
//   "ตลอดปีงบประมาณ ๒๕๖๘"                  -> 2024-10-01 .. 2025-09-30
//   "ปีงบประมาณ พ.ศ. ๒๕๖๖ , ๒๕๖๘ และ ๒๕๗๐" -> 2022-10-01 .. 2027-09-30,
//                                             fiscal_years {2566,2568,2570}
//   "ไตรมาสที่ ๑ ปีงบประมาณ ๒๕๖๘"           -> 2024-10-01 .. 2024-12-31
//
// Rules (Thai conventions):
//  - Years: BE 2400..2700 as written; CE 1900..2200 converted (+543);
//    two digits are BE 25yy ("๖๗" = 2567). Thai or Arabic digits.
//  - Thai fiscal year N runs 1 Oct (N-1) .. 30 Sep N.
//  - A bound without a day takes the first (start) or last (end) day of its
//    month.
//  - A year written only on the right applies to the left too, except that a
//    left month later than the right month falls in the previous year
//    ("ต.ค. – ก.ย. ๒๕๖๖" starts in October 2565). A year only on the left
//    carries forward the same way.
//  - A list or range of fiscal years gives the start of the first, the end
//    of the last, and every year in `fiscal_years`. Quarters are those of
//    the fiscal year (ไตรมาสที่ ๑ = October..December of year N-1).
//  - Text in parentheses and trailing clauses are remarks: the first date
//    expression outside parentheses wins; parentheses are read only when
//    nothing else is recognized.
//  - Unparseable or impossible dates ("๓๑ ก.ย. ๒๕๖๖", an end before the
//    start) give null start/end and a warning; the parser never guesses.
//
// Month names and the connecting words come from models/months.tsv and
// models/period_words.tsv, so users can add spellings (and OCR misspellings)
// without touching code.
#ifndef RAINGAN_DATES_PERIOD_H_
#define RAINGAN_DATES_PERIOD_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "dates/lexicon.h"
#include "model/date.h"

namespace raingan::dates {

struct PeriodResult {
  std::optional<Date> start, end;  // CE; null when unknown
  std::vector<int> fiscal_years;   // BE fiscal years named, ascending
  std::vector<std::string> warnings;  // e.g. "impossible date ๓๑ ก.ย. ๒๕๖๖"
  bool recognized = false;  // the text contained a date expression at all
  // Why dates that were read may still be wrong (a range whose dash was
  // not read); empty when read plainly.
  std::string doubt;
};

class PeriodParser {
 public:
  // Reads <models_dir>/months.tsv and <models_dir>/period_words.tsv.
  static Result<PeriodParser> Load(const std::string& models_dir);
  explicit PeriodParser(PeriodLexicon lexicon) : lexicon_(std::move(lexicon)) {}

  // `default_fiscal_year_be` (0 = none) is the document's fiscal year. It
  // resolves periods that give months without any year ("ม.ค. - มี.ค.":
  // Oct-Dec fall in year-1) and "ตลอดปี" without a year, with a warning
  // each time; and a year more than 10 years away from it is rejected as an
  // OCR misreading ("๒๕๒๕" for "๒๕๖๘") with a warning.
  PeriodResult Parse(std::string_view text,
                     int default_fiscal_year_be = 0) const;

  // The month names and connecting words (month_columns.h reads headers
  // with them).
  const PeriodLexicon& lexicon() const { return lexicon_; }

 private:
  PeriodLexicon lexicon_;
};

}  // namespace raingan::dates

#endif  // RAINGAN_DATES_PERIOD_H_
