// ScoreReader: ITA results (ผลการประเมินคุณธรรมและความโปร่งใส) printed in
// reports and plans -> Scores, in document order, one per indicator.
//
//   paragraph  "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ 93.66 คะแนน"
//              -> {indicator "1", name "การปฏิบัติหน้าที่", score 93.66}
//              "คะแนนรวม 92.15 ระดับ A" -> {"overall", score, grade "A"}
//              "ผลการประเมิน ITA ... ผ่าน" -> {"overall", grade "ผ่าน"}
//   table      header "ตัวชี้วัด | คะแนน" (and maybe ลำดับ, ระดับ); a row
//              names its indicator by heading ("ตัวชี้วัดที่ 3 ..."), by
//              name ("การใช้อำนาจ" -> "3"), or by a number cell; a row
//              "รวม" / "คะแนนเฉลี่ย" / "ผลการประเมิน" is the overall result.
//
// A line counts only when it opens with an indicator or overall label and
// holds a score (0-100; a year is not one) or a grade: an indicator
// heading without a score, or prose such as "ต้องได้คะแนน ๘๕ คะแนนขึ้นไป",
// is not a result. Wording comes from models/plan_ita_scores.tsv.
#ifndef RAINGAN_STAGES_SCORES_SCORE_READER_H_
#define RAINGAN_STAGES_SCORES_SCORE_READER_H_

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "stages/scores/score_lexicon.h"

namespace raingan {

// One line of running text (or a score-table row joined with spaces) as a
// Score, if it is one.
std::optional<Score> ParseScoreLine(std::string_view text,
                                    const ScoreLexicon& lexicon,
                                    bool in_score_table = false);

class ScoreReader {
 public:
  explicit ScoreReader(const ScoreLexicon& lexicon) : lexicon_(lexicon) {}

  void AddParagraph(const Paragraph& paragraph);
  // True when `table` was read as a score table.
  bool AddTable(const Table& table);

  std::vector<Score> Finish() { return std::move(scores_); }

 private:
  // Keeps the first result per indicator: summaries repeat them.
  void Add(Score score);

  const ScoreLexicon& lexicon_;
  std::vector<Score> scores_;
  std::set<std::string> seen_;
};

}  // namespace raingan

#endif  // RAINGAN_STAGES_SCORES_SCORE_READER_H_
