// A document JSON (documents/*.json of a batch, or `raingan extract`
// output) back in the document model, so that the merged outputs can be
// written again from it with corrections applied (batch/merged_outputs.h)
// and the review page can list its records. The JSON is parsed by
// json_reader.h; this turns its records into a Document.
//
// What comes back: source, document facts, measures and warnings — what
// measures.csv and measures.jsonl are made of. Not: plan, scores, layout.
// Keys of the planned contract additions that the model does not hold yet
// (period.runs, measures' review as a model field) are not carried over;
// the round-trip test (tests/output/document_from_json_test.cc) fails once
// the writer writes a key this does not read.
#ifndef RAINGAN_OUTPUT_DOCUMENT_FROM_JSON_H_
#define RAINGAN_OUTPUT_DOCUMENT_FROM_JSON_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "model/document.h"

namespace raingan {

// One entry of measures[].review: a field a clerk should check, and why.
struct ReviewNote {
  std::string field;
  std::string reason;
};

struct ReadDocument {
  Document doc;
  // measures[i].review, for outputs written since the key exists
  // (has_review); older outputs have none, and then each list is empty.
  bool has_review = false;
  std::vector<std::vector<ReviewNote>> review;
  std::string status;  // top-level "status" when present ("ok", "partial")
};

// Fails (BadInput) with json_reader's message naming the first bad key.
Result<ReadDocument> DocumentFromJson(std::string_view text);

}  // namespace raingan

#endif  // RAINGAN_OUTPUT_DOCUMENT_FROM_JSON_H_
