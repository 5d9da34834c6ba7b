#include "image/image_pages.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <set>
#include <string>

#include "image/gray.h"
#include "image/leptonica_ptr.h"

namespace raingan::image {
namespace {

// A document page is never larger than this (A2 is 23.4 inches long).
constexpr double kMaxPageInches = 24.0;
// Pages scanned this much finer than the OCR resolution are reduced to it:
// 600 dpi to 300, but not 400 (which OCR reads well and costs 1.8x, not 4x).
constexpr double kReduceFrom = 1.5;

// TIFF tags read from a page directory.
constexpr int kImageWidthTag = 256;
constexpr int kImageLengthTag = 257;

void SilenceLeptonica() {
  // Leptonica reports problems on stderr; raingan reports a Status.
  static std::once_flag quiet;
  std::call_once(quiet, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

const l_uint8* Data(std::string_view bytes) {
  return reinterpret_cast<const l_uint8*>(bytes.data());
}

enum class TiffKind { kNone, kClassic, kBig };

struct TiffReader {
  std::string_view bytes;
  bool little = true;

  bool Read(uint64_t offset, int size, uint64_t* value) const {
    if (offset > bytes.size() || bytes.size() - offset < uint64_t(size)) {
      return false;
    }
    uint64_t v = 0;
    for (int i = 0; i < size; ++i) {
      uint64_t byte = static_cast<unsigned char>(
          bytes[offset + (little ? size - 1 - i : i)]);
      v = (v << 8) | byte;
    }
    *value = v;
    return true;
  }
};

TiffKind SniffTiff(std::string_view b) {
  if (b.size() < 8) return TiffKind::kNone;
  bool ii = b[0] == 'I' && b[1] == 'I';
  bool mm = b[0] == 'M' && b[1] == 'M';
  if (!ii && !mm) return TiffKind::kNone;
  unsigned char v0 = b[2], v1 = b[3];
  int version = ii ? v0 | (v1 << 8) : (v0 << 8) | v1;
  if (version == 42) return TiffKind::kClassic;
  if (version == 43) return TiffKind::kBig;
  return TiffKind::kNone;
}

struct TiffPage {
  uint64_t directory = 0;
  int64_t width = 0, height = 0;
};

// The value of a SHORT, LONG or LONG8 directory entry whose value field is
// at `field` (a single value always fits in the field).
bool ReadEntryValue(const TiffReader& r, int type, uint64_t field,
                    uint64_t* value) {
  switch (type) {
    case 3:  // SHORT
      return r.Read(field, 2, value);
    case 4:  // LONG
      return r.Read(field, 4, value);
    case 16:  // LONG8 (BigTIFF)
      return r.Read(field, 8, value);
    default:
      return false;
  }
}

// Walks the chain of image file directories (IFDs), reading each page's
// size; stops at max_pages + 1 pages, so a chain of a million costs no more
// than one of 2000.
Result<std::vector<TiffPage>> ReadTiffPages(std::string_view bytes,
                                            TiffKind kind, int max_pages) {
  TiffReader r{bytes, bytes[0] == 'I'};
  const bool big = kind == TiffKind::kBig;
  const int offset_size = big ? 8 : 4;
  const int count_size = big ? 8 : 2;
  const int entry_size = big ? 20 : 12;
  const int count_field = big ? 8 : 4;  // size of an entry's count
  uint64_t offset = 0;
  if (!r.Read(big ? 8 : 4, offset_size, &offset)) {
    return Status::BadInput("damaged TIFF: truncated header");
  }
  std::set<uint64_t> seen;
  std::vector<TiffPage> pages;
  while (offset != 0) {
    if (!seen.insert(offset).second) {
      return Status::BadInput("damaged TIFF: its page directory loops");
    }
    if (static_cast<int64_t>(pages.size()) >= max_pages) {
      return Status::BadInput("the TIFF file has more than " +
                              std::to_string(max_pages) + " pages, over the " +
                              std::to_string(max_pages) +
                              "-page limit (--max-pages)");
    }
    uint64_t entries = 0, next = 0;
    if (!r.Read(offset, count_size, &entries) ||
        !r.Read(offset + count_size + entries * entry_size, offset_size,
                &next)) {
      return Status::BadInput("damaged TIFF: a page directory is cut off");
    }
    TiffPage page;
    page.directory = offset;
    for (uint64_t e = 0; e < entries; ++e) {
      const uint64_t at = offset + count_size + e * entry_size;
      uint64_t tag = 0, type = 0, value = 0;
      if (!r.Read(at, 2, &tag) || !r.Read(at + 2, 2, &type)) break;
      if (tag != kImageWidthTag && tag != kImageLengthTag) continue;
      if (!ReadEntryValue(r, static_cast<int>(type), at + 4 + count_field,
                          &value)) {
        continue;
      }
      int64_t v = static_cast<int64_t>(std::min<uint64_t>(value, INT64_MAX));
      (tag == kImageWidthTag ? page.width : page.height) = v;
    }
    if (page.width <= 0 || page.height <= 0) {
      return Status::BadInput("damaged TIFF: page " +
                              std::to_string(pages.size() + 1) +
                              " has no image size");
    }
    pages.push_back(page);
    offset = next;
  }
  if (pages.empty()) return Status::BadInput("TIFF file without pages");
  return pages;
}

// The resolution a JPEG records (JFIF density), 0 when none.
int JpegDpi(std::string_view bytes) {
  FILE* f = ::fmemopen(const_cast<char*>(bytes.data()), bytes.size(), "rb");
  if (f == nullptr) return 0;
  l_int32 xres = 0, yres = 0;
  if (fgetJpegResolution(f, &xres, &yres) != 0) xres = 0;
  std::fclose(f);
  return xres;
}

// `dpi` unless missing or implausible for a page `longest` pixels long.
int PlausibleDpi(int dpi, int64_t longest, int default_dpi) {
  if (dpi <= 0 || static_cast<double>(longest) / dpi > kMaxPageInches) {
    return default_dpi;
  }
  return dpi;
}

bool ShouldReduce(int dpi, int target_dpi) {
  return target_dpi > 0 && dpi >= kReduceFrom * target_dpi;
}

// The largest DCT scaling 1/2, 1/4, 1/8 that stays at or above target.
int JpegReduction(int dpi, int target_dpi) {
  if (!ShouldReduce(dpi, target_dpi)) return 1;
  int reduction = 1;
  for (int r : {2, 4, 8}) {
    if (dpi / r >= target_dpi) reduction = r;
  }
  return reduction;
}

Result<PixPtr> ToGray8(PixPtr pix) {
  if (pixGetDepth(pix.get()) == 8 && pixGetColormap(pix.get()) == nullptr) {
    return pix;
  }
  return GrayCopy(pix.get());
}

// Scales `pix` from `dpi` to `target_dpi` by averaging (area mapping; a
// 1-bit page becomes gray, which keeps thin strokes).
Result<PixPtr> Reduce(PixPtr pix, int dpi, int target_dpi) {
  const float scale = static_cast<float>(target_dpi) / dpi;
  PixPtr out;
  if (pixGetDepth(pix.get()) == 1) {
    out.reset(pixScaleToGray(pix.get(), scale));
  } else {
    if (pixGetDepth(pix.get()) == 16 || pixGetColormap(pix.get()) != nullptr) {
      RAINGAN_ASSIGN_OR_RETURN(pix, ToGray8(std::move(pix)));
    }
    out.reset(pixScaleAreaMap(pix.get(), scale, scale));
  }
  if (!out) return Status::Internal("cannot reduce the page image");
  pixSetResolution(out.get(), target_dpi, target_dpi);
  return out;
}

}  // namespace

Result<ImagePages> ImagePages::Open(std::string_view bytes, int max_pages) {
  if (bytes.empty()) return Status::BadInput("empty image file");
  TiffKind kind = SniffTiff(bytes);
  if (kind == TiffKind::kNone) return ImagePages(bytes, false, {PageInfo{}});
  RAINGAN_ASSIGN_OR_RETURN(std::vector<TiffPage> tiff,
                           ReadTiffPages(bytes, kind, std::max(1, max_pages)));
  std::vector<PageInfo> pages;
  pages.reserve(tiff.size());
  for (const TiffPage& t : tiff)
    pages.push_back({t.directory, t.width, t.height});
  return ImagePages(bytes, true, std::move(pages));
}

Result<Image> ImagePages::Decode(int index,
                                 const DecodeOptions& options) const {
  if (options.default_dpi <= 0) {
    return Status::InvalidArgument("dpi must be positive");
  }
  if (index < 0 || index >= count()) {
    return Status::InvalidArgument("no page " + std::to_string(index + 1) +
                                   " in a " + std::to_string(count()) +
                                   "-page image");
  }
  SilenceLeptonica();
  const std::string page_name = "page " + std::to_string(index + 1);
  PixPtr pix;
  int dpi = 0;  // known before decoding (JPEG), else read after
  if (tiff_) {
    const PageInfo& page = pages_[index];
    const std::string what =
        count() > 1 ? page_name + " of the TIFF file" : "the image";
    RAINGAN_RETURN_IF_ERROR(
        CheckPixels(what, page.width, page.height, options.max_pixels));
    // Straight to the page's own directory: no walk from the first page.
    size_t offset = index == 0 ? 0 : static_cast<size_t>(page.tiff_directory);
    pix.reset(
        pixReadMemFromMultipageTiff(Data(bytes_), bytes_.size(), &offset));
    if (!pix) {
      return Status::BadInput("cannot decode " + page_name +
                              " of the TIFF file");
    }
  } else {
    l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
    if (pixReadHeaderMem(Data(bytes_), bytes_.size(), &format, &w, &h, &bps,
                         &spp, &cmap) != 0) {
      return Status::BadInput(
          "cannot decode image (unknown or damaged format)");
    }
    RAINGAN_RETURN_IF_ERROR(CheckPixels("the image", w, h, options.max_pixels));
    if (format == IFF_JFIF_JPEG) {
      dpi = PlausibleDpi(JpegDpi(bytes_), std::max(w, h), options.default_dpi);
      const int reduction = JpegReduction(dpi, options.target_dpi);
      // libjpeg converts YCbCr to gray itself, but not CMYK or YCCK.
      const bool luminance = options.gray && (spp == 1 || spp == 3);
      pix.reset(pixReadMemJpeg(Data(bytes_), bytes_.size(), 0, reduction,
                               nullptr, luminance ? L_JPEG_READ_LUMINANCE : 0));
      dpi = static_cast<int>(std::lround(static_cast<double>(dpi) / reduction));
    } else {
      pix.reset(pixReadMem(Data(bytes_), bytes_.size()));
    }
    if (!pix) {
      return Status::BadInput(
          "cannot decode image (unknown or damaged format)");
    }
  }
  if (dpi <= 0) {
    dpi =
        PlausibleDpi(pixGetXRes(pix.get()),
                     std::max(pixGetWidth(pix.get()), pixGetHeight(pix.get())),
                     options.default_dpi);
  }
  pixSetResolution(pix.get(), dpi, dpi);
  if (options.gray) {
    RAINGAN_ASSIGN_OR_RETURN(pix, ToGray8(std::move(pix)));
  }
  if (ShouldReduce(dpi, options.target_dpi)) {
    RAINGAN_ASSIGN_OR_RETURN(pix,
                             Reduce(std::move(pix), dpi, options.target_dpi));
  }
  return Image::Adopt(pix.release());
}

Result<int> CountImagePages(std::string_view bytes) {
  RAINGAN_ASSIGN_OR_RETURN(ImagePages pages, ImagePages::Open(bytes));
  return pages.count();
}

Result<Image> DecodeImagePage(std::string_view bytes, int index,
                              int default_dpi) {
  RAINGAN_ASSIGN_OR_RETURN(ImagePages pages, ImagePages::Open(bytes));
  DecodeOptions options;
  options.default_dpi = default_dpi;
  return pages.Decode(index, options);
}

}  // namespace raingan::image
