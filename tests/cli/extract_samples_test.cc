// End to end on the text samples: the binary's output validates against
// the published schema and reaches the accuracy the issue asks for,
// measured by the project's own checker against the gold records.
#include <gtest/gtest.h>

#include "testing/accuracy.h"
#include "testing/run_cli.h"
#include "testing/schema_validator.h"

namespace raingan {
namespace {

using testing::AccuracyReport;
using testing::ReadJsonFile;
using testing::RunRaingan;
using testing::SourcePath;
using testing::TestDataPath;

struct SampleCase {
  std::string id;
  double min_recall;
  double min_accuracy;
};

// Readable test names in ctest and failure messages.
void PrintTo(const SampleCase& c, std::ostream* os) { *os << c.id; }

class TextSampleTest : public ::testing::TestWithParam<SampleCase> {};

TEST_P(TextSampleTest, MatchesGoldAndSchema) {
  const SampleCase& c = GetParam();
  testing::CommandResult r =
      RunRaingan({"extract", SourcePath("samples/" + c.id + ".txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json out = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(out.is_discarded()) << "output is not JSON";

  std::vector<std::string> errors =
      testing::SchemaValidator::ForOutput().Validate(out);
  EXPECT_TRUE(errors.empty()) << errors.front();

  AccuracyReport report = testing::ScoreAgainstGold(
      ReadJsonFile(TestDataPath("gold/" + c.id + ".json")), out);
  EXPECT_GE(report.recall, c.min_recall) << report.Summary();
  EXPECT_GE(report.field_accuracy, c.min_accuracy) << report.Summary();
  for (const auto& [fact, ok] : report.document) {
    EXPECT_TRUE(ok) << "document " << fact << "\n" << report.Summary();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Samples, TextSampleTest,
    ::testing::Values(SampleCase{"000_3cee52bff17396b4", 1.0, 0.97},
                      SampleCase{"002_f81f378ca2341cd5", 1.0, 0.97}),
    [](const auto& info) { return "s" + info.param.id.substr(0, 3); });

}  // namespace
}  // namespace raingan
