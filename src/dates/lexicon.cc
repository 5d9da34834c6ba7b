#include "dates/lexicon.h"

#include <algorithm>

#include "base/utf8.h"
#include "lexicon/tsv.h"

namespace raingan::dates {
namespace {

bool IsAsciiAlpha(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char32_t AsciiLower(char32_t c) {
  return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

// Thai characters that belong to a word (consonants, vowels, marks), as
// opposed to digits, ๆ, ฯ and ฿, which may follow a word directly.
bool IsThaiWordChar(char32_t c) {
  return utf8::IsThai(c) && !utf8::IsThaiDigit(c) && c != 0x0E46 &&
         c != 0x0E2F && c != 0x0E3F;
}

// Marks and following vowels: a match may never end right before one,
// because that would cut a syllable in two.
bool IsThaiNonInitial(char32_t c) {
  return c == 0x0E30 || c == 0x0E31 || (c >= 0x0E32 && c <= 0x0E3A) ||
         c == 0x0E45 || (c >= 0x0E47 && c <= 0x0E4E);
}

// Marks above or below a consonant: what OCR most often adds, drops or
// confuses in a month name ("ก.ยุ." for "ก.ย.", "กนยายน" for "กันยายน").
bool IsSlipMark(char32_t c) {
  return c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) ||
         (c >= 0x0E47 && c <= 0x0E4E);
}

Result<WordKind> ParseKind(const std::string& s) {
  if (s == "range") return WordKind::kRange;
  if (s == "and") return WordKind::kAnd;
  if (s == "fiscal") return WordKind::kFiscal;
  if (s == "whole") return WordKind::kWhole;
  if (s == "year") return WordKind::kYear;
  if (s == "era_be") return WordKind::kEraBe;
  if (s == "era_ce") return WordKind::kEraCe;
  if (s == "quarter") return WordKind::kQuarter;
  if (s == "skip") return WordKind::kSkip;
  return Status::BadInput("unknown kind '" + s +
                          "' (expected range, and, fiscal, whole, year, "
                          "era_be, era_ce, quarter or skip)");
}

}  // namespace

Result<PeriodLexicon> PeriodLexicon::Load(const std::string& models_dir) {
  PeriodLexicon lex;
  std::string months_path = ModelPath(models_dir, "months.tsv");
  Result<std::vector<TsvRecord>> months = ReadTsv(months_path, 2);
  if (!months.ok()) return months.status();
  for (const TsvRecord& rec : *months) {
    int month = 0;
    for (char c : rec.fields[0]) {
      month =
          (c >= '0' && c <= '9' && month < 100) ? month * 10 + (c - '0') : 100;
    }
    if (month < 1 || month > 12 || rec.fields[1].empty()) {
      return Status::BadInput(months_path + ":" + std::to_string(rec.line) +
                              ": expected a month number 1-12 and a name");
    }
    lex.Add(rec.fields[1], WordKind::kMonth, month);
  }
  std::string words_path = ModelPath(models_dir, "period_words.tsv");
  Result<std::vector<TsvRecord>> words = ReadTsv(words_path, 2);
  if (!words.ok()) return words.status();
  for (const TsvRecord& rec : *words) {
    Result<WordKind> kind = ParseKind(rec.fields[0]);
    if (!kind.ok()) {
      return kind.status().WithContext(words_path + ":" +
                                       std::to_string(rec.line));
    }
    if (rec.fields[1].empty()) {
      return Status::BadInput(words_path + ":" + std::to_string(rec.line) +
                              ": empty word");
    }
    lex.Add(rec.fields[1], *kind);
  }
  return lex;
}

void PeriodLexicon::Add(std::string_view word, WordKind kind, int month) {
  LexiconWord w;
  w.text = utf8::ToU32(word);
  w.kind = kind;
  w.month = month;
  if (w.text.empty()) return;
  auto at = std::upper_bound(words_.begin(), words_.end(), w,
                             [](const LexiconWord& a, const LexiconWord& b) {
                               return a.text.size() > b.text.size();
                             });
  words_.insert(at, std::move(w));
  // Rebuilt on every Add: lexicons are small and built once.
  by_first_.clear();
  for (size_t i = 0; i < words_.size(); ++i) {
    by_first_[AsciiLower(words_[i].text[0])].push_back(i);
  }
}

const std::vector<size_t>* PeriodLexicon::Candidates(char32_t first) const {
  auto it = by_first_.find(AsciiLower(first));
  return it == by_first_.end() ? nullptr : &it->second;
}

size_t PeriodLexicon::MatchWord(const LexiconWord& w,
                                const std::u32string& text, size_t pos,
                                bool* ends_with_dot, int slips) const {
  constexpr size_t kNoMatch = std::u32string::npos;
  size_t n = text.size();
  size_t j = pos;
  *ends_with_dot = false;
  auto skip_spaces = [&] {
    while (j < n && text[j] == U' ') ++j;
  };
  for (size_t k = 0; k < w.text.size(); ++k) {
    char32_t c = w.text[k];
    bool last = k + 1 == w.text.size();
    if (c == U'.') {
      if (slips > 0 && j < n && IsSlipMark(text[j])) {
        ++j;  // a mark added before the dot: "ก.ยุ."
        --slips;
      }
      size_t before = j;
      skip_spaces();
      if (j < n && text[j] == U'.') {
        ++j;
        *ends_with_dot = last;
      } else if (last) {
        j = before;  // the final dot is optional
      } else if (j == before) {
        return kNoMatch;  // an inner dot needs a dot or a space
      }
      if (!last) skip_spaces();
      continue;
    }
    // OCR splits Thai words with spaces; skip them between Thai letters.
    if (k > 0 && w.text[k - 1] != U'.' && utf8::IsThai(c)) {
      size_t t = j;
      while (t < n && text[t] == U' ') ++t;
      if (t < n && t > j && text[t] == c) j = t;
    }
    if (j < n && AsciiLower(text[j]) == AsciiLower(c)) {
      ++j;
      continue;
    }
    if (slips > 0) {
      const bool text_mark = j < n && IsSlipMark(text[j]);
      if (text_mark && IsSlipMark(c)) {  // one mark read as another
        ++j;
        --slips;
        continue;
      }
      if (text_mark && j + 1 < n && text[j + 1] == c) {  // a mark added
        j += 2;
        --slips;
        continue;
      }
      if (IsSlipMark(c)) {  // a mark lost
        --slips;
        continue;
      }
    }
    return kNoMatch;
  }
  if (slips > 0 && j < n && IsSlipMark(text[j])) ++j;  // a mark added last
  return j;
}

bool PeriodLexicon::AtBoundary(const std::u32string& text, size_t pos) const {
  if (pos >= text.size()) return true;
  char32_t c = text[pos];
  if (IsThaiNonInitial(c)) return false;
  if (!IsThaiWordChar(c) && !IsAsciiAlpha(c)) return true;
  // Thai is written without spaces: "ตุลาคมถึง" is fine when another word
  // starts right here.
  const std::vector<size_t>* candidates = Candidates(c);
  if (candidates == nullptr) return false;
  bool dot;
  for (size_t i : *candidates) {
    if (MatchWord(words_[i], text, pos, &dot) != std::u32string::npos) {
      return true;
    }
  }
  return false;
}

size_t PeriodLexicon::Match(const std::u32string& text, size_t pos,
                            const LexiconWord** word) const {
  if (pos >= text.size()) return pos;
  const std::vector<size_t>* candidates = Candidates(text[pos]);
  if (candidates == nullptr) return pos;
  for (size_t i : *candidates) {
    const LexiconWord& w = words_[i];
    if (pos > 0 && IsAsciiAlpha(w.text[0]) && IsAsciiAlpha(text[pos - 1])) {
      continue;  // "Dec" must not match inside "IDEC"
    }
    bool ends_with_dot;
    size_t end = MatchWord(w, text, pos, &ends_with_dot);
    if (end == std::u32string::npos) continue;
    if (!ends_with_dot && !AtBoundary(text, end)) continue;
    *word = &w;
    return end;
  }
  // No word as written: a month name with one mark added, lost or read as
  // another, when that names one month only ("ม.คุ." is January; "มื.ค."
  // could be ม.ค. or มี.ค. and stays unread).
  const LexiconWord* found = nullptr;
  size_t found_end = pos;
  for (size_t i : *candidates) {
    const LexiconWord& w = words_[i];
    // Slips are of Thai marks: Latin names were matched as written above.
    if (w.kind != WordKind::kMonth || IsAsciiAlpha(w.text[0])) continue;
    bool ends_with_dot;
    size_t end = MatchWord(w, text, pos, &ends_with_dot, /*slips=*/1);
    if (end == std::u32string::npos) continue;
    if (!ends_with_dot && !AtBoundary(text, end)) continue;
    if (found != nullptr && found->month != w.month) return pos;
    if (found == nullptr || end > found_end) {
      found = &w;
      found_end = end;
    }
  }
  if (found == nullptr) return pos;
  *word = found;
  return found_end;
}

}  // namespace raingan::dates
