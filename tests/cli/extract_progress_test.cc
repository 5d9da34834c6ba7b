// `raingan extract` shows where it is on a terminal, and only there.
#include "cli/extract_progress.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "pipeline/extractor.h"
#include "testing/run_cli.h"

namespace raingan {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::TestDataPath;

constexpr char kErase[] = "\r\033[K";

// The lines a terminal was shown: what follows each "\r\033[K", non-empty.
std::vector<std::string> ProgressLines(const std::string& terminal) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while ((pos = terminal.find(kErase, pos)) != std::string::npos) {
    pos += sizeof(kErase) - 1;
    size_t end = std::min(terminal.find(kErase, pos), terminal.find('\n', pos));
    std::string line = terminal.substr(pos, end - pos);
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

TEST(ExtractProgressTest, LineSaysPagesReadOcredElapsedAndEta) {
  ExtractProgress p{18, 18, 18, 7};
  EXPECT_EQ(cli::ExtractProgressLine("scan.pdf", p, 21, 34),
            "raingan: scan.pdf: 18/18 pages read, 7/18 OCRed · 21s elapsed · "
            "ETA 34s");
  ExtractProgress reading{184, 40, 0, 0};
  EXPECT_EQ(cli::ExtractProgressLine("plan.pdf", reading, 1, -1),
            "raingan: plan.pdf: 40/184 pages read · 1s elapsed · ETA ?");
}

TEST(ExtractProgressTest, EtaFollowsThePhaseUnderWay) {
  // 4 of 10 pages OCRed in 20 s of OCR: 6 more at 5 s each.
  EXPECT_DOUBLE_EQ(cli::EstimateSecondsLeft({10, 10, 10, 4}, 20), 30);
  // Nothing OCRed yet: no rate to go by.
  EXPECT_LT(cli::EstimateSecondsLeft({10, 10, 10, 0}, 20), 0);
  // Before OCR: the rate of reading text layers.
  EXPECT_DOUBLE_EQ(cli::EstimateSecondsLeft({100, 25, 0, 0}, 1), 3);
}

TEST(ExtractProgressTest, DisabledDisplayWritesNothingAndHasNoCallback) {
  std::ostringstream out;
  {
    cli::ExtractProgressDisplay display(out, "x.pdf", /*enabled=*/false);
    EXPECT_FALSE(display.Callback());
  }
  EXPECT_EQ(out.str(), "");
}

TEST(ExtractProgressTest, ExtractorReportsEveryPageOfAScan) {
  std::vector<ExtractProgress> seen;
  ExtractOptions options;
  options.progress = [&](const ExtractProgress& p) { seen.push_back(p); };
  Result<Extractor> extractor = Extractor::Create(options);
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  Result<Document> doc =
      extractor->Extract(TestDataPath("ocr/mixed_born_scan.pdf"));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_FALSE(seen.empty());
  // Two pages: the text layer of both read, then the scanned one OCRed.
  EXPECT_EQ(seen.back().pages_total, 2);
  EXPECT_EQ(seen.back().pages_done, 2);
  EXPECT_EQ(seen.back().ocr_total, 1);
  EXPECT_EQ(seen.back().ocr_done, 1);
}

TEST(ExtractProgressTest, TerminalShowsProgressLinesThenErasesThem) {
  std::string dir = testing::MakeTempDir();
  testing::CommandResult r = testing::RunRainganOnTerminal(
      {"extract", TestDataPath("ocr/000_p8-9.scan.pdf"), "--jobs", "1", "-o",
       dir + "/out.json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = ProgressLines(r.err);
  ASSERT_GE(lines.size(), 2u) << r.err;
  EXPECT_THAT(lines.back(), HasSubstr("000_p8-9.scan.pdf: 2/2 pages read"));
  EXPECT_THAT(r.err, HasSubstr("0/2 OCRed"));
  EXPECT_THAT(r.err, HasSubstr("1/2 OCRed"));
  EXPECT_THAT(r.err, HasSubstr(" elapsed · ETA "));
  // Erased when done: the terminal ends with the erase, nothing after it.
  ASSERT_GE(r.err.size(), sizeof(kErase) - 1);
  EXPECT_EQ(r.err.substr(r.err.size() - (sizeof(kErase) - 1)), kErase);
  EXPECT_TRUE(testing::ReadJsonFile(dir + "/out.json").is_object());
}

TEST(ExtractProgressTest, QuietOnATerminalShowsNothing) {
  std::string dir = testing::MakeTempDir();
  testing::CommandResult r = testing::RunRainganOnTerminal(
      {"extract", TestDataPath("ocr/000_p8-9.scan.pdf"), "--quiet", "-o",
       dir + "/out.json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

TEST(ExtractProgressTest, NoTerminalNoProgress) {
  testing::CommandResult r =
      testing::RunRaingan({"extract", TestDataPath("ocr/000_p8-9.scan.pdf")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, Not(HasSubstr("OCRed")));
  EXPECT_THAT(r.err, Not(HasSubstr("\r")));
  EXPECT_THAT(r.out, HasSubstr("\"schema_version\""));
}

}  // namespace
}  // namespace raingan
