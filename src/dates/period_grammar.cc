#include "dates/period_grammar.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "base/utf8.h"
#include "dates/calendar.h"

namespace raingan::dates {

// The first date expression of the token list, or recognized = false.
// `fiscal_hint` (0 = none) resolves months given without a year.
PeriodResult PeriodGrammar::Parse(int fiscal_hint) const {
  PeriodResult whole_fallback;
  for (size_t i = 0; i < tokens_.size(); ++i) {
    std::vector<DateItem> items;
    if (size_t end = ParseChain(i, &items); end != i) {
      // "ตุลาคมม. ๖๗- ๓๐ กันยายน ๖๘": a year and a dash right before the
      // first date read — it is the end of a range whose start OCR did not
      // read; reading it alone would be a guess. (A dash with no number
      // before it is a list bullet.)
      if (i >= 2 && IsWord(i - 1, WordKind::kRange) && IsNumber(i - 2)) {
        PeriodResult r;
        r.recognized = true;
        r.warnings.push_back("incomplete period, its start not read: " +
                             Slice(i - 2, end));
        return r;
      }
      if (IsWord(end, WordKind::kRange) &&
          (end + 1 == tokens_.size() || IsNumber(end + 1) ||
           tokens_[end + 1].kind == TokenKind::kOther)) {
        // "เมษายน –", "๑ ตุลาคม ๒๕- ๓๐", "ต.ค. ๖๗ - ฮ.ฮ. ๖๘": the other end
        // is missing or unreadable (a cell split by a page break, OCR);
        // reading the first date alone would be a guess.
        PeriodResult r;
        r.recognized = true;
        r.warnings.push_back("incomplete period: " + Slice(i, end + 1));
        return r;
      }
      // "9 ต.ค. ey - ๓๐ กุย. ๖๘": text that is no date between the first
      // date and a dash (a year OCR could not read) — the range is meant,
      // its ends are not both read.
      // Stray punctuation before the dash ("เมษายน.- มิถุนายน", a speck
      // OCR read as a dot) or between a month and its year ("ตุลาคม'
      // ๒๕๖๗") is dropped and the range read.
      const bool year_follows =
          items.back().year_be == 0 && !items.back().bad_year &&
          IsNumber(end + 1) &&
          (tokens_[end + 1].digits == 2 || tokens_[end + 1].digits == 4);
      if (end < tokens_.size() && tokens_[end].kind == TokenKind::kOther &&
          !HasLetterOrDigit(tokens_[end]) &&
          (IsWord(end + 1, WordKind::kRange) || year_follows)) {
        std::vector<Token> rest = tokens_;
        rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(end));
        return PeriodGrammar(text_, std::move(rest), default_fy_)
            .Parse(fiscal_hint);
      }
      // Only a token with letters or digits stands for an unread year.
      size_t k = end;
      bool unread = false;
      constexpr size_t kMaxJunk = 2;  // tokens
      while (k < tokens_.size() && k - end < kMaxJunk &&
             tokens_[k].kind == TokenKind::kOther) {
        unread = unread || HasLetterOrDigit(tokens_[k]);
        ++k;
      }
      // "๑ ตุลาคม bot ๓๐ กันยา ยน": the first date has no year, and after
      // the unread year another date starts (a day and a word) — the dash
      // was lost with the year; the range is meant, its ends are not read.
      // "๑ ตุลาคม ๒๕๖๗ กันยายนน ๒๕๒๕": a word no month is, then a year —
      // the other end with its month misread.
      const bool year_after_unread =
          unread && IsNumber(k) &&
          (tokens_[k].digits == 2 || tokens_[k].digits == 4);
      if (unread && (IsWord(k, WordKind::kRange) || year_after_unread ||
                     (items.back().year_be == 0 && StartsDate(k)))) {
        PeriodResult r;
        r.recognized = true;
        r.warnings.push_back("unreadable period: " + Slice(i, k + 1));
        return r;
      }
      // "มกราคม กันยายน ๒๕๖๘", "๑ ตุลาคม ๒๕๖๗ = ๓๐ กันยายน ๒๕๖๘": two dates
      // with nothing or only marks between them — a range whose dash OCR
      // lost or misread. Both ends are read, so the range is read, marked
      // doubtful for review; a third date after them makes a list, and a
      // second date not fully read leaves the period unknown.
      if (!unread && StartsDate(k)) {
        std::vector<DateItem> second;
        const size_t after = ParseChain(k, &second);
        if (items.size() == 1 && second.size() == 1 && !StartsDate(after)) {
          items.push_back(second.front());
          PeriodResult r = Resolve(items, fiscal_hint);
          r.doubt = "the dash between the dates was not read";
          r.warnings.push_back(r.doubt +
                               ", read as a range: " + Slice(i, after));
          return r;
        }
        PeriodResult r;
        r.recognized = true;
        r.warnings.push_back("unreadable period: " +
                             Slice(i, std::max(after, k + 1)));
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
int PeriodGrammar::FiscalYearHint() const {
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

// Whether a date, read or not, starts at token i: a day/month chain, or a
// day number followed by a word that is no month ("๓๐ กันยา ยน").
bool PeriodGrammar::StartsDate(size_t i) const {
  std::vector<DateItem> items;
  if (ParseChain(i, &items) != i) return true;
  return IsDay(i) && i + 1 < tokens_.size() &&
         tokens_[i + 1].kind == TokenKind::kOther &&
         HasLetterOrDigit(tokens_[i + 1]);
}

// Whether the token's text holds a letter or a digit of any script.
bool PeriodGrammar::HasLetterOrDigit(const Token& t) const {
  std::string_view s = text_.substr(t.begin, t.end - t.begin);
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = utf8::DecodeNext(s, &pos);
    if (utf8::IsThai(c) || utf8::IsDigit(c) ||
        (c < 0x80 && std::isalnum(static_cast<int>(c)))) {
      return true;
    }
  }
  return false;
}

// Original text of tokens [from, to).
std::string PeriodGrammar::Slice(size_t from, size_t to) const {
  if (from >= to || to > tokens_.size()) return "";
  size_t b = tokens_[from].begin;
  size_t e = tokens_[to - 1].end;
  return std::string(text_.substr(b, e - b));
}

std::string PeriodGrammar::SliceBytes(size_t b, size_t e) const {
  return std::string(text_.substr(b, e - b));
}

// Returns false (with a warning in *r) when `year_be` is implausibly far
// from the document's fiscal year.
bool PeriodGrammar::Plausible(int fiscal_year_be, const std::string& what,
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

}  // namespace raingan::dates
