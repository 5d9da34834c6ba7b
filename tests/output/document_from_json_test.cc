// A document JSON back in the model (output/document_from_json.h): every measure of the
// samples — text exports, born PDFs and an OCRed scan — comes back such
// that writing it again gives the very line the batch wrote. This is what
// keeps a corrected document's other fields intact.
#include "output/document_from_json.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/file.h"
#include "output/json_writer.h"
#include "testing/run_cli.h"

namespace raingan {
namespace {

namespace fs = std::filesystem;

TEST(DocumentFromJsonTest, MeasuresRoundTripExactly) {
  std::string dir = testing::MakeTempDir();
  testing::CommandResult r = testing::RunRaingan(
      {"batch", testing::SourcePath("samples/000_3cee52bff17396b4.txt"),
       testing::SourcePath("samples/004_4a7e64d5c0343923.born.pdf"),
       testing::TestDataPath("ocr/000_p8-9.scan.pdf"),
       testing::TestDataPath("serve/review_sample.txt"), "--out", dir,
       "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::ifstream merged(dir + "/measures.jsonl");
  std::vector<std::string> expected;
  for (std::string line; std::getline(merged, line);) expected.push_back(line);
  std::vector<std::string> written;
  bool saw_ocr = false;
  std::ifstream results(dir + "/results.jsonl");
  for (std::string line; std::getline(results, line);) {
    BatchResult record = BatchResultFromJson(line).value();
    Result<ReadDocument> read =
        DocumentFromJson(ReadFile(dir + "/" + record.output).value());
    ASSERT_TRUE(read.ok()) << record.output << ": " << read.status().message();
    // The review stage ends every pipeline: each record says what to check.
    EXPECT_TRUE(read->has_review);
    for (const Measure& m : read->doc.measures) {
      written.push_back(MeasureToJsonLine(read->doc, m));
      saw_ocr = saw_ocr || !m.field_confidence.empty();
    }
  }
  EXPECT_TRUE(saw_ocr);
  EXPECT_GT(written.size(), 50u);
  EXPECT_EQ(written, expected);
  fs::remove_all(dir);
}

TEST(DocumentFromJsonTest, ReadsTheReviewListWhenPresent) {
  Result<ReadDocument> read = DocumentFromJson(R"({
    "schema_version": "1",
    "source": {"path": "a.pdf", "sha256": "x", "format": "pdf", "pages": 2},
    "document": {"kind": "ita_report", "title": null,
                 "organization": {"name": null, "district": null, "province": null},
                 "fiscal_year": {"be": 2568, "be_end": 2568}},
    "status": "partial",
    "measures": [{"id": "1", "measure": "m", "method": [], "owner": [],
                  "period": {"text": null, "start": null, "end": null, "fiscal_years": []},
                  "output": [], "outcome": [], "confidence": 0.5,
                  "provenance": {"page": 1, "line": null, "table": 1, "row": 1, "bbox": null},
                  "review": [{"field": "period", "reason": "month name not recognized"}],
                  "warnings": []},
                 {"id": "2", "measure": "n", "method": [], "owner": [],
                  "period": {"text": null, "start": null, "end": null, "fiscal_years": []},
                  "output": [], "outcome": [], "confidence": 1, "review": [],
                  "provenance": {"page": 1, "line": null, "table": 1, "row": 2, "bbox": null},
                  "warnings": []}],
    "warnings": []})");
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_TRUE(read->has_review);
  EXPECT_EQ(read->status, "partial");
  ASSERT_EQ(read->review.size(), 2u);
  EXPECT_EQ(read->review[0][0].reason, "month name not recognized");
  EXPECT_TRUE(read->review[1].empty());
  EXPECT_EQ(read->doc.source.format, SourceFormat::kPdf);
  EXPECT_EQ(read->doc.info.fiscal_year.be, 2568);
}

TEST(DocumentFromJsonTest, BadDocumentsAreErrorsNamingTheKey) {
  for (const char* text : {"", "[1]", "not json {", "{\"measures\": []}"}) {
    Result<ReadDocument> read = DocumentFromJson(text);
    ASSERT_FALSE(read.ok()) << text;
    EXPECT_EQ(read.status().code(), Status::Code::kBadInput);
  }
  std::string doc = testing::RunRaingan(
      {"extract", testing::SourcePath("samples/000_3cee52bff17396b4.txt")}).out;
  ASSERT_TRUE(DocumentFromJson(doc).ok());
  size_t owner = doc.find("\"owner\": [");
  ASSERT_NE(owner, std::string::npos);
  doc.replace(owner, 10, "\"owner\": 5, \"x\": [");
  Result<ReadDocument> read = DocumentFromJson(doc);
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.status().message().find("measures[0].owner"), std::string::npos)
      << read.status().message();
}

}  // namespace
}  // namespace raingan
