#include "batch/inputs.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "testing/run_cli.h"

namespace raingan::batch {
namespace {

namespace fs = std::filesystem;

class InputsTest : public ::testing::Test {
 protected:
  void SetUp() override { root_ = testing::MakeTempDir(); }
  void TearDown() override { fs::remove_all(root_); }

  std::string Touch(const std::string& relative) {
    fs::path p = fs::path(root_) / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << "x";
    return p.string();
  }

  std::string root_;
};

TEST_F(InputsTest, WalksDirectoriesRecursivelyInSortedOrder) {
  Touch("b/report.pdf");
  Touch("a/2566/scan.JPG");
  Touch("a/memo.txt");
  Touch("c.tiff");
  Result<InputList> list = CollectInputs({{root_}, {}, ""});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->paths, (std::vector<std::string>{
                             root_ + "/a/2566/scan.JPG", root_ + "/a/memo.txt",
                             root_ + "/b/report.pdf", root_ + "/c.tiff"}));
}

TEST_F(InputsTest, SkipsHiddenAndNonDocumentFilesInDirectories) {
  Touch("report.pdf");
  Touch(".hidden.pdf");
  Touch(".git/objects/x.txt");
  Touch("notes.docx");
  Touch("data.json");
  Result<InputList> list = CollectInputs({{root_}, {}, ""});
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->paths, std::vector<std::string>{root_ + "/report.pdf"});
  EXPECT_EQ(list->ignored, 2);
  EXPECT_FALSE(list->ignored_example.empty());
}

TEST_F(InputsTest, TakesNamedFilesWhateverTheirExtension) {
  std::string odd = Touch("export.dat");
  Result<InputList> list = CollectInputs({{odd}, {}, ""});
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->paths, std::vector<std::string>{odd});
}

TEST_F(InputsTest, NeverWalksIntoTheOutputDirectory) {
  Touch("in/report.pdf");
  Touch("in/out/documents/old.txt");
  Result<InputList> list =
      CollectInputs({{root_ + "/in"}, {}, root_ + "/in/out"});
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->paths, std::vector<std::string>{root_ + "/in/report.pdf"});
}

TEST_F(InputsTest, KeepsArgumentOrderAndDropsDuplicates) {
  std::string b = Touch("b.txt");
  std::string a = Touch("a.txt");
  Result<InputList> list =
      CollectInputs({{b, root_, root_ + "/./a.txt"}, {}, ""});
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->paths, (std::vector<std::string>{b, a}));
}

TEST_F(InputsTest, ReadsManifestsSkippingCommentsAndBlankLines) {
  std::string a = Touch("x/a.pdf");
  std::string b = Touch("y/b.png");
  std::string manifest = root_ + "/list.txt";
  std::ofstream(manifest) << "# province archive\n"
                          << a << "\r\n\n"
                          << "  " << root_ << "/y  \n";
  Result<InputList> list = CollectInputs({{}, {manifest}, ""});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->paths, (std::vector<std::string>{a, b}));
}

TEST_F(InputsTest, MissingPathStopsWithItsNameAndManifestLine) {
  Touch("a.pdf");
  std::string manifest = root_ + "/list.txt";
  std::ofstream(manifest) << root_ << "/a.pdf\n" << root_ << "/typo.pdf\n";
  Result<InputList> list = CollectInputs({{}, {manifest}, ""});
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.status().code(), Status::Code::kNotFound);
  EXPECT_NE(list.status().message().find("list.txt:2: "), std::string::npos)
      << list.status().message();
  EXPECT_NE(list.status().message().find("typo.pdf"), std::string::npos);

  list = CollectInputs({{root_ + "/nope"}, {}, ""});
  ASSERT_FALSE(list.ok());
  EXPECT_NE(list.status().message().find("nope"), std::string::npos);
  EXPECT_FALSE(CollectInputs({{}, {root_ + "/no-list"}, ""}).ok());
}

TEST(NormalizePath, IsLexical) {
  EXPECT_EQ(NormalizePath("./a//b/../c.pdf"), "a/c.pdf");
  EXPECT_EQ(NormalizePath("samples/"), "samples");
  EXPECT_EQ(NormalizePath("/"), "/");
  EXPECT_EQ(NormalizePath(""), "");
}

TEST(HasDocumentExtension, KnowsTextPdfAndImages) {
  for (const char* p :
       {"a.txt", "a.MD", "x/y.pdf", "s.Jpeg", "t.tif", "p.png", "q.pgm"}) {
    EXPECT_TRUE(HasDocumentExtension(p)) << p;
  }
  for (const char* p :
       {"a.docx", "a.json", "README", "dir.pdf/file", "a.pdf.bak"}) {
    EXPECT_FALSE(HasDocumentExtension(p)) << p;
  }
}

}  // namespace
}  // namespace raingan::batch
