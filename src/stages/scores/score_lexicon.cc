#include "stages/scores/score_lexicon.h"

#include <algorithm>
#include <utility>

#include "base/utf8.h"
#include "lexicon/tsv.h"
#include "stages/plan/plan_text.h"

namespace raingan {
namespace {

bool AnyMatch(const std::vector<std::shared_ptr<const Regex>>& patterns,
              std::string_view text, RegexMatch* match = nullptr) {
  for (const auto& re : patterns) {
    if (re->PartialMatch(text, match)) return true;
  }
  return false;
}

// Text without whitespace, for matching names that wrap anywhere.
std::string Squeeze(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n') out.push_back(c);
  }
  return out;
}

}  // namespace

Result<ScoreLexicon> ScoreLexicon::Load(const std::string& models_dir) {
  std::string path = ModelPath(models_dir, "plan_ita_scores.tsv");
  Result<std::vector<TsvRecord>> records = ReadTsv(path, 3);
  if (!records.ok()) return records.status();
  ScoreLexicon lex;
  const std::pair<std::string_view, Patterns*> kinds[] = {
      {"indicator_label", &lex.indicator_label_},
      {"overall", &lex.overall_},
      {"overall_row", &lex.overall_row_},
      {"grade", &lex.grade_},
      {"score_column", &lex.score_column_},
      {"indicator_column", &lex.indicator_column_},
      {"grade_column", &lex.grade_column_},
  };
  for (const TsvRecord& rec : *records) {
    std::string where = path + ":" + std::to_string(rec.line) + ": ";
    const std::string& kind = rec.fields[0];
    if (kind == "indicator") {
      std::string folded = Squeeze(rec.fields[2]);
      if (folded.empty() || rec.fields[1].empty()) {
        return Status::BadInput(where + "indicator needs a key and a name");
      }
      lex.names_.push_back({rec.fields[1], std::move(folded)});
      continue;
    }
    Patterns* target = nullptr;
    for (const auto& [name, patterns] : kinds) {
      if (name == kind) target = patterns;
    }
    if (target == nullptr) {
      return Status::BadInput(where + "unknown kind '" + kind + "'");
    }
    auto re = std::make_shared<const Regex>(rec.fields[2]);
    if (!re->ok()) {
      return Status::BadInput(where + "bad pattern '" + rec.fields[2] +
                              "': " + re->error());
    }
    bool grouped = target == &lex.indicator_label_ || target == &lex.grade_;
    if (grouped && re->NumberOfGroups() < 1) {
      return Status::BadInput(where + "pattern needs a capture group");
    }
    target->push_back(std::move(re));
  }
  std::stable_sort(lex.names_.begin(), lex.names_.end(),
                   [](const Name& a, const Name& b) {
                     return a.folded.size() > b.folded.size();
                   });
  return lex;
}

std::optional<ScoreLexicon::IndicatorLabel> ScoreLexicon::MatchIndicatorLabel(
    std::string_view text) const {
  RegexMatch m;
  if (!AnyMatch(indicator_label_, text, &m) || m.offset != 0) {
    return std::nullopt;
  }
  int n = DigitsValue(m.groups[1]);
  if (n <= 0) return std::nullopt;
  return IndicatorLabel{std::to_string(n), m.length};
}

std::optional<std::string> ScoreLexicon::IndicatorByName(
    std::string_view text) const {
  std::string s = Squeeze(text);
  for (const Name& n : names_) {
    if (s.compare(0, n.folded.size(), n.folded) == 0) return n.key;
  }
  return std::nullopt;
}

bool ScoreLexicon::IsOverall(std::string_view text, bool in_score_table) const {
  RegexMatch m;
  if (AnyMatch(overall_, text, &m) && m.offset == 0) return true;
  return in_score_table && AnyMatch(overall_row_, text, &m) && m.offset == 0;
}

std::optional<std::string> ScoreLexicon::FindGrade(
    std::string_view text) const {
  // The leftmost grade of all patterns: "ระดับ A ผ่าน" reports "A".
  std::optional<std::string> best;
  size_t best_at = std::string_view::npos;
  for (const auto& re : grade_) {
    RegexMatch m;
    if (re->PartialMatch(text, &m) && m.offset < best_at) {
      best_at = m.offset;
      best = m.groups[1];
    }
  }
  return best;
}

bool ScoreLexicon::IsScoreColumn(std::string_view header) const {
  return AnyMatch(score_column_, header);
}

bool ScoreLexicon::IsIndicatorColumn(std::string_view header) const {
  return AnyMatch(indicator_column_, header);
}

bool ScoreLexicon::IsGradeColumn(std::string_view header) const {
  return AnyMatch(grade_column_, header);
}

}  // namespace raingan
