#include "stages/tables/measure_builder.h"

#include <algorithm>
#include <cstdio>

#include "base/similarity.h"
#include "base/utf8.h"
#include "dates/money.h"
#include "stages/tables/list_items.h"
#include "textnorm/image_caption.h"

namespace raingan {
namespace {

// Below this OCR confidence a record gets a warning to check it by hand.
constexpr double kLowConfidence = 0.6;

bool NonEmpty(const std::vector<Paragraph>& p) {
  return std::any_of(p.begin(), p.end(),
                     [](const Paragraph& q) { return !q.text.empty(); });
}

constexpr std::string_view kNoMeasureName = "row without a measure name";
constexpr std::string_view kUnreadNumber =
    "measure number unreadable (OCR read a letter)";

// The first blank-separated token of `s` when it holds only digits and the
// characters of `punctuation`: its extent, its digits and punctuation
// counted, its last digit's value. Empty (ok = false) otherwise.
struct NumberToken {
  bool ok = false;
  size_t begin = 0, end = 0;
  int digits = 0, marks = 0, last_digit = -1;
};
NumberToken LeadingNumberToken(const std::u32string& s,
                               std::u32string_view punctuation) {
  NumberToken t;
  while (t.begin < s.size() && s[t.begin] == U' ') ++t.begin;
  for (t.end = t.begin; t.end < s.size() && s[t.end] != U' '; ++t.end) {
    if (utf8::IsDigit(s[t.end])) {
      ++t.digits;
      t.last_digit = utf8::DigitValue(s[t.end]);
    } else if (punctuation.find(s[t.end]) != std::u32string_view::npos) {
      ++t.marks;
    } else {
      return NumberToken{};
    }
  }
  // Text must follow the token.
  t.ok = t.end + 2 <= s.size();
  return t;
}

// "(ต) กำหนด…" in a table numbered "(๑)", "(๒)": OCR took the digit for a
// letter or a sign (๗ → ต on the 200-dpi sample scan, ๕ → @ on a noisy
// 200-dpi copy of the borderless one). The bracketed character is the
// number's place, so this row starts a measure; the character is dropped.
// Also "69 ประสิทธิภาพ…" for "(๙)" (the 300-dpi borderless scan): a short
// token of digits and brackets only, whose last digit is that of the
// number the table expects next (`expected`, 0 when unknown) — a measure
// cut by a page break may go on with a number ("… จำนวน" | "๕ ชุด"), but
// not, but for that one chance in ten, with the next measure's.
bool StripUnreadNumber(int expected, std::string* text) {
  std::u32string s = utf8::ToU32(*text);
  size_t i = 0;
  while (i < s.size() && s[i] == U' ') ++i;
  if (s.size() >= i + 5 && s[i] == U'(' && s[i + 2] == U')' &&
      s[i + 3] == U' ' && s[i + 1] != U' ' && !utf8::IsDigit(s[i + 1])) {
    *text = utf8::FromU32(s.substr(i + 4));
    return true;
  }
  // "(@ แผนการ…", "@) ประสิทธิภาพ…" for "(๘)", "(๙)" (Kinnari 14, a 1-bit
  // 200-dpi copy): one bracket lost beside a sign OCR makes of a Thai
  // digit.
  auto digit_like = [](char32_t c) {
    return c == U'@' || c == U'®' || c == U'©';
  };
  if (s.size() >= i + 4 && s[i + 2] == U' ' &&
      ((s[i] == U'(' && digit_like(s[i + 1])) ||
       (digit_like(s[i]) && s[i + 1] == U')'))) {
    *text = utf8::FromU32(s.substr(i + 3));
    return true;
  }
  NumberToken t = LeadingNumberToken(s, U"()");
  constexpr size_t kMaxToken = 3;  // "(๙)" read as "69", "(9", "๙)"
  if (!t.ok || expected <= 0 || t.end - t.begin > kMaxToken) return false;
  // "(๑ มีระบบ…" for "(๔) มีระบบ…" (a noisy 200-dpi scan): a token that opens
  // with the table's bracket is the number's place whatever its digit.
  const bool opens_bracketed = s[t.begin] == U'(' && t.digits >= 1;
  if (t.last_digit != expected % 10 && !opens_bracketed) return false;
  *text = utf8::FromU32(s.substr(t.end + 1));
  return true;
}

// "61,6) มาตรการต่อต้าน…" for "๗.๑ มาตรการ…" (a 200-dpi scan): a token of
// digits and punctuation that no numbering reads, with two digits at least
// and a dot, comma or bracket among them, opening the measure cell of a
// table that numbers its measures, in OCR only (a text layer prints its
// numbers, and "๕,๐๐๐ บาท" may go on a cut name). A measure name cut by a
// page break may go on with a number ("๕ ชุด"), not with such a token.
bool StripGarbledNumber(std::string* text) {
  std::u32string s = utf8::ToU32(*text);
  NumberToken t = LeadingNumberToken(s, U".,()");
  constexpr size_t kMaxToken = 6;  // "61,6)" for "๗.๑", "(1.1" for "๑.๑"
  if (!t.ok || t.digits < 2 || t.marks < 1 || t.end - t.begin > kMaxToken) {
    return false;
  }
  *text = utf8::FromU32(s.substr(t.end + 1));
  return true;
}

// "ฮี.๑ มาตรการ…" for "๗.๑ มาตรการ…" (a 200-dpi bilevel copy), "D.@ มาตรการ…"
// for "๖.๑" (a phone photo): a token of three or four signs around one
// dot, one or two on each side, one side all digits or holding a sign OCR
// makes of a Thai digit (@ ® ©) — an outline number with a digit misread.
// Abbreviations end with their dot ("ต.ค.", "อ."). Used in OCR only, in
// tables that number their measures.
bool StripUnreadFirstDigit(std::string* text) {
  std::u32string s = utf8::ToU32(*text);
  size_t begin = 0;
  while (begin < s.size() && s[begin] == U' ') ++begin;
  size_t end = s.find(U' ', begin);
  if (end == std::u32string::npos || end + 1 >= s.size()) return false;
  size_t dot = s.find(U'.', begin);
  if (dot == std::u32string::npos || dot >= end || dot == begin ||
      dot - begin > 2 || end - dot - 1 < 1 || end - dot - 1 > 2 ||
      s.find(U'.', dot + 1) < end) {
    return false;
  }
  auto digit_like = [](char32_t c) {
    return c == U'@' || c == U'®' || c == U'©';
  };
  auto all_digits = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      if (!utf8::IsDigit(s[i])) return false;
    }
    return true;
  };
  bool misread_sign = false;
  for (size_t i = begin; i < end; ++i) {
    if (s[i] == U'(' || s[i] == U')' || s[i] == U'-') return false;
    misread_sign = misread_sign || digit_like(s[i]);
  }
  // Both sides digits is a number ReadNumbering reads; not this.
  const bool left = all_digits(begin, dot), right = all_digits(dot + 1, end);
  if (left == right && !misread_sign) return false;
  *text = utf8::FromU32(s.substr(end + 1));
  return true;
}

