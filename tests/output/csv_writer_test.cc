// measures.csv as spreadsheets read it: the tests parse the output with an
// RFC 4180 reader and check what a user would see in each cell.
#include "output/csv_writer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace raingan {
namespace {

// RFC 4180 reader: rows of fields; CRLF ends a row outside quotes.
std::vector<std::vector<std::string>> ParseCsv(std::string_view text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
      ++i;
    } else {
      field.push_back(c);
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

Document SampleDocument() {
  Document doc;
  doc.source.path = "archive/2568/ยางราก.pdf";
  doc.source.sha256 = std::string(64, 'a');
  doc.info.kind = DocumentKind::kItaReport;
  doc.info.organization.name = "องค์การบริหารส่วนตำบลยางราก";
  doc.info.organization.province = "ลพบุรี";
  doc.info.fiscal_year = {2568, 2568};
  return doc;
}

Measure SampleMeasure() {
  Measure m;
  m.id = "1.1";
  m.measure = "จัดทำคู่มือ, \"ฉบับปรับปรุง\"";
  m.method = {"ประชุมชี้แจง", "-ติดประกาศ"};
  m.owner = {"สำนักปลัด"};
  m.period.text = "ต.ค. ๖๗ - ก.ย. ๖๘";
  m.period.start = Date{2024, 10, 1};
  m.period.end = Date{2025, 9, 30};
  m.prov.page = 8;
  m.confidence = 0.9123;
  return m;
}

size_t Column(const std::vector<std::string>& header, const std::string& name) {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return i;
  }
  ADD_FAILURE() << "no column " << name;
  return 0;
}

TEST(MeasuresCsv, StartsWithBomAndHeaderRow) {
  std::string header = MeasuresCsvHeader();
  ASSERT_EQ(header.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(header.substr(header.size() - 2), "\r\n");
  std::vector<std::vector<std::string>> rows = ParseCsv(header.substr(3));
  ASSERT_EQ(rows.size(), 1u);
  for (const char* name :
       {"source_path", "organization", "province", "fiscal_year", "measure",
        "method", "period_start"}) {
    Column(rows[0], name);
  }
}

TEST(MeasuresCsv, RowHasOneCellPerColumnWithDocumentFields) {
  std::string csv = MeasuresCsvHeader().substr(3) +
                    MeasureToCsvRow(SampleDocument(), SampleMeasure());
  std::vector<std::vector<std::string>> rows = ParseCsv(csv);
  ASSERT_EQ(rows.size(), 2u);
  const std::vector<std::string>& header = rows[0];
  const std::vector<std::string>& row = rows[1];
  ASSERT_EQ(row.size(), header.size());
  EXPECT_EQ(row[Column(header, "source_path")], "archive/2568/ยางราก.pdf");
  EXPECT_EQ(row[Column(header, "organization")], "องค์การบริหารส่วนตำบลยางราก");
  EXPECT_EQ(row[Column(header, "province")], "ลพบุรี");
  EXPECT_EQ(row[Column(header, "district")], "");  // unknown: empty cell
  EXPECT_EQ(row[Column(header, "fiscal_year")], "2568");
  EXPECT_EQ(row[Column(header, "document_kind")], "ita_report");
  EXPECT_EQ(row[Column(header, "measure_id")], "1.1");
  EXPECT_EQ(row[Column(header, "period_start")], "2024-10-01");
  EXPECT_EQ(row[Column(header, "period_end")], "2025-09-30");
  EXPECT_EQ(row[Column(header, "page")], "8");
  EXPECT_EQ(row[Column(header, "confidence")], "0.912");
  EXPECT_EQ(row[Column(header, "budget_baht")], "");
}

TEST(MeasuresCsv, QuotesCommasAndDoublesQuotes) {
  std::string row = MeasureToCsvRow(SampleDocument(), SampleMeasure());
  EXPECT_NE(row.find("\"จัดทำคู่มือ, \"\"ฉบับปรับปรุง\"\"\""), std::string::npos)
      << row;
}

TEST(MeasuresCsv, ListsAreLinesOfOneQuotedCell) {
  std::string row = MeasureToCsvRow(SampleDocument(), SampleMeasure());
  // The second item starts with '-', but only a cell's first character
  // can start a formula, so it is not guarded.
  EXPECT_NE(row.find("\"ประชุมชี้แจง\n-ติดประกาศ\""), std::string::npos) << row;
  // Lines inside cells are LF; rows end CRLF, and only there.
  EXPECT_EQ(row.find("\r\n"), row.size() - 2);
}

TEST(CsvTextField, GuardsFormulaStarts) {
  EXPECT_EQ(CsvTextField("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(CsvTextField("+66 2 123 4567"), "'+66 2 123 4567");
  EXPECT_EQ(CsvTextField("-ไม่มี-"), "'-ไม่มี-");
  EXPECT_EQ(CsvTextField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvTextField("\tx"), "'\tx");
}

TEST(CsvTextField, LeavesPlainTextAlone) {
  EXPECT_EQ(CsvTextField("สำนักปลัด"), "สำนักปลัด");
  EXPECT_EQ(CsvTextField("1.1"), "1.1");
  EXPECT_EQ(CsvTextField("a-b=c"), "a-b=c");
  EXPECT_EQ(CsvTextField(""), "");
}

TEST(CsvTextField, QuotesSurroundingSpacesAndLineBreaks) {
  EXPECT_EQ(CsvTextField(" x"), "\" x\"");
  EXPECT_EQ(CsvTextField("a\nb"), "\"a\nb\"");
  EXPECT_EQ(CsvTextField("a\"b"), "\"a\"\"b\"");
}

}  // namespace
}  // namespace raingan
