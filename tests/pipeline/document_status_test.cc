#include "pipeline/document_status.h"

#include <gtest/gtest.h>

namespace raingan {
namespace {

Page TextPage(int number, const std::string& text, double confidence = 1.0,
              bool ocr = false) {
  Page page;
  page.number = number;
  page.ocr = ocr;
  Paragraph p;
  p.text = text;
  p.confidence = confidence;
  page.blocks.push_back(Block::MakeParagraph(p));
  return page;
}

Page ImagePage(int number, const std::string& reason) {
  Page page;
  page.number = number;
  page.quality.needs_ocr = true;
  page.quality.reason = reason;
  return page;
}

Page TablePage(int number, const std::string& cell_text) {
  Page page;
  page.number = number;
  Table t;
  t.columns = 1;
  TableRow row;
  Cell cell;
  Paragraph p;
  p.text = cell_text;
  cell.paragraphs.push_back(p);
  row.cells.push_back(cell);
  t.rows.push_back(row);
  page.blocks.push_back(Block::MakeTable(t));
  return page;
}

TEST(DocStatus, NamesRoundTrip) {
  for (DocStatus s :
       {DocStatus::kOk, DocStatus::kPartial, DocStatus::kFailed}) {
    EXPECT_EQ(ParseDocStatus(DocStatusName(s)), s);
  }
  EXPECT_FALSE(ParseDocStatus("done").has_value());
}

TEST(Classify, EveryPageReadIsOk) {
  Document doc;
  doc.pages = {TextPage(1, "บันทึกข้อความ"), TablePage(2, "มาตรการ")};
  Classification c = Classify(doc, true);
  EXPECT_EQ(c.status, DocStatus::kOk);
  EXPECT_EQ(c.reason, "");
}

TEST(Classify, BlankPagesDoNotMakeADocumentPartial) {
  Document doc;
  Page blank;
  blank.number = 2;
  blank.ocr = true;
  doc.pages = {TextPage(1, "รายงาน", 0.93, true), blank};
  EXPECT_EQ(Classify(doc, true).status, DocStatus::kOk);
}

TEST(Classify, UnreadPagesMakeItPartialWithCountAndFirstReason) {
  Document doc;
  doc.pages = {TextPage(1, "รายงาน"), ImagePage(2, "no text layer"),
               ImagePage(3, "no text layer"), TextPage(4, "ผล")};
  Classification c = Classify(doc, /*ocr_allowed=*/false);
  EXPECT_EQ(c.status, DocStatus::kPartial);
  EXPECT_EQ(c.reason,
            "2 of 4 pages were not read (page 2: no text layer; OCR is off)");
  c = Classify(doc, /*ocr_allowed=*/true);
  EXPECT_NE(c.reason.find("OCR could not read it"), std::string::npos);
  doc.pages.pop_back();
  doc.pages.erase(doc.pages.begin() + 2);
  EXPECT_EQ(Classify(doc, false).reason,
            "1 of 2 pages was not read (page 2: no text layer; OCR is off)");
}

TEST(Classify, IllegibleOcrCountsAsUnread) {
  Document doc;
  doc.pages = {TextPage(1, "รายงาน", 0.92, true),
               TextPage(2, "il isl en x", 0.35, true)};
  Classification c = Classify(doc, true);
  EXPECT_EQ(c.status, DocStatus::kPartial);
  EXPECT_NE(c.reason.find("page 2: OCR found no legible text (confidence "
                          "0.35)"),
            std::string::npos)
      << c.reason;
  // Low confidence only matters for OCR text; a text layer is exact.
  doc.pages[1].ocr = false;
  EXPECT_EQ(Classify(doc, true).status, DocStatus::kOk);
}

TEST(Classify, NothingReadFails) {
  Document scan;
  scan.pages = {ImagePage(1, "no text layer"), ImagePage(2, "no text layer")};
  Classification c = Classify(scan, false);
  EXPECT_EQ(c.status, DocStatus::kFailed);
  EXPECT_EQ(c.reason,
            "none of the 2 pages could be read (page 1: no text layer; OCR "
            "is off)");

  Document noise;
  noise.pages = {TextPage(1, "oe |", 0.45, true)};
  c = Classify(noise, true);
  EXPECT_EQ(c.status, DocStatus::kFailed);
  EXPECT_EQ(c.reason.rfind("the page could not be read (page 1: OCR", 0), 0u)
      << c.reason;

  Document empty;
  empty.pages = {Page{}};
  c = Classify(empty, true);
  EXPECT_EQ(c.status, DocStatus::kFailed);
  EXPECT_EQ(c.reason, "no text was found in the document");

  // What OCR said about the page is the reason's second half.
  empty.issues = {Issue{"ocr", 1, "no_readable_text",
                        "page 1: no readable text: not a page of a document"}};
  c = Classify(empty, true);
  EXPECT_EQ(c.status, DocStatus::kFailed);
  EXPECT_EQ(c.reason,
            "no text was found in the document: page 1: no readable text: "
            "not a page of a document");
}

TEST(Classify, UnpagedTextExportsAreLabelledAsText) {
  Document doc;
  doc.pages = {ImagePage(0, "unreadable")};
  EXPECT_EQ(Classify(doc, true).reason,
            "the page could not be read (text: unreadable; OCR could not "
            "read it)");
}

}  // namespace
}  // namespace raingan
