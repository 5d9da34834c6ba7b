// Measure: one normalized record of a measure table or project sheet —
// the unit users load into their systems.
#ifndef RAINGAN_MODEL_MEASURE_H_
#define RAINGAN_MODEL_MEASURE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/date.h"
#include "model/geometry.h"

namespace raingan {

// The period cell: its text as printed and, when it parses, the dates.
// A run of consecutive ticked month columns (Gantt tables).
struct PeriodRun {
  Date start, end;
};

struct Period {
  std::string text;                // empty = the cell was empty
  std::optional<Date> start, end;  // null when unparseable (with a warning)
  std::vector<int> fiscal_years;   // BE fiscal years named, if any
  // Why dates that were read may still be wrong ("the dash between the
  // dates was not read"); empty when read plainly. Shown by the review.
  std::string doubt;
  // Read from ticked month columns: each separate run, in order; start/end
  // span them. Empty for periods written as text.
  std::vector<PeriodRun> runs;
  // The month columns (table column indices) ticked so far, so a row
  // continued after a repeated header adds its ticks. Not output.
  std::vector<int> ticked_columns;
};

// A field a clerk should check against the source, and why
// ("period", "month name not recognized"). See stages/review/.
struct ReviewItem {
  std::string field;  // measure, id, method, owner, period, output, ...
  std::string reason;
};

struct Measure {
  std::string id;       // numbering printed in the measure cell, Arabic
                        // digits ("1.1", "3"); plans: "<dimension>-<n>"
  std::string section;  // heading the table sits under; empty = none
  std::string measure;  // the measure/project name without its numbering
  std::vector<std::string> method;
  std::vector<std::string> owner;
  Period period;
  std::vector<std::string> output;
  std::vector<std::string> outcome;
  std::vector<std::string> recommendation;
  bool has_recommendation = false;     // the table has a recommendation column
  std::optional<int64_t> budget_baht;  // plans: 0 = no budget used

  // Further named lists (plans: objectives, target_group, rationale).
  std::map<std::string, std::vector<std::string>> extra;

  Provenance prov;  // first row / sheet heading
  int table = 0;    // 1-based logical table (plans: 0)
  // How the table of its first row was found: "ruled", "aligned" (no or
  // only some ruling lines), "delimited" (text export); empty for records
  // not read from a table (plan project sheets).
  std::string table_kind;
  int row = 0;              // 1-based data row within that table
  double confidence = 1.0;  // lowest of field_confidence; 1 for text layers
  // OCR: the lowest word confidence of the cells that went into each field
  // ("measure", "method", "owner", "period", "output", "outcome",
  // "recommendation"). Empty for text layers, where everything is 1.
  std::map<std::string, double> field_confidence;
  std::vector<std::string> warnings;
  // The fields to check, decided by the "review" stage from
  // field_confidence (--review-below) and from checks; empty = none.
  std::vector<ReviewItem> review;
};

}  // namespace raingan

#endif  // RAINGAN_MODEL_MEASURE_H_
