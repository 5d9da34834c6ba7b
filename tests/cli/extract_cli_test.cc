// The `extract` command as users meet it: exit codes, messages that name
// the file and the reason, atomic output, encodings, stdin.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "batch/batch_test_util.h"
#include "testing/run_cli.h"
#include "testing/schema_validator.h"

namespace raingan {
namespace {

using ::testing::HasSubstr;
using testing::RunRaingan;
using testing::SourcePath;
using testing::TestDataPath;

nlohmann::json Parse(const std::string& s) {
  return nlohmann::json::parse(s, nullptr, false);
}

TEST(ExtractCliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(RunRaingan({}).exit_code, 2);
  EXPECT_EQ(RunRaingan({"extract"}).exit_code, 2);
  testing::CommandResult r = RunRaingan({"extract", "--frobnicate", "x.txt"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--frobnicate"));
  EXPECT_EQ(RunRaingan({"nonsense"}).exit_code, 2);
}

TEST(ExtractCliTest, HelpDocumentsTheOptions) {
  testing::CommandResult r = RunRaingan({"extract", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* opt : {"-o", "--layout", "--pipeline", "--models", "--jobs",
                          "--no-ocr", "--force-ocr"}) {
    EXPECT_THAT(r.out, HasSubstr(opt));
  }
}

TEST(ExtractCliTest, MissingFileExitsOneNamingIt) {
  testing::CommandResult r = RunRaingan({"extract", "/nonexistent/report.txt"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("/nonexistent/report.txt"));
  EXPECT_THAT(r.err, HasSubstr("no such file"));
  EXPECT_TRUE(r.out.empty());
}

TEST(ExtractCliTest, EmptyAndGarbageInputsFailWithAReason) {
  for (const char* name : {"text/empty.txt", "text/garbage.txt"}) {
    std::string path = TestDataPath(name);
    testing::CommandResult r = RunRaingan({"extract", path});
    EXPECT_EQ(r.exit_code, 1) << name;
    EXPECT_THAT(r.err, HasSubstr(path));
    EXPECT_GT(r.err.size(), path.size() + 12) << "no reason given: " << r.err;
    EXPECT_TRUE(r.out.empty()) << name;
  }
}

TEST(ExtractCliTest, DirectoryIsRefused) {
  testing::CommandResult r = RunRaingan({"extract", TestDataPath("text")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("directory"));
}

TEST(ExtractCliTest, LegacyThaiAndUtf16AreDecoded) {
  for (const char* name :
       {"text/002_head_cp874.txt", "text/002_head_utf16.txt"}) {
    testing::CommandResult r = RunRaingan({"extract", TestDataPath(name)});
    ASSERT_EQ(r.exit_code, 0) << name << ": " << r.err;
    nlohmann::json out = Parse(r.out);
    ASSERT_FALSE(out["measures"].empty()) << name;
    EXPECT_EQ(out["measures"][0]["id"], "1") << name;
    EXPECT_THAT(out["measures"][0]["measure"].get<std::string>(),
                HasSubstr("การปรับปรุงระบบการทำงาน"));
    EXPECT_EQ(out["document"]["organization"]["name"],
              "องค์การบริหารส่วนตำบลหนองปากโลง");
  }
}

TEST(ExtractCliTest, ReadsStandardInput) {
  std::ifstream in(SourcePath("samples/002_f81f378ca2341cd5.txt"));
  std::string text((std::istreambuf_iterator<char>(in)), {});
  testing::CommandResult r = RunRaingan({"extract", "-"}, text);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json out = Parse(r.out);
  EXPECT_EQ(out["source"]["path"], "-");
  EXPECT_EQ(out["measures"].size(), 9u);
}

TEST(ExtractCliTest, OutputFileIsWrittenWholeOrNotAtAll) {
  std::string dir = testing::MakeTempDir();
  std::string out_path = dir + "/out.json";
  testing::CommandResult ok =
      RunRaingan({"extract", SourcePath("samples/000_3cee52bff17396b4.txt"),
                  "-o", out_path});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  nlohmann::json out = testing::ReadJsonFile(out_path);
  EXPECT_TRUE(testing::SchemaValidator::ForOutput().Validate(out).empty());

  // A failing input leaves no file behind, and never a partial one.
  std::string bad_out = dir + "/bad.json";
  testing::CommandResult bad =
      RunRaingan({"extract", TestDataPath("text/garbage.txt"), "-o", bad_out});
  EXPECT_EQ(bad.exit_code, 1);
  struct stat st;
  EXPECT_NE(stat(bad_out.c_str(), &st), 0);
  // An unwritable destination is reported, not crashed on.
  testing::CommandResult unwritable =
      RunRaingan({"extract", SourcePath("samples/000_3cee52bff17396b4.txt"),
                  "-o", dir + "/no/such/dir/out.json"});
  EXPECT_EQ(unwritable.exit_code, 1);
  EXPECT_THAT(unwritable.err, HasSubstr("no/such/dir"));
}

TEST(ExtractCliTest, BadPipelineFailsFastListingValidStages) {
  testing::CommandResult r =
      RunRaingan({"extract", SourcePath("samples/000_3cee52bff17396b4.txt"),
                  "--pipeline", TestDataPath("text/bad_stage.json")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("measure_tabels"));
  EXPECT_THAT(r.err, HasSubstr("measure_tables"));  // the list of valid ones
  testing::CommandResult missing =
      RunRaingan({"extract", SourcePath("samples/000_3cee52bff17396b4.txt"),
                  "--pipeline", "no-such-pipeline"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("no-such-pipeline"));
}

TEST(ExtractCliTest, LayoutDebugOutputHasBlocksWithProvenance) {
  testing::CommandResult r = RunRaingan(
      {"extract", SourcePath("samples/002_f81f378ca2341cd5.txt"), "--layout"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json out = Parse(r.out);
  const nlohmann::json& blocks = out["layout"]["pages"][0]["blocks"];
  ASSERT_FALSE(blocks.empty());
  bool saw_table = false;
  for (const auto& b : blocks) {
    if (b["type"] == "table") {
      saw_table = true;
      EXPECT_TRUE(b["line"].is_number_integer());
    }
  }
  EXPECT_TRUE(saw_table);
}

// The document status is the pipeline's (pipeline/document_status.h):
// `extract` reports what `batch` writes in results.jsonl — ok and partial
// with JSON ("status", "status_reason") and exit 0, failed with no JSON,
// the same reason on stderr and exit 1.
TEST(ExtractCliTest, StatusIsTheOneBatchReports) {
  struct Case {
    std::string path;
    const char* status;
  } cases[] = {
      {TestDataPath("pdf/002_p1-3.pdf"), "ok"},
      // Page 1 born-digital, page 2 a scan: with --no-ocr only page 1.
      {TestDataPath("ocr/mixed_born_scan.pdf"), "partial"},
      {TestDataPath("ocr/000_p8-9.scan.pdf"), "failed"},
  };
  const std::string dir = testing::MakeTempDir();
  std::vector<std::string> args = {"batch", "--out", dir + "/out", "--no-ocr"};
  for (const Case& c : cases) args.push_back(c.path);
  testing::CommandResult batch = RunRaingan(args);
  std::map<std::string, nlohmann::json> results;
  for (const nlohmann::json& line :
       batch_test::ReadJsonLines(dir + "/out/results.jsonl")) {
    results[line["path"]] = line;
  }
  ASSERT_EQ(results.size(), 3u) << batch.out << batch.err;

  for (const Case& c : cases) {
    const nlohmann::json& line = results[c.path];
    ASSERT_EQ(line["status"], c.status) << line.dump();
    testing::CommandResult r = RunRaingan({"extract", c.path, "--no-ocr"});
    if (std::string(c.status) == "failed") {
      EXPECT_EQ(r.exit_code, 1) << c.path;
      EXPECT_TRUE(r.out.empty()) << c.path;
      EXPECT_EQ(r.err, "raingan: " + c.path + ": " +
                           line["error"].get<std::string>() + "\n");
      continue;
    }
    EXPECT_EQ(r.exit_code, 0) << c.path << ": " << r.err;
    nlohmann::json doc = Parse(r.out);
    ASSERT_TRUE(doc.is_object()) << c.path;
    EXPECT_EQ(doc["status"], c.status) << c.path;
    std::vector<std::string> errors =
        testing::SchemaValidator::ForOutput().Validate(doc);
    EXPECT_TRUE(errors.empty()) << errors.front();
    if (std::string(c.status) == "ok") {
      EXPECT_TRUE(doc["status_reason"].is_null()) << c.path;
      EXPECT_TRUE(r.err.empty()) << r.err;
    } else {
      EXPECT_EQ(doc["status_reason"], line["error"]) << c.path;
      EXPECT_THAT(r.err, HasSubstr(line["error"].get<std::string>()));
      // The document's own JSON in the batch says the same.
      nlohmann::json batch_doc = testing::ReadJsonFile(
          dir + "/out/" + line["output"].get<std::string>());
      EXPECT_EQ(batch_doc["status"], doc["status"]);
      EXPECT_EQ(batch_doc["status_reason"], doc["status_reason"]);
      EXPECT_EQ(batch_doc["issues"], doc["issues"]);
      // Typed issues beside the warnings: the unread page is one.
      bool unread = false;
      for (const nlohmann::json& issue : doc["issues"]) {
        unread = unread || (issue["code"] == "page_not_read" &&
                            issue["page"] == 2 && issue["stage"] == "pdf");
      }
      EXPECT_TRUE(unread) << doc["issues"].dump();
      EXPECT_EQ(doc["warnings"].size(), doc["issues"].size());
    }
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace raingan
