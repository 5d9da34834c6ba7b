#include "stages/scores/score_reader.h"

#include <cstdlib>

#include "base/utf8.h"
#include "regex/regex.h"
#include "stages/plan/plan_text.h"

namespace raingan {
namespace {

constexpr std::string_view kScoreWord = "คะแนน";
// A grade printed alone in its column: "AA", "ผ่าน", "ไม่ผ่าน".
constexpr size_t kMaxGradeCell = 10;

// A number printed in the text: where it is and its value.
struct Number {
  size_t begin = 0, end = 0;  // bytes
  double value = 0;
};

// Numbers that can be scores (0-100; "๒๕๖๗" and "1,200" cannot).
std::vector<Number> ScoreNumbers(std::string_view text) {
  static const Regex kToken(R"([0-9๐-๙]+(?:[.,][0-9๐-๙]+)*)");
  std::vector<Number> out;
  for (const RegexMatch& m : kToken.FindAll(text)) {
    std::string ascii;
    size_t pos = 0;
    const std::string& tok = m.groups[0];
    while (pos < tok.size()) {
      char32_t c = utf8::DecodeNext(tok, &pos);
      int d = utf8::DigitValue(c);
      ascii.push_back(d >= 0 ? static_cast<char>('0' + d)
                             : static_cast<char>(c));
    }
    if (ascii.find(',') != std::string::npos ||
        ascii.find('.') != ascii.rfind('.')) {
      continue;  // a thousands separator or a section number "1.2.3"
    }
    double v = std::strtod(ascii.c_str(), nullptr);
    if (v < 0 || v > 100) continue;
    out.push_back({m.offset, m.offset + m.length, v});
  }
  return out;
}

bool FollowedByScoreWord(std::string_view text, size_t at) {
  while (at < text.size() && text[at] == ' ') ++at;
  return text.substr(at, kScoreWord.size()) == kScoreWord;
}

// "การปฏิบัติหน้าที่ ได้คะแนน" -> "การปฏิบัติหน้าที่": connecting words
// between a name and its score are not part of the name.
std::string TrimName(std::string_view text) {
  static const Regex kTail(
      R"((?:\s|:|=|-|–|ได้รับคะแนน|ได้คะแนน|คะแนน|ได้|เท่ากับ|อยู่ที่)+$)");
  static const Regex kHead(R"(^(?:\s|:|-|–|\.)+)");
  std::string s = kTail.ReplaceAll(CleanPlanText(text), "");
  return kHead.ReplaceAll(s, "");
}

// Which indicator a line or cell names, and where its name begins.
struct Identified {
  std::string indicator;
  size_t body = 0;  // bytes: the text after "ตัวชี้วัดที่ N"
  bool by_label = false;
};

std::optional<Identified> Identify(const std::string& text,
                                   const ScoreLexicon& lexicon,
                                   bool in_score_table) {
  if (auto label = lexicon.MatchIndicatorLabel(text)) {
    return Identified{label->key, label->length, true};
  }
  if (lexicon.IsOverall(text, in_score_table)) {
    return Identified{"overall", 0, false};
  }
  if (auto key = lexicon.IndicatorByName(text)) {
    return Identified{*key, 0, false};
  }
  return std::nullopt;
}

}  // namespace

std::optional<Score> ParseScoreLine(std::string_view raw,
                                    const ScoreLexicon& lexicon,
                                    bool in_score_table) {
  std::string text = CleanPlanText(raw);
  if (text.empty() || utf8::Length(text) > 400) return std::nullopt;
  std::optional<Identified> id = Identify(text, lexicon, in_score_table);
  if (!id) return std::nullopt;
  Score s;
  s.indicator = id->indicator;
  bool by_label = id->by_label;
  std::string_view rest = std::string_view(text).substr(id->body);
  // The score: a number followed by "คะแนน"; else the first number once
  // "คะแนน" was said before it ("คะแนนรวม 92.15"); else a number ending
  // the line ("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ 93.66").
  std::optional<Number> score;
  std::vector<Number> numbers = ScoreNumbers(rest);
  for (const Number& n : numbers) {
    if (FollowedByScoreWord(rest, n.end)) {
      score = n;
      break;
    }
  }
  if (!score && !numbers.empty()) {
    const Number& first = numbers.front();
    const Number& last = numbers.back();
    if (rest.substr(0, first.begin).find(kScoreWord) != std::string::npos) {
      score = first;
    } else if (by_label && last.end == rest.size()) {
      score = last;
    }
  }
  size_t name_end = score ? score->begin : rest.size();
  std::optional<std::string> grade =
      lexicon.FindGrade(rest.substr(score ? score->end : 0));
  if (!score && grade) {
    // The name stops where the grade is printed.
    std::string_view r = rest;
    size_t at = r.find(*grade);
    if (at != std::string_view::npos) name_end = std::min(name_end, at);
  }
  if (!score && !(grade && s.indicator == "overall")) return std::nullopt;
  if (score) s.score = score->value;
  if (grade) s.grade = *grade;
  s.name = TrimName(rest.substr(0, name_end));
  return s;
}

void ScoreReader::Add(Score score) {
  if (!seen_.insert(score.indicator).second) return;
  scores_.push_back(std::move(score));
}

void ScoreReader::AddParagraph(const Paragraph& paragraph) {
  if (std::optional<Score> s = ParseScoreLine(paragraph.text, lexicon_)) {
    s->prov = paragraph.prov;
    Add(std::move(*s));
  }
}

bool ScoreReader::AddTable(const Table& table) {
  if (table.rows.empty()) return false;
  const TableRow& header = table.rows.front();
  int indicator = -1, score = -1, grade = -1;
  for (size_t c = 0; c < header.cells.size(); ++c) {
    std::string t = CleanPlanText(header.cells[c].Text());
    if (t.empty() || utf8::Length(t) > 60) continue;
    if (indicator < 0 && lexicon_.IsIndicatorColumn(t)) {
      indicator = static_cast<int>(c);
    } else if (score < 0 && lexicon_.IsScoreColumn(t)) {
      score = static_cast<int>(c);
    } else if (grade < 0 && lexicon_.IsGradeColumn(t)) {
      grade = static_cast<int>(c);
    }
  }
  if (indicator < 0 || score < 0) return false;
  for (size_t r = 1; r < table.rows.size(); ++r) {
    const TableRow& row = table.rows[r];
    auto text = [&row](int c) {
      return c >= 0 && c < static_cast<int>(row.cells.size())
                 ? CleanPlanText(row.cells[static_cast<size_t>(c)].Text())
                 : std::string();
    };
    // The label: the indicator cell, or the first filled cell ("รวม" in
    // the sequence column); a number cell before it is the indicator's.
    std::string label = text(indicator);
    std::string seq;
    for (int c = 0; c < indicator; ++c) {
      std::string t = text(c);
      if (t.empty()) continue;
      if (DigitsValue(t) > 0) {
        seq = std::to_string(DigitsValue(t));
      } else if (label.empty()) {
        label = t;
      }
    }
    if (label.empty()) continue;
    Score s;
    if (std::optional<Identified> id = Identify(label, lexicon_, true)) {
      s.indicator = id->indicator;
      s.name = TrimName(std::string_view(label).substr(id->body));
    } else {
      // An indicator the lexicon does not know: its printed number, or
      // its name, identifies it.
      s.indicator = seq.empty() ? label : seq;
      s.name = label;
    }
    std::vector<Number> numbers = ScoreNumbers(text(score));
    if (!numbers.empty()) s.score = numbers.front().value;
    std::string others;
    for (size_t c = 0; c < row.cells.size(); ++c) {
      if (static_cast<int>(c) != indicator) others += " " + text(c);
    }
    if (std::optional<std::string> g = lexicon_.FindGrade(others)) {
      s.grade = *g;
    } else if (std::string g = text(grade);
               !g.empty() && utf8::Length(g) <= kMaxGradeCell) {
      s.grade = g;  // "A" under a ระดับ header
    }
    if (!s.score && s.grade.empty()) continue;
    s.prov = row.prov;
    Add(std::move(s));
  }
  return true;
}

}  // namespace raingan
