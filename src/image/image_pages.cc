#include "image/image_pages.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <set>

namespace raingan::image {
namespace {

// Pages beyond this are not a report but a corrupt or hostile file.
constexpr int kMaxPages = 10000;
// A document page is never larger than this (A2 is 23.4 inches long).
constexpr double kMaxPageInches = 24.0;

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

// Walks the chain of image file directories (IFDs).
Result<int> CountTiffDirectories(std::string_view bytes, TiffKind kind) {
  TiffReader r{bytes, bytes[0] == 'I'};
  const bool big = kind == TiffKind::kBig;
  const int offset_size = big ? 8 : 4;
  const int count_size = big ? 8 : 2;
  const int entry_size = big ? 20 : 12;
  uint64_t offset = 0;
  if (!r.Read(big ? 8 : 4, offset_size, &offset)) {
    return Status::BadInput("damaged TIFF: truncated header");
  }
  std::set<uint64_t> seen;
  int pages = 0;
  while (offset != 0) {
    if (!seen.insert(offset).second || pages >= kMaxPages) {
      return Status::BadInput("damaged TIFF: its page directory loops");
    }
    uint64_t entries = 0, next = 0;
    if (!r.Read(offset, count_size, &entries) ||
        !r.Read(offset + count_size + entries * entry_size, offset_size,
                &next)) {
      return Status::BadInput("damaged TIFF: a page directory is cut off");
    }
    ++pages;
    offset = next;
  }
  if (pages == 0) return Status::BadInput("TIFF file without pages");
  return pages;
}

}  // namespace

Result<int> CountImagePages(std::string_view bytes) {
  if (bytes.empty()) return Status::BadInput("empty image file");
  TiffKind kind = SniffTiff(bytes);
  if (kind == TiffKind::kNone) return 1;
  return CountTiffDirectories(bytes, kind);
}

Result<Image> DecodeImagePage(std::string_view bytes, int index,
                              int default_dpi) {
  if (default_dpi <= 0) return Status::InvalidArgument("dpi must be positive");
  RAINGAN_ASSIGN_OR_RETURN(int pages, CountImagePages(bytes));
  if (index < 0 || index >= pages) {
    return Status::InvalidArgument("no page " + std::to_string(index + 1) +
                                   " in a " + std::to_string(pages) +
                                   "-page image");
  }
  Image img;
  if (SniffTiff(bytes) == TiffKind::kNone) {
    RAINGAN_ASSIGN_OR_RETURN(img, Image::Decode(bytes, default_dpi));
  } else {
    // Leptonica reports problems on stderr; raingan reports a Status.
    static std::once_flag quiet;
    std::call_once(quiet, [] { setMsgSeverity(L_SEVERITY_NONE); });
    Pix* pix = pixReadMemTiff(reinterpret_cast<const l_uint8*>(bytes.data()),
                              bytes.size(), index);
    if (pix == nullptr) {
      return Status::BadInput("cannot decode page " +
                              std::to_string(index + 1) + " of the TIFF file");
    }
    img = Image::Adopt(pix);
  }
  Pix* pix = img.pix();
  int dpi = pixGetXRes(pix);
  double longest = std::max(pixGetWidth(pix), pixGetHeight(pix));
  if (dpi <= 0 || longest / dpi > kMaxPageInches) {
    pixSetResolution(pix, default_dpi, default_dpi);
  }
  return img;
}

}  // namespace raingan::image
