#include "stages/plan/sheet_parser.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "base/utf8.h"
#include "dates/money.h"
#include "regex/regex.h"
#include "stages/plan/plan_text.h"
#include "stages/tables/list_items.h"

namespace raingan {
namespace {

// Headings are one line; longer paragraphs that start like one are text.
constexpr size_t kMaxHeadingLength = 300;
// How far past a mission heading its sheet heading may be (other mission
// headings and page furniture in between).
constexpr size_t kMissionLookahead = 12;
// How many field numbers a heading followed by content may jump.
constexpr int kMaxFieldSkip = 3;
// Left edges closer than this (points) are the same indent.
constexpr double kIndentTolerance = 5.0;
// Field headings a sheet without title or number needs to count as one.
constexpr size_t kMinFields = 3;
// Lines a wrapped mission heading may continue on.
constexpr int kMaxWrappedLines = 2;

struct FieldBlock {
  SheetField field = SheetField::kNone;
  std::vector<SheetText> texts;
};

// One sheet while it is being read.
struct Draft {
  int dimension = 0;
  int number = 0;       // printed ลำดับที่; 0 = not printed
  bool titled = false;  // opened by a sheet heading, not by a name
  std::string section;
  Provenance prov;
  double confidence = 1.0;
  int last_field_number = 0;
  std::vector<FieldBlock> blocks;

  bool Has(SheetField f) const {
    return std::any_of(blocks.begin(), blocks.end(),
                       [f](const FieldBlock& b) { return b.field == f; });
  }
  SheetField Current() const {
    return blocks.empty() ? SheetField::kNone : blocks.back().field;
  }
};

bool InResults(SheetField f) {
  return f == SheetField::kResults || f == SheetField::kOutput ||
         f == SheetField::kOutcome;
}

struct Mission {
  int dimension = 0;
  std::string text;  // without its number
};

// "๑.๑.๓ เสริมสร้าง..." (two or more levels; "๓.๑) ..." is a list item).
std::optional<Mission> MissionHeading(std::string_view text) {
  static const Regex kMission(
      R"(^([0-9๐-๙]{1,2})\s*\.\s*[0-9๐-๙]{1,2}(?:\s*\.\s*[0-9๐-๙]{1,2})*)"
      R"(\s*\.?\s+(\S.*)$)");
  if (utf8::Length(text) > kMaxHeadingLength) return std::nullopt;
  std::vector<std::string> g;
  if (!kMission.PartialMatch(text, &g)) return std::nullopt;
  return Mission{DigitsValue(g[1]), g[2]};
}

std::string JoinTexts(const std::vector<SheetText>& texts) {
  std::string out;
  for (const SheetText& t : texts) out = JoinWrapped(out, t.text);
  return out;
}

std::string JoinWithSpaces(const std::vector<SheetText>& texts) {
  std::string out;
  for (const SheetText& t : texts) {
    if (t.text.empty()) continue;
    if (!out.empty()) out.push_back(' ');
    out += t.text;
  }
  return out;
}

std::vector<std::string> Texts(const std::vector<SheetText>& texts) {
  std::vector<std::string> out;
  for (const SheetText& t : texts) out.push_back(t.text);
  return out;
}

void Append(std::vector<std::string> items, std::vector<std::string>* to) {
  for (std::string& s : items) to->push_back(std::move(s));
}

}  // namespace

std::vector<SheetText> JoinCutParagraphs(const std::vector<SheetText>& texts) {
  std::vector<SheetText> out;
  double start_x = 0;         // left edge of the first line of out.back()
  bool start_marked = false;  // out.back() opens with a list marker
  for (const SheetText& t : texts) {
    bool marked = StartsWithListMarker(CleanPlanText(t.text));
    bool cut = false;
    if (!out.empty() && !marked && !t.bbox.empty() &&
        !out.back().bbox.empty()) {
      bool hanging = t.bbox.x0 > start_x + kIndentTolerance;
      bool outdented = t.bbox.x0 < start_x - kIndentTolerance;
      if (t.page == out.back().page) {
        cut = hanging;  // a wrapped line set apart under "๑) ..."
      } else {
        // At the top of the next page: a line that does not start where
        // the paragraph did, or unnumbered text inside a numbered list.
        cut = hanging || outdented || start_marked;
      }
    }
    if (cut) {
      out.back().text = JoinWrapped(out.back().text, t.text);
      out.back().page = t.page;
      out.back().bbox = t.bbox;
      continue;
    }
    out.push_back(t);
    start_x = t.bbox.x0;
    start_marked = marked;
  }
  return out;
}

std::vector<std::string> SheetListItems(const std::vector<SheetText>& texts) {
  std::vector<std::string> items;
  for (const SheetText& piece : texts) {
    std::string t = CleanPlanText(piece.text);
    // After a bullet, split only at numbers counting up ("- ๕) ... - ๖)
    // ..." run together by a PDF): a dash inside an item is a range
    // ("๒๕๖๖ - ๒๕๗๐"), not a bullet.
    Append(SplitInlineItems(StripBullet(t)), &items);
  }
  items.erase(std::remove(items.begin(), items.end(), std::string()),
              items.end());
  return items;
}

namespace {

// Reads a sheet's paragraphs into a Measure (id and section set by the
// caller).
class SheetBuilder {
 public:
  SheetBuilder(const PlanLexicon& lexicon, const UnitLexicon& units)
      : lexicon_(lexicon), units_(units) {}

