#include "dates/period.h"

#include <algorithm>
#include <cstdlib>

#include "dates/calendar.h"
#include "dates/period_tokens.h"

namespace raingan::dates {
namespace {

// A year more than this far from the document's fiscal year is taken for an
// OCR misreading (๖ and ๒, ๘ and ๕ are easily confused).
constexpr int kMaxYearsFromDocument = 10;
// Longest fiscal-year range accepted ("๒๕๖๖-๒๕๗๐" is five).
constexpr int kMaxFiscalRange = 30;

// One date of a chain ("๑ ต.ค. ๖๗", "มีนาคม", a bare day "๑" before "-").
struct Item {
  int day = 0;                // 0 = not given
  int month = 0;              // 0 = a bare day taking the next item's month
  int year_be = 0;            // 0 = not given
  bool bad_year = false;      // a number where the year goes, but not a year
  bool invalid = false;       // a numeric date with day or month out of range
  size_t begin = 0, end = 0;  // bytes in the original text
};

class Grammar {
 public:
  Grammar(std::string_view text, std::vector<Token> tokens,
          int default_fiscal_year)
      : text_(text),
        tokens_(std::move(tokens)),
        default_fy_(default_fiscal_year) {}

  // The first date expression of the token list, or recognized = false.
  // `fiscal_hint` (0 = none) resolves months given without a year.
  PeriodResult Parse(int fiscal_hint) const {
    PeriodResult whole_fallback;
    for (size_t i = 0; i < tokens_.size(); ++i) {
      std::vector<Item> items;
      if (size_t end = ParseChain(i, &items); end != i) {
        if (IsWord(end, WordKind::kRange) &&
            (end + 1 == tokens_.size() || IsNumber(end + 1))) {
          // "เมษายน –", "๑ ตุลาคม ๒๕- ๓๐": the other end is missing or
          // unreadable (a cell split by a page break, OCR); reading the
          // first date alone would be a guess.
          PeriodResult r;
          r.recognized = true;
          r.warnings.push_back("incomplete period: " + Slice(i, end + 1));
          return r;
        }
        return Resolve(items, fiscal_hint);
      }
      PeriodResult r;
      if (ParseQuarters(i, fiscal_hint, &r) != i) return r;
      bool whole_without_year = false;
      if (ParseFiscal(i, &r, &whole_without_year) != i) return r;
      if (whole_without_year && !whole_fallback.recognized) {
        whole_fallback = WholeYearDefault();
      }
    }
    if (whole_fallback.recognized) return whole_fallback;
    // Last resort: bare BE years ("๒๕๖๖ - ๒๕๗๐").
    for (size_t i = 0; i < tokens_.size(); ++i) {
      if (!IsNumber(i) || tokens_[i].digits != 4 || tokens_[i].value < 2400 ||
          tokens_[i].value > 2700) {
        continue;
      }
      PeriodResult r;
      std::vector<int> years;
      bool bad_range = false;
      ParseYearList(i, false, &years, &bad_range);
      FiscalResult(years, bad_range, i, &r);
      r.warnings.push_back("year read as fiscal year: " + Slice(i, i + 1));
      return r;
    }
    return PeriodResult();
  }

  // The single fiscal year this text names explicitly, or 0.
  int FiscalYearHint() const {
    for (size_t i = 0; i < tokens_.size(); ++i) {
      if (!IsWord(i, WordKind::kFiscal)) continue;
      PeriodResult r;
      bool whole_without_year;
      if (ParseFiscal(i, &r, &whole_without_year) != i &&
          r.fiscal_years.size() == 1) {
        return r.fiscal_years[0];
      }
    }
    return 0;
  }

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
  // Original text of tokens [from, to).
  std::string Slice(size_t from, size_t to) const {
    if (from >= to || to > tokens_.size()) return "";
    size_t b = tokens_[from].begin;
    size_t e = tokens_[to - 1].end;
    return std::string(text_.substr(b, e - b));
  }
  std::string SliceBytes(size_t b, size_t e) const {
    return std::string(text_.substr(b, e - b));
  }

  // [day] month [era] [year] | day "/" month "/" year. Returns the index
  // past the item, or i when there is none.
  size_t ParseItem(size_t i, Item* item) const {
    *item = Item();
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
      item->invalid = item->day < 1 || item->day > 31 || item->month < 1 ||
                      item->month > 12;
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
    if (IsDay(j) && IsWord(j + 1, WordKind::kMonth)) {
      item->day = static_cast<int>(tokens_[j].value);
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
    } else if (IsNumber(k) && era) {
      item->bad_year = true;  // "พ.ศ. 25688"
      j = k + 1;
    }
    item->begin = tokens_[i].begin;
    item->end = tokens_[j - 1].end;
    return j;
  }

  // item ((range | and) item)*, optionally starting with a bare day that
  // borrows the next item's month ("๑ - ๑๕ มีนาคม ๒๕๖๘").
  size_t ParseChain(size_t i, std::vector<Item>* items) const {
    items->clear();
    Item item;
    size_t j = ParseItem(i, &item);
    if (j == i) {
      if (!IsDay(i) || !IsWord(i + 1, WordKind::kRange)) return i;
      Item next;
      size_t k = ParseItem(i + 2, &next);
      if (k == i + 2) return i;
      item = Item();
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
      Item next;
      size_t k = ParseItem(j + 1, &next);
      if (k == j + 1) break;
      items->push_back(next);
      j = k;
    }
    return j;
  }

