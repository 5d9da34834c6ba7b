// Periods drawn as ticked month or quarter columns (tests/data/gantt/, made
// by make_gantt.py): ✓ with two runs, a remarks column and a record
// continued under a repeated header; quarters ticked "/"; month names
// without years ticked "x"; shaded cells in a born PDF. Each is extracted
// by the CLI and scored against its gold with the project's checker.
#include <gtest/gtest.h>

#include "testing/accuracy.h"
#include "testing/run_cli.h"
#include "testing/schema_validator.h"

namespace raingan {
namespace {

using testing::ReadJsonFile;
using testing::RunRaingan;
using testing::TestDataPath;

std::string GoldFor(const std::string& file) {
  std::string stem = file.substr(0, file.find('.'));
  return "gantt/gold/" + stem + ".json";
}

class GanttTest : public ::testing::TestWithParam<const char*> {};

TEST_P(GanttTest, PeriodsFromTickedColumns) {
  const std::string file = GetParam();
  testing::CommandResult r =
      RunRaingan({"extract", TestDataPath("gantt/" + file)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json out = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(out.is_discarded()) << "output is not JSON";
  std::vector<std::string> errors =
      testing::SchemaValidator::ForOutput().Validate(out);
  EXPECT_TRUE(errors.empty()) << errors.front();

  testing::AccuracyReport report =
      testing::ScoreAgainstGold(ReadJsonFile(TestDataPath(GoldFor(file))), out);
  EXPECT_GE(report.recall, 1.0) << report.Summary();
  EXPECT_GE(report.precision, 1.0) << report.Summary();
  EXPECT_GE(report.field_accuracy, 0.98) << report.Summary();
  EXPECT_GE(report.fields["period_start"], 1.0) << report.Summary();
  EXPECT_GE(report.fields["period_end"], 1.0) << report.Summary();
  for (const auto& [fact, ok] : report.document) {
    EXPECT_TRUE(ok) << "document " << fact << "\n" << report.Summary();
  }
  // No month column or remark leaks into a field.
  for (const auto& m : out["measures"]) {
    for (const auto& item : m["output"]) {
      std::string s = item.get<std::string>();
      EXPECT_EQ(s.find("✓"), std::string::npos) << s;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, GanttTest,
    ::testing::Values("gantt_tick.txt", "gantt_slash.txt", "gantt_cross.txt",
                      "gantt_tick.born.pdf", "gantt_slash.born.pdf",
                      "gantt_cross.born.pdf", "gantt_shaded.born.pdf"),
    [](const auto& info) {
      std::string s = info.param;
      for (char& c : s) {
        if (c == '.') c = '_';
      }
      return s;
    });

// The separate runs are kept: ต.ค.–พ.ย. and เม.ย.–พ.ค.
TEST(GanttRunsTest, SeparateRunsAreKept) {
  for (const char* file :
       {"gantt_tick.txt", "gantt_tick.born.pdf", "gantt_shaded.born.pdf"}) {
    SCOPED_TRACE(file);
    testing::CommandResult r =
        RunRaingan({"extract", TestDataPath(std::string("gantt/") + file)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    nlohmann::json out = nlohmann::json::parse(r.out, nullptr, false);
    ASSERT_TRUE(out.contains("measures"));
    ASSERT_GE(out["measures"].size(), 2u);
    const auto& period = out["measures"][1]["period"];
    ASSERT_TRUE(period.contains("runs")) << period.dump();
    EXPECT_EQ(period["runs"],
              nlohmann::json::parse(
                  R"([{"start": "2024-10-01", "end": "2024-11-30"},
                                     {"start": "2025-04-01", "end": "2025-05-31"}])"))
        << period.dump();
  }
}

}  // namespace
}  // namespace raingan
