// The image backend (backends/backend.h): scanned pages stored as image
// files — PNG, JPEG, TIFF (every frame of a multi-page TIFF is a page),
// BMP, PNM. Each page is read by OCR (src/ocr/) into the same blocks a PDF
// page gives, so the stages after the backend do not know the difference.
//
// Limits (options.limits) are checked on the file's headers before any
// pixel is decoded; pages scanned finer than the OCR resolution are
// decoded at it (image_pages.h), in 8-bit gray, which is all OCR reads.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "backends/backend.h"
#include "backends/ocr_setup.h"
#include "image/image_pages.h"
#include "ocr/scan_reader.h"

namespace raingan {
namespace {

class ImageBackend : public Backend {
 public:
  ImageBackend(const BackendOptions& options, ocr::ScanOptions scan)
      : options_(options), scan_(std::move(scan)) {}

  std::string_view name() const override { return "image"; }
  Status Read(std::string_view bytes, const ProgressTracker& progress,
              Document* doc) const override;

 private:
  BackendOptions options_;
  ocr::ScanOptions scan_;  // the run's; its progress is set per document
};

Status ImageBackend::Read(std::string_view bytes,
                          const ProgressTracker& progress,
                          Document* doc) const {
  RAINGAN_ASSIGN_OR_RETURN(
      image::ImagePages file,
      image::ImagePages::Open(bytes, options_.limits.max_pages));
  const int count = file.count();
  doc->source.format = SourceFormat::kImage;
  doc->source.pages = count;
  // Counting the frames is the whole first reading of an image file.
  progress.SetPagesTotal(count);
  progress.PagesDone(count);
  std::vector<int> numbers(count);
  for (int i = 0; i < count; ++i) numbers[i] = i + 1;

  if (!options_.allow_ocr) {
    // An image has no text but what OCR reads; the pages stay, empty.
    for (int n : numbers) {
      Page page;
      page.number = n;
      page.quality.needs_ocr = true;
      page.quality.reason = "image file";
      doc->pages.push_back(std::move(page));
    }
    doc->AddIssue(name(), "page_not_read",
                  "the image was not read: OCR is disabled (--no-ocr)");
    return Status::Ok();
  }

  image::DecodeOptions decode;
  decode.default_dpi = options_.ocr_dpi;
  decode.target_dpi = options_.ocr_dpi;
  decode.gray = true;
  decode.max_pixels = options_.limits.max_pixels;
  // A file whose first page does not decode (or is over the size limit) is
  // not an image we can read; a later frame that fails only loses that
  // page (a warning).
  RAINGAN_ASSIGN_OR_RETURN(image::Image first, file.Decode(0, decode));
  auto source = [&](int /*worker*/, int index) -> Result<image::Image> {
    if (index == 0 && !first.empty()) return std::move(first);
    return file.Decode(index, decode);
  };
  ocr::ScanOptions scan = scan_;
  scan.progress = progress;
  RAINGAN_ASSIGN_OR_RETURN(std::vector<ocr::ReadPage> pages,
                           ocr::ReadScannedPages(numbers, source, scan));
  for (ocr::ReadPage& p : pages) {
    p.page.quality.needs_ocr = true;
    if (p.page.quality.reason.empty()) p.page.quality.reason = "image file";
    doc->pages.push_back(std::move(p.page));
    for (Issue& issue : p.issues) doc->issues.push_back(std::move(issue));
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Backend>> NewImageBackend(const BackendOptions& options,
                                                 ModelStore* models) {
  RAINGAN_ASSIGN_OR_RETURN(ocr::ScanOptions scan,
                           ScanOptionsFor(options, models));
  return std::unique_ptr<Backend>(
      std::make_unique<ImageBackend>(options, std::move(scan)));
}

}  // namespace raingan
