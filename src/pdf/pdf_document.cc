#include "pdf/pdf_document.h"

#include <poppler/ErrorCodes.h>
#include <poppler/PDFDoc.h>
#include <poppler/SplashOutputDev.h>
#include <poppler/Stream.h>
#include <poppler/cpp/poppler-version.h>
#include <poppler/poppler-config.h>
#include <poppler/splash/SplashBitmap.h>

#include <cmath>
#include <mutex>

#include "pdf/image_sizes.h"
#include "pdf/page_collector.h"
#include "pdf/poppler_runtime.h"

namespace raingan::pdf {

struct PdfDocument::Impl {
  std::string bytes;  // the MemStream of `doc` reads from here
  std::unique_ptr<PDFDoc> doc;
  int pages = 0;
  std::vector<std::string> warnings;
};

namespace {

std::string DescribeOpenError(int code) {
  switch (code) {
    case errEncrypted:
      return "the PDF is encrypted and needs a password";
    case errDamaged:
      return "the PDF is damaged (no readable cross-reference table)";
    case errBadCatalog:
      return "the PDF is damaged (no readable page catalog)";
    default:
      return "Poppler cannot open the PDF (error code " + std::to_string(code) +
             ")";
  }
}

void MoveMessages(const internal::ErrorCapture& capture,
                  std::vector<std::string>* out) {
  out->insert(out->end(), capture.messages().begin(), capture.messages().end());
  if (capture.dropped() > 0) {
    out->push_back("poppler: " + std::to_string(capture.dropped()) +
                   " more messages");
  }
}

}  // namespace

PdfDocument::PdfDocument(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PdfDocument::PdfDocument(PdfDocument&&) noexcept = default;
PdfDocument& PdfDocument::operator=(PdfDocument&&) noexcept = default;
PdfDocument::~PdfDocument() = default;

Result<PdfDocument> PdfDocument::Open(std::string_view bytes) {
  if (bytes.empty()) return Status::BadInput("empty file (0 bytes)");
  // Poppler scans the first kilobyte for the header; say what the file is
  // instead of a parser error when it is plainly not a PDF.
  if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) {
    return Status::BadInput("not a PDF file (no %PDF- header)");
  }
  internal::EnsurePopplerInitialized();
  auto impl = std::make_unique<Impl>();
  impl->bytes.assign(bytes);
  internal::ErrorCapture capture;
  {
    std::lock_guard<std::mutex> lock(internal::OpenMutex());
    auto* stream = new MemStream(impl->bytes.data(), 0,
                                 static_cast<Goffset>(impl->bytes.size()),
                                 Object(objNull));
    // PDFDoc owns the stream from here on.
    impl->doc = std::make_unique<PDFDoc>(stream);
    if (!impl->doc->isOk()) {
      return Status::BadInput(DescribeOpenError(impl->doc->getErrorCode()));
    }
    impl->pages = impl->doc->getNumPages();
  }
  if (impl->pages <= 0) return Status::BadInput("the PDF has no pages");
  MoveMessages(capture, &impl->warnings);
  return PdfDocument(std::move(impl));
}

int PdfDocument::page_count() const { return impl_->pages; }

const std::vector<std::string>& PdfDocument::warnings() const {
  return impl_->warnings;
}

Result<PageContent> PdfDocument::ReadPage(int number) const {
  if (number < 1 || number > impl_->pages) {
    return Status::InvalidArgument("page " + std::to_string(number) +
                                   " out of range 1.." +
                                   std::to_string(impl_->pages));
  }
  if (impl_->doc->getPage(number) == nullptr) {
    return Status::BadInput("page " + std::to_string(number) +
                            " cannot be read (damaged page tree)");
  }
  internal::ErrorCapture capture;
  PageContent page;
  internal::PageCollector collector(&page);
  // 72 dpi: device space is PDF points. Crop box, as viewers show it.
  impl_->doc->displayPage(&collector, number, 72, 72, 0,
                          /*useMediaBox=*/false, /*crop=*/true,
                          /*printing=*/false);
  page.number = number;
  MoveMessages(capture, &page.warnings);
  return page;
}

Result<image::Image> PdfDocument::Render(int number, int dpi, bool gray,
                                         int64_t max_pixels) const {
  if (number < 1 || number > impl_->pages) {
    return Status::InvalidArgument("page " + std::to_string(number) +
                                   " out of range");
  }
  if (dpi < 10 || dpi > 1200) {
    return Status::InvalidArgument("render dpi must be within 10..1200");
  }
  Page* p = impl_->doc->getPage(number);
  if (p == nullptr) {
    return Status::BadInput("page " + std::to_string(number) +
                            " cannot be read (damaged page tree)");
  }
  // Refuse absurd page sizes before Splash allocates the bitmap, and huge
  // images before Splash decodes them (both from the page's dictionaries).
  const double width_pt = p->getCropWidth(), height_pt = p->getCropHeight();
  const double width_px = std::ceil(width_pt * dpi / 72.0);
  const double height_px = std::ceil(height_pt * dpi / 72.0);
  if (!std::isfinite(width_px) || !std::isfinite(height_px) ||
      width_px > 1e12 || height_px > 1e12) {
    return Status::BadInput("page " + std::to_string(number) +
                            " has an unusable size");
  }
  RAINGAN_RETURN_IF_ERROR(
      image::CheckPixels("the page (" + std::to_string(std::lround(width_pt)) +
                             "×" + std::to_string(std::lround(height_pt)) +
                             " pt) rendered at " + std::to_string(dpi) + " dpi",
                         static_cast<int64_t>(width_px),
                         static_cast<int64_t>(height_px), max_pixels));
  {
    internal::ErrorCapture capture;
    internal::ImageSizeScanner images;
    impl_->doc->displayPage(&images, number, 72, 72, 0, false, true, false);
    if (images.largest_width() > 0) {
      RAINGAN_RETURN_IF_ERROR(
          image::CheckPixels("an image on the page", images.largest_width(),
                             images.largest_height(), max_pixels));
    }
  }
  internal::ErrorCapture capture;
  SplashColor paper;
  paper[0] = paper[1] = paper[2] = 0xFF;
  SplashOutputDev out(gray ? splashModeMono8 : splashModeRGB8, 4, false, paper);
  out.startDoc(impl_->doc.get());
  impl_->doc->displayPage(&out, number, dpi, dpi, 0, false, true, false);
  SplashBitmap* bitmap = out.getBitmap();
  if (bitmap == nullptr || bitmap->getWidth() <= 0) {
    return Status::Internal("rendering page " + std::to_string(number) +
                            " produced no bitmap");
  }
  const auto* data = reinterpret_cast<const uint8_t*>(bitmap->getDataPtr());
  size_t stride = static_cast<size_t>(bitmap->getRowSize());
  return gray ? image::Image::FromGray8(data, bitmap->getWidth(),
                                        bitmap->getHeight(), stride, dpi)
              : image::Image::FromRgb8(data, bitmap->getWidth(),
                                       bitmap->getHeight(), stride, dpi);
}

std::string PopplerVersion() {
  std::string running = poppler::version_string();
  if (running != POPPLER_VERSION) {
    running += " (built against " POPPLER_VERSION ")";
  }
  return running;
}

}  // namespace raingan::pdf
