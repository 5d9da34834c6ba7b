#include "stages/review/field_review.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

#include "regex/regex.h"
#include "stages/review/ocr_noise.h"

namespace raingan {
namespace {

// The order fields are listed in (the JSON's order of the fields).
constexpr const char* kFieldOrder[] = {
    "id",     "section", "measure", "method",         "owner",
    "period", "output",  "outcome", "recommendation", "budget"};

int FieldRank(const std::string& field) {
  for (size_t i = 0; i < std::size(kFieldOrder); ++i) {
    if (field == kFieldOrder[i]) return static_cast<int>(i);
  }
  return static_cast<int>(std::size(kFieldOrder));
}

std::string Fixed2(double v) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%.2f", v);
  return buf;
}

// First and last day of the fiscal years be..be_end (BE), in CE dates.
Date FiscalStart(int be) { return Date{be - 543 - 1, 10, 1}; }
Date FiscalEnd(int be) { return Date{be - 543, 9, 30}; }

std::optional<ReviewItem> ReviewPeriod(const Period& p,
                                       const FiscalYearSpan& fy) {
  if (p.text.empty()) return std::nullopt;
  if (!p.start && !p.end) return ReviewItem{"period", "period not read"};
  if (!p.start || !p.end) {
    return ReviewItem{"period", "only one end of the period read"};
  }
  if (!p.doubt.empty()) return ReviewItem{"period", p.doubt};
  if (fy.be > 0 && fy.be_end >= fy.be &&
      (*p.start < FiscalStart(fy.be) || *p.end > FiscalEnd(fy.be_end))) {
    std::string years = std::to_string(fy.be);
    if (fy.be_end != fy.be) years += "-" + std::to_string(fy.be_end);
    return ReviewItem{"period", "period outside fiscal year " + years};
  }
  return std::nullopt;
}

// A unit prefix anywhere in the text ("ทุกกองงานภายใน โดยมีสำนักปลัด..."
// names its units inside words), at any character boundary.
bool LooksLikeUnit(const std::string& owner, const UnitLexicon& units) {
  std::string_view text(owner);
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if ((static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) continue;
    if (units.StartsWithUnit(text.substr(pos))) return true;
  }
  return false;
}

// Code points of the text, spaces not counted.
size_t Letters(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80 && c != ' ';
  return n;
}

size_t FieldLetters(const Measure& m, const std::string& field) {
  auto list = [](const std::vector<std::string>& v) {
    size_t n = 0;
    for (const std::string& s : v) n += Letters(s);
    return n;
  };
  if (field == "measure") return Letters(m.measure);
  if (field == "method") return list(m.method);
  if (field == "owner") return list(m.owner);
  if (field == "period") return Letters(m.period.text);
  if (field == "output") return list(m.output);
  if (field == "outcome") return list(m.outcome);
  if (field == "recommendation") return list(m.recommendation);
  return 0;
}

// The field's texts, one per item (a list field) or one (the others).
std::vector<std::string_view> FieldTexts(const Measure& m,
                                         const std::string& field) {
  auto list = [](const std::vector<std::string>& v) {
    return std::vector<std::string_view>(v.begin(), v.end());
  };
  if (field == "section") return {m.section};
  if (field == "measure") return {m.measure};
  if (field == "method") return list(m.method);
  if (field == "owner") return list(m.owner);
  if (field == "period") return {m.period.text};
  if (field == "output") return list(m.output);
  if (field == "outcome") return list(m.outcome);
  if (field == "recommendation") return list(m.recommendation);
  return {};
}

// "letters that are no Thai word: รัช่บร, วงะยะ" for the first stretches
// of `field`, or nothing.
std::optional<ReviewItem> ReviewWords(const Measure& m,
                                      const std::string& field,
                                      const ReviewOptions& options) {
  constexpr size_t kShown = 3;  // stretches quoted in the reason
  std::vector<std::string> unknown;
  for (std::string_view text : FieldTexts(m, field)) {
    for (std::string& s :
         options.dictionary->UnknownLetters(text, options.names)) {
      unknown.push_back(std::move(s));
    }
  }
  if (unknown.empty()) return std::nullopt;
  std::string reason = std::string(kUnknownWordsReason) + ": ";
  for (size_t i = 0; i < unknown.size() && i < kShown; ++i) {
    if (i > 0) reason += ", ";
    reason += unknown[i];
  }
  if (unknown.size() > kShown) {
    reason += " and " + std::to_string(unknown.size() - kShown) + " more";
  }
  return ReviewItem{field, std::move(reason)};
}

// An outline number inside a name ("ร/กิจกรรมที่ดำเนินการ ๕.๑ มาตรการ",
// "ภายในหน่วยงาน (๓) จัดประชุม"): "๕.๑" or "(๓)" between spaces or Thai
// letters; a lone "๑." is a list inside the name, not a record's number.
std::optional<std::string> NumberInsideName(std::string_view name) {
  static const Regex re(
      R"((?:^|[\s\p{Thai}])(\(\s*[0-9๐-๙]{1,2}\s*\)|[0-9๐-๙]{1,2}\.[0-9๐-๙]{1,2})(?:[\s\p{Thai}]|$))");
  RegexMatch match;
  if (!re.PartialMatch(name, &match)) return std::nullopt;
  return match.groups[1];
}

}  // namespace

void EstimateFieldConfidence(Measure* m) {
  double lowest = 1.0;
  for (auto& [field, c] : m->field_confidence) {
    double chars =
        static_cast<double>(std::max<size_t>(FieldLetters(*m, field), 1));
    c = std::pow(std::clamp(c, 0.0, 1.0), chars / kCharsPerChance);
    lowest = std::min(lowest, c);
  }
  if (!m->field_confidence.empty())
    m->confidence = std::min(m->confidence, lowest);
}

