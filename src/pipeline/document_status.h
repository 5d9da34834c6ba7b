// The three outcomes of one input (model/document.h: DocStatus), decided
// by the Extractor from the extracted Document page by page, so `extract`
// (its JSON and exit status) and `batch` (results.jsonl) always agree. A
// page is
//   unread  when its text layer is missing or unusable and OCR did not
//           replace it (OCR off with --no-ocr, or rendering failed), or
//           when OCR read it but found nothing legible: the mean OCR
//           confidence of its text, weighted by length, is below
//           kMinOcrConfidence;
//   blank   when it was read and holds no text (e.g. the back of a sheet
//           in a duplex scan);
//   read    otherwise.
// Then the document is
//   ok       no page unread and at least one read. It may still have
//            warnings (a period that did not parse) or no measures (a
//            cover memo): that is what the document says.
//   partial  some pages read, some unread: its JSON is written, but the
//            measures on the unread pages are missing. The reason (JSON
//            "status_reason", results.jsonl "error") says how many pages
//            and why (the first one's reason).
//   failed   no JSON is written: nothing was read (every page unread or
//            blank, e.g. a scan with --no-ocr or an image of noise), or
//            extraction failed (empty, damaged, encrypted or non-document
//            input), or — in a batch — the worker crashed, ran out of time
//            (--timeout) or memory (--max-memory). The reason says which.
#ifndef RAINGAN_PIPELINE_DOCUMENT_STATUS_H_
#define RAINGAN_PIPELINE_DOCUMENT_STATUS_H_

#include <string>

#include "model/document.h"

namespace raingan {

// Tesseract's confidence on the real scans of samples/ is 0.91-0.93 per
// page; on images of random noise it is 0.3-0.5.
inline constexpr double kMinOcrConfidence = 0.5;

struct Classification {
  DocStatus status = DocStatus::kOk;
  std::string reason;  // empty when ok, e.g. "2 of 12 pages were not
                       // read (page 3: no text layer)"
};

// ok, partial or failed (nothing read) for an extracted document;
// `ocr_allowed` is false under --no-ocr (the reasons then say so).
Classification Classify(const Document& doc, bool ocr_allowed);

}  // namespace raingan

#endif  // RAINGAN_PIPELINE_DOCUMENT_STATUS_H_
