// Issue 20: small files that expand. Each hostile input is refused from its
// headers, in well under 2 s and 300 MB (measured on the child process:
// wall clock and getrusage's peak RSS), with a message naming the limit;
// a batch goes on past them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>

#include "batch/batch_test_util.h"
#include "testing/run_cli.h"

namespace raingan {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::RunRaingan;
using testing::TestDataPath;

// The bounds for any one hostile input.
constexpr double kMaxSeconds = 2.0;
constexpr long kMaxRssKb = 300 * 1024;

constexpr char kBombMessage[] =
    "the image is 40000×40000 px (1600 Mpx), over the 200 Mpx limit "
    "(--max-pixels)";

std::string Bomb(const std::string& name) {
  return TestDataPath("limits/" + name);
}

void ExpectCheap(const testing::CommandResult& r, const std::string& what) {
  EXPECT_LT(r.seconds, kMaxSeconds) << what;
  EXPECT_GT(r.max_rss_kb, 0) << what;
  EXPECT_LT(r.max_rss_kb, kMaxRssKb) << what;
}

// A little-endian TIFF of `pages` white 8 x 8 pages, all sharing one strip:
// 66 bytes a page.
std::string ManyPageTiff(int pages) {
  auto u16 = [](uint32_t v) {
    return std::string{static_cast<char>(v & 0xff),
                       static_cast<char>((v >> 8) & 0xff)};
  };
  auto u32 = [&](uint32_t v) { return u16(v & 0xffff) + u16(v >> 16); };
  auto entry = [&](int tag, int type, uint32_t value) {
    return u16(tag) + u16(type) + u32(1) + u32(value);
  };
  const uint32_t strip = 8;  // 8 rows of one byte, right after the header
  std::string tif = std::string("II*\0", 4) + u32(16) + std::string(8, '\0');
  const uint32_t dir_size = 2 + 5 * 12 + 4;
  for (int i = 0; i < pages; ++i) {
    uint32_t at = static_cast<uint32_t>(tif.size());
    tif += u16(5) + entry(256, 3, 8) + entry(257, 3, 8) +
           entry(262, 3, 0) +  // WhiteIsZero
           entry(273, 4, strip) + entry(279, 4, 8);
    tif += u32(i + 1 < pages ? at + dir_size : 0);
  }
  return tif;
}

class SizeLimitsTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::MakeTempDir(); }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& bytes) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  std::string dir_;
};

TEST_F(SizeLimitsTest, PixelBombsInPngJpegAndTiffFailFastNamingTheLimit) {
  for (const char* name :
       {"bomb_40000.png", "bomb_40000.jpg", "bomb_40000.tif"}) {
    const std::string path = Bomb(name);
    testing::CommandResult r = RunRaingan({"extract", path});
    EXPECT_EQ(r.exit_code, 1) << name << ": " << r.err;
    EXPECT_EQ(r.err, "raingan: " + path + ": " + kBombMessage + "\n");
    EXPECT_EQ(r.out, "") << name;
    ExpectCheap(r, name);
  }
}

TEST_F(SizeLimitsTest, PdfPagesOverTheLimitAreNotRenderedAndSaySo) {
  struct Case {
    const char* file;
    const char* warning;
  } cases[] = {
      {"bomb_image.pdf",
       "page 1: cannot rasterize the page: an image on the page is "
       "40000×40000 px (1600 Mpx), over the 200 Mpx limit (--max-pixels)"},
      {"huge_mediabox.pdf",
       "page 1: cannot rasterize the page: the page (14400×14400 pt) "
       "rendered at 300 dpi is 60000×60000 px (3600 Mpx), over the 200 Mpx "
       "limit (--max-pixels)"},
  };
  for (const Case& c : cases) {
    testing::CommandResult r = RunRaingan({"extract", Bomb(c.file)});
    // The page is not rendered; it is the file's only page, so nothing was
    // read: status failed, as a batch says, no JSON and the reason.
    EXPECT_EQ(r.exit_code, 1) << c.file << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << c.file;
    EXPECT_THAT(r.err, HasSubstr("the page could not be read")) << c.file;
    EXPECT_THAT(r.err, HasSubstr(std::string(c.warning).substr(8))) << c.file;
    ExpectCheap(r, c.file);
  }
}

