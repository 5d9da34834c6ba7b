#include "stages/plan/plan_lexicon.h"

#include <algorithm>
#include <utility>

#include "base/utf8.h"
#include "lexicon/tsv.h"
#include "stages/plan/plan_text.h"

namespace raingan {
namespace {

constexpr std::pair<SheetField, std::string_view> kFieldNames[] = {
    {SheetField::kName, "name"},
    {SheetField::kRationale, "rationale"},
    {SheetField::kObjectives, "objectives"},
    {SheetField::kTargetGroup, "target_group"},
    {SheetField::kArea, "area"},
    {SheetField::kMethod, "method"},
    {SheetField::kPeriod, "period"},
    {SheetField::kBudget, "budget"},
    {SheetField::kOwner, "owner"},
    {SheetField::kResults, "results"},
    {SheetField::kOutput, "output"},
    {SheetField::kOutcome, "outcome"},
};

bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == 0xA0; }

char32_t Lower(char32_t c) {
  return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

// Heading wording folded for comparison: no whitespace or '*', Latin
// lower-case.
std::string FoldLabel(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = utf8::DecodeNext(text, &pos);
    if (IsSpace(c) || c == '*') continue;
    utf8::Append(Lower(c), &out);
  }
  return out;
}

// Consumes the folded `key` at the start of `text`, skipping whitespace
// between its characters; returns the byte offset after it or npos.
// Marks above or below a letter: what OCR adds, drops or confuses
// ("วิธิดำเนินการ" for "วิธีดำเนินการ").
bool IsSlipMark(char32_t c) {
  return c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) ||
         (c >= 0x0E47 && c <= 0x0E4E);
}

// Matches `key` at the start of `text` (spaces in the text skipped) and
// returns the byte just past it, or npos. `slips` marks may be added,
// lost or changed in the text.
size_t ConsumeKey(std::string_view text, std::string_view key, int slips = 0) {
  size_t tp = 0, kp = 0;
  while (kp < key.size()) {
    size_t key_at = kp;
    char32_t k = utf8::DecodeNext(key, &kp);
    char32_t c = 0;
    size_t text_at = tp;
    do {
      if (tp >= text.size()) {
        if (slips > 0 && IsSlipMark(k) && kp == key.size()) return tp;
        return std::string_view::npos;
      }
      text_at = tp;
      c = utf8::DecodeNext(text, &tp);
    } while (IsSpace(c));
    if (Lower(c) == k) continue;
    if (slips == 0) return std::string_view::npos;
    --slips;
    if (IsSlipMark(c) && IsSlipMark(k)) continue;  // one mark for another
    if (IsSlipMark(k)) {                           // a mark lost
      tp = text_at;
      continue;
    }
    if (IsSlipMark(c)) {  // a mark added: compare the key's letter again
      kp = key_at;
      continue;
    }
    return std::string_view::npos;
  }
  return tp;
}

// Code points of a key: slips are allowed only in long labels, where one
// mark cannot turn a label into another word.
constexpr size_t kMinSlipLabel = 6;

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Text after a leading ":" (ASCII or full-width); npos when none.
size_t AfterColon(std::string_view s) {
  if (!s.empty() && s[0] == ':') return 1;
  static constexpr std::string_view kFullWidth = "\xEF\xBC\x9A";  // U+FF1A
  if (s.substr(0, kFullWidth.size()) == kFullWidth) return kFullWidth.size();
  return std::string_view::npos;
}

}  // namespace

std::string_view SheetFieldName(SheetField field) {
  for (const auto& [f, name] : kFieldNames) {
    if (f == field) return name;
  }
  return "none";
}

SheetField SheetFieldFromName(std::string_view name) {
  for (const auto& [f, n] : kFieldNames) {
    if (n == name) return f;
  }
  return SheetField::kNone;
}

