// ThaiDictionary: which runs of Thai letters are words. The review stage
// uses it to flag fields that hold letters no word explains — a misread
// character in an OCR field ("ผู้รัช่บร", "ประจกัษ์") or a piece of a
// header that went into a cell — because on the samples' scans no right
// field and half the wrong ones held such letters (README, "Review and
// calibration").
//
// Words come from libthai's word-break dictionary (Debian libthai-data,
// /usr/share/libthai/thbrk.tri, read through libdatrie; this file is the
// only one that knows libdatrie) and from models/thai_words.txt, words
// users add: the vocabulary of these reports that a general dictionary
// lacks. Load() fails, naming the file, when either cannot be read, so a
// run without its dictionary stops at the start rather than flagging
// nothing.
//
// Immutable once loaded; every method is const and safe to call from any
// thread.
#ifndef RAINGAN_LEXICON_THAI_DICTIONARY_H_
#define RAINGAN_LEXICON_THAI_DICTIONARY_H_

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace raingan {

// Where Debian's libthai-data puts its dictionary.
inline constexpr char kSystemThaiDictionary[] = "/usr/share/libthai/thbrk.tri";

class ThaiDictionary {
 public:
  // The system dictionary and <models_dir>/thai_words.txt.
  static Result<ThaiDictionary> Load(const std::string& models_dir);
  // The same from explicit paths (tests; an empty trie_path = no system
  // dictionary, only the word list).
  static Result<ThaiDictionary> LoadFrom(const std::string& trie_path,
                                         const std::string& words_path);

  ThaiDictionary(ThaiDictionary&&) noexcept;
  ThaiDictionary& operator=(ThaiDictionary&&) noexcept;
  ~ThaiDictionary();

  bool Contains(std::u32string_view word) const;

  // The stretches of Thai letters in `utf8_text` that no sequence of
  // words covers, in text order, each as UTF-8; empty when every letter
  // belongs to a word. A run of Thai letters is split into words so that
  // as few letters as possible are left over (dynamic programming over
  // the dictionary, plus `extra_words`: names the document itself gives,
  // such as its administration and province).
  //
  // Not words, and not counted: ๆ and ฯ (ฯลฯ included); an abbreviation,
  // up to three consonants before a full stop (อบต., พ.ศ., ม.ค.);
  // digits, Latin letters and punctuation.
  std::vector<std::string> UnknownLetters(
      std::string_view utf8_text,
      const std::vector<std::u32string>& extra_words = {}) const;

 private:
  struct TrieHandle;
  ThaiDictionary(std::unique_ptr<TrieHandle> trie,
                 std::set<std::u32string> words);

  // Ends (exclusive) of every dictionary word starting at `start` of `run`.
  void WordEnds(std::u32string_view run, size_t start,
                const std::vector<std::u32string>& extra_words,
                std::vector<size_t>* ends) const;

  std::unique_ptr<TrieHandle> trie_;  // null: no system dictionary
  std::set<std::u32string> words_;    // models/thai_words.txt
  size_t longest_word_ = 0;           // of words_
};

}  // namespace raingan

#endif  // RAINGAN_LEXICON_THAI_DICTIONARY_H_
