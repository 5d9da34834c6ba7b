// No output raingan produces for the samples contains a Private-Use-Area
// code point, a split SARA AM (ํ + า), a U+FFFD or leftover HTML: whatever
// the input format, text reaches users repaired.
#include <gtest/gtest.h>

#include "regex/regex.h"
#include "testing/run_cli.h"
#include "textnorm/text_stats.h"

namespace raingan {
namespace {

class OutputTextQualityTest : public ::testing::TestWithParam<std::string> {};

TEST_P(OutputTextQualityTest, NoPuaNoSplitSaraAmNoHtml) {
  testing::CommandResult r =
      testing::RunRaingan({"extract", testing::SourcePath(GetParam())});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  textnorm::TextStats st = textnorm::CountTextIssues(r.out);
  EXPECT_EQ(st.pua, 0);
  EXPECT_EQ(st.split_sara_am, 0);
  EXPECT_EQ(st.replacement, 0);
  EXPECT_EQ(st.control, 0);
  static const Regex kTag(
      R"(</?(?:p|br|li|ol|ul|div|span)\b[^>]*>|&(?:amp|nbsp|lt|gt);)");
  RegexMatch m;
  EXPECT_FALSE(kTag.PartialMatch(r.out, &m)) << "HTML left: " << m.groups[0];
}

INSTANTIATE_TEST_SUITE_P(
    Samples, OutputTextQualityTest,
    ::testing::Values("samples/000_3cee52bff17396b4.txt",
                      "samples/002_f81f378ca2341cd5.txt",
                      "samples/004_4a7e64d5c0343923.txt",
                      "samples/000_3cee52bff17396b4.born.pdf",
                      "samples/002_f81f378ca2341cd5.born.pdf",
                      "samples/004_4a7e64d5c0343923.born.pdf"),
    [](const auto& info) {
      std::string name =
          info.param.substr(8, 3) +
          (info.param.find(".pdf") != std::string::npos ? "_pdf" : "_txt");
      return name;
    });

}  // namespace
}  // namespace raingan
