// Issue: one thing a user should know about a document — a page that was
// not read, a budget total its lines do not add up to, a fiscal year taken
// from the periods. Never fatal: the document is still extracted.
//
// `code` is a short, stable snake_case id that programs (and raingan's own
// code) test for, never the message, whose wording may change:
//
//   stage        code                        what
//   pdf          pdf_message                 a message of the PDF library
//   pdf          page_unreadable             a page's content could not be read
//   pdf          vertical_text_skipped       rotated characters were not read
//   pdf, image   page_not_read               OCR was off or could not start
//   ocr          page_not_rendered           a page's raster could not be made
//   ocr          ocr_failed                  Tesseract failed on a page
//   ocr          blank_page                  a scanned page has no ink
//   ocr          no_readable_text            OCR found nothing legible
//   ocr          areas_skipped               pictures, stamps or noise left out
//   metadata     organization_not_found
//   metadata     fiscal_year_not_found
//   periods      fiscal_year_from_periods    the title has none: the periods'
//   periods      fiscal_year_overruled_by_periods  the periods outvoted the title's
//   review       table_no_records, records_missing, ocr_page_noise,
//                fiscal_year_disagrees       document checks: status partial
//   budget_table budget_mismatch             a total differs from its lines
//   budget_table budget_amounts_without_project
//   budget_table budget_project_without_name
//
// In JSON: "issues": [{"code", "stage", "page", "message"}], and the
// messages alone in "warnings" (schema/raingan-output.schema.json).
#ifndef RAINGAN_MODEL_ISSUE_H_
#define RAINGAN_MODEL_ISSUE_H_

#include <string>
#include <vector>

namespace raingan {

struct Issue {
  std::string stage;    // the stage or backend that found it
  int page = 0;         // 1-based page; 0 = not one page (JSON null)
  std::string code;     // see above
  std::string message;  // for people; the text of "warnings"
};

// The messages of `issues`, in order.
std::vector<std::string> IssueMessages(const std::vector<Issue>& issues);

}  // namespace raingan

#endif  // RAINGAN_MODEL_ISSUE_H_
