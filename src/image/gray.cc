#include "image/gray.h"

#include <string>

namespace raingan::image {

Result<PixPtr> GrayCopy(Pix* src) {
  const int depth = pixGetDepth(src);
  PixPtr gray;
  if (depth == 32) {
    gray.reset(pixConvertRGBToLuminance(src));
  } else if (depth == 1 || depth == 2 || depth == 4 || depth == 8 ||
             depth == 16) {
    // Also drops a colormap (palette PNGs, GIF-like TIFFs).
    gray.reset(pixConvertTo8(src, 0));
  }
  if (!gray) {
    return Status::BadInput("unsupported image depth: " +
                            std::to_string(depth) + " bits per pixel");
  }
  return gray;
}

}  // namespace raingan::image
