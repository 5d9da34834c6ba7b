// SectionMatcher: recognizes the headings that group measure tables
// ("ประเด็นที่ ๑ กระบวนการปฏิบัติงาน...") using models/section_markers.tsv.
#ifndef RAINGAN_STAGES_SECTIONS_SECTION_MATCHER_H_
#define RAINGAN_STAGES_SECTIONS_SECTION_MATCHER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "regex/regex.h"

namespace raingan {

class SectionMatcher {
 public:
  static Result<SectionMatcher> Load(const std::string& models_dir);

  // The section title when `paragraph` is a section heading.
  std::optional<std::string> Match(std::string_view paragraph) const;

 private:
  std::vector<std::shared_ptr<const Regex>> patterns_;
};

}  // namespace raingan

#endif  // RAINGAN_STAGES_SECTIONS_SECTION_MATCHER_H_
