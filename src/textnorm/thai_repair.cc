#include "textnorm/thai_repair.h"

#include <algorithm>
#include <cstddef>
#include <vector>

#include "textnorm/thai_chars.h"

namespace raingan::textnorm {
namespace {

// Appends one syllable: `base` (0 = none) and the marks and following vowels
// that came with it, in canonical order. `tail` holds them as extracted.
void EmitSyllable(char32_t base, const std::u32string& tail,
                  std::u32string* out) {
  // Fast path: most syllables carry at most one mark or vowel, which is
  // canonical by itself (ำ and NIKHAHIT need the full treatment).
  if (tail.size() <= 1 && (tail.empty() || (tail[0] != thai::kSaraAm &&
                                            tail[0] != thai::kNikhahit))) {
    if (base != 0) out->push_back(base);
    out->append(tail);
    return;
  }
  std::u32string marks, vowels;
  for (char32_t c : tail) {
    if (c == thai::kSaraAm) {
      // Split ำ so that a stray NIKHAHIT or a tone after it is handled by the
      // same rule as the split form; it is recomposed below.
      marks.push_back(thai::kNikhahit);
      vowels.push_back(thai::kSaraAa);
    } else if (thai::IsMark(c)) {
      marks.push_back(c);
    } else {
      vowels.push_back(c);
    }
  }
  std::stable_sort(marks.begin(), marks.end(), [](char32_t a, char32_t b) {
    return thai::MarkRank(a) < thai::MarkRank(b);
  });
  // A mark cannot be stacked twice on one consonant; duplicates are glyphs
  // drawn twice (bold simulation, OCR).
  std::u32string unique;
  for (char32_t c : marks) {
    if (unique.find(c) == std::u32string::npos) unique.push_back(c);
  }
  size_t nikhahit = unique.find(thai::kNikhahit);
  size_t aa = vowels.find(thai::kSaraAa);
  if (nikhahit != std::u32string::npos && aa != std::u32string::npos) {
    unique.erase(nikhahit, 1);
    vowels[aa] = thai::kSaraAm;
  }
  if (base != 0) out->push_back(base);
  out->append(unique);
  out->append(vowels);
}

}  // namespace

bool IsSpuriousSpace(char32_t prev, char32_t next) {
  // A leading vowel is always followed by its consonant, or by one of that
  // consonant's marks when a PDF producer emits the mark first.
  if (thai::IsLeadingVowel(prev)) {
    return thai::IsConsonant(next) || thai::IsMark(next);
  }
  if (thai::IsFollowingVowel(next)) {
    return thai::IsConsonant(prev) || thai::IsMark(prev);
  }
  if (thai::IsMark(next)) {
    if (thai::IsConsonant(prev)) return true;
    bool upper = thai::IsToneMark(next) || next == thai::kNikhahit;
    if (thai::IsVowelMark(prev) && upper) return true;
    return thai::IsToneMark(prev) && next == thai::kNikhahit;
  }
  return false;
}

namespace {

// One letter of a letter-spaced line: a single Thai consonant or vowel
// letter (ก..ๅ, not ฯ) with any marks, e.g. "ง", "่ว", "ัฐ".
bool IsSpacedLetter(const std::u32string& s, size_t begin, size_t end) {
  int letters = 0;
  for (size_t i = begin; i < end; ++i) {
    char32_t c = s[i];
    if (thai::IsMark(c)) continue;
    if (c < 0x0E01 || c > 0x0E45 || c == 0x0E2F) return false;
    ++letters;
  }
  return letters == 1;
}

}  // namespace

bool CollapseLetterSpacing(std::u32string* text) {
  std::u32string& s = *text;
  // Tokens are maximal runs without ' ' or '\n'. `run` holds the spaces
  // between consecutive single letters; long enough runs are dropped.
  std::vector<size_t> run, drop;
  auto flush = [&] {
    if (run.size() + 1 >= static_cast<size_t>(kMinLetterSpacedRun)) {
      drop.insert(drop.end(), run.begin(), run.end());
    }
    run.clear();
  };
  bool in_run = false;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == U' ' || s[i] == U'\n') {
      if (s[i] == U'\n') {
        flush();
        in_run = false;
      }
      ++i;
      continue;
    }
    size_t end = i;
    while (end < s.size() && s[end] != U' ' && s[end] != U'\n') ++end;
    if (IsSpacedLetter(s, i, end)) {
      bool after_space = in_run && s[i - 1] == U' ';
      if (after_space) {
        run.push_back(i - 1);
      } else {
        flush();
      }
      in_run = true;
    } else {
      flush();
      in_run = false;
    }
    i = end;
  }
  flush();
  if (drop.empty()) return false;
  size_t out = 0, next = 0;
  for (size_t k = 0; k < s.size(); ++k) {
    if (next < drop.size() && drop[next] == k) {
      ++next;
      continue;
    }
    s[out++] = s[k];
  }
  s.resize(out);
  return true;
}

bool DropSpuriousSpaces(std::u32string* text) {
  std::u32string& s = *text;
  size_t out = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    bool drop = s[i] == U' ' && out > 0 && i + 1 < s.size() &&
                IsSpuriousSpace(s[out - 1], s[i + 1]);
    if (!drop) s[out++] = s[i];
  }
  bool changed = out != s.size();
  s.resize(out);
  return changed;
}

void RepairThaiSyllables(const std::u32string& in, std::u32string* out) {
  out->reserve(out->size() + in.size());
  std::u32string pending;  // marks waiting for the consonant that follows
  std::u32string tail;
  size_t n = in.size();
  size_t i = 0;
  while (i < n) {
    char32_t c = in[i];
    if (!thai::IsConsonant(c) && !thai::IsNonInitial(c)) {
      out->push_back(c);
      ++i;
      continue;
    }
    size_t k = i + (thai::IsConsonant(c) ? 1 : 0);
    size_t run_start = k;
    while (k < n && thai::IsNonInitial(in[k])) ++k;
    if (thai::IsConsonant(c)) {
      tail = pending;
      tail.append(in, run_start, k - run_start);
      pending.clear();
      EmitSyllable(c, tail, out);
      i = k;
      continue;
    }
    // A run of marks/vowels without a consonant before it.
    bool only_marks =
        std::all_of(in.begin() + static_cast<std::ptrdiff_t>(i),
                    in.begin() + static_cast<std::ptrdiff_t>(k), thai::IsMark);
    if (only_marks && k < n && thai::IsConsonant(in[k])) {
      pending.append(in, i, k - i);
    } else {
      EmitSyllable(0, in.substr(i, k - i), out);
    }
    i = k;
  }
  // `pending` is only filled when a consonant follows, so it is empty here.
}

}  // namespace raingan::textnorm
