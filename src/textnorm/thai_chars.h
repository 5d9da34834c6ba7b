// Classes of Thai characters that matter when repairing extracted text.
// A Thai syllable is written: [leading vowel] consonant [marks] [following
// vowel]; "marks" are the combining vowels and tone marks stacked on the
// consonant. Extraction (PDF text layers, OCR) breaks exactly this
// structure, so the repair rules in normalizer.cc are phrased with these
// classes.
#ifndef RAINGAN_TEXTNORM_THAI_CHARS_H_
#define RAINGAN_TEXTNORM_THAI_CHARS_H_

namespace raingan::textnorm::thai {

inline constexpr char32_t kSaraA = 0x0E30;        // ะ
inline constexpr char32_t kSaraAa = 0x0E32;       // า
inline constexpr char32_t kSaraAm = 0x0E33;       // ำ
inline constexpr char32_t kNikhahit = 0x0E4D;     // ํ
inline constexpr char32_t kLakkhangyao = 0x0E45;  // ๅ

// ก..ฮ (includes ฤ and ฦ): the only characters that carry marks.
inline bool IsConsonant(char32_t c) { return c >= 0x0E01 && c <= 0x0E2E; }

// เ แ โ ใ ไ: written before the consonant they are pronounced after.
inline bool IsLeadingVowel(char32_t c) { return c >= 0x0E40 && c <= 0x0E44; }

// Combining vowels above or below the consonant: ั ิ ี ึ ื ุ ู ฺ ็.
inline bool IsVowelMark(char32_t c) {
  return c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || c == 0x0E47;
}

// Tone marks ่ ้ ๊ ๋, THANTHAKHAT ์ and YAMAKKAN ๎.
inline bool IsToneMark(char32_t c) {
  return (c >= 0x0E48 && c <= 0x0E4C) || c == 0x0E4E;
}

// Every combining (non-spacing) Thai mark.
inline bool IsMark(char32_t c) {
  return IsVowelMark(c) || IsToneMark(c) || c == kNikhahit;
}

// Spacing vowels written after the consonant: ะ า ำ ๅ.
inline bool IsFollowingVowel(char32_t c) {
  return c == kSaraA || c == kSaraAa || c == kSaraAm || c == kLakkhangyao;
}

// Characters that can never begin a syllable: a space in front of one is an
// extraction artifact, never a word boundary.
inline bool IsNonInitial(char32_t c) {
  return IsMark(c) || IsFollowingVowel(c);
}

// Canonical position of a mark in its stack: vowel marks sit next to the
// consonant, then the tone mark, then NIKHAHIT (the upper half of SARA AM,
// which Unicode writes after the tone: น ้ ำ). PHINTHU comes first among the
// vowel marks because its canonical combining class (9) is lower than SARA
// U's (103): any other order would be changed again by NFC.
inline int MarkRank(char32_t c) {
  if (c == 0x0E3A) return 0;  // PHINTHU
  if (IsVowelMark(c)) return 1;
  if (IsToneMark(c)) return 2;
  return 3;  // NIKHAHIT
}

}  // namespace raingan::textnorm::thai

#endif  // RAINGAN_TEXTNORM_THAI_CHARS_H_