// "๒,๑ พัฒนา…" for "๒.๑ พัฒนา…": OCR read the dot of an outline number as
// a comma. Two numbers of one or two digits around a comma, then a blank,
// open no measure name ("๕,๐๐๐ บาท" has three digits after its comma).
std::string CommaAsDot(std::string_view text) {
  std::u32string s = utf8::ToU32(text);
  size_t i = 0;
  while (i < s.size() && s[i] == U' ') ++i;
  auto digits = [&](size_t from) {
    size_t j = from;
    while (j < s.size() && utf8::IsDigit(s[j])) ++j;
    return j - from;
  };
  size_t before = digits(i);
  if (before < 1 || before > 2 || i + before >= s.size() ||
      s[i + before] != U',') {
    return std::string(text);
  }
  size_t comma = i + before;
  size_t after = digits(comma + 1);
  size_t end = comma + 1 + after;
  if (after < 1 || after > 2 || end >= s.size() || s[end] != U' ') {
    return std::string(text);
  }
  s[comma] = U'.';
  return utf8::FromU32(s);
}

// Text compared for "the same item/measure": whitespace removed.
std::string Squash(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\n') out.push_back(c);
  }
  return out;
}

double MinConfidence(const std::vector<Paragraph>& p, double c) {
  for (const Paragraph& q : p) c = std::min(c, q.confidence);
  return c;
}

