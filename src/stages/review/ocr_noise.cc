#include "stages/review/ocr_noise.h"

#include "base/utf8.h"

namespace raingan {
namespace {

// Latin scraps: 2 to 4 letters (one letter is a list mark or "e-" of
// e-Service; five and more are rarely a misread Thai word).
constexpr size_t kShortestScrap = 2;
constexpr size_t kLongestScrap = 4;

bool IsThaiLetter(char32_t c) { return c >= 0x0E01 && c <= 0x0E4E; }
bool IsLatin(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The nearest character before `pos` (or from `pos` on, forward) that is
// not a space; 0 at the text's edge.
char32_t NeighbourBefore(const std::u32string& t, size_t pos) {
  while (pos > 0 && t[pos - 1] == ' ') --pos;
  return pos > 0 ? t[pos - 1] : 0;
}
char32_t NeighbourAfter(const std::u32string& t, size_t pos) {
  while (pos < t.size() && t[pos] == ' ') ++pos;
  return pos < t.size() ? t[pos] : 0;
}

}  // namespace

std::optional<std::string> FindOcrNoise(
    std::string_view text, const ThaiDictionary& dictionary,
    const std::vector<std::u32string>& names) {
  std::u32string t = utf8::ToU32(text);
  for (size_t i = 0; i < t.size(); ++i) {
    if (IsLatin(t[i]) && (i == 0 || !IsLatin(t[i - 1]))) {
      size_t end = i;
      bool lowercase = true;
      while (end < t.size() && IsLatin(t[end])) {
        lowercase = lowercase && t[end] >= 'a';
        ++end;
      }
      size_t len = end - i;
      // Delimited by spaces or Thai letters on both sides: not a part of
      // an address (www., .go.th, @), a code (O27) or e-Service.
      auto delimits = [](char32_t c) {
        return c == 0 || c == ' ' || IsThaiLetter(c);
      };
      bool free_standing = delimits(i > 0 ? t[i - 1] : 0) &&
                           delimits(end < t.size() ? t[end] : 0);
      bool by_thai = IsThaiLetter(NeighbourBefore(t, i)) ||
                     IsThaiLetter(NeighbourAfter(t, end));
      if (lowercase && len >= kShortestScrap && len <= kLongestScrap &&
          free_standing && by_thai) {
        return "\"" + utf8::FromU32(t.substr(i, len)) + "\" between Thai words";
      }
      i = end - 1;
      continue;
    }
    if (t[i] != '.') continue;
    // " .กองคลัง": a stop that opens a Thai word.
    if (i > 0 && t[i - 1] == ' ' && i + 1 < t.size() &&
        IsThaiLetter(t[i + 1])) {
      return std::string("a full stop before a Thai word");
    }
    // "ประมาณ.": a stop after a word of two letters or more.
    size_t start = i;
    while (start > 0 && IsThaiLetter(t[start - 1])) --start;
    if (i - start < 2) continue;
    std::u32string run = t.substr(start, i - start);
    // A stop that another "C." follows ends a part of an abbreviation
    // (มี.ค.; งบประมาณพ.ศ., where มาณพ happens to be a word).
    bool abbreviation_follows =
        i + 2 < t.size() && utf8::IsThaiConsonant(t[i + 1]) && t[i + 2] == '.';
    if (!abbreviation_follows &&
        dictionary.UnknownLetters(utf8::FromU32(run), names).empty()) {
      return "a full stop after " + utf8::FromU32(run);
    }
  }
  return std::nullopt;
}

}  // namespace raingan
