// Regex: the one wrapper around RE2 used by all of raingan.
//
// Patterns are UTF-8. RE2 is byte-oriented and its \d, \w, \b and \s are
// ASCII-only, so Thai patterns must spell classes out: [0-9๐-๙] for digits,
// \p{Thai} for Thai letters and marks. Like RE2, a Regex never throws: a bad
// pattern gives ok() == false and error(), and matches nothing.
//
//   static const Regex kId(R"(^\(?([0-9๐-๙]+(?:\.[0-9๐-๙]+)*)[.)]?\s)");
//   std::vector<std::string> groups;
//   if (kId.PartialMatch(text, &groups)) id = groups[1];
#ifndef RAINGAN_REGEX_REGEX_H_
#define RAINGAN_REGEX_REGEX_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace raingan {

// One match: the whole match is groups[0]; an unmatched optional group is
// empty. offset/length locate groups[0] in the searched text (bytes).
struct RegexMatch {
  std::vector<std::string> groups;
  size_t offset = 0;
  size_t length = 0;
};

class Regex {
 public:
  explicit Regex(std::string_view pattern, bool case_insensitive = false);
  ~Regex();
  Regex(Regex&&) noexcept;
  Regex& operator=(Regex&&) noexcept;
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

  bool ok() const;
  const std::string& error() const;
  const std::string& pattern() const { return pattern_; }
  int NumberOfGroups() const;

  // The whole of `text` matches.
  bool FullMatch(std::string_view text) const;
  // Some part of `text` matches; the first (leftmost) match is returned in
  // *match when given.
  bool PartialMatch(std::string_view text, RegexMatch* match = nullptr) const;
  // Convenience: groups of the first match (groups[0] = whole match).
  bool PartialMatch(std::string_view text,
                    std::vector<std::string>* groups) const;
  // Finds a match starting at or after byte `from`.
  bool FindFrom(std::string_view text, size_t from, RegexMatch* match) const;
  // All non-overlapping matches, left to right.
  std::vector<RegexMatch> FindAll(std::string_view text) const;
  // Replaces every match; `rewrite` may use \1..\9 (RE2 syntax).
  std::string ReplaceAll(std::string_view text,
                         std::string_view rewrite) const;

 private:
  std::string pattern_;
  std::unique_ptr<re2::RE2> re_;
};

}  // namespace raingan

#endif  // RAINGAN_REGEX_REGEX_H_
