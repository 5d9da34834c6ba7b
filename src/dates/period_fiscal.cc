// Fiscal years ("ปีงบประมาณ พ.ศ. ๒๕๖๖ , ๒๕๖๘ และ ๒๕๗๐"), "ตลอดปี" and
// quarters ("ไตรมาสที่ ๑-๒").
#include <algorithm>

#include "dates/calendar.h"
#include "dates/period_grammar.h"

namespace raingan::dates {

// year (("-" | "," | "และ") [era/fiscal words] year)*; years are BE.
size_t PeriodGrammar::ParseYearList(size_t i, bool ce, std::vector<int>* years,
                                    bool* bad_range) const {
  auto year_at = [&](size_t k) -> std::optional<int> {
    if (!IsNumber(k)) return std::nullopt;
    return YearToBe(static_cast<int>(tokens_[k].value), tokens_[k].digits, ce);
  };
  std::optional<int> first = year_at(i);
  if (!first) return i;
  years->push_back(*first);
  size_t j = i + 1;
  while (IsSeparator(j)) {
    bool range = IsWord(j, WordKind::kRange);
    size_t k = j + 1;
    while (IsWord(k, WordKind::kEraBe) || IsWord(k, WordKind::kFiscal) ||
           IsWord(k, WordKind::kYear)) {
      ++k;
    }
    std::optional<int> y = year_at(k);
    if (!y) break;
    int prev = years->back();
    if (range) {
      if (*y < prev || *y - prev > kMaxFiscalRange) {
        *bad_range = true;
      } else {
        for (int v = prev + 1; v <= *y; ++v) years->push_back(v);
      }
    } else {
      years->push_back(*y);
    }
    j = k + 1;
  }
  return j;
}

void PeriodGrammar::FiscalResult(std::vector<int> years, bool bad_range,
                                 size_t first_token, PeriodResult* r) const {
  r->recognized = true;
  if (bad_range) {
    r->warnings.push_back("fiscal year range not understood: " +
                          Slice(first_token, first_token + 1) + "...");
    return;
  }
  std::sort(years.begin(), years.end());
  years.erase(std::unique(years.begin(), years.end()), years.end());
  for (int y : years) {
    if (!Plausible(y, "ปีงบประมาณ " + std::to_string(y), r)) return;
  }
  r->fiscal_years = years;
  r->start = FiscalYearStart(years.front());
  r->end = FiscalYearEnd(years.back());
}

// [whole|fiscal|year|era words]+ year-list. Returns the index past it, or
// i; *whole_without_year is set for "ตลอดปี" with no year after it.
size_t PeriodGrammar::ParseFiscal(size_t i, PeriodResult* r,
                                  bool* whole_without_year) const {
  *whole_without_year = false;
  size_t j = i;
  bool fiscal = false, whole = false, ce = false;
  while (true) {
    if (IsWord(j, WordKind::kFiscal)) {
      fiscal = true;
    } else if (IsWord(j, WordKind::kWhole)) {
      whole = true;
    } else if (IsWord(j, WordKind::kEraCe)) {
      ce = true;
    } else if (!IsWord(j, WordKind::kYear) && !IsWord(j, WordKind::kEraBe)) {
      break;
    }
    ++j;
  }
  if (j == i) return i;
  std::vector<int> years;
  bool bad_range = false;
  size_t end = ParseYearList(j, ce, &years, &bad_range);
  if (end == j) {
    *whole_without_year = whole;
    return i;
  }
  FiscalResult(std::move(years), bad_range, j, r);
  if (!fiscal && !whole) {
    r->warnings.push_back("year read as fiscal year: " + Slice(i, end));
  }
  return end;
}

// "ไตรมาสที่" q (("-" | "," | "และ") q)* [["/"] fiscal words year]:
// quarters of a fiscal year (Q1 = October..December of the year before).
size_t PeriodGrammar::ParseQuarters(size_t i, int fiscal_hint,
                                    PeriodResult* r) const {
  if (!IsWord(i, WordKind::kQuarter)) return i;
  auto quarter_at = [&](size_t k) {
    bool ok = IsNumber(k) && tokens_[k].digits == 1 && tokens_[k].value >= 1 &&
              tokens_[k].value <= 4;
    return ok ? static_cast<int>(tokens_[k].value) : 0;
  };
  int first = quarter_at(i + 1);
  if (first == 0) return i;
  int last = first;
  size_t j = i + 2;
  bool bad = false;
  while (IsSeparator(j) && quarter_at(j + 1) != 0) {
    int q = quarter_at(j + 1);
    if (q < last) bad = true;
    last = q;
    j += 2;
  }
  size_t k = j;
  if (IsKind(k, TokenKind::kSlash)) ++k;
  bool ce = false;
  while (IsWord(k, WordKind::kFiscal) || IsWord(k, WordKind::kYear) ||
         IsWord(k, WordKind::kEraBe) || IsWord(k, WordKind::kEraCe)) {
    ce = ce || IsWord(k, WordKind::kEraCe);
    ++k;
  }
  int fy = 0;
  if (IsNumber(k)) {
    std::optional<int> be =
        YearToBe(static_cast<int>(tokens_[k].value), tokens_[k].digits, ce);
    if (be) {
      fy = *be;
      j = k + 1;
    }
  }
  r->recognized = true;
  std::string text = Slice(i, j);
  if (bad) {
    r->warnings.push_back("quarters out of order: " + text);
    return j;
  }
  if (fy == 0) {
    fy = fiscal_hint != 0 ? fiscal_hint : default_fy_;
    if (fy == 0) {
      r->warnings.push_back("no year in period: " + text);
      return j;
    }
    if (fiscal_hint == 0) {
      r->warnings.push_back(
          "no year in period, used the document's "
          "fiscal year " +
          std::to_string(fy) + ": " + text);
    }
  }
  if (!Plausible(fy, text, r)) return j;
  // Q1 is October..December of the calendar year before the fiscal year.
  auto quarter_start = [&](int q) {
    int month = q == 1 ? 10 : (q - 1) * 3 - 2;  // 10, 1, 4, 7
    return Date{fy - kBeOffset - (q == 1 ? 1 : 0), month, 1};
  };
  Date last_start = quarter_start(last);
  int end_month = last_start.month + 2;
  r->start = quarter_start(first);
  r->end =
      Date{last_start.year, end_month, DaysInMonth(last_start.year, end_month)};
  r->fiscal_years = {fy};
  return j;
}

PeriodResult PeriodGrammar::WholeYearDefault() const {
  PeriodResult r;
  if (default_fy_ == 0) return r;  // "ตลอดปี" alone: unrecognized
  r.recognized = true;
  r.fiscal_years = {default_fy_};
  r.start = FiscalYearStart(default_fy_);
  r.end = FiscalYearEnd(default_fy_);
  r.warnings.push_back("no year in period, used the document's fiscal year " +
                       std::to_string(default_fy_));
  return r;
}

}  // namespace raingan::dates
