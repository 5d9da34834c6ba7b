// Reading raingan's own document JSON back (documents/*.json of a batch,
// the output of `raingan extract`) as plain values, for code that turns it
// into something else — the database loader (src/db/) — without knowing
// JSON. The reader follows the output contract
// (schema/raingan-output.schema.json, schema_version "1") and the additive
// keys planned beside it (status, status_reason, issues, measures' review,
// provenance.table_kind, period.runs): a key the document does not have is
// reported as absent (nullopt, or an empty list), so output written before
// those keys reads as well as output written after.
//
// Unknown keys are ignored (a newer raingan may add some); a key of the
// wrong type, a missing required key or a schema_version other than "1"
// is an error naming the key ("measures[3].period.start: expected a date
// or null"), never a crash: files may be truncated or edited by hand.
#ifndef RAINGAN_OUTPUT_JSON_READER_H_
#define RAINGAN_OUTPUT_JSON_READER_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"
#include "model/geometry.h"

namespace raingan {

// "provenance" of a measure, budget line or risk row.
struct ProvenanceRecord {
  std::optional<int> page;
  std::optional<int> line;
  std::optional<BBox> bbox;
};

// One named list of a measure: "method", "owner", "output", "outcome",
// "recommendation", or "extra.<name>" for a list under "extra".
struct ListRecord {
  std::string field;
  std::vector<std::string> items;
};

// measures[].review[] (planned contract addition).
struct ReviewRecord {
  std::string field;
  std::optional<std::string> reason;
};

// measures[].period.runs[] (planned contract addition): ISO dates.
struct PeriodRunRecord {
  std::string start;
  std::string end;
};

struct MeasureRecord {
  std::optional<std::string> id;  // the numbering printed ("1.1")
  std::optional<std::string> section;
  std::string measure;
  // In the JSON's order: method, owner, output, outcome, then
  // recommendation when present, then the extra lists by name.
  std::vector<ListRecord> lists;
  std::optional<std::string> period_text;
  std::optional<std::string> period_start;  // ISO date "2024-10-01"
  std::optional<std::string> period_end;
  std::vector<int> period_fiscal_years;
  std::vector<PeriodRunRecord> period_runs;
  std::optional<int64_t> budget_baht;
  ProvenanceRecord provenance;
  int table = 0;
  int row = 0;
  std::optional<std::string> table_kind;
  double confidence = 1.0;
  std::map<std::string, double> field_confidence;  // empty: text layer
  std::vector<std::string> warnings;
  std::vector<ReviewRecord> review;
  bool review_present = false;  // the key is there (possibly empty)
};

// Top-level "issues" (planned contract addition).
struct IssueRecord {
  std::string code;
  std::optional<std::string> stage;
  std::optional<int> page;
  std::string message;
};

struct BudgetLineRecord {
  int dimension = 0;
  std::optional<std::string> mission;
  std::string project;
  // BE year -> amount; nullopt = the cell was blank.
  std::vector<std::pair<int, std::optional<int64_t>>> by_year;
  std::optional<std::string> remark;
  std::optional<std::string> measure_id;
  ProvenanceRecord provenance;
};

struct BudgetTotalRecord {
  std::optional<int> dimension;  // nullopt: the grand total ("all")
  std::vector<std::pair<int, std::optional<int64_t>>> stated;
  std::vector<std::pair<int, int64_t>> computed;
};

struct RiskRecord {
  int seq = 0;
  std::string step;
  std::vector<std::string> risks;
  std::optional<std::string> risk_score;
  std::vector<std::string> controls;
  ProvenanceRecord provenance;
};

struct ScoreRecord {
  std::string indicator;
  std::optional<std::string> name;
  std::optional<double> score;
  std::optional<std::string> grade;
};

struct DocumentRecord {
  std::string schema_version;
  std::string source_path;
  std::string sha256;
  std::string format;  // text | pdf | image
  std::optional<int> pages;
  std::string kind;  // ita_report | anticorruption_plan | unknown
  std::optional<std::string> title;
  std::optional<std::string> organization;
  std::optional<std::string> district;
  std::optional<std::string> province;
  std::optional<int> fiscal_year_be;
  std::optional<int> fiscal_year_be_end;
  std::optional<std::string> status;  // ok | partial (contract addition)
  std::optional<std::string> status_reason;
  std::vector<MeasureRecord> measures;
  std::vector<BudgetLineRecord> budget_lines;
  std::vector<BudgetTotalRecord> budget_totals;
  std::vector<RiskRecord> risks;
  std::vector<ScoreRecord> scores;
  std::vector<std::string> warnings;
  std::vector<IssueRecord> issues;
};

// Parses one document JSON (the whole text of a documents/*.json file).
Result<DocumentRecord> DocumentRecordFromJson(std::string_view text);

}  // namespace raingan

#endif  // RAINGAN_OUTPUT_JSON_READER_H_
