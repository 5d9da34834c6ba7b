// "periods": parses every measure's period text into dates (see
// dates/period.h). A period naming months without a year is resolved with
// the document's fiscal year when the document covers a single year; any
// such assumption, and any unparseable period, becomes a record warning.
#ifndef RAINGAN_STAGES_PERIODS_PERIODS_STAGE_H_
#define RAINGAN_STAGES_PERIODS_PERIODS_STAGE_H_

#include <memory>

#include "stages/stage.h"

namespace raingan {

// Loads models/months.tsv and period_words.tsv (dates::PeriodParser).
Result<std::unique_ptr<Stage>> NewPeriodsStage(ModelStore* models);

}  // namespace raingan

#endif  // RAINGAN_STAGES_PERIODS_PERIODS_STAGE_H_
