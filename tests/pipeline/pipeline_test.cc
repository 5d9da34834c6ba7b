// Pipeline files: a valid one makes its stages; every malformed one is an
// error that names the file and the reason, and never throws.
#include "pipeline/pipeline.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing/stages.h"

namespace raingan {
namespace {

using ::testing::HasSubstr;

Result<Pipeline> ParseText(const std::string& text) {
  return Pipeline::Parse(text, "pipelines/broken.json",
                         &testing::TestModelStore());
}

TEST(PipelineTest, AValidFileMakesItsStagesInOrder) {
  Result<Pipeline> p = ParseText(
      R"({"name": "mine", "description": "two stages",
          "stages": ["normalize", "measure_tables"]})");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->name(), "mine");
  EXPECT_EQ(p->stage_names(),
            (std::vector<std::string>{"normalize", "measure_tables"}));
}

TEST(PipelineTest, WithoutANameThePipelineIsCalledByItsFile) {
  Result<Pipeline> p = ParseText(R"({"stages": ["normalize"]})");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->name(), "pipelines/broken.json");
}

struct Malformed {
  const char* text;
  const char* reason;
};

// Each of these once threw out of nlohmann/json through main, or could.
TEST(PipelineTest, EveryMalformedFileIsAnErrorNamingFileAndReason) {
  const Malformed cases[] = {
      {"", "not valid JSON"},
      {"{", "not valid JSON"},
      {"{\"stages\": [\"normalize\"]} trailing", "not valid JSON"},
      {"\xff\xfe{}", "not valid JSON"},
      {"null", "\"stages\" array"},
      {"42", "\"stages\" array"},
      {"\"normalize\"", "\"stages\" array"},
      {"[\"normalize\"]", "\"stages\" array"},
      {"{}", "\"stages\" array"},
      {R"({"stages": null})", "\"stages\" array"},
      {R"({"stages": "normalize"})", "\"stages\" array"},
      {R"({"stages": {"normalize": true}})", "\"stages\" array"},
      {R"({"stages": []})", "has no stages"},
      {R"({"stages": [1]})", "every stage must be a string"},
      {R"({"stages": [null]})", "every stage must be a string"},
      {R"({"stages": [["normalize"]]})", "every stage must be a string"},
      {R"({"stages": [{"name": "normalize"}]})",
       "every stage must be a string"},
      {R"({"stages": ["normalize", "normalize"]})", "listed twice"},
      {R"({"stages": ["no_such_stage"]})", "unknown stage 'no_such_stage'"},
      {R"({"stages": [""]})", "unknown stage ''"},
      {R"({"name": 7, "stages": ["normalize"]})", "\"name\" must be a string"},
      {R"({"name": null, "stages": ["normalize"]})",
       "\"name\" must be a string"},
      {R"({"name": ["a"], "stages": ["normalize"]})",
       "\"name\" must be a string"},
      {R"({"description": {}, "stages": ["normalize"]})",
       "\"description\" must be a string"},
  };
  for (const Malformed& c : cases) {
    Result<Pipeline> p = ParseText(c.text);
    ASSERT_FALSE(p.ok()) << c.text;
    EXPECT_EQ(p.status().code(), Status::Code::kInvalidArgument) << c.text;
    EXPECT_THAT(p.status().message(), HasSubstr("pipelines/broken.json"))
        << c.text;
    EXPECT_THAT(p.status().message(), HasSubstr(c.reason)) << c.text;
  }
}

TEST(PipelineTest, AMissingFileNamesTheSpecAndThePath) {
  Result<Pipeline> p = Pipeline::Load("no-such-pipeline", "/nonexistent/dir",
                                      &testing::TestModelStore());
  ASSERT_FALSE(p.ok());
  EXPECT_THAT(p.status().message(),
              HasSubstr("/nonexistent/dir/no-such-pipeline.json"));
}

}  // namespace
}  // namespace raingan
