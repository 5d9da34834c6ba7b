// ScoreLexicon: the wording of ITA score results, from
// models/plan_ita_scores.tsv — indicator headings and names, overall-score
// labels, grades and the header words of score tables.
#ifndef RAINGAN_STAGES_SCORES_SCORE_LEXICON_H_
#define RAINGAN_STAGES_SCORES_SCORE_LEXICON_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "regex/regex.h"

namespace raingan {

class ScoreLexicon {
 public:
  static Result<ScoreLexicon> Load(const std::string& models_dir);

  // "ตัวชี้วัดที่ 1 ..." at the start of `text`: the number ("1") and the
  // byte length of the label, so the caller can read the name after it.
  struct IndicatorLabel {
    std::string key;
    size_t length = 0;
  };
  std::optional<IndicatorLabel> MatchIndicatorLabel(
      std::string_view text) const;
  // The key of the indicator whose printed name starts `text` ("การใช้
  // อำนาจ ..." -> "3"); the longest name wins.
  std::optional<std::string> IndicatorByName(std::string_view text) const;
  // `text` opens with an overall-result label ("คะแนนรวม", "ผลการประเมิน
  // ITA"); in a score table's row also a bare "รวม" or "ผลการประเมิน".
  bool IsOverall(std::string_view text, bool in_score_table = false) const;
  // The first grade or pass/fail word in `text` ("ระดับ A", "ผ่าน").
  std::optional<std::string> FindGrade(std::string_view text) const;
  bool IsScoreColumn(std::string_view header) const;
  bool IsIndicatorColumn(std::string_view header) const;
  bool IsGradeColumn(std::string_view header) const;

 private:
  struct Name {
    std::string key;
    std::string folded;  // whitespace removed
  };
  using Patterns = std::vector<std::shared_ptr<const Regex>>;

  Patterns indicator_label_, overall_, overall_row_, grade_, score_column_,
      indicator_column_, grade_column_;
  std::vector<Name> names_;  // longest first
};

}  // namespace raingan

#endif  // RAINGAN_STAGES_SCORES_SCORE_LEXICON_H_
