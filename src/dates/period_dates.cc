// Day/month chains: "๑ ต.ค. ๖๗ - ๓๐ ก.ย. ๖๘", "ม.ค. – เม.ย. ๒๕๖๖".
#include <algorithm>

#include "dates/calendar.h"
#include "dates/period_grammar.h"

namespace raingan::dates {

// [day] month [era] [year] | day "/" month "/" year. Returns the index
// past the item, or i when there is none.
size_t PeriodGrammar::ParseItem(size_t i, DateItem* item) const {
  *item = DateItem();
  size_t j = i;
  if (IsNumber(j) && tokens_[j].digits <= 2 &&
      IsKind(j + 1, TokenKind::kSlash) && IsNumber(j + 2) &&
      tokens_[j + 2].digits <= 2 && IsKind(j + 3, TokenKind::kSlash) &&
      IsNumber(j + 4)) {
    const Token& m = tokens_[j + 2];
    const Token& y = tokens_[j + 4];
    // Out-of-range parts still make a date expression, an impossible one.
    item->day = static_cast<int>(tokens_[j].value);
    item->month = static_cast<int>(m.value);
    item->invalid =
        item->day < 1 || item->day > 31 || item->month < 1 || item->month > 12;
    std::optional<int> be = YearToBe(static_cast<int>(y.value), y.digits);
    if (be) {
      item->year_be = *be;
    } else {
      item->bad_year = true;
    }
    item->begin = tokens_[i].begin;
    item->end = y.end;
    return j + 5;
  }
  if (IsNumber(j) && tokens_[j].digits <= 2 &&
      IsWord(j + 1, WordKind::kMonth)) {
    // A number in the day's place that no day can be ("๐ ตุลาคม", a dot
    // or a speck read as a digit beside the real one lost) is a misread
    // day: the date is unknown, not the first of the month.
    item->day = static_cast<int>(tokens_[j].value);
    item->invalid = !IsDay(j);
    ++j;
  }
  if (!IsWord(j, WordKind::kMonth)) return i;
  item->month = tokens_[j].month;
  ++j;
  size_t k = j;
  bool era = false, ce = false;
  while (IsWord(k, WordKind::kEraBe) || IsWord(k, WordKind::kEraCe) ||
         IsWord(k, WordKind::kYear)) {
    era = true;
    ce = ce || IsWord(k, WordKind::kEraCe);
    ++k;
  }
  if (IsNumber(k) && (tokens_[k].digits == 2 || tokens_[k].digits == 4)) {
    // "๓๐ ก.ย. ๖๘": ๖๘ is the year; but in "ต.ค. ๓๐ ก.ย." ๓๐ is the
    // next item's day, unless an era word said a year comes.
    bool next_is_month = IsWord(k + 1, WordKind::kMonth);
    if (era || tokens_[k].digits == 4 || !next_is_month) {
      std::optional<int> be =
          YearToBe(static_cast<int>(tokens_[k].value), tokens_[k].digits, ce);
      if (be) {
        item->year_be = *be;
      } else {
        item->bad_year = true;
      }
      j = k + 1;
    }
  } else if (IsNumber(k) &&
             (era || tokens_[k].digits > 4 || tokens_[k].digits == 3)) {
    // "พ.ศ. 25688", "ตุลาคม ๒๕๒๐๓๐": a number in the year's place that no
    // day can be (a day has at most two digits) is a misread year.
    item->bad_year = true;
    j = k + 1;
  }
  item->begin = tokens_[i].begin;
  item->end = tokens_[j - 1].end;
  return j;
}

// item ((range | and) item)*, optionally starting with a bare day that
// borrows the next item's month ("๑ - ๑๕ มีนาคม ๒๕๖๘").
size_t PeriodGrammar::ParseChain(size_t i, std::vector<DateItem>* items) const {
  items->clear();
  DateItem item;
  size_t j = ParseItem(i, &item);
  if (j == i) {
    if (!IsDay(i) || !IsWord(i + 1, WordKind::kRange)) return i;
    DateItem next;
    size_t k = ParseItem(i + 2, &next);
    if (k == i + 2) return i;
    item = DateItem();
    item.day = static_cast<int>(tokens_[i].value);
    item.begin = tokens_[i].begin;
    item.end = tokens_[i].end;
    items->push_back(item);
    items->push_back(next);
    j = k;
  } else {
    items->push_back(item);
  }
  while (IsSeparator(j)) {
    DateItem next;
    size_t k = ParseItem(j + 1, &next);
    if (k == j + 1) break;
    items->push_back(next);
    j = k;
  }
  return j;
}

PeriodResult PeriodGrammar::Resolve(std::vector<DateItem> items,
                                    int fiscal_hint) const {
  PeriodResult r;
  r.recognized = true;
  std::string all = SliceBytes(items.front().begin, items.back().end);
  for (const DateItem& it : items) {
    if (it.invalid) {
      r.warnings.push_back("impossible date " + SliceBytes(it.begin, it.end));
      return r;
    }
    if (it.bad_year) {
      r.warnings.push_back("year not understood: " +
                           SliceBytes(it.begin, it.end));
      return r;
    }
  }
  // A bare day ("๑ - ๑๕ มีนาคม") takes the month of the date after it.
  if (items.front().month == 0 && items.size() > 1) {
    items.front().month = items[1].month;
  }
  bool any_year =
      std::any_of(items.begin(), items.end(),
                  [](const DateItem& it) { return it.year_be != 0; });
  if (!any_year) {
    int fy = fiscal_hint != 0 ? fiscal_hint : default_fy_;
    if (fy == 0) {
      r.warnings.push_back("no year in period: " + all);
      return r;
    }
    if (fiscal_hint == 0) {
      r.warnings.push_back(
          "no year in period, used the document's fiscal "
          "year " +
          std::to_string(fy) + ": " + all);
    }
    items.front().year_be = items.front().month >= 10 ? fy - 1 : fy;
  }
  // A year written on one side only applies to its neighbours, stepping
  // back (or forward) a year where the months wrap around.
  for (size_t k = items.size() - 1; k-- > 0;) {
    if (items[k].year_be == 0 && items[k + 1].year_be != 0) {
      items[k].year_be =
          items[k + 1].year_be - (items[k].month > items[k + 1].month ? 1 : 0);
    }
  }
  for (size_t k = 1; k < items.size(); ++k) {
    if (items[k].year_be == 0) {
      items[k].year_be =
          items[k - 1].year_be + (items[k].month < items[k - 1].month ? 1 : 0);
    }
  }
  for (const DateItem& it : items) {
    if (!Plausible(FiscalYearOf(it.year_be, it.month),
                   SliceBytes(it.begin, it.end), &r)) {
      return r;
    }
    if (it.day != 0 && !MakeDateBe(it.year_be, it.month, it.day)) {
      r.warnings.push_back("impossible date " + SliceBytes(it.begin, it.end));
      return r;
    }
  }
  const DateItem& first = items.front();
  const DateItem& last = items.back();
  std::optional<Date> start =
      MakeDateBe(first.year_be, first.month, first.day ? first.day : 1);
  int last_day =
      last.day ? last.day : DaysInMonth(last.year_be - kBeOffset, last.month);
  std::optional<Date> end = MakeDateBe(last.year_be, last.month, last_day);
  if (!start || !end) {
    r.warnings.push_back("impossible date " + all);
    return r;
  }
  if (*end < *start) {
    r.warnings.push_back("period ends before it starts: " + all);
    return r;
  }
  r.start = start;
  r.end = end;
  return r;
}

}  // namespace raingan::dates
