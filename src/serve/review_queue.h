// Which records of an extracted document a person should check, and why —
// the review page's queue.
//
// Documents written since measures[].review exists carry the pipeline's
// decision (made with the extraction's --review-below): a record is to be
// checked when its review list is not empty. For older outputs the server
// decides, with its own --review-below: a record is to be checked when
//   - the OCR confidence of one of its fields is below `review_below`;
//   - it has warnings (a period that did not parse, a cut row, ...);
//   - its period is unknown: no start or no end date.
// Records are ordered worst first by their score: the lowest confidence
// among the fields to check (the record's confidence when no field has
// one), then by the number of reasons.
#ifndef RAINGAN_SERVE_REVIEW_QUEUE_H_
#define RAINGAN_SERVE_REVIEW_QUEUE_H_

#include <string>
#include <vector>

#include "output/document_from_json.h"
#include "output/review_json.h"

namespace raingan::serve {

// The correctable fields (model/correction.h) a field name of the output
// stands for: "period" -> period.text, period.start, period.end; "budget"
// (the review stage's name for the column) -> budget_baht; others
// map to themselves when correctable; unknown names to nothing.
std::vector<std::string> CorrectableFieldsFor(const std::string& name);

// The confidence the review page shows for a correctable field (from
// field_confidence), if any.
std::optional<double> FieldConfidence(const Measure& m,
                                      const std::string& field);

// Entries for the records of `doc` to check, in record order (document,
// mark and corrected are left for the caller).
std::vector<ReviewQueueEntry> RecordsToCheck(const ReadDocument& doc,
                                             double review_below);

// Worst first, as described above; ties keep their order.
void SortWorstFirst(std::vector<ReviewQueueEntry>* queue);

}  // namespace raingan::serve

#endif  // RAINGAN_SERVE_REVIEW_QUEUE_H_