Result<PlanLexicon> PlanLexicon::Load(const std::string& models_dir) {
  PlanLexicon lex;
  std::string fields_path = ModelPath(models_dir, "plan_sheet_fields.tsv");
  Result<std::vector<TsvRecord>> fields = ReadTsv(fields_path, 2);
  if (!fields.ok()) return fields.status();
  for (const TsvRecord& rec : *fields) {
    SheetField f = SheetFieldFromName(rec.fields[0]);
    std::string key = FoldLabel(rec.fields[1]);
    if (f == SheetField::kNone || key.empty()) {
      return Status::BadInput(fields_path + ":" + std::to_string(rec.line) +
                              ": unknown field '" + rec.fields[0] +
                              "' or empty label");
    }
    lex.labels_.push_back({f, std::move(key)});
  }
  // Longest first, so "งบประมาณดำเนินการ" is tried before "งบประมาณ".
  std::stable_sort(lex.labels_.begin(), lex.labels_.end(),
                   [](const Label& a, const Label& b) {
                     return utf8::Length(a.key) > utf8::Length(b.key);
                   });

  std::string markers_path = ModelPath(models_dir, "plan_markers.tsv");
  Result<std::vector<TsvRecord>> markers = ReadTsv(markers_path, 2);
  if (!markers.ok()) return markers.status();
  const std::pair<std::string_view, Patterns*> kinds[] = {
      {"sheet_title", &lex.sheet_title_},
      {"sheet_number", &lex.sheet_number_},
      {"dimension", &lex.dimension_},
      {"noise", &lex.noise_},
      {"end", &lex.end_},
      {"grand_total", &lex.grand_total_},
      {"total", &lex.total_},
      {"count", &lex.count_},
      {"no_budget", &lex.no_budget_},
  };
  for (const TsvRecord& rec : *markers) {
    std::string where = markers_path + ":" + std::to_string(rec.line) + ": ";
    Patterns* target = nullptr;
    for (const auto& [name, patterns] : kinds) {
      if (name == rec.fields[0]) target = patterns;
    }
    if (target == nullptr) {
      return Status::BadInput(where + "unknown kind '" + rec.fields[0] + "'");
    }
    auto re = std::make_shared<const Regex>(rec.fields[1]);
    if (!re->ok()) {
      return Status::BadInput(where + "bad pattern '" + rec.fields[1] +
                              "': " + re->error());
    }
    bool numbered = target == &lex.sheet_title_ ||
                    target == &lex.sheet_number_ || target == &lex.dimension_;
    if (numbered && re->NumberOfGroups() < 1) {
      return Status::BadInput(where + "pattern needs a capture group for N");
    }
    target->push_back(std::move(re));
  }
  return lex;
}

bool PlanLexicon::AnyMatch(const Patterns& patterns, std::string_view text,
                           std::vector<std::string>* groups) {
  for (const auto& re : patterns) {
    if (groups != nullptr ? re->PartialMatch(text, groups)
                          : re->PartialMatch(text)) {
      return true;
    }
  }
  return false;
}