TEST_F(SizeLimitsTest, ATiffOfThousandsOfPagesFailsNamingTheLimit) {
  const std::string path = Write("pages.tif", ManyPageTiff(5000));
  testing::CommandResult r = RunRaingan({"extract", path});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.err, "raingan: " + path +
                       ": the TIFF file has more than 2000 pages, over the "
                       "2000-page limit (--max-pages)\n");
  ExpectCheap(r, "5000-page TIFF");
}

TEST_F(SizeLimitsTest, TheLimitsAreOptions) {
  testing::CommandResult small =
      RunRaingan({"extract", TestDataPath("ocr/period_cell.png"),
                  "--max-pixels", "20000"});
  EXPECT_EQ(small.exit_code, 1);
  EXPECT_THAT(small.err, HasSubstr("over the 0.02 Mpx limit (--max-pixels)"));

  testing::CommandResult pages = RunRaingan(
      {"extract", TestDataPath("ocr/scan_pages.tif"), "--max-pages", "2"});
  EXPECT_EQ(pages.exit_code, 1);
  EXPECT_THAT(pages.err, HasSubstr("more than 2 pages, over the 2-page limit"));

  testing::CommandResult born = RunRaingan(
      {"extract", TestDataPath("pdf/000_p7-9.pdf"), "--max-pages", "2"});
  EXPECT_EQ(born.exit_code, 1);
  EXPECT_THAT(born.err, HasSubstr("the PDF has 3 pages, over the 2-page limit "
                                  "(--max-pages)"));

  // Millions may be written with M; nonsense is a usage error.
  EXPECT_EQ(RunRaingan({"extract", TestDataPath("pdf/000_p7-9.pdf"),
                        "--max-pixels", "1M"})
                .exit_code,
            0);
  for (const char* bad : {"0", "-5", "many", "12X"}) {
    testing::CommandResult r = RunRaingan(
        {"extract", TestDataPath("ocr/period_cell.png"), "--max-pixels", bad});
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_THAT(r.err, HasSubstr("--max-pixels")) << bad;
  }
  EXPECT_EQ(RunRaingan({"extract", "x.png", "--max-pages", "0"}).exit_code, 2);
}

TEST_F(SizeLimitsTest, ABatchGoesOnPastEveryBomb) {
  const std::string in = dir_ + "/in";
  fs::create_directories(in);
  for (const char* name : {"bomb_40000.png", "bomb_40000.jpg", "bomb_40000.tif",
                           "bomb_image.pdf"}) {
    fs::copy_file(Bomb(name), in + "/" + name);
  }
  std::ofstream(in + "/pages.tif", std::ios::binary) << ManyPageTiff(5000);
  fs::copy_file(TestDataPath("pdf/002_p1-3.pdf"), in + "/good.pdf");
  fs::copy_file(testing::SourcePath("samples/002_f81f378ca2341cd5.txt"),
                in + "/good.txt");

  testing::CommandResult r =
      RunRaingan({"batch", in, "--out", dir_ + "/out", "--jobs", "2"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  std::map<std::string, nlohmann::json> by_name;
  for (const nlohmann::json& line :
       batch_test::ReadJsonLines(dir_ + "/out/results.jsonl")) {
    by_name[fs::path(line["path"].get<std::string>()).filename()] = line;
  }
  ASSERT_EQ(by_name.size(), 7u) << r.err;
  for (const char* name : {"good.pdf", "good.txt"}) {
    EXPECT_EQ(by_name[name]["status"], "ok") << by_name[name].dump();
    EXPECT_GT(by_name[name]["measures"].get<int>(), 0) << name;
  }
  std::map<std::string, std::string> failed = {
      {"bomb_40000.png", kBombMessage},
      {"bomb_40000.jpg", kBombMessage},
      {"bomb_40000.tif", kBombMessage},
      {"bomb_image.pdf",
       "an image on the page is 40000×40000 px (1600 Mpx), "
       "over the 200 Mpx limit (--max-pixels)"},
      {"pages.tif", "over the 2000-page limit (--max-pages)"},
  };
  for (const auto& [name, reason] : failed) {
    const nlohmann::json& line = by_name[name];
    EXPECT_EQ(line["status"], "failed") << line.dump();
    EXPECT_THAT(line["error"].get<std::string>(), HasSubstr(reason)) << name;
    EXPECT_LT(line["seconds"].get<double>(), kMaxSeconds) << name;
  }
}

}  // namespace
}  // namespace raingan
