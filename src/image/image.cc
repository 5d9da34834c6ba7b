#include "image/image.h"

#include <leptonica/allheaders.h>

#include <cstring>
#include <mutex>
#include <utility>

namespace raingan::image {
namespace {

// Leptonica reports problems on stderr; raingan reports them as Status.
void SilenceLeptonica() {
  static std::once_flag once;
  std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

Result<Pix*> Create(int width, int height, int depth, int dpi) {
  SilenceLeptonica();
  if (width <= 0 || height <= 0 || dpi <= 0) {
    return Status::InvalidArgument("image size and dpi must be positive");
  }
  // Leptonica refuses rasters above ~2^31 bytes; a page at 600 dpi is far
  // below, so anything larger is a bad request, not a real page.
  if (static_cast<int64_t>(width) * height > (int64_t{1} << 28)) {
    return Status::InvalidArgument("image too large");
  }
  Pix* pix = pixCreateNoInit(width, height, depth);
  if (pix == nullptr) return Status::Internal("cannot allocate image");
  pixSetResolution(pix, dpi, dpi);
  return pix;
}

}  // namespace

Image::~Image() {
  if (pix_ != nullptr) pixDestroy(&pix_);
}

Image::Image(Image&& other) noexcept
    : pix_(std::exchange(other.pix_, nullptr)) {}

Image& Image::operator=(Image&& other) noexcept {
  if (this != &other) {
    if (pix_ != nullptr) pixDestroy(&pix_);
    pix_ = std::exchange(other.pix_, nullptr);
  }
  return *this;
}

Image Image::Adopt(Pix* pix) { return Image(pix); }

Pix* Image::Release() { return std::exchange(pix_, nullptr); }

int Image::width() const { return pix_ ? pixGetWidth(pix_) : 0; }
int Image::height() const { return pix_ ? pixGetHeight(pix_) : 0; }
int Image::depth() const { return pix_ ? pixGetDepth(pix_) : 0; }
int Image::dpi() const {
  int res = pix_ ? pixGetXRes(pix_) : 0;
  return res > 0 ? res : 72;
}

Result<Image> Image::FromGray8(const uint8_t* data, int width, int height,
                               size_t stride, int dpi) {
  if (data == nullptr || stride < static_cast<size_t>(width)) {
    return Status::InvalidArgument("bad gray raster");
  }
  RAINGAN_ASSIGN_OR_RETURN(Pix * pix, Create(width, height, 8, dpi));
  uint32_t* words = pixGetData(pix);
  int wpl = pixGetWpl(pix);
  for (int y = 0; y < height; ++y) {
    std::memcpy(words + static_cast<size_t>(y) * wpl, data + y * stride, width);
  }
  // Leptonica keeps pixels in 32-bit words, most significant byte first;
  // the byte copy above is in memory order, so swap on little-endian hosts.
  pixEndianByteSwap(pix);
  return Image(pix);
}

Result<Image> Image::FromRgb8(const uint8_t* data, int width, int height,
                              size_t stride, int dpi) {
  if (data == nullptr || stride < static_cast<size_t>(width) * 3) {
    return Status::InvalidArgument("bad RGB raster");
  }
  RAINGAN_ASSIGN_OR_RETURN(Pix * pix, Create(width, height, 32, dpi));
  uint32_t* words = pixGetData(pix);
  int wpl = pixGetWpl(pix);
  for (int y = 0; y < height; ++y) {
    const uint8_t* row = data + y * stride;
    uint32_t* out = words + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < width; ++x) {
      composeRGBPixel(row[3 * x], row[3 * x + 1], row[3 * x + 2], out + x);
    }
  }
  return Image(pix);
}

Result<Image> Image::Decode(std::string_view bytes, int default_dpi) {
  SilenceLeptonica();
  if (bytes.empty()) return Status::BadInput("empty image file");
  Pix* pix =
      pixReadMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size());
  if (pix == nullptr) {
    return Status::BadInput("cannot decode image (unknown or damaged format)");
  }
  if (pixGetXRes(pix) <= 0) pixSetResolution(pix, default_dpi, default_dpi);
  return Image(pix);
}

namespace {

// Leptonica returns version strings it allocated; the caller frees them.
std::string TakeString(char* text) {
  if (text == nullptr) return "";
  std::string out = text;
  lept_free(text);
  return out;
}

}  // namespace

std::string LeptonicaVersion() {
  std::string v = TakeString(getLeptonicaVersion());  // "leptonica-1.82.0"
  const std::string prefix = "leptonica-";
  if (v.rfind(prefix, 0) == 0) v.erase(0, prefix.size());
  return v;
}

std::string ImageCodecVersions() { return TakeString(getImagelibVersions()); }

}  // namespace raingan::image