// The field a column role fills, or nullptr for columns kept as extras.
const char* FieldName(ColumnRole role) {
  switch (role) {
    case ColumnRole::kMeasure:
      return "measure";
    case ColumnRole::kMethod:
      return "method";
    case ColumnRole::kOwner:
      return "owner";
    case ColumnRole::kPeriod:
      return "period";
    case ColumnRole::kOutput:
      return "output";
    case ColumnRole::kOutcome:
      return "outcome";
    case ColumnRole::kRecommendation:
      return "recommendation";
    default:
      return nullptr;
  }
}

void MergeFieldConfidence(const std::map<std::string, double>& from,
                          std::map<std::string, double>* into) {
  for (const auto& [field, c] : from) {
    auto [it, added] = into->emplace(field, c);
    if (!added) it->second = std::min(it->second, c);
  }
}

// One warning per record, naming the fields to check; added once the
// record is complete (rows continued on the next page lower it).
void AddLowConfidenceWarning(Measure* m) {
  if (m->confidence >= kLowConfidence) return;
  std::string fields;
  for (const auto& [field, c] : m->field_confidence) {
    if (c >= kLowConfidence) continue;
    fields += (fields.empty() ? " in " : ", ") + field;
  }
  char buf[48];
  std::snprintf(buf, sizeof(buf), "low OCR confidence (%.2f)", m->confidence);
  m->warnings.push_back(buf + fields + ": check this record against the scan");
}

// A section on one page, its division on the next ("ฝ่ายแผนงาน" | "สำนัก
// ปลัด และกองช่าง"): the last owner and the continuation split again as
// one cell. False (nothing changed) when the continuation does not give
// the part its unit.
bool RejoinCutPart(const UnitLexicon& units,
                   const std::vector<Paragraph>& continuation,
                   std::vector<std::string>* owners) {
  if (owners->empty() || !units.StartsWithPart(owners->back())) return false;
  std::vector<std::string> rejoined =
      units.SplitOwnerText(owners->back() + " " + JoinParagraphs(continuation));
  if (rejoined.empty() || rejoined.front() == owners->back()) return false;
  owners->pop_back();
  AppendItems(std::move(rejoined), false, owners);
  return true;
}

}  // namespace

void AppendItems(std::vector<std::string> items, bool join_first,
                 std::vector<std::string>* list) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (i == 0 && join_first && !list->empty()) {
      list->back() = JoinWrapped(list->back(), items[0]);
      continue;
    }
    std::string key = Squash(items[i]);
    bool dup =
        std::any_of(list->begin(), list->end(),
                    [&](const std::string& s) { return Squash(s) == key; });
    if (!dup) list->push_back(std::move(items[i]));
  }
}

Result<MeasureTableModels> MeasureTableModels::Load(ModelStore* models) {
  MeasureTableModels m;
  RAINGAN_ASSIGN_OR_RETURN(m.headers, models->Get<HeaderLexicon>());
  RAINGAN_ASSIGN_OR_RETURN(m.units, models->Get<UnitLexicon>());
  RAINGAN_ASSIGN_OR_RETURN(m.sections, models->Get<SectionMatcher>());
  RAINGAN_ASSIGN_OR_RETURN(m.periods, models->Get<dates::PeriodParser>());
  return m;
}

