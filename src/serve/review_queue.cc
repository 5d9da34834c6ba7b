#include "serve/review_queue.h"

#include <algorithm>
#include <cstdio>

#include "model/correction.h"

namespace raingan::serve {
namespace {

std::string Percent(double v) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%.3f", v);
  return buf;
}

void AddFields(const std::string& name, std::vector<std::string>* fields) {
  for (std::string& f : CorrectableFieldsFor(name)) {
    if (std::find(fields->begin(), fields->end(), f) == fields->end()) {
      fields->push_back(std::move(f));
    }
  }
}

// A short excerpt of the measure text for the queue list.
std::string Excerpt(const std::string& text) {
  constexpr size_t kMax = 240;  // bytes; cut at a UTF-8 boundary
  if (text.size() <= kMax) return text;
  size_t end = kMax;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;
  }
  return text.substr(0, end) + "…";
}

}  // namespace

std::vector<std::string> CorrectableFieldsFor(const std::string& name) {
  if (name == "period") return {"period.text", "period.start", "period.end"};
  // The review stage names the budget column by its header role.
  if (name == "budget") return {"budget_baht"};
  if (CorrectableFieldKind(name)) return {name};
  return {};
}

std::optional<double> FieldConfidence(const Measure& m,
                                      const std::string& field) {
  std::string key = field.rfind("period.", 0) == 0 ? "period" : field;
  auto it = m.field_confidence.find(key);
  if (it == m.field_confidence.end()) return std::nullopt;
  return it->second;
}

std::vector<ReviewQueueEntry> RecordsToCheck(const ReadDocument& doc,
                                             double review_below) {
  std::vector<ReviewQueueEntry> out;
  const std::vector<Measure>& measures = doc.doc.measures;
  for (size_t i = 0; i < measures.size(); ++i) {
    const Measure& m = measures[i];
    ReviewQueueEntry e;
    e.record = static_cast<int>(i);
    e.measure_id = m.id;
    e.measure = Excerpt(m.measure);
    double lowest = 2;  // of the fields to check that have a confidence
    auto consider = [&](const std::string& field) {
      auto it = m.field_confidence.find(field);
      if (it != m.field_confidence.end()) lowest = std::min(lowest, it->second);
    };
    if (doc.has_review) {
      for (const ReviewNote& note : doc.review[i]) {
        // A note may come without a reason (null in the JSON).
        e.reasons.push_back(
            note.reason.empty() ? note.field : note.field + ": " + note.reason);
        AddFields(note.field, &e.fields);
        consider(note.field);
      }
    } else {
      for (const auto& [field, confidence] : m.field_confidence) {
        if (confidence >= review_below) continue;
        e.reasons.push_back(field + ": OCR confidence " + Percent(confidence) +
                            " (below " + Percent(review_below) + ")");
        AddFields(field, &e.fields);
        lowest = std::min(lowest, confidence);
      }
      if (!m.period.start || !m.period.end) {
        e.reasons.push_back(m.period.text.empty()
                                ? "period: no period given"
                                : "period: no dates could be read from '" +
                                      m.period.text + "'");
        AddFields("period", &e.fields);
      }
      for (const std::string& w : m.warnings) {
        e.reasons.push_back("warning: " + w);
      }
    }
    if (e.reasons.empty()) continue;
    e.score = lowest <= 1 ? lowest : m.confidence;
    out.push_back(std::move(e));
  }
  return out;
}

void SortWorstFirst(std::vector<ReviewQueueEntry>* queue) {
  std::stable_sort(queue->begin(), queue->end(),
                   [](const ReviewQueueEntry& a, const ReviewQueueEntry& b) {
                     if (a.score != b.score) return a.score < b.score;
                     return a.reasons.size() > b.reasons.size();
                   });
}

}  // namespace raingan::serve