  // nullopt when the draft holds no sheet (a title line in a table of
  // contents, a heading without fields).
  std::optional<Measure> Build(const Draft& d) const {
    Measure m;
    bool named = false, owned = false, budgeted = false;
    std::vector<SheetText> budget_texts;
    for (const FieldBlock& block : d.blocks) {
      FieldBlock b{block.field, JoinCutParagraphs(block.texts)};
      switch (b.field) {
        case SheetField::kName:
          if (!named) m.measure = JoinTexts(b.texts);
          named = true;
          break;
        case SheetField::kRationale:
          Append(Texts(b.texts), &m.extra["rationale"]);
          break;
        case SheetField::kObjectives:
          Append(SheetListItems(b.texts), &m.extra["objectives"]);
          break;
        case SheetField::kTargetGroup:
          Append(Texts(b.texts), &m.extra["target_group"]);
          break;
        case SheetField::kArea:
          Append(Texts(b.texts), &m.extra["area"]);
          break;
        case SheetField::kMethod:
          Append(SheetListItems(b.texts), &m.method);
          break;
        case SheetField::kPeriod:
          if (!m.period.text.empty()) m.period.text.push_back(' ');
          m.period.text += JoinWithSpaces(b.texts);
          break;
        case SheetField::kBudget:
          budgeted = true;
          budget_texts.insert(budget_texts.end(), b.texts.begin(),
                              b.texts.end());
          break;
        case SheetField::kOwner:
          // Some sheets give both the unit (๘ หน่วยงานที่รับผิดชอบ) and
          // the responsible body (๙ ผู้รับผิดชอบโครงการ): the first is
          // the owner, the other is kept.
          Append(Owners(b.texts), owned ? &m.extra["owner_also"] : &m.owner);
          owned = true;
          break;
        case SheetField::kOutput:
          Append(SheetListItems(b.texts), &m.output);
          break;
        case SheetField::kResults:  // text right under ๙: the result
        case SheetField::kOutcome:
          Append(SheetListItems(b.texts), &m.outcome);
          break;
        case SheetField::kNone:
          break;
      }
    }
    for (auto it = m.extra.begin(); it != m.extra.end();) {
      it = it->second.empty() ? m.extra.erase(it) : std::next(it);
    }
    // A name with no fields under it is a sentence of a report that
    // happens to say "ชื่อโครงการ :", not a sheet.
    if (d.blocks.size() < kMinFields && !(d.titled && named)) {
      return std::nullopt;
    }
    if (m.measure.empty()) {
      m.warnings.push_back("project sheet without a name");
    }
    if (budgeted) {
      std::string text = JoinWithSpaces(budget_texts);
      m.budget_baht = SheetBudget(text);
      if (!m.budget_baht) {
        m.warnings.push_back("budget amount not recognized: " + text);
      }
    }
    m.prov = d.prov;
    m.confidence = d.confidence;
    return m;
  }

 private:
  // "... จำนวน ๑๕,๐๐๐ บาท" -> 15000; "ไม่ใช้งบประมาณ" -> 0. A lone number
  // without บาท is only an amount when it is all the text: "งบประมาณปี
  // ๒๕๖๖" names a year.
  std::optional<int64_t> SheetBudget(const std::string& text) const {
    if (text.find("บาท") != std::string::npos || IsAmountOnly(text)) {
      if (std::optional<int64_t> v = dates::ParseBaht(text)) return v;
    }
    if (lexicon_.IsNoBudget(text) || IsDashOnly(text)) return 0;
    return std::nullopt;
  }

  // One owner per paragraph, split into units only when every piece is a
  // unit: "งานพัสดุ/กองคลัง" is two owners, "ทุกสำนัก/กอง ของ..." one.
  std::vector<std::string> Owners(const std::vector<SheetText>& texts) const {
    std::vector<std::string> out;
    for (const SheetText& piece : texts) {
      std::string t = StripListMarker(CleanPlanText(piece.text));
      if (t.empty()) continue;
      std::vector<std::string> pieces = units_.SplitOwnerText(t);
      bool all_units = std::all_of(
          pieces.begin(), pieces.end(),
          [this](const std::string& p) { return units_.StartsWithUnit(p); });
      if (pieces.size() > 1 && all_units) {
        Append(std::move(pieces), &out);
      } else {
        out.push_back(t);
      }
    }
    return out;
  }