MeasureBuilder::MeasureBuilder(const MeasureTableModels& models, ColumnMap map,
                               int table_index)
    : models_(models), map_(std::move(map)), table_index_(table_index) {}

MeasureBuilder::RowFields MeasureBuilder::Collect(const TableRow& row) const {
  RowFields f;
  bool seen_period_column = false;
  // A row shaded beyond its month columns (striped rows, a highlighted
  // record) says nothing about its months.
  bool shaded_row = false;
  for (size_t c = 0; c < row.cells.size() && c < map_.roles.size(); ++c) {
    if (map_.roles[c] != ColumnRole::kMonth && row.cells[c].drawn_mark) {
      shaded_row = true;
    }
  }
  for (size_t c = 0; c < row.cells.size() && c < map_.roles.size(); ++c) {
    const Cell& cell = row.cells[c];
    if (cell.covered) continue;
    f.confidence = MinConfidence(cell.paragraphs, f.confidence);
    std::vector<Paragraph>* dst = nullptr;
    switch (map_.roles[c]) {
      case ColumnRole::kMeasure:
        dst = &f.measure;
        break;
      case ColumnRole::kMethod:
        dst = &f.method;
        break;
      case ColumnRole::kOwner:
        dst = &f.owner;
        break;
      case ColumnRole::kPeriod:
        dst = &f.period;
        // Start and end in their own columns: one range "start - end".
        if (map_.period_range && !cell.Empty()) {
          if (NonEmpty(f.period)) {
            Paragraph dash;
            dash.text = "-";
            f.period.push_back(std::move(dash));
          } else if (seen_period_column) {
            f.period_from_end = true;
          }
        }
        seen_period_column = true;
        break;
      case ColumnRole::kOutput:
        dst = &f.output;
        break;
      case ColumnRole::kOutcome:
        dst = &f.outcome;
        break;
      case ColumnRole::kRecommendation:
        dst = &f.recommendation;
        break;
      case ColumnRole::kBudget:
        dst = &f.budget;
        break;
      case ColumnRole::kSeq:
        dst = &f.seq;
        break;
      case ColumnRole::kMonth:
        // Any mark: ✓, /, x, a shaded cell, an arrow drawn across. Never
        // an output or a remark.
        if (!cell.Empty() || (cell.drawn_mark && !shaded_row)) {
          f.ticked_months.push_back(static_cast<int>(c));
        }
        break;
      default:
        if (!cell.Empty()) {
          std::string key = map_.header_texts[c].empty()
                                ? "column_" + std::to_string(c + 1)
                                : map_.header_texts[c];
          f.extra.emplace_back(key, cell.paragraphs);
        }
        break;
    }
    if (dst != nullptr) {
      dst->insert(dst->end(), cell.paragraphs.begin(), cell.paragraphs.end());
    }
    const char* field = FieldName(map_.roles[c]);
    double c_min = MinConfidence(cell.paragraphs, 1.0);
    if (field != nullptr && c_min < 1.0) {
      MergeFieldConfidence({{field, c_min}}, &f.field_confidence);
    }
  }
  return f;
}

Measure MeasureBuilder::NewRecord(const RowFields& f, const TableRow& row,
                                  const std::string& section,
                                  const std::string& id,
                                  const std::string& name) {
  Measure m;
  m.id = id;
  m.section = section;
  m.measure = name;
  m.has_recommendation = map_.Has(ColumnRole::kRecommendation);
  m.prov = row.prov;
  m.table = table_index_;
  m.table_kind = table_kind_;
  m.row = data_rows_;
  m.confidence = f.confidence;
  Merge(f, /*cut_by_break=*/false, &m);
  return m;
}

