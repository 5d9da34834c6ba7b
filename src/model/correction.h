// Correction: a person's fix to one field of one extracted record, as the
// review page saves it (corrections.jsonl in a batch directory). The
// extracted document is never changed: corrections are kept beside it and
// applied when the merged outputs are built (src/batch/corrections.h).
#ifndef RAINGAN_MODEL_CORRECTION_H_
#define RAINGAN_MODEL_CORRECTION_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace raingan {

// How a correctable field holds its value. A value is a list of strings in
// every case: a list field's items, or zero (null, unknown) or one item for
// the others. Dates are ISO "YYYY-MM-DD", amounts whole baht in digits.
enum class FieldKind { kText, kList, kDate, kMoney };

struct CorrectableField {
  const char* name;  // as in corrections.jsonl and `corrected` lists
  FieldKind kind;
};

// The fields a reviewer may correct, in the order the review page shows
// them. Names follow the output JSON; period parts are "period.text",
// "period.start" and "period.end".
inline constexpr CorrectableField kCorrectableFields[] = {
    {"id", FieldKind::kText},
    {"section", FieldKind::kText},
    {"measure", FieldKind::kText},
    {"method", FieldKind::kList},
    {"owner", FieldKind::kList},
    {"period.text", FieldKind::kText},
    {"period.start", FieldKind::kDate},
    {"period.end", FieldKind::kDate},
    {"output", FieldKind::kList},
    {"outcome", FieldKind::kList},
    {"recommendation", FieldKind::kList},
    {"budget_baht", FieldKind::kMoney},
};

inline std::optional<FieldKind> CorrectableFieldKind(std::string_view name) {
  for (const CorrectableField& f : kCorrectableFields) {
    if (name == f.name) return f.kind;
  }
  return std::nullopt;
}

struct Correction {
  std::string time;           // when it was saved, UTC "2025-01-31T08:15:00Z"
  std::string document;       // the document's name (documents/<name>.json)
  std::string source_sha256;  // of the input the document was extracted from
  int record = 0;             // index in the document's measures (0-based)
  std::string measure_id;     // the record's id, for people reading the file
  std::string field;          // a kCorrectableFields name
  std::vector<std::string> old_value;  // what the reviewer saw
  std::vector<std::string> new_value;  // what the reviewer saved
};

// What a reviewer decided about a record besides its values.
enum class ReviewMark { kNone, kChecked, kFlagged };

struct ReviewMarkEntry {
  std::string time;
  std::string document;
  int record = 0;
  ReviewMark mark = ReviewMark::kNone;
};

}  // namespace raingan

#endif  // RAINGAN_MODEL_CORRECTION_H_
