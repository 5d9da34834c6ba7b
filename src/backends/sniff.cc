// Input format detection by magic numbers, then by file extension.
#include <algorithm>
#include <cctype>
#include <string>

#include "backends/backend.h"

namespace raingan {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string LowerExtension(std::string_view path) {
  size_t slash = path.find_last_of('/');
  size_t dot = path.find_last_of('.');
  if (dot == std::string_view::npos ||
      (slash != std::string_view::npos && dot < slash)) {
    return "";
  }
  std::string ext(path.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext;
}

}  // namespace

InputFormat SniffFormat(std::string_view bytes, std::string_view path) {
  // A PDF header may be preceded by junk (up to 1 KiB is tolerated by
  // readers), so look for it near the start rather than at byte 0 only.
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) {
    return InputFormat::kPdf;
  }
  if (StartsWith(bytes, "\x89PNG\r\n\x1a\n") ||
      StartsWith(bytes, "\xFF\xD8\xFF") || StartsWith(bytes, "II*\0") ||
      StartsWith(bytes, "MM\0*") || StartsWith(bytes, "BM") ||
      StartsWith(bytes, "GIF8") ||
      (StartsWith(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP")) {
    // "BM" alone is weak evidence; require a plausible extension too.
    if (StartsWith(bytes, "BM") && LowerExtension(path) != "bmp") {
      return InputFormat::kText;
    }
    return InputFormat::kImage;
  }
  std::string ext = LowerExtension(path);
  if (ext == "pdf") return InputFormat::kPdf;
  if (ext == "png" || ext == "jpg" || ext == "jpeg" || ext == "tif" ||
      ext == "tiff" || ext == "bmp" || ext == "gif" || ext == "webp" ||
      ext == "pnm" || ext == "pgm" || ext == "ppm") {
    return InputFormat::kImage;
  }
  return InputFormat::kText;
}

}  // namespace raingan