int MeasureBuilder::ExpectedNumber() const {
  int after = 0;
  for (size_t k = measures_.size(); k-- > 0; ++after) {
    const std::string& id = measures_[k].id;
    if (id.empty()) continue;
    if (id.size() > 3 || !std::all_of(id.begin(), id.end(), [](char c) {
          return c >= '0' && c <= '9';
        })) {
      return 0;
    }
    return std::stoi(id) + after + 1;
  }
  return 0;
}

void MeasureBuilder::Merge(const RowFields& f, bool cut_by_break,
                           Measure* m) const {
  // A list cut by a page break continues its last item unless the new part
  // opens with its own bullet or number.
  auto add_list = [&](const std::vector<Paragraph>& cell,
                      std::vector<std::string>* list) {
    std::vector<Paragraph> paras = cell;
    // The rest of a picture's description the page break cut off.
    if (cut_by_break && !paras.empty() &&
        textnorm::IsCaptionTail(paras.front().text)) {
      paras.erase(paras.begin());
    }
    if (!NonEmpty(paras)) return;
    bool join = cut_by_break && !list->empty() &&
                !StartsWithListMarker(paras.front().text);
    // The tail of a numbered list goes on with the next number.
    int next_number = join ? static_cast<int>(list->size()) + 1 : 1;
    AppendItems(SplitListItems(paras, next_number), join, list);
  };
  add_list(f.method, &m->method);
  add_list(f.output, &m->output);
  add_list(f.outcome, &m->outcome);
  add_list(f.recommendation, &m->recommendation);
  if (NonEmpty(f.owner)) {
    // An owner cut by the page break ("กองสาธารณสุ" | "ข และสิ่งแวดล้อม")
    // continues the last owner unless it names a unit of its own.
    bool join = cut_by_break && !m->owner.empty() &&
                !models_.units->StartsWithUnit(f.owner.front().text);
    if (join || !cut_by_break ||
        !RejoinCutPart(*models_.units, f.owner, &m->owner)) {
      AppendItems(models_.units->SplitOwners(f.owner), join, &m->owner);
    }
  }
  if (NonEmpty(f.period)) {
    std::string text = JoinParagraphs(f.period);
    if (m->period.text.empty()) {
      m->period.text = text;
    } else if (f.period_from_end) {
      // The end date of a range whose start the page break left above.
      m->period.text += " - " + text;
    } else if (Squash(m->period.text) != Squash(text)) {
      m->period.text = JoinWrapped(m->period.text, text);
    }
  }
  if (!f.ticked_months.empty()) {
    std::vector<int>& ticked = m->period.ticked_columns;
    ticked.insert(ticked.end(), f.ticked_months.begin(), f.ticked_months.end());
    std::sort(ticked.begin(), ticked.end());
    ticked.erase(std::unique(ticked.begin(), ticked.end()), ticked.end());
    SetTickedPeriod(&m->period);
  }
  if (NonEmpty(f.budget) && !m->budget_baht.has_value()) {
    m->budget_baht = dates::ParseBaht(JoinParagraphs(f.budget));
  }
  for (const auto& [key, paras] : f.extra) {
    AppendItems(SplitListItems(paras), false, &m->extra[key]);
  }
  m->confidence = std::min(m->confidence, f.confidence);
  MergeFieldConfidence(f.field_confidence, &m->field_confidence);
}

std::vector<Measure> MeasureBuilder::TakeMeasures() {
  for (size_t i = 0; i < measures_.size(); ++i) {
    if (unnamed_[i])
      measures_[i].warnings.push_back(std::string(kNoMeasureName));
    AddLowConfidenceWarning(&measures_[i]);
  }
  unnamed_.clear();
  return std::move(measures_);
}