std::optional<FieldLabel> PlanLexicon::MatchLabel(
    std::string_view paragraph) const {
  std::string text = CleanPlanText(paragraph);
  // Headings are one short line; a long paragraph is content that happens
  // to start with a heading word.
  if (text.empty() || utf8::Length(text) > 400) return std::nullopt;
  static const Regex kNumber(R"(^([0-9๐-๙]{1,2})\s*\.\s*)");
  int number = 0;
  std::string_view rest = text;
  RegexMatch m;
  if (kNumber.PartialMatch(text, &m)) {
    std::string_view after = std::string_view(text).substr(m.offset + m.length);
    size_t p = 0;
    // "๑.๑ ..." is a mission number, not a field number.
    bool sub_number =
        !after.empty() && utf8::IsDigit(utf8::DecodeNext(after, &p));
    if (!sub_number) {
      number = DigitsValue(m.groups[1]);
      rest = after;
    }
  }
  if (rest.empty()) return std::nullopt;
  std::optional<FieldLabel> glued;
  for (int slips = 0; slips <= 1; ++slips) {
    for (const Label& label : labels_) {
      if (slips > 0 && utf8::Length(label.key) < kMinSlipLabel) continue;
      size_t end = ConsumeKey(rest, label.key, slips);
      if (end == std::string_view::npos) continue;
      std::string_view tail = TrimView(rest.substr(end));
      FieldLabel out;
      out.field = label.field;
      out.number = number;
      if (tail.empty()) return out;
      if (size_t c = AfterColon(tail); c != std::string_view::npos) {
        out.inline_text = std::string(TrimView(tail.substr(c)));
        return out;
      }
      // "หลักการและเหตุผล/ความเป็นมา", "ผลลัพธ์ (Outcome)": a reworded
      // heading; its content, if any, follows a colon.
      if (tail[0] == '/' || tail[0] == '(') {
        size_t colon = tail.find(':');
        if (colon != std::string_view::npos) {
          out.inline_text = std::string(TrimView(tail.substr(colon + 1)));
        } else if (utf8::Length(tail) > 40) {
          continue;  // a sentence, not a heading
        }
        return out;
      }
      if (number > 0) {
        out.exact = false;
        out.inline_text = std::string(tail);
        // "๑.ชื่อ โครงการพัฒนา…" (OCR lost the colon): "ชื่อโครงการ" would
        // end inside the word the content starts with; a shorter label that
        // ends at a space is the heading.
        const bool spaced =
            rest.substr(0, end).find(' ') != std::string_view::npos;
        if (spaced && end < rest.size() && rest[end] != ' ') {
          if (!glued) glued = out;
          continue;
        }
        return out;
      }
    }
    if (glued) return glued;
  }
  return std::nullopt;
}

SheetHeading PlanLexicon::MatchSheetHeading(std::string_view paragraph) const {
  SheetHeading h;
  std::string text = CleanPlanText(paragraph);
  if (text.empty() || utf8::Length(text) > 150) return h;
  std::vector<std::string> groups;
  if (AnyMatch(sheet_title_, text, &groups)) {
    h.kind = SheetHeading::kTitle;
  } else if (AnyMatch(sheet_number_, text, &groups)) {
    h.kind = SheetHeading::kNumber;
  } else {
    return h;
  }
  if (groups.size() > 1) h.number = std::max(0, DigitsValue(groups[1]));
  return h;
}

std::optional<int> PlanLexicon::MatchDimension(std::string_view text) const {
  std::string t = CleanPlanText(text);
  std::vector<std::string> groups;
  if (!AnyMatch(dimension_, t, &groups) || groups.size() < 2) {
    return std::nullopt;
  }
  int n = DigitsValue(groups[1]);
  if (n <= 0 || n > 20) return std::nullopt;
  return n;
}

bool PlanLexicon::IsNoise(std::string_view paragraph) const {
  return AnyMatch(noise_, CleanPlanText(paragraph));
}

bool PlanLexicon::IsEnd(std::string_view paragraph) const {
  return AnyMatch(end_, CleanPlanText(paragraph));
}

TotalRow PlanLexicon::MatchTotal(std::string_view cell) const {
  std::string t = CleanPlanText(cell);
  if (AnyMatch(grand_total_, t)) return TotalRow::kGrand;
  if (AnyMatch(total_, t)) return TotalRow::kDimension;
  return TotalRow::kNone;
}

bool PlanLexicon::IsCount(std::string_view cell) const {
  return AnyMatch(count_, CleanPlanText(cell));
}

bool PlanLexicon::IsNoBudget(std::string_view text) const {
  std::string t = CleanPlanText(text);
  RegexMatch m;
  for (const auto& re : no_budget_) {
    if (re->PartialMatch(t, &m) && m.offset == 0) return true;
  }
  return false;
}

int PlanLexicon::NoBudgetRepeats(std::string_view text) const {
  std::string t = CleanPlanText(text);
  for (const auto& re : no_budget_) {
    std::vector<RegexMatch> all = re->FindAll(t);
    // Only spaces between and after the phrases.
    size_t end = 0;
    bool only = !all.empty();
    for (const RegexMatch& m : all) {
      only = only && t.find_first_not_of(' ', end) >= m.offset;
      end = m.offset + m.length;
    }
    if (only && t.find_first_not_of(' ', end) == std::string::npos) {
      return static_cast<int>(all.size());
    }
  }
  return 0;
}

}  // namespace raingan
