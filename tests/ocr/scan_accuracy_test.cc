// End to end on a real scan: `raingan extract` on two printed-and-scanned
// pages of sample 000 (tests/data/ocr/000_p8-9.scan.pdf) reaches the
// accuracy the OCR issue asks of whole scans (recall >= 0.9, field
// accuracy >= 0.85) against the hand-checked records of those pages, and
// reading the pages in parallel changes nothing.
#include <gtest/gtest.h>

#include "testing/accuracy.h"
#include "testing/run_cli.h"
#include "testing/schema_validator.h"

namespace raingan {
namespace {

using testing::RunRaingan;
using testing::TestDataPath;

nlohmann::json Extract(const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"extract",
                                   TestDataPath("ocr/000_p8-9.scan.pdf")};
  args.insert(args.end(), extra.begin(), extra.end());
  testing::CommandResult r = RunRaingan(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json out = nlohmann::json::parse(r.out, nullptr, false);
  EXPECT_FALSE(out.is_discarded()) << "output is not JSON";
  return out;
}

TEST(ScanAccuracyTest, TwoScannedPagesMatchGold) {
  nlohmann::json out = Extract({"--jobs", "2"});
  std::vector<std::string> errors =
      testing::SchemaValidator::ForOutput().Validate(out);
  EXPECT_TRUE(errors.empty()) << errors.front();
  testing::AccuracyReport report = testing::ScoreAgainstGold(
      testing::ReadJsonFile(TestDataPath("ocr/000_p8-9.gold.json")), out);
  EXPECT_GE(report.recall, 0.9) << report.Summary();
  EXPECT_GE(report.field_accuracy, 0.85) << report.Summary();
  // Every record carries the OCR confidence of its cells.
  for (const nlohmann::json& m : out["measures"]) {
    EXPECT_GT(m["confidence"].get<double>(), 0);
    EXPECT_LT(m["confidence"].get<double>(), 1);
    // ... and per field; the record's is the lowest of them.
    ASSERT_TRUE(m.contains("field_confidence")) << m.dump();
    double lowest = 1;
    for (const auto& [field, c] : m["field_confidence"].items()) {
      EXPECT_GT(c.get<double>(), 0) << field;
      EXPECT_LE(c.get<double>(), 1) << field;
      lowest = std::min(lowest, c.get<double>());
    }
    EXPECT_TRUE(m["field_confidence"].contains("measure")) << m.dump();
    EXPECT_LE(m["confidence"].get<double>(), lowest + 1e-9);
  }

  // One worker or two: the same document.
  nlohmann::json serial = Extract({"--jobs", "1"});
  EXPECT_EQ(serial["measures"], out["measures"]);
}

// Lower resolutions, from other scanners: pages 3-4 of sample 002 (one
// measure cut by the page break, the header and the measure repeated on
// page 4) printed from the born PDF and scanned at 200 dpi (rotated 2°)
// and 150 dpi (rotated 1°), with noise and JPEG. At 200 dpi the feet of a
// header line fuse into a run that once split the header row.
class LowResolutionScanTest : public ::testing::TestWithParam<const char*> {};

TEST_P(LowResolutionScanTest, OneRecordAcrossTheBreak) {
  testing::CommandResult r =
      RunRaingan({"extract", TestDataPath(std::string("ocr/") + GetParam())});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json out = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(out.is_discarded()) << "output is not JSON";
  testing::AccuracyReport report = testing::ScoreAgainstGold(
      testing::ReadJsonFile(TestDataPath("ocr/002_p3-4.gold.json")), out);
  EXPECT_GE(report.recall, 1.0) << report.Summary();
  EXPECT_GE(report.precision, 1.0) << report.Summary();
  EXPECT_GE(report.field_accuracy, 0.95) << report.Summary();
}

INSTANTIATE_TEST_SUITE_P(Dpi, LowResolutionScanTest,
                         ::testing::Values("002_p3-4.scan200.pdf",
                                           "002_p3-4.scan150.pdf"),
                         [](const auto& info) {
                           return std::string(info.param).find("200") !=
                                          std::string::npos
                                      ? "dpi200"
                                      : "dpi150";
                         });

// With OCR off nothing of a scan is read: the document's status is failed,
// as `batch` reports it (pipeline/document_status.h), so `extract` writes
// no JSON and says why, naming the file.
TEST(ScanAccuracyTest, NoOcrReadsNothingAndSaysSo) {
  const std::string path = TestDataPath("ocr/000_p8-9.scan.pdf");
  testing::CommandResult r = RunRaingan({"extract", path, "--no-ocr"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(r.err, "raingan: " + path +
                       ": none of the 2 pages could be read (page 1: no text "
                       "layer; the page is an image; OCR is off)\n");
}

}  // namespace
}  // namespace raingan