void MeasureBuilder::SetTickedPeriod(Period* period) const {
  // Runs of ticked columns that are neighbours among the month columns.
  std::vector<int> month_columns;
  for (size_t c = 0; c < map_.roles.size(); ++c) {
    if (map_.roles[c] == ColumnRole::kMonth) {
      month_columns.push_back(static_cast<int>(c));
    }
  }
  std::vector<std::pair<int, int>> runs;  // first, last column
  int previous_index = -2;
  for (int column : period->ticked_columns) {
    int index = static_cast<int>(
        std::find(month_columns.begin(), month_columns.end(), column) -
        month_columns.begin());
    if (!runs.empty() && index == previous_index + 1) {
      runs.back().second = column;
    } else {
      runs.emplace_back(column, column);
    }
    previous_index = index;
  }
  // The text names the marked months as their headers write them; the
  // periods stage reads it when the years could not be known.
  std::string text;
  for (const auto& [first, last] : runs) {
    if (!text.empty()) text += ", ";
    text += map_.header_texts[first];
    if (last != first) text += " - " + map_.header_texts[last];
  }
  period->text = text;
  period->runs.clear();
  for (const auto& [first, last] : runs) {
    const auto& a = map_.month_spans[first];
    const auto& b = map_.month_spans[last];
    if (!a || !b || b->end < a->start) {
      period->runs.clear();  // a year unknown: no dates, never a guess
      return;
    }
    period->runs.push_back(PeriodRun{a->start, b->end});
  }
}

bool MeasureBuilder::IsCompleteSubRow(const RowFields& f) const {
  // Right after a page break an empty measure cell is ambiguous: the rest
  // of a cut row, or a sub-row that happens to start the page. A sub-row
  // has its own owner and a period that stands on its own; the tail of a
  // cut row rarely has both.
  if (!NonEmpty(f.owner) || !NonEmpty(f.period)) return false;
  if (!models_.units->StartsWithUnit(JoinParagraphs(f.owner)) &&
      !StartsWithListMarker(JoinParagraphs(f.owner))) {
    return false;
  }
  return models_.periods->Parse(JoinParagraphs(f.period)).start.has_value();
}

