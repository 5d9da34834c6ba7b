// Owning pointers for Leptonica objects, for the implementation files of
// src/image/ only (the Leptonica wrapper): nothing outside image/ sees a
// Leptonica type.
#ifndef RAINGAN_IMAGE_LEPTONICA_PTR_H_
#define RAINGAN_IMAGE_LEPTONICA_PTR_H_

#include <leptonica/allheaders.h>

#include <memory>

namespace raingan::image {

struct PixDeleter {
  void operator()(Pix* p) const { pixDestroy(&p); }
};
struct BoxDeleter {
  void operator()(Box* b) const { boxDestroy(&b); }
};
struct BoxaDeleter {
  void operator()(Boxa* b) const { boxaDestroy(&b); }
};
struct PixaDeleter {
  void operator()(Pixa* p) const { pixaDestroy(&p); }
};
struct NumaDeleter {
  void operator()(Numa* n) const { numaDestroy(&n); }
};

using PixPtr = std::unique_ptr<Pix, PixDeleter>;
using BoxPtr = std::unique_ptr<Box, BoxDeleter>;
using BoxaPtr = std::unique_ptr<Boxa, BoxaDeleter>;
using PixaPtr = std::unique_ptr<Pixa, PixaDeleter>;
using NumaPtr = std::unique_ptr<Numa, NumaDeleter>;

}  // namespace raingan::image

#endif  // RAINGAN_IMAGE_LEPTONICA_PTR_H_
