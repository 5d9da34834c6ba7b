// "measure_tables": finds the measure tables of a document (by header
// wording), stitches tables continued over pages into logical tables, and
// turns their rows into Measure records (see measure_builder.h). Works on
// the document model only, so text exports, PDFs and scans share it.
//
// A logical table continues while tables keep the same column layout: a
// repeated header row, or a header-less table of the same width right
// after it (the next page). A section heading (models/section_markers.tsv)
// sets the `section` of the records below it and ends the logical table.
#ifndef RAINGAN_STAGES_TABLES_MEASURE_TABLES_STAGE_H_
#define RAINGAN_STAGES_TABLES_MEASURE_TABLES_STAGE_H_

#include <memory>

#include "stages/stage.h"

namespace raingan {

// Loads models/header_roles.tsv, units.tsv, section_markers.tsv and the
// period grammar (months.tsv, period_words.tsv).
Result<std::unique_ptr<Stage>> NewMeasureTablesStage(ModelStore* models);

}  // namespace raingan

#endif  // RAINGAN_STAGES_TABLES_MEASURE_TABLES_STAGE_H_
