// The three outcomes of one input of a batch, as results.jsonl reports
// them, decided from the extracted Document page by page. A page is
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
//            measures on the unread pages are missing. `error` says how
//            many pages and why (the first one's reason).
//   failed   no JSON is written: nothing was read (every page unread or
//            blank, e.g. a scan with --no-ocr or an image of noise), or
//            extraction failed (empty, damaged, encrypted or non-document
//            input), or the worker crashed, ran out of time (--timeout) or
//            memory (--max-memory). `error` says which.
#ifndef RAINGAN_BATCH_DOCUMENT_STATUS_H_
#define RAINGAN_BATCH_DOCUMENT_STATUS_H_

#include <optional>
#include <string>
#include <string_view>

#include "model/document.h"

namespace raingan::batch {

enum class DocStatus { kOk, kPartial, kFailed };

// Tesseract's confidence on the real scans of samples/ is 0.91-0.93 per
// page; on images of random noise it is 0.3-0.5.
inline constexpr double kMinOcrConfidence = 0.5;

std::string_view DocStatusName(DocStatus status);
std::optional<DocStatus> ParseDocStatus(std::string_view name);

struct Classification {
  DocStatus status = DocStatus::kOk;
  std::string reason;  // empty when ok, e.g. "2 of 12 pages were not
                       // read (page 3: no text layer)"
};

// ok, partial or failed (nothing read) for an extracted document;
// `ocr_allowed` is false under --no-ocr (the reasons then say so).
Classification Classify(const Document& doc, bool ocr_allowed);

}  // namespace raingan::batch

#endif  // RAINGAN_BATCH_DOCUMENT_STATUS_H_
