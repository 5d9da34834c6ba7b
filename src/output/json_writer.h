// The output contract: a Document as raingan's JSON (schema_version "1",
// published in schema/raingan-output.schema.json). This is the only code
// that knows the output format.
#ifndef RAINGAN_OUTPUT_JSON_WRITER_H_
#define RAINGAN_OUTPUT_JSON_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
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
// `corrected` names the fields a reviewer corrected (model/correction.h);
// it is always present, empty for a measure as extracted.
std::string MeasureToJsonLine(const Document& doc, const Measure& m,
                              const std::vector<std::string>& corrected = {});

// What `raingan batch` did with one input: a line of results.jsonl, and the
// per-document record a rerun resumes from.
struct BatchResult {
  std::string path;
  std::string sha256;  // of the input's bytes
  std::string status;  // "ok", "partial" or "failed" (see src/batch/)
  std::string error;   // why partial or failed; empty (null) when ok
  int pages = -1;      // pages read; -1 (null) = unpaged or unknown
  int measures = 0;
  double seconds = 0;    // wall-clock time of the extraction
  std::string output;    // the document JSON, relative to the batch
                         // directory; empty (null) when failed
  std::string settings;  // what the output depends on besides the input
};

// One line (no newline) of results.jsonl.
std::string BatchResultToJsonLine(const BatchResult& result);

// Reads back a line written by BatchResultToJsonLine. Malformed or
// incomplete text is an error, never a crash (records may be truncated by
// a crash or edited by hand).
Result<BatchResult> BatchResultFromJson(std::string_view text);

}  // namespace raingan

#endif  // RAINGAN_OUTPUT_JSON_WRITER_H_
