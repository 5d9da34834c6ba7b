// Corrections of a batch directory: the log the review page appends to
// (DIR/corrections.jsonl, output/correction_json.h), and applying it to an
// extracted document.
//
// Durability: a save appends its lines with one write() and then
// fdatasync()s the file (and, when it was created, its directory) before
// it reports success, so a correction the reviewer saw saved survives
// kill -9 and power loss. A crash during the write can leave at most a
// torn last line: readers skip lines that do not parse (counting them), and
// the next append first ends such a line, so it never swallows the next
// correction. Appends by several processes are serialized with flock().
//
// Applying: corrections are applied in the order they were saved. One
// applies when its document is the same extraction (same source SHA-256),
// its record exists and the field still holds the correction's "old"
// value; otherwise it is stale (the document was re-extracted or corrected
// again by someone else) and skipped. The documents/*.json files are never
// changed: they keep what was extracted.
#ifndef RAINGAN_BATCH_CORRECTIONS_H_
#define RAINGAN_BATCH_CORRECTIONS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "model/correction.h"
#include "model/document.h"
#include "output/json_reader.h"

namespace raingan::batch {

// DIR/corrections.jsonl.
std::string CorrectionsPath(const std::string& dir);
// DIR/.raingan/review-marks.jsonl.
std::string ReviewMarksPath(const std::string& dir);

// Appends `lines` (each without its newline) durably, as described above.
Status AppendLinesDurably(const std::string& path,
                          const std::vector<std::string>& lines);

struct CorrectionLog {
  std::vector<Correction> corrections;  // in the order saved
  int bad_lines = 0;                    // torn or edited beyond reading
};
// A missing file is an empty log.
Result<CorrectionLog> ReadCorrections(const std::string& path);

// The last mark of each record: (document, record) -> mark.
using ReviewMarks = std::map<std::pair<std::string, int>, ReviewMark>;
Result<ReviewMarks> ReadReviewMarks(const std::string& path);

// The value of a correctable field of `m` (model/correction.h), and
// setting it. SetFieldValue fails for an unknown field or a value of the
// wrong form (a date that is not YYYY-MM-DD, an amount that is not whole
// baht in digits, several items for a single-valued field).
std::vector<std::string> FieldValue(const Measure& m, std::string_view field);
Status SetFieldValue(Measure* m, std::string_view field,
                     const std::vector<std::string>& value);

struct AppliedCorrections {
  // Per measure of the document: the fields whose value now differs from
  // the extracted one, in kCorrectableFields order.
  std::vector<std::vector<std::string>> corrected;
  int applied = 0;
  int stale = 0;
};

// Applies those of `corrections` that are for `document_name` to `doc`.
AppliedCorrections ApplyCorrections(const std::vector<Correction>& corrections,
                                    const std::string& document_name,
                                    Document* doc);

// The same for a document as output/json_reader.h reads it (the form the
// database loader takes), with the same rules; `corrected` is left empty.
AppliedCorrections ApplyCorrections(const std::vector<Correction>& corrections,
                                    const std::string& document_name,
                                    DocumentRecord* doc);

// Names the corrections of `document_name` (empty when it has none), so a
// loader can tell whether it loaded a document with these corrections
// already (db/loader.h's Amendment::digest).
std::string CorrectionsDigest(const std::vector<Correction>& corrections,
                              const std::string& document_name);

// "2025-01-31T08:15:00Z" for now.
std::string UtcTimestamp();

}  // namespace raingan::batch

#endif  // RAINGAN_BATCH_CORRECTIONS_H_
