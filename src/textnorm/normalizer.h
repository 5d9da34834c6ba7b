// Normalizer: turns text from any backend (text export, PDF text layer, OCR)
// into clean Unicode Thai. Every text field raingan outputs goes through it.
//
// What it does, in order:
//   1. Decodes UTF-8 (invalid bytes become U+FFFD).
//   2. Private-Use-Area repair: positional glyph variants of legacy Thai
//      fonts (models/pua.tsv, Windows U+F700..F71A and Mac U+F884..F89E)
//      become the ordinary Thai characters.
//   3. Removes zero-width characters (ZWSP, ZWNJ, ZWJ, WORD JOINER, BOM,
//      LRM/RLM) and soft hyphens; NBSP and the other Unicode spaces become
//      an ordinary space; other control characters become a space.
//   4. Whitespace: runs collapse to one space, lines are trimmed. Spaces that
//      extraction inserted inside a syllable are dropped: before a character
//      that cannot begin a syllable (a combining mark, or ะ า ำ ๅ) when the
//      character before the space can carry it, and between a leading vowel
//      (เ แ โ ใ ไ) and its consonant. Spaces before ๆ are kept ("ต่าง ๆ").
//      Lines spread out letter by letter by Thai distributed justification
//      ("ง า น ข อ ง", five or more single letters in a row) are joined.
//   5. NFC (never NFKC/NFKD, which split ำ). It comes before the repairs
//      below because it may reorder marks; the repairs keep NFC order.
//   6. Mark repair per syllable: marks are stacked in canonical order (vowel
//      mark, tone mark, NIKHAHIT); a tone mark written after า/ำ/ะ moves
//      before it; a mark that arrives before its consonant (at the start of
//      a word, or right after a leading vowel) moves onto that consonant;
//      repeated identical marks are removed.
//   7. SARA AM repair: NIKHAHIT + SARA AA (also with a tone mark between or
//      before them) becomes tone + ำ. Tesseract's Thai model emits the split
//      form everywhere, so OCR text needs this as much as PDF text does.
// The result is idempotent: Normalize(Normalize(x)) == Normalize(x).
// Digits are never folded (see digits.h for the policy).
#ifndef RAINGAN_TEXTNORM_NORMALIZER_H_
#define RAINGAN_TEXTNORM_NORMALIZER_H_

#include <string>
#include <string_view>

#include "base/result.h"
#include "textnorm/char_map.h"
#include "textnorm/digits.h"

namespace raingan::textnorm {

class Normalizer {
 public:
  // Reads <models_dir>/pua.tsv.
  static Result<Normalizer> Load(const std::string& models_dir);
  // Uses the given PUA table (tests, fuzzers, embedded uses).
  explicit Normalizer(CharMap pua) : pua_(std::move(pua)) {}

  // The whole pipeline above; line breaks count as spaces. Never fails.
  std::string Normalize(std::string_view text) const;

  // Same, but keeps every line break ('\n'; CR LF, CR, U+2028/2029 and NEL
  // become '\n'), so line numbers stay valid: whitespace collapses within
  // each line, each line is trimmed, blank lines remain, and no repair moves
  // text from one line to another.
  std::string NormalizeKeepLines(std::string_view text) const;

 private:
  std::string Run(std::string_view text, bool keep_lines) const;

  CharMap pua_;
};

}  // namespace raingan::textnorm

#endif  // RAINGAN_TEXTNORM_NORMALIZER_H_
