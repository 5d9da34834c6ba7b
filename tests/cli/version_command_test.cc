// `raingan version`: what a bug report needs to say which libraries ran.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "image/image.h"
#include "ocr/engine.h"
#include "pdf/pdf_document.h"
#include "testing/run_cli.h"
#include "unicode/icu.h"

namespace raingan {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::StartsWith;

TEST(VersionCommandTest, NamesEveryLibraryWithTheVersionItReports) {
  testing::CommandResult r = testing::RunRaingan({"version"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("raingan " RAINGAN_VERSION "\n"));
  // Each line is what the library says of itself at run time.
  EXPECT_THAT(r.out, HasSubstr("\npoppler " + pdf::PopplerVersion() + "\n"));
  EXPECT_THAT(r.out, HasSubstr("\ntesseract " + ocr::Engine::Version() + "\n"));
  EXPECT_THAT(r.out, HasSubstr("\nleptonica " + image::LeptonicaVersion()));
  EXPECT_THAT(r.out, HasSubstr("\nicu " + unicode::IcuVersion() + " (Unicode " +
                               unicode::IcuUnicodeVersion()));
  // The Thai data Tesseract loads: its file and the version it records.
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      r.out, m,
      std::regex("\n  tha data: (/[^ \n]+\\.traineddata) \\(([^)]+)\\)")))
      << r.out;
  EXPECT_TRUE(std::filesystem::exists(m[1].str())) << m[1];
  EXPECT_THAT(m[2].str(), HasSubstr(":tha:"));
}

TEST(VersionCommandTest, WrappersReportVersionNumbers) {
  for (const std::string& v : {pdf::PopplerVersion(), ocr::Engine::Version(),
                               image::LeptonicaVersion(), unicode::IcuVersion(),
                               unicode::IcuUnicodeVersion()}) {
    EXPECT_THAT(v, MatchesRegex("[0-9]+\\.[0-9]+.*")) << v;
  }
  EXPECT_THAT(image::ImageCodecVersions(), HasSubstr("libjpeg"));
  EXPECT_THAT(image::ImageCodecVersions(), HasSubstr("libpng"));
  EXPECT_THAT(image::ImageCodecVersions(), HasSubstr("libtiff"));
}

TEST(VersionCommandTest, MissingLanguageDataIsNotFound) {
  Result<ocr::Engine::LanguageData> data =
      ocr::Engine::FindLanguageData("xyz-not-a-language");
  ASSERT_FALSE(data.ok());
  EXPECT_EQ(data.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace raingan
