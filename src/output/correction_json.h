// The review files of a batch directory, as JSON Lines:
//   corrections.jsonl            one Correction per line (model/correction.h)
//     {"time": "2025-01-31T08:15:00Z", "document": "<name>",
//      "source_sha256": "...", "record": 3, "measure_id": "1.2",
//      "field": "owner", "old": ["กองคลัง"], "new": ["กองช่าง"]}
//     "old"/"new" are a list for list fields, a string (or null) for text
//     and date fields, an integer (or null) for budget_baht.
//   .raingan/review-marks.jsonl  what a reviewer decided about a record
//     {"time": ..., "document": ..., "record": 3, "mark": "checked"}
// and the body the review page sends to save a record.
#ifndef RAINGAN_OUTPUT_CORRECTION_JSON_H_
#define RAINGAN_OUTPUT_CORRECTION_JSON_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "model/correction.h"

namespace raingan {

// One line, without the newline.
std::string CorrectionToJsonLine(const Correction& c);
// Fails (BadInput) for a line that is not a complete correction, e.g. one
// cut short by a crash while it was written.
Result<Correction> CorrectionFromJson(std::string_view line);

std::string_view ReviewMarkName(ReviewMark mark);  // "none" "checked" "flagged"
std::optional<ReviewMark> ParseReviewMark(std::string_view name);
std::string ReviewMarkToJsonLine(const ReviewMarkEntry& e);
Result<ReviewMarkEntry> ReviewMarkFromJson(std::string_view line);

// The review page's save request:
//   {"document": "<name>", "record": 3,
//    "changes": [{"field": "owner", "old": [...], "new": [...]}],
//    "mark": "checked"}            (mark optional)
struct FieldChange {
  std::string field;
  std::vector<std::string> old_value, new_value;
};
struct SaveRequest {
  std::string document;
  int record = 0;
  std::vector<FieldChange> changes;
  std::optional<ReviewMark> mark;
};
// Checks the shape and each field's name and value type; the values
// themselves are checked against the document by the caller.
Result<SaveRequest> SaveRequestFromJson(std::string_view body);

}  // namespace raingan

#endif  // RAINGAN_OUTPUT_CORRECTION_JSON_H_