  const PlanLexicon& lexicon_;
  const UnitLexicon& units_;
};

// Whether `label` can be the next field heading of `d`.
bool Accepts(const Draft& d, const FieldLabel& label) {
  if (label.number > 0) {
    // Field numbers count up; items inside a field restart at ๑. A line
    // that is only a heading may skip fields a plan left out; a heading
    // with its content on the line must be one of the next few, so a
    // list item "๗. งบประมาณ..." deep inside a field stays content.
    int last = d.last_field_number;
    if (label.number <= last) return false;
    return label.exact || label.number <= last + kMaxFieldSkip;
  }
  if (label.field == SheetField::kOutput ||
      label.field == SheetField::kOutcome) {
    return InResults(d.Current()) || !d.Has(label.field);
  }
  return label.exact && !d.Has(label.field);
}

}  // namespace

std::vector<Measure> SheetParser::Parse(
    const std::vector<const Paragraph*>& paragraphs) const {
  const PlanLexicon& lex = lexicon_;
  SheetBuilder builder(lexicon_, units_);
  std::vector<Measure> out;
  int dimension = 0;
  std::string section;
  std::map<int, int> last_number;  // per dimension
  std::set<std::string> ids;
  std::optional<Draft> draft;

  auto clean = [&](size_t i) { return CleanPlanText(paragraphs[i]->text); };
  auto open = [&](const Paragraph& p, int number, bool titled) {
    draft.emplace();
    draft->dimension = dimension;
    draft->number = number;
    draft->titled = titled;
    draft->section = section;
    draft->prov = p.prov;
    draft->confidence = p.confidence;
  };
  auto close = [&] {
    if (!draft) return;
    std::optional<Measure> m = builder.Build(*draft);
    if (m) {
      int d = draft->dimension;
      int n = draft->number > 0 ? draft->number : last_number[d] + 1;
      last_number[d] = n;
      m->id = d > 0 ? std::to_string(d) + "-" + std::to_string(n)
                    : std::to_string(n);
      m->section = draft->section;
      if (!ids.insert(m->id).second) {
        m->warnings.push_back("sheet number " + m->id + " appears twice");
      }
      out.push_back(std::move(*m));
    }
    draft.reset();
  };
  // A numbered line is a mission heading only when the sheet or dimension
  // it introduces follows (a list item "๒.๑ ..." inside a field is not).
  // Wrapped headings continue on a line of their own, even on the next
  // page ("...ผลประโยชน์ส่วน" | "รวม").
  auto confirmed_mission = [&](size_t i) {
    size_t end = std::min(paragraphs.size(), i + 1 + kMissionLookahead);
    int wrapped = 0;
    for (size_t j = i + 1; j < end; ++j) {
      std::string t = clean(j);
      if (t.empty() || lex.IsNoise(t) || MissionHeading(t)) continue;
      if (lex.MatchSheetHeading(t).kind != SheetHeading::kNone) return true;
      if (lex.MatchDimension(t)) return true;
      std::optional<FieldLabel> l = lex.MatchLabel(t);
      if (l) return l->field == SheetField::kName;
      if (++wrapped > kMaxWrappedLines || utf8::Length(t) > kMaxHeadingLength) {
        return false;
      }
    }
    return false;
  };
  bool in_mission = false;  // between a mission heading and its sheet

  for (size_t i = 0; i < paragraphs.size(); ++i) {
    const Paragraph& p = *paragraphs[i];
    std::string text = clean(i);
    if (text.empty() || lex.IsNoise(text)) continue;
    if (std::optional<int> d = lex.MatchDimension(text);
        d && utf8::Length(text) <= kMaxHeadingLength) {
      close();
      dimension = *d;
      section.clear();
      in_mission = false;
      continue;
    }
    SheetHeading h = lex.MatchSheetHeading(text);
    if (h.kind == SheetHeading::kNumber && draft && draft->blocks.empty() &&
        draft->number == 0) {
      draft->number = h.number;  // the title's next line
      continue;
    }
    if (h.kind != SheetHeading::kNone) {
      close();
      open(p, h.number, true);
      in_mission = false;
      continue;
    }
    if (lex.IsEnd(text)) {
      close();
      in_mission = false;
      continue;
    }
    if (std::optional<Mission> m = MissionHeading(text);
        m && (dimension == 0 || m->dimension == dimension) &&
        confirmed_mission(i)) {
      close();
      section = m->text;
      in_mission = true;
      continue;
    }
    std::optional<FieldLabel> label = lex.MatchLabel(text);
    if (in_mission && !label) {
      section = JoinWrapped(section, text);
      continue;
    }
    in_mission = false;
    // A sheet without title or number starts at its name.
    if (label && label->field == SheetField::kName && label->number <= 1 &&
        (!draft || draft->Has(SheetField::kName))) {
      close();
      open(p, 0, false);
    }
    if (!draft) continue;
    draft->confidence = std::min(draft->confidence, p.confidence);
    if (label && Accepts(*draft, *label)) {
      draft->blocks.push_back({label->field, {}});
      if (!label->inline_text.empty()) {
        draft->blocks.back().texts.push_back({label->inline_text, 0, {}});
      }
      if (label->number > 0) draft->last_field_number = label->number;
      continue;
    }
    if (!draft->blocks.empty()) {
      draft->blocks.back().texts.push_back({text, p.prov.page, p.prov.bbox});
    }
  }
  close();
  return out;
}

}  // namespace raingan
