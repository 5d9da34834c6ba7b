// PeriodLexicon: the words of period cells (month names, "ถึง", "และ",
// "ปีงบประมาณ", ...) read from models/months.tsv and
// models/period_words.tsv, and a tolerant matcher for them.
#ifndef RAINGAN_DATES_LEXICON_H_
#define RAINGAN_DATES_LEXICON_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.h"

namespace raingan::dates {

enum class WordKind {
  kMonth,   // a month name; LexiconWord::month says which
  kRange,   // "-", "ถึง"
  kAnd,     // ",", "และ"
  kFiscal,  // "ปีงบประมาณ"
  kWhole,   // "ตลอดปี"
  kYear,    // "ปี"
  kEraBe,   // "พ.ศ."
  kEraCe,   // "ค.ศ."
  kQuarter,  // "ไตรมาสที่": a quarter of the fiscal year follows
  kSkip,  // filler: "วันที่", "เดือน", "ตั้งแต่"
};

struct LexiconWord {
  std::u32string text;
  WordKind kind = WordKind::kSkip;
  int month = 0;  // 1..12 for kMonth
};

class PeriodLexicon {
 public:
  PeriodLexicon() = default;

  // Reads months.tsv and period_words.tsv from `models_dir`.
  static Result<PeriodLexicon> Load(const std::string& models_dir);

  // Adds a word (UTF-8); later matches prefer longer words.
  void Add(std::string_view word, WordKind kind, int month = 0);

  // Matches the longest word starting at text[pos] and returns the index
  // just past it (and the word in *word), or pos when nothing matches.
  // Tolerances, because cells come from PDFs and OCR:
  //  - spaces inside a word are skipped ("ปี งบประมาณ");
  //  - a "." of a word also matches a space, and a final "." may be
  //    missing ("มี.ค 65", "พ ศ.");
  //  - Latin letters match case-insensitively;
  //  - when no word matches as written, a month name matches with one
  //    mark above or below a letter added, lost or changed, if that names
  //    one month only (OCR's "ก.ยุ." for "ก.ย.").
  // A match must end at a word boundary: not followed by a letter or a Thai
  // mark unless another lexicon word starts there ("ตุลา" does not match in
  // "ตุลาการ"; "ตุลาคมถึง" is two words).
  size_t Match(const std::u32string& text, size_t pos,
               const LexiconWord** word) const;

 private:
  // `slips`: how many marks above or below a letter may be added, lost or
  // changed (OCR slips) in the text against the word.
  size_t MatchWord(const LexiconWord& w, const std::u32string& text, size_t pos,
                   bool* ends_with_dot, int slips = 0) const;
  bool AtBoundary(const std::u32string& text, size_t pos) const;

  // Indices into words_ of the words starting with a character (Latin
  // letters lower-cased), longest first, so matching tries only those.
  const std::vector<size_t>* Candidates(char32_t first) const;

  std::vector<LexiconWord> words_;  // longest first
  std::unordered_map<char32_t, std::vector<size_t>> by_first_;
};

}  // namespace raingan::dates

#endif  // RAINGAN_DATES_LEXICON_H_
