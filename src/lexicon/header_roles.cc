#include "lexicon/header_roles.h"

#include <algorithm>
#include <array>
#include <utility>

#include "base/utf8.h"
#include "lexicon/tsv.h"

namespace raingan {
namespace {

constexpr std::array<std::pair<ColumnRole, std::string_view>, 18> kRoleNames{{
    {ColumnRole::kNone, "none"},
    {ColumnRole::kMeasure, "measure"},
    {ColumnRole::kMethod, "method"},
    {ColumnRole::kOwner, "owner"},
    {ColumnRole::kPeriod, "period"},
    {ColumnRole::kOutput, "output"},
    {ColumnRole::kOutcome, "outcome"},
    {ColumnRole::kRecommendation, "recommendation"},
    {ColumnRole::kBudget, "budget"},
    {ColumnRole::kRemark, "remark"},
    {ColumnRole::kSeq, "seq"},
    {ColumnRole::kDimension, "dimension"},
    {ColumnRole::kMission, "mission"},
    {ColumnRole::kYear, "year"},
    {ColumnRole::kRisk, "risk"},
    {ColumnRole::kRiskScore, "risk_score"},
    {ColumnRole::kControl, "control"},
    {ColumnRole::kMonth, "month"},
}};

// Scanned headers come with OCR slips ("ระยะเวสา" for "ระยะเวลา"). The
// fewest edits turning `pattern` into some substring of `text` (Sellers'
// algorithm), over code points.
size_t ApproximateDistance(const std::u32string& pattern,
                           const std::u32string& text) {
  std::vector<size_t> prev(pattern.size() + 1), cur(pattern.size() + 1);
  for (size_t i = 0; i <= pattern.size(); ++i) prev[i] = i;
  size_t best = pattern.size();
  for (char32_t t : text) {
    cur[0] = 0;  // a match may start anywhere in the text
    for (size_t i = 1; i <= pattern.size(); ++i) {
      size_t sub = prev[i - 1] + (pattern[i - 1] == t ? 0 : 1);
      cur[i] = std::min({prev[i] + 1, cur[i - 1] + 1, sub});
    }
    best = std::min(best, cur[pattern.size()]);
    std::swap(prev, cur);
  }
  return best;
}

// Edits tolerated for a pattern of `length` code points: none for short
// patterns (too many words are one letter away from "ลำดับ"), one from six,
// two from twelve.
size_t ToleratedEdits(size_t length) {
  if (length >= 12) return 2;
  if (length >= 6) return 1;
  return 0;
}

// Only label-sized cells are matched approximately: a long data cell would
// find every pattern somewhere within a letter or two.
constexpr size_t kMaxApproximateText = 80;

}  // namespace

std::string_view ColumnRoleName(ColumnRole role) {
  for (const auto& [r, name] : kRoleNames) {
    if (r == role) return name;
  }
  return "none";
}

ColumnRole ColumnRoleFromName(std::string_view name) {
  for (const auto& [r, n] : kRoleNames) {
    if (n == name) return r;
  }
  return ColumnRole::kNone;
}

std::string HeaderLexicon::Fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = utf8::DecodeNext(text, &pos);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
        c == 0x200B || c == 0xFEFF) {
      continue;
    }
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
    // SARA AM as OCR and some text layers write it, NIKHAHIT + SARA AA
    // ("ดําเนิน"): one letter, as the patterns write it.
    if (c == 0x0E4D && pos < text.size()) {
      size_t next = pos;
      if (utf8::DecodeNext(text, &next) == 0x0E32) {
        c = 0x0E33;
        pos = next;
      }
    }
    utf8::Append(c, &out);
  }
  return out;
}

Result<HeaderLexicon> HeaderLexicon::Load(const std::string& models_dir) {
  std::string path = ModelPath(models_dir, "header_roles.tsv");
  Result<std::vector<TsvRecord>> records = ReadTsv(path, 3);
  if (!records.ok()) return records.status();
  std::vector<Entry> entries;
  for (const TsvRecord& rec : *records) {
    Entry e;
    e.role = ColumnRoleFromName(rec.fields[0]);
    if (e.role == ColumnRole::kNone) {
      return Status::BadInput(path + ":" + std::to_string(rec.line) +
                              ": unknown role '" + rec.fields[0] + "'");
    }
    try {
      e.weight = std::stoi(rec.fields[1]);
    } catch (...) {
      return Status::BadInput(path + ":" + std::to_string(rec.line) +
                              ": weight must be an integer");
    }
    e.pattern = Fold(rec.fields[2]);
    if (e.pattern.empty()) {
      return Status::BadInput(path + ":" + std::to_string(rec.line) +
                              ": empty pattern");
    }
    entries.push_back(std::move(e));
  }
  return FromEntries(std::move(entries));
}

HeaderLexicon HeaderLexicon::FromEntries(std::vector<Entry> entries) {
  HeaderLexicon lex;
  for (Entry& e : entries) {
    e.pattern = Fold(e.pattern);
    e.length = utf8::Length(e.pattern);
  }
  lex.entries_ = std::move(entries);
  return lex;
}

ColumnRole HeaderLexicon::Classify(std::string_view header_text) const {
  std::string folded = Fold(header_text);
  if (folded.empty()) return ColumnRole::kNone;
  const Entry* best = nullptr;
  for (const Entry& e : entries_) {
    if (folded.find(e.pattern) == std::string::npos) continue;
    if (best == nullptr || e.weight > best->weight ||
        (e.weight == best->weight && e.length > best->length)) {
      best = &e;
    }
  }
  if (best != nullptr) return best->role;

  // No exact wording: allow OCR slips in longer patterns of a short cell.
  std::u32string text = utf8::ToU32(folded);
  if (text.size() > kMaxApproximateText) return ColumnRole::kNone;
  size_t best_edits = 0;
  for (const Entry& e : entries_) {
    size_t tolerated = ToleratedEdits(e.length);
    if (tolerated == 0) continue;
    size_t edits = ApproximateDistance(utf8::ToU32(e.pattern), text);
    if (edits > tolerated) continue;
    if (best == nullptr || edits < best_edits ||
        (edits == best_edits &&
         (e.weight > best->weight ||
          (e.weight == best->weight && e.length > best->length)))) {
      best = &e;
      best_edits = edits;
    }
  }
  return best == nullptr ? ColumnRole::kNone : best->role;
}

}  // namespace raingan
