#include "stages/sections/section_matcher.h"

#include "base/utf8.h"
#include "lexicon/tsv.h"

namespace raingan {

Result<SectionMatcher> SectionMatcher::Load(const std::string& models_dir) {
  std::string path = ModelPath(models_dir, "section_markers.tsv");
  Result<std::vector<TsvRecord>> records = ReadTsv(path, 2);
  if (!records.ok()) return records.status();
  SectionMatcher m;
  for (const TsvRecord& rec : *records) {
    auto re = std::make_shared<const Regex>(rec.fields[1]);
    if (!re->ok() || re->NumberOfGroups() < 1) {
      return Status::BadInput(
          path + ":" + std::to_string(rec.line) + ": bad pattern '" +
          rec.fields[1] + "': " +
          (re->ok() ? std::string("needs one capture group") : re->error()));
    }
    m.patterns_.push_back(std::move(re));
  }
  return m;
}

std::optional<std::string> SectionMatcher::Match(
    std::string_view paragraph) const {
  // Headings are short; a long paragraph that happens to start with
  // "ประเด็นที่" is running text.
  if (utf8::Length(paragraph) > 200) return std::nullopt;
  std::vector<std::string> groups;
  for (const auto& re : patterns_) {
    if (re->PartialMatch(paragraph, &groups) && !groups[1].empty()) {
      return groups[1];
    }
  }
  return std::nullopt;
}

}  // namespace raingan
