#include "lexicon/thai_dictionary.h"

#include <datrie/trie.h>

#include <algorithm>
#include <climits>
#include <fstream>
#include <utility>

#include "base/utf8.h"
#include "lexicon/tsv.h"

namespace raingan {
namespace {

constexpr char32_t kMaiYamok = 0x0E46;   // ๆ
constexpr char32_t kPaiyannoi = 0x0E2F;  // ฯ
constexpr char32_t kBaht = 0x0E3F;       // ฿
// Longest dictionary word tried from one position. thbrk.tri's longest
// entries are under 30 letters; a longer try only costs time.
constexpr size_t kLongestTrieWord = 40;
// Abbreviations: up to this many consonants before a full stop (อบต.,
// ปปช., พ.ศ.).
constexpr size_t kLongestAbbreviation = 3;

// A letter that can be part of a Thai word: consonants, vowels, tone and
// other marks; not ๆ, ฯ, ฿ or digits, which stand between words.
bool IsWordLetter(char32_t c) {
  if (c < 0x0E01 || c > 0x0E4E) return false;
  return c != kMaiYamok && c != kPaiyannoi && c != kBaht;
}

}  // namespace

struct ThaiDictionary::TrieHandle {
  ::Trie* trie = nullptr;
  ~TrieHandle() {
    if (trie != nullptr) trie_free(trie);
  }
};

ThaiDictionary::ThaiDictionary(std::unique_ptr<TrieHandle> trie,
                               std::set<std::u32string> words)
    : trie_(std::move(trie)), words_(std::move(words)) {
  for (const std::u32string& w : words_) {
    longest_word_ = std::max(longest_word_, w.size());
  }
}

ThaiDictionary::ThaiDictionary(ThaiDictionary&&) noexcept = default;
ThaiDictionary& ThaiDictionary::operator=(ThaiDictionary&&) noexcept = default;
ThaiDictionary::~ThaiDictionary() = default;

Result<ThaiDictionary> ThaiDictionary::Load(const std::string& models_dir) {
  return LoadFrom(kSystemThaiDictionary,
                  ModelPath(models_dir, "thai_words.txt"));
}

Result<ThaiDictionary> ThaiDictionary::LoadFrom(const std::string& trie_path,
                                                const std::string& words_path) {
  std::unique_ptr<TrieHandle> trie;
  if (!trie_path.empty()) {
    // trie_new_from_file reports nothing on failure; tell a missing file
    // from a damaged one ourselves.
    if (!std::ifstream(trie_path)) {
      return Status::NotFound(
          "cannot read the Thai dictionary " + trie_path +
          " (Debian package libthai-data; scripts/setup.sh installs it)");
    }
    trie = std::make_unique<TrieHandle>();
    trie->trie = trie_new_from_file(trie_path.c_str());
    if (trie->trie == nullptr) {
      return Status::BadInput(trie_path + ": not a libdatrie dictionary");
    }
  }
  RAINGAN_ASSIGN_OR_RETURN(std::vector<TsvRecord> records,
                           ReadTsv(words_path, 1));
  std::set<std::u32string> words;
  for (const TsvRecord& r : records) {
    std::u32string w = utf8::ToU32(r.fields[0]);
    for (char32_t c : w) {
      if (!IsWordLetter(c)) {
        return Status::InvalidArgument(
            words_path + ":" + std::to_string(r.line) +
            ": a word is Thai letters only: " + r.fields[0]);
      }
    }
    words.insert(std::move(w));
  }
  return ThaiDictionary(std::move(trie), std::move(words));
}

bool ThaiDictionary::Contains(std::u32string_view word) const {
  if (word.empty()) return false;
  if (words_.count(std::u32string(word)) > 0) return true;
  if (trie_ == nullptr) return false;
  std::u32string key(word);
  static_assert(sizeof(AlphaChar) == sizeof(char32_t));
  std::vector<AlphaChar> chars(key.begin(), key.end());
  chars.push_back(0);
  return trie_retrieve(trie_->trie, chars.data(), nullptr);
}

void ThaiDictionary::WordEnds(std::u32string_view run, size_t start,
                              const std::vector<std::u32string>& extra_words,
                              std::vector<size_t>* ends) const {
  ends->clear();
  if (trie_ != nullptr) {
    TrieState* state = trie_root(trie_->trie);
    for (size_t j = start; j < run.size() && j - start < kLongestTrieWord;
         ++j) {
      if (!trie_state_walk(state, static_cast<AlphaChar>(run[j]))) break;
      if (trie_state_is_terminal(state)) ends->push_back(j + 1);
    }
    trie_state_free(state);
  }
  for (size_t len = 1; len <= longest_word_ && start + len <= run.size();
       ++len) {
    if (words_.count(std::u32string(run.substr(start, len))) > 0) {
      ends->push_back(start + len);
    }
  }
  for (const std::u32string& w : extra_words) {
    if (!w.empty() && run.substr(start, w.size()) == w) {
      ends->push_back(start + w.size());
    }
  }
}

std::vector<std::string> ThaiDictionary::UnknownLetters(
    std::string_view utf8_text,
    const std::vector<std::u32string>& extra_words) const {
  std::vector<std::string> unknown;
  std::u32string text = utf8::ToU32(utf8_text);
  std::vector<size_t> ends;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsWordLetter(text[i])) {
      ++i;
      continue;
    }
    // A run of letters; a single space between two letters does not end
    // it, since text layers put spaces inside words ("ปิ ด").
    const size_t run_start = i;
    std::u32string run;
    while (i < text.size()) {
      if (IsWordLetter(text[i])) {
        run.push_back(text[i++]);
      } else if (text[i] == ' ' && i + 1 < text.size() &&
                 IsWordLetter(text[i + 1]) && !run.empty()) {
        ++i;
      } else {
        break;
      }
    }
    // ฯลฯ ("and so on") is written with a letter between two ฯ.
    if (run.size() == 1 && run_start > 0 && text[run_start - 1] == kPaiyannoi &&
        i < text.size() && text[i] == kPaiyannoi) {
      continue;
    }
    // cost[k]: fewest letters of run[0, k) that no word covers; from[k]:
    // where the last step to k started, and whether it was a word.
    const size_t n = run.size();
    std::vector<size_t> cost(n + 1, SIZE_MAX), from(n + 1, 0);
    std::vector<bool> word(n + 1, false);
    cost[0] = 0;
    for (size_t k = 0; k < n; ++k) {
      if (cost[k] == SIZE_MAX) continue;
      if (cost[k] + 1 < cost[k + 1]) {
        cost[k + 1] = cost[k] + 1;
        from[k + 1] = k;
        word[k + 1] = false;
      }
      WordEnds(run, k, extra_words, &ends);
      for (size_t e : ends) {
        if (cost[k] <= cost[e]) {  // prefer words on ties
          cost[e] = cost[k];
          from[e] = k;
          word[e] = true;
        }
      }
    }
    // An abbreviation's consonants before a full stop are not a word.
    size_t end = n;
    if (i < text.size() && text[i] == '.') {
      for (size_t k = n; k-- > 0 && n - k <= kLongestAbbreviation;) {
        if (!utf8::IsThaiConsonant(run[k])) break;
        if (cost[k] < cost[end]) end = k;
      }
    }
    if (cost[end] == 0) continue;
    // The run's segments, words and single unknown letters, in order;
    // adjacent unknown letters join into one stretch.
    struct Segment {
      size_t begin, end;
      bool word;
    };
    std::vector<Segment> segments;
    for (size_t k = end; k > 0; k = from[k]) {
      if (!word[k] && !segments.empty() && !segments.back().word) {
        segments.back().begin = from[k];
      } else {
        segments.push_back({from[k], k, word[k]});
      }
    }
    std::reverse(segments.begin(), segments.end());
    // Each stretch is shown with the words beside it, so a clerk can find
    // it ("เวลาารอ", not "า").
    for (size_t s = 0; s < segments.size(); ++s) {
      if (segments[s].word) continue;
      size_t from_letter = s > 0 ? segments[s - 1].begin : segments[s].begin;
      size_t to_letter =
          s + 1 < segments.size() ? segments[s + 1].end : segments[s].end;
      unknown.push_back(utf8::FromU32(std::u32string_view(run).substr(
          from_letter, to_letter - from_letter)));
    }
  }
  return unknown;
}

}  // namespace raingan
