// One 8-bit gray copy of a raster, for the implementation files of
// src/image/ (they all read pages as gray before anything else).
#ifndef RAINGAN_IMAGE_GRAY_H_
#define RAINGAN_IMAGE_GRAY_H_

#include "base/result.h"
#include "image/leptonica_ptr.h"

namespace raingan::image {

// An 8-bit copy of `src` without a colormap: RGB by luminance, 1-, 2-, 4-
// and 16-bit and palette images converted. Fails (BadInput) on any other
// depth.
Result<PixPtr> GrayCopy(Pix* src);

}  // namespace raingan::image

#endif  // RAINGAN_IMAGE_GRAY_H_
