// The JSON the review page reads (GET /api/review/...): documents, the
// queue of records to check, one record with its fields, and the state of
// the corrections. The page renders every value as text (never as HTML).
#ifndef RAINGAN_OUTPUT_REVIEW_JSON_H_
#define RAINGAN_OUTPUT_REVIEW_JSON_H_

#include <optional>
#include <string>
#include <vector>

#include "model/correction.h"
#include "model/geometry.h"

namespace raingan {

struct ReviewDocumentView {
  std::string name;  // documents/<name>.json
  std::string path, status, error, format, title, organization, province;
  int fiscal_year = 0;  // BE; 0 = unknown
  int pages = -1, measures = 0;
  int to_check = 0, checked = 0, flagged = 0, corrected = 0;
};
std::string ReviewDocumentsJson(const std::vector<ReviewDocumentView>& docs);

struct ReviewQueueEntry {
  std::string document;
  int record = 0;  // index in the document's measures
  std::string measure_id, measure;
  double score = 1;  // lowest confidence of the fields to check; lower first
  std::vector<std::string> fields;   // correctable fields to check
  std::vector<std::string> reasons;  // why, for people
  ReviewMark mark = ReviewMark::kNone;
  bool corrected = false;
};
std::string ReviewQueueJson(const std::vector<ReviewQueueEntry>& queue,
                            double review_below, bool pipeline_review);

struct ReviewFieldView {
  std::string name;
  FieldKind kind = FieldKind::kText;
  std::vector<std::string> value;      // now (corrections applied)
  std::vector<std::string> extracted;  // as extracted
  std::optional<double> confidence;    // OCR, when known
  bool corrected = false;
  bool to_check = false;
};

struct ReviewRecordView {
  ReviewQueueEntry entry;
  int records_in_document = 0;
  std::string source_path, source_format, title, organization;
  int fiscal_year = 0;
  int page = 0, line = 0;  // provenance (0 = none)
  BBox bbox;
  bool has_image = false;  // GET /api/review/image gives a picture
  std::vector<ReviewFieldView> fields;
  std::vector<std::string> warnings;
};
std::string ReviewRecordJson(const ReviewRecordView& record);

struct ReviewStatusView {
  int corrections = 0;
  int bad_lines = 0;
  long saved = 0, rebuilt = 0;  // save generations: rebuilt >= saved = done
  bool rebuilding = false;
  std::string error;  // of the last rebuild
  int applied = 0, stale = 0;
  std::string database;  // what happened to the database, if any
};
std::string ReviewStatusJson(const ReviewStatusView& status);

}  // namespace raingan

#endif  // RAINGAN_OUTPUT_REVIEW_JSON_H_
