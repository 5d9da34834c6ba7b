// results.jsonl lines: written by raingan batch, read back when it resumes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "output/json_writer.h"

namespace raingan {
namespace {

BatchResult Sample() {
  BatchResult r;
  r.path = "archive/อบต/report.pdf";
  r.sha256 = std::string(64, 'b');
  r.status = "partial";
  r.error = "2 of 12 pages were not read";
  r.pages = 12;
  r.measures = 7;
  r.seconds = 3.25;
  r.output = "documents/report.pdf.0123abcd.json";
  r.settings = "raingan 0.1.0; pipeline default";
  return r;
}

TEST(BatchResultJson, IsOneLineWithTheDocumentedKeys) {
  std::string line = BatchResultToJsonLine(Sample());
  EXPECT_EQ(line.find('\n'), std::string::npos);
  nlohmann::json j = nlohmann::json::parse(line);
  for (const char* key : {"path", "sha256", "status", "error", "pages",
                          "measures", "seconds", "output"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["status"], "partial");
  EXPECT_EQ(j["pages"], 12);
}

TEST(BatchResultJson, UnknownValuesAreNull) {
  BatchResult r = Sample();
  r.error.clear();
  r.output.clear();
  r.pages = -1;
  nlohmann::json j = nlohmann::json::parse(BatchResultToJsonLine(r));
  EXPECT_TRUE(j["error"].is_null());
  EXPECT_TRUE(j["output"].is_null());
  EXPECT_TRUE(j["pages"].is_null());
}

TEST(BatchResultJson, RoundTrips) {
  for (BatchResult r : {Sample(), BatchResult{}}) {
    r.status = r.status.empty() ? "failed" : r.status;
    Result<BatchResult> back = BatchResultFromJson(BatchResultToJsonLine(r));
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(back->path, r.path);
    EXPECT_EQ(back->sha256, r.sha256);
    EXPECT_EQ(back->status, r.status);
    EXPECT_EQ(back->error, r.error);
    EXPECT_EQ(back->pages, r.pages);
    EXPECT_EQ(back->measures, r.measures);
    EXPECT_DOUBLE_EQ(back->seconds, r.seconds);
    EXPECT_EQ(back->output, r.output);
    EXPECT_EQ(back->settings, r.settings);
  }
}

TEST(BatchResultJson, RejectsTruncatedOrMistypedRecords) {
  std::string line = BatchResultToJsonLine(Sample());
  EXPECT_FALSE(BatchResultFromJson(line.substr(0, line.size() / 2)).ok());
  EXPECT_FALSE(BatchResultFromJson("").ok());
  EXPECT_FALSE(BatchResultFromJson("[1,2]").ok());
  nlohmann::json j = nlohmann::json::parse(line);
  j["measures"] = "7";
  EXPECT_FALSE(BatchResultFromJson(j.dump()).ok());
  j = nlohmann::json::parse(line);
  j.erase("sha256");
  EXPECT_FALSE(BatchResultFromJson(j.dump()).ok());
}

}  // namespace
}  // namespace raingan
