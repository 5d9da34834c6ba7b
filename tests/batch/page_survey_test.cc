#include "batch/page_survey.h"

#include <gtest/gtest.h>

#include "testing/run_cli.h"

namespace raingan::batch {
namespace {

using testing::SourcePath;
using testing::TestDataPath;

TEST(CountPages, CountsPdfPagesAndCallsImagesOnePage) {
  EXPECT_EQ(CountPages(TestDataPath("pdf/000_p7-9.pdf")), 3);
  EXPECT_EQ(CountPages(TestDataPath("pdf/000_p8_scan100.jpg")), 1);
  EXPECT_EQ(CountPages(SourcePath("samples/000_3cee52bff17396b4.txt")), -1);
}

TEST(CountPages, BadFilesAreUnknownNotErrors) {
  EXPECT_EQ(CountPages(TestDataPath("pdf/encrypted.pdf")), -1);
  EXPECT_EQ(CountPages(TestDataPath("pdf/truncated.pdf")), -1);
  EXPECT_EQ(CountPages(TestDataPath("pdf/empty.pdf")), -1);
  EXPECT_EQ(CountPages("/no/such/file.pdf"), -1);
}

TEST(PageSurvey, CountsEveryInputInAChildProcess) {
  std::vector<std::string> paths = {
      TestDataPath("pdf/002_p1-3.pdf"), TestDataPath("pdf/truncated.pdf"),
      SourcePath("samples/002_f81f378ca2341cd5.txt"),
      TestDataPath("pdf/000_p7-9.pdf")};
  ProcessPool pool;
  PageSurvey survey(paths, 0);
  EXPECT_EQ(survey.pages(0), PageSurvey::kNotCounted);
  ASSERT_TRUE(survey.Start(&pool).ok());
  for (int i = 0; i < 300 && pool.running() > 0; ++i) {
    for (const ChildExit& e : pool.Wait(0.1)) {
      EXPECT_TRUE(survey.OnExit(e, &pool));
    }
    survey.Collect();
  }
  ASSERT_TRUE(survey.finished());
  EXPECT_EQ(survey.pages(0), 3);
  EXPECT_EQ(survey.pages(1), -1);
  EXPECT_EQ(survey.pages(2), -1);
  EXPECT_EQ(survey.pages(3), 3);
}

TEST(PageSurvey, OtherChildrenAreNotItsBusiness) {
  ProcessPool pool;
  PageSurvey survey({}, 0);
  ChildExit e;
  e.id = 42;
  EXPECT_FALSE(survey.OnExit(e, &pool));
  EXPECT_TRUE(survey.finished());
}

}  // namespace
}  // namespace raingan::batch