  // Returns false (with a warning in *r) when `year_be` is implausibly far
  // from the document's fiscal year.
  bool Plausible(int fiscal_year_be, const std::string& what,
                 PeriodResult* r) const {
    if (default_fy_ == 0 ||
        std::abs(fiscal_year_be - default_fy_) <= kMaxYearsFromDocument) {
      return true;
    }
    r->warnings.push_back("year " + std::to_string(fiscal_year_be) +
                          " is far from the document's fiscal year " +
                          std::to_string(default_fy_) + ", not used: " + what);
    return false;
  }

  PeriodResult Resolve(std::vector<Item> items, int fiscal_hint) const {
    PeriodResult r;
    r.recognized = true;
    std::string all = SliceBytes(items.front().begin, items.back().end);
    for (const Item& it : items) {
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
    bool any_year = std::any_of(items.begin(), items.end(),
                                [](const Item& it) { return it.year_be != 0; });
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
        items[k].year_be = items[k + 1].year_be -
                           (items[k].month > items[k + 1].month ? 1 : 0);
      }
    }
    for (size_t k = 1; k < items.size(); ++k) {
      if (items[k].year_be == 0) {
        items[k].year_be = items[k - 1].year_be +
                           (items[k].month < items[k - 1].month ? 1 : 0);
      }
    }
    for (const Item& it : items) {
      if (!Plausible(FiscalYearOf(it.year_be, it.month),
                     SliceBytes(it.begin, it.end), &r)) {
        return r;
      }
      if (it.day != 0 && !MakeDateBe(it.year_be, it.month, it.day)) {
        r.warnings.push_back("impossible date " + SliceBytes(it.begin, it.end));
        return r;
      }
    }
    const Item& first = items.front();
    const Item& last = items.back();
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

  // year (("-" | "," | "และ") [era/fiscal words] year)*; years are BE.
  size_t ParseYearList(size_t i, bool ce, std::vector<int>* years,
                       bool* bad_range) const {
    auto year_at = [&](size_t k) -> std::optional<int> {
      if (!IsNumber(k)) return std::nullopt;
      return YearToBe(static_cast<int>(tokens_[k].value), tokens_[k].digits,
                      ce);
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

  void FiscalResult(std::vector<int> years, bool bad_range, size_t first_token,
                    PeriodResult* r) const {
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
  size_t ParseFiscal(size_t i, PeriodResult* r,
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
  size_t ParseQuarters(size_t i, int fiscal_hint, PeriodResult* r) const {
    if (!IsWord(i, WordKind::kQuarter)) return i;
    auto quarter_at = [&](size_t k) {
      bool ok = IsNumber(k) && tokens_[k].digits == 1 &&
                tokens_[k].value >= 1 && tokens_[k].value <= 4;
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
    r->end = Date{last_start.year, end_month,
                  DaysInMonth(last_start.year, end_month)};
    r->fiscal_years = {fy};
    return j;
  }

  PeriodResult WholeYearDefault() const {
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

  std::string_view text_;
  std::vector<Token> tokens_;
  int default_fy_;
};

// Separates the tokens outside parentheses from those inside. A removed
// group leaves an kOther token behind so that its neighbours do not join.
void SplitParentheses(const std::vector<Token>& tokens,
                      std::vector<Token>* outside, std::vector<Token>* inside) {
  int depth = 0;
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kWord && t.word == WordKind::kSkip) continue;
    if (t.kind == TokenKind::kOpen) {
      if (depth++ == 0) {
        Token gap = t;
        gap.kind = TokenKind::kOther;
        outside->push_back(gap);
      }
      continue;
    }
    if (t.kind == TokenKind::kClose) {
      if (depth > 0) --depth;
      continue;
    }
    (depth > 0 ? inside : outside)->push_back(t);
  }
}

}  // namespace

Result<PeriodParser> PeriodParser::Load(const std::string& models_dir) {
  Result<PeriodLexicon> lexicon = PeriodLexicon::Load(models_dir);
  if (!lexicon.ok()) return lexicon.status();
  return PeriodParser(std::move(lexicon).value());
}

PeriodResult PeriodParser::Parse(std::string_view text,
                                 int default_fiscal_year_be) const {
  std::vector<Token> outside, inside;
  SplitParentheses(TokenizePeriod(text, lexicon_), &outside, &inside);
  Grammar main(text, std::move(outside), default_fiscal_year_be);
  Grammar remark(text, std::move(inside), default_fiscal_year_be);
  // A fiscal year named anywhere (often in parentheses) resolves months
  // given without a year before the document's default does.
  int hint = main.FiscalYearHint();
  if (hint == 0) hint = remark.FiscalYearHint();
  PeriodResult r = main.Parse(hint);
  if (!r.recognized) r = remark.Parse(hint);
  return r;
}

}  // namespace raingan::dates
