#include "pipeline/document_status.h"

#include <cstdio>

#include "stages/review/document_checks.h"

namespace raingan {
namespace {

enum class PageState { kRead, kBlank, kUnread };

// Text length and confidence of a page's paragraphs, table cells included.
struct PageText {
  size_t chars = 0;
  double weighted_confidence = 0;

  void Add(const Paragraph& p) {
    chars += p.text.size();
    weighted_confidence += p.confidence * static_cast<double>(p.text.size());
  }
  double confidence() const {
    return chars == 0 ? 0 : weighted_confidence / static_cast<double>(chars);
  }
};

PageText TextOf(const Page& page) {
  PageText t;
  for (const Block& b : page.blocks) {
    if (b.type == BlockType::kParagraph) {
      t.Add(b.text);
      continue;
    }
    for (const TableRow& row : b.table.rows) {
      for (const Cell& cell : row.cells) {
        for (const Paragraph& p : cell.paragraphs) t.Add(p);
      }
    }
  }
  return t;
}

PageState StateOf(const Page& page, bool ocr_allowed, std::string* why) {
  if (page.quality.needs_ocr && !page.ocr) {
    *why = page.quality.reason.empty() ? "no usable text layer"
                                       : page.quality.reason;
    *why += ocr_allowed ? "; OCR could not read it" : "; OCR is off";
    return PageState::kUnread;
  }
  PageText text = TextOf(page);
  if (text.chars == 0) return PageState::kBlank;
  if (page.ocr && text.confidence() < kMinOcrConfidence) {
    char buf[96];
    std::snprintf(buf, sizeof(buf),
                  "OCR found no legible text (confidence %.2f)",
                  text.confidence());
    *why = buf;
    return PageState::kUnread;
  }
  return PageState::kRead;
}

std::string PageLabel(const Page& page) {
  return page.number > 0 ? "page " + std::to_string(page.number) : "text";
}

}  // namespace

Classification Classify(const Document& doc, bool ocr_allowed) {
  int read = 0, unread = 0;
  std::string first_why;
  const Page* first_unread = nullptr;
  for (const Page& page : doc.pages) {
    std::string why;
    switch (StateOf(page, ocr_allowed, &why)) {
      case PageState::kRead:
        ++read;
        break;
      case PageState::kBlank:
        break;
      case PageState::kUnread:
        if (unread++ == 0) {
          first_unread = &page;
          first_why = why;
        }
        break;
    }
  }
  const size_t pages = doc.pages.size();
  if (read == 0 && unread == 0) {
    // OCR may know why ("not a page of a document"): say it too.
    std::string why = "no text was found in the document";
    for (const Issue& issue : doc.issues) {
      if (issue.code == "no_readable_text") {
        why += ": " + issue.message;
        break;
      }
    }
    return {DocStatus::kFailed, why};
  }
  if (unread == 0) {
    // The document checks (stages/review/document_checks.h) found records
    // missing or doubtful: the JSON is written and says "partial" too.
    for (const Issue& issue : doc.issues) {
      if (issue.stage == kDocumentChecksStage) {
        return {DocStatus::kPartial, issue.message};
      }
    }
    return {DocStatus::kOk, ""};
  }
  std::string where = "(" + PageLabel(*first_unread) + ": " + first_why + ")";
  if (read == 0) {
    std::string what = pages == 1 ? "the page could not be read "
                                  : "none of the " + std::to_string(pages) +
                                        " pages could be read ";
    return {DocStatus::kFailed, what + where};
  }
  return {DocStatus::kPartial,
          std::to_string(unread) + " of " + std::to_string(pages) +
              (unread == 1 ? " pages was" : " pages were") + " not read " +
              where};
}

}  // namespace raingan
