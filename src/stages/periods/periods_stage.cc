#include "stages/periods/periods_stage.h"

namespace raingan {
namespace {

class PeriodsStage : public Stage {
 public:
  std::string_view name() const override { return "periods"; }

  Status Run(const StageContext& ctx, Document* doc) const override {
    const FiscalYearSpan& fy = doc->info.fiscal_year;
    // Only a one-year report says which year "ม.ค. - มี.ค." means.
    int default_year = fy.be > 0 && fy.be == fy.be_end ? fy.be : 0;
    for (Measure& m : doc->measures) {
      if (m.period.text.empty()) continue;
      dates::PeriodResult r =
          ctx.models.periods.Parse(m.period.text, default_year);
      m.period.start = r.start;
      m.period.end = r.end;
      m.period.fiscal_years = r.fiscal_years;
      for (std::string& w : r.warnings) m.warnings.push_back(std::move(w));
      if (!r.recognized) {
        m.warnings.push_back("period not recognized: " + m.period.text);
      }
    }
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Stage> NewPeriodsStage() {
  return std::make_unique<PeriodsStage>();
}

}  // namespace raingan