void MeasureBuilder::AddRow(const TableRow& row, const std::string& section,
                            bool after_break) {
  RowFields f = Collect(row);
  bool has_own = NonEmpty(f.method) || NonEmpty(f.owner) ||
                 NonEmpty(f.period) || !f.ticked_months.empty();
  bool has_anything = has_own || NonEmpty(f.output) || NonEmpty(f.outcome) ||
                      NonEmpty(f.recommendation) || NonEmpty(f.measure);
  if (!has_anything) return;
  ++data_rows_;
  const bool same_page = row.prov.page > 0 && row.prov.page == last_page_;
  last_page_ = row.prov.page;

  const std::string measure_text = JoinParagraphs(f.measure);
  Numbering num = ReadNumbering(measure_text);
  if (num.id.empty()) {
    // "- ๑.๑ จัดทำคู่มือ", "- (๓) จัดประชุม": OCR reads a speck or the end
    // of a rule before the number as a dash (scans of LibreOffice prints
    // with row rules only). A bullet before a number still leaves the
    // number the measure's; without a number the bullet stays.
    Numbering after_bullet = ReadNumbering(StripBullet(measure_text));
    if (!after_bullet.id.empty()) num = std::move(after_bullet);
  }
  const bool ocr = MinConfidence(f.measure, 1.0) < 1.0;
  if (num.id.empty() && ocr) {
    Numbering dotted = ReadNumbering(CommaAsDot(measure_text));
    if (!dotted.id.empty()) num = std::move(dotted);
  }
  if (num.id.empty() && NonEmpty(f.seq)) {
    num.id = ReadNumbering(JoinParagraphs(f.seq) + ".").id;
  }
  Measure* last = measures_.empty() ? nullptr : &measures_.back();
  bool has_measure = !num.rest.empty();
  const std::string& style = this->style();
  const bool unread_number =
      has_measure && num.id.empty() &&
      ((style == "(9)" && StripUnreadNumber(ExpectedNumber(), &num.rest)) ||
       (!style.empty() && ocr &&
        (StripGarbledNumber(&num.rest) || StripUnreadFirstDigit(&num.rest))));

  if (has_measure) {
    if (last != nullptr && after_break) {
      // OCR reads a repeated name a little differently each time; the
      // same printed number vouches for it. Without a number only the
      // exact name does ("ครั้งที่ ๑" and "ครั้งที่ ๒" differ by one sign).
      constexpr double kSameName = 0.9;
      const std::string name = Squash(num.rest),
                        last_name = Squash(last->measure);
      bool same = num.id.empty()
                      ? name == last_name
                      : num.id == last->id &&
                            EditSimilarity(name, last_name) >= kSameName;
      // A measure cell cut by the page break: where the table numbers its
      // measures, a new measure would start with its number.
      const bool last_numbered =
          !last->id.empty() ||
          std::find(last->warnings.begin(), last->warnings.end(),
                    kUnreadNumber) != last->warnings.end();
      // (Cut by a page break only: below a header or a table boundary in
      // mid-page a measure cell starts, as one table per measure does.)
      const bool cut = !same_page;
      bool cut_name = cut && num.id.empty() && last_numbered && !unread_number;
      // A list inside the measure cell going on after the break ("(๗)
      // กำหนดมาตรการ ดังนี้ ๑. ... ๗." | "๘. มาตรการ..."): numbered in
      // another shape than the table's measures, and nothing else in the
      // row — a new measure has its own steps, owner or period.
      bool cut_list = cut && !num.id.empty() && !has_own &&
                      !NonEmpty(f.output) && !NonEmpty(f.outcome) &&
                      !NonEmpty(f.recommendation) && !last_style_.empty() &&
                      num.style != last_style_;
      if (cut_list) {
        last->measure = JoinWrapped(last->measure, JoinParagraphs(f.measure));
        return;
      }
      // The same list with the rest of the row cut by the break: numbered
      // in another shape and not the next measure's number ("(๗) ... ดังนี้
      // ๑. ..." | "๒. มาตรการ..." beside the steps' and results' tails).
      const int expected = ExpectedNumber();
      const bool plain_number =
          !num.id.empty() && num.id.size() <= 3 &&
          std::all_of(num.id.begin(), num.id.end(),
                      [](char c) { return c >= '0' && c <= '9'; });
      const bool cut_row_list = cut && plain_number && !last_style_.empty() &&
                                num.style != last_style_ && expected > 0 &&
                                std::stoi(num.id) != expected;
      if (cut_row_list) {
        last->measure = JoinWrapped(last->measure, JoinParagraphs(f.measure));
        Merge(f, /*cut_by_break=*/true, last);
        return;
      }
      if (same || cut_name) {
        if (!same) last->measure = JoinWrapped(last->measure, num.rest);
        unnamed_.back() = false;
        // A row whose number and name are written again (after a repeated
        // header) was started afresh, not cut: its items are items of
        // their own, appended; a cut measure cell's row was cut.
        Merge(f, /*cut_by_break=*/!same, last);
        return;
      }
    }
    measures_.push_back(NewRecord(f, row, section, num.id, num.rest));
    unnamed_.push_back(false);
    if (unread_number) {
      measures_.back().warnings.push_back(std::string(kUnreadNumber));
    } else {
      last_style_ = num.style;
    }
    return;
  }

  // No measure text in this row.
  if (last == nullptr) {
    measures_.push_back(NewRecord(f, row, section, num.id, ""));
    unnamed_.push_back(true);
    return;
  }
  if (after_break && !IsCompleteSubRow(f)) {
    // The rest of a row cut by the page break.
    Merge(f, /*cut_by_break=*/true, last);
    return;
  }
  if (has_own) {
    // A sub-row: its own record under the measure above.
    std::string id = num.id.empty() ? last->id : num.id;
    Measure m = NewRecord(f, row, section, id, last->measure);
    measures_.push_back(std::move(m));
    unnamed_.push_back(false);
    return;
  }
  Merge(f, /*cut_by_break=*/after_break, last);
}

}  // namespace raingan