void AddReview(ReviewItem item, Measure* m) {
  for (const ReviewItem& r : m->review) {
    if (r.field == item.field) return;
  }
  auto at = std::upper_bound(m->review.begin(), m->review.end(), item,
                             [](const ReviewItem& a, const ReviewItem& b) {
                               return FieldRank(a.field) < FieldRank(b.field);
                             });
  m->review.insert(at, std::move(item));
}

std::vector<ReviewItem> ReviewFields(const Measure& m,
                                     const ReviewOptions& options) {
  Measure out;
  // Checks first: their reasons say more than a confidence figure.
  if (std::optional<ReviewItem> p =
          ReviewPeriod(m.period, options.fiscal_year)) {
    AddReview(*p, &out);
  }
  // Text layers of ruled tables print owners the lexicon does not know
  // ("เจ้าหน้าที่ประชาสัมพันธ์", a person's post) and are right; only where
  // the cells themselves are uncertain — OCR, or columns found from the
  // alignment of text — does an owner naming no unit point at a misread
  // or a column mixed up.
  bool uncertain_cells =
      !m.field_confidence.empty() || m.table_kind == "aligned";
  if (options.units != nullptr && uncertain_cells) {
    for (const std::string& owner : m.owner) {
      if (!LooksLikeUnit(owner, *options.units)) {
        AddReview({"owner", "owner names no unit: " + owner}, &out);
        break;
      }
    }
  }
  // An owner or period cell left empty in a record that has its other
  // cells: in a table read by OCR or from alignment, text that went to a
  // neighbouring column or was not read at all, far more often than a
  // report that names no one (on the borderless variants: 14 of 14 such
  // fields were wrong).
  const bool has_content =
      !m.method.empty() || !m.output.empty() || !m.outcome.empty();
  if (uncertain_cells && has_content && !m.measure.empty()) {
    if (m.owner.empty()) AddReview({"owner", "no owner read"}, &out);
    if (m.period.text.empty() && m.period.runs.empty()) {
      AddReview({"period", "no period read"}, &out);
    }
  }
  // A record without a number whose name holds one after other text: a
  // header's text or a piece of another record was read before the
  // number (on the six unseen scans, 7 of the 20 wrong ids no other rule
  // flagged, and none of the right ones).
  if (m.id.empty()) {
    if (std::optional<std::string> number = NumberInsideName(m.measure)) {
      AddReview({"id", "no number read, but the name holds " + *number}, &out);
      AddReview({"measure", "text before the number " + *number +
                                ": a header or another record in the name?"},
                &out);
    }
  }
  if (options.dictionary != nullptr) {
    for (const char* field : kFieldOrder) {
      if (std::optional<ReviewItem> w = ReviewWords(m, field, options)) {
        AddReview(std::move(*w), &out);
      }
      if (m.field_confidence.count(field) == 0) continue;  // not OCR
      for (std::string_view text : FieldTexts(m, field)) {
        if (std::optional<std::string> noise =
                FindOcrNoise(text, *options.dictionary, options.names)) {
          AddReview({field, std::string(kOcrNoiseReason) + ": " + *noise},
                    &out);
          break;
        }
      }
    }
  }
  for (const auto& [field, c] : m.field_confidence) {
    if (c >= options.below) continue;
    AddReview({field, std::string(kConfidenceReason) + " " + Fixed2(c) +
                          " below " + Fixed2(options.below)},
              &out);
  }
  return out.review;
}

void ReviewNumbering(std::vector<Measure>* measures) {
  struct Last {
    int number = 0;
    std::string measure;
  };
  // (table, prefix) -> the last record numbered under it.
  std::map<std::pair<int, std::string>, Last> last;
  for (Measure& m : *measures) {
    std::string prefix;
    int number = 0;
    if (m.id.empty()) {
      // A record without a number where its table numbers the others:
      // its number was read into the name, or its row is a piece of
      // another record.
      bool numbered_table = false;
      for (const auto& [key, value] : last) {
        numbered_table = numbered_table || key.first == m.table;
      }
      if (numbered_table && !m.measure.empty()) {
        AddReview({"id", "no number where the table numbers its measures"}, &m);
      }
      continue;
    }
    if (!SplitMeasureId(m.id, &prefix, &number)) continue;
    auto key = std::make_pair(m.table, prefix);
    auto it = last.find(key);
    if (it != last.end()) {
      const Last& prev = it->second;
      if (number == prev.number && m.measure != prev.measure) {
        AddReview({"id", "numbering repeats " + m.id}, &m);
      } else if (number > prev.number + 1) {
        AddReview({"id", "numbering skips from " + std::to_string(prev.number) +
                             " to " + std::to_string(number)},
                  &m);
      } else if (number < prev.number) {
        AddReview(
            {"id", "numbering goes back from " + std::to_string(prev.number) +
                       " to " + std::to_string(number)},
            &m);
      }
    }
    last[key] = Last{number, m.measure};
  }
}

bool SplitMeasureId(const std::string& id, std::string* prefix, int* number) {
  size_t cut = id.find_last_of(".-");
  std::string_view last = cut == std::string::npos
                              ? std::string_view(id)
                              : std::string_view(id).substr(cut + 1);
  *prefix = cut == std::string::npos ? "" : id.substr(0, cut);
  auto [ptr, ec] =
      std::from_chars(last.data(), last.data() + last.size(), *number);
  return ec == std::errc() && ptr == last.data() + last.size() && !last.empty();
}

}  // namespace raingan
