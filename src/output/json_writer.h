// The output contract: a Document as raingan's JSON (schema_version "1",
// published in schema/raingan-output.schema.json). This is the only code
// that knows the output format.
#ifndef RAINGAN_OUTPUT_JSON_WRITER_H_
#define RAINGAN_OUTPUT_JSON_WRITER_H_

#include <string>

#include "model/document.h"

namespace raingan {

inline constexpr char kSchemaVersion[] = "1";

struct JsonOptions {
  int indent = 2;       // -1 = one line (used for JSON Lines)
  bool layout = false;  // add "layout": pages, blocks, cells with bboxes
};

// Serializes the document. Empty strings that mean "unknown" become null;
// text is emitted as UTF-8 (invalid bytes, which the normalizer prevents,
// would be replaced by U+FFFD rather than failing).
std::string DocumentToJson(const Document& doc, const JsonOptions& options);

// One measure as a single-line JSON object with its document's fields
// (organization, province, fiscal year, source) — a line of measures.jsonl.
std::string MeasureToJsonLine(const Document& doc, const Measure& m);

}  // namespace raingan

#endif  // RAINGAN_OUTPUT_JSON_WRITER_H_
