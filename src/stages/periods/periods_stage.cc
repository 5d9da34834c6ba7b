#include "stages/periods/periods_stage.h"

#include <map>
#include <memory>
#include <string>
#include <utility>

#include "dates/calendar.h"
#include "dates/period.h"

namespace raingan {
namespace {

// The Thai fiscal year (BE) a date falls in: 1 Oct starts the next one.
int FiscalYearOf(const Date& d) {
  return dates::FiscalYearOf(d.year + dates::kBeOffset, d.month);
}

// The document's fiscal year comes from one line of the title or memo;
// the measures' periods are many independent witnesses. When OCR misreads
// that one line ("๒๕๒๕" for "๒๕๖๘"), or the title is lost and the year is
// taken from a sentence about last year's assessment, a one-year report
// whose periods mostly fall in another fiscal year is corrected to it —
// with a warning, because it changes what the document says.
void ReconcileFiscalYear(const dates::PeriodParser& parser, Document* doc) {
  FiscalYearSpan& fy = doc->info.fiscal_year;
  if (fy.be != fy.be_end) return;  // a multi-year plan: periods vary
  std::map<int, int> votes;
  int dated = 0;
  for (const Measure& m : doc->measures) {
    if (m.period.text.empty()) continue;
    // No hint: only periods that state their own year vote.
    dates::PeriodResult r = parser.Parse(m.period.text, 0);
    if (!r.start) continue;
    ++dated;
    ++votes[FiscalYearOf(*r.start)];
  }
  constexpr int kMinVotes = 3;
  int best_year = 0, best = 0;
  for (const auto& [year, count] : votes) {
    if (count > best) best_year = year, best = count;
  }
  if (best < kMinVotes || 2 * best <= dated || best_year == fy.be) return;
  std::string count =
      std::to_string(best) + " of " + std::to_string(dated) + " dated";
  std::string message =
      fy.be == 0 ? "no fiscal year in the title or memo; " + count +
                       " measure periods fall in fiscal year " +
                       std::to_string(best_year) + ": using it"
                 : "fiscal year read as " + std::to_string(fy.be) + ", but " +
                       count + " measure periods fall in fiscal year " +
                       std::to_string(best_year) + ": using " +
                       std::to_string(best_year);
  // Two codes: a title without a year is filled in; a title's year the
  // periods outvote is a disagreement a clerk should check.
  doc->AddIssue("periods",
                fy.be == 0 ? "fiscal_year_from_periods"
                           : "fiscal_year_overruled_by_periods",
                std::move(message));
  fy.be = fy.be_end = best_year;
}

class PeriodsStage : public Stage {
 public:
  explicit PeriodsStage(std::shared_ptr<const dates::PeriodParser> parser)
      : parser_(std::move(parser)) {}

  std::string_view name() const override { return "periods"; }

  Status Run(Document* doc) const override {
    ReconcileFiscalYear(*parser_, doc);
    const FiscalYearSpan& fy = doc->info.fiscal_year;
    // Only a one-year report says which year "ม.ค. - มี.ค." means.
    int default_year = fy.be > 0 && fy.be == fy.be_end ? fy.be : 0;
    for (Measure& m : doc->measures) {
      if (m.period.text.empty()) continue;
      if (!m.period.runs.empty()) {
        // Ticked month columns: the dates came with the columns.
        m.period.start = m.period.runs.front().start;
        m.period.end = m.period.runs.back().end;
        continue;
      }
      dates::PeriodResult r = parser_->Parse(m.period.text, default_year);
      m.period.start = r.start;
      m.period.end = r.end;
      m.period.fiscal_years = r.fiscal_years;
      m.period.doubt = r.doubt;
      for (std::string& w : r.warnings) m.warnings.push_back(std::move(w));
      if (!r.recognized) {
        m.warnings.push_back("period not recognized: " + m.period.text);
      }
    }
    return Status::Ok();
  }

 private:
  std::shared_ptr<const dates::PeriodParser> parser_;
};

}  // namespace

Result<std::unique_ptr<Stage>> NewPeriodsStage(ModelStore* models) {
  RAINGAN_ASSIGN_OR_RETURN(std::shared_ptr<const dates::PeriodParser> parser,
                           models->Get<dates::PeriodParser>());
  return std::unique_ptr<Stage>(
      std::make_unique<PeriodsStage>(std::move(parser)));
}

}  // namespace raingan
