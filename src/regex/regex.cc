#include "regex/regex.h"

#include <re2/re2.h>

namespace raingan {
namespace {

RE2::Options MakeOptions(bool case_insensitive) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  options.set_case_sensitive(!case_insensitive);
  return options;
}

}  // namespace

Regex::Regex(std::string_view pattern, bool case_insensitive)
    : pattern_(pattern),
      re_(std::make_unique<re2::RE2>(re2::StringPiece(pattern.data(),
                                                      pattern.size()),
                                     MakeOptions(case_insensitive))) {}

Regex::~Regex() = default;
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;

bool Regex::ok() const { return re_->ok(); }
const std::string& Regex::error() const { return re_->error(); }
int Regex::NumberOfGroups() const { return re_->NumberOfCapturingGroups(); }

bool Regex::FullMatch(std::string_view text) const {
  if (!ok()) return false;
  return re_->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(),
                    RE2::ANCHOR_BOTH, nullptr, 0);
}

bool Regex::FindFrom(std::string_view text, size_t from,
                     RegexMatch* match) const {
  if (!ok() || from > text.size()) return false;
  int n = re_->NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> pieces(static_cast<size_t>(n));
  if (!re_->Match(re2::StringPiece(text.data(), text.size()), from,
                  text.size(), RE2::UNANCHORED, pieces.data(), n)) {
    return false;
  }
  if (match != nullptr) {
    match->groups.clear();
    for (const re2::StringPiece& p : pieces) {
      match->groups.emplace_back(p.data() == nullptr ? std::string()
                                                     : std::string(p));
    }
    match->offset = static_cast<size_t>(pieces[0].data() - text.data());
    match->length = pieces[0].size();
  }
  return true;
}

bool Regex::PartialMatch(std::string_view text, RegexMatch* match) const {
  return FindFrom(text, 0, match);
}

bool Regex::PartialMatch(std::string_view text,
                         std::vector<std::string>* groups) const {
  RegexMatch m;
  if (!FindFrom(text, 0, &m)) return false;
  if (groups != nullptr) *groups = std::move(m.groups);
  return true;
}

std::vector<RegexMatch> Regex::FindAll(std::string_view text) const {
  std::vector<RegexMatch> out;
  size_t from = 0;
  RegexMatch m;
  while (from <= text.size() && FindFrom(text, from, &m)) {
    size_t next = m.offset + m.length;
    if (m.length == 0) {
      // Step over one whole UTF-8 character to avoid an endless loop.
      next = m.offset + 1;
      while (next < text.size() &&
             (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) {
        ++next;
      }
    }
    out.push_back(std::move(m));
    from = next;
  }
  return out;
}

std::string Regex::ReplaceAll(std::string_view text,
                              std::string_view rewrite) const {
  std::string out(text);
  if (!ok()) return out;
  RE2::GlobalReplace(&out, *re_,
                     re2::StringPiece(rewrite.data(), rewrite.size()));
  return out;
}

}  // namespace raingan
