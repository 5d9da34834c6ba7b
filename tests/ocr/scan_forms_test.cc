// End to end on the forms scans arrive in (tests/data/scans, made by
// make_scans.py with a seed of their own from pages 3-4 of sample 002: one
// measure cut by the page break, header and measure repeated on page 4).
// Each form must reach what the scan issue asks of it, and say what was
// done to the page.
#include <gtest/gtest.h>

#include <string>

#include "testing/accuracy.h"
#include "testing/run_cli.h"

namespace raingan {
namespace {

using testing::RunRaingan;
using testing::TestDataPath;

struct Form {
  const char* name;
  double min_field_accuracy;  // what issue 12 asks of the form
  const char* warning;        // a page warning the form must give, or ""
};

class ScanFormTest : public ::testing::TestWithParam<Form> {};

bool Warned(const nlohmann::json& out, const std::string& what) {
  for (const nlohmann::json& w : out["warnings"]) {
    if (w.get<std::string>().find(what) != std::string::npos) return true;
  }
  return false;
}

TEST_P(ScanFormTest, ReadsTheRecordAcrossTheBreak) {
  const Form& form = GetParam();
  testing::CommandResult r =
      RunRaingan({"extract", TestDataPath(std::string("scans/002_p3-4.") +
                                          form.name + ".pdf")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json out = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(out.is_discarded()) << "output is not JSON";
  testing::AccuracyReport report = testing::ScoreAgainstGold(
      testing::ReadJsonFile(TestDataPath("ocr/002_p3-4.gold.json")), out);
  EXPECT_GE(report.recall, 1.0) << report.Summary();
  EXPECT_GE(report.precision, 1.0) << report.Summary();
  EXPECT_GE(report.field_accuracy, form.min_field_accuracy) << report.Summary();
  if (*form.warning != '\0') {
    EXPECT_TRUE(Warned(out, form.warning)) << out["warnings"].dump();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Forms, ScanFormTest,
    ::testing::Values(Form{"noisy200", 0.85, ""}, Form{"bilevel", 0.85, ""},
                      Form{"rotated", 0.9, "turned 180°"},
                      Form{"photo", 0.8, "photographed sheet"}),
    [](const auto& info) { return std::string(info.param.name); });

// Pages 6-7 of the frame-only Loma 13 variant as a 1-bit copy: a frame
// and column lines but no rule between the rows, the header cut by the
// page break in its letter-wrapped labels, cells centred. The one ruled
// "row" takes its rows from the alignment (layout/ruled_and_aligned.h), as
// the printed PDF does; before, each column was one cell and the document
// had no records.
TEST(ScanFormTest, ColumnLinesWithoutRowRulesAreReadAsRows) {
  testing::CommandResult r =
      RunRaingan({"extract", TestDataPath("scans/000_frame_p6-7.bilevel.pdf")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json out = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(out.is_discarded()) << "output is not JSON";
  testing::AccuracyReport report = testing::ScoreAgainstGold(
      testing::ReadJsonFile(TestDataPath("ocr/000_frame_p6-7.gold.json")), out);
  EXPECT_GE(report.recall, 1.0) << report.Summary();
  EXPECT_GE(report.precision, 1.0) << report.Summary();
  // 0.84 measured: the narrow period cells' digits are what OCR misreads.
  EXPECT_GE(report.field_accuracy, 0.8) << report.Summary();
}

// A phone photo of a desk, not of a page: no records. Nothing was read,
// so the document failed (CONTRACT.md: exit 1, no JSON) and says why.
TEST(ScanFormTest, APhotoOfSomethingElseGivesNoRecords) {
  testing::CommandResult r =
      RunRaingan({"extract", TestDataPath("scans/desk.photo.pdf")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("desk.photo.pdf"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("not a page of a document"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace raingan
