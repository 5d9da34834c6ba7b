// Removing dust from a scanned page without removing Thai marks.
//
// Scanner dust, copier toner and JPEG noise leave dots about the size of
// a tone mark or a nikhahit (ํ), so size alone cannot tell them apart; OCR
// then reads the dust as ". . . ." and invents rows. What tells them apart
// is where they are: a mark sits right above or below a letter, a full
// stop right after one; dust falls anywhere. Despeckle() measures the
// letters of the page itself (their consonant height, so the rule holds at
// any resolution and type size) and removes the small components that no
// letter has next to it.
#ifndef RAINGAN_IMAGE_DESPECKLE_H_
#define RAINGAN_IMAGE_DESPECKLE_H_

#include "base/result.h"

struct Pix;

namespace raingan::image {

struct DespeckleOptions {
  // Components at most this many consonant heights on their longer side
  // are specks (Thai tone marks and nikhahit are 0.2-0.35 of the
  // consonant height of the same font; the dust of the 200-dpi sample is
  // 2-4 px against a 13-px consonant).
  double max_speck = 0.4;
  // A speck stays when a letter (a component at least `min_letter`
  // consonant heights tall) is within `mark_reach` consonant heights above
  // or below it, overlapping it horizontally, or within `stop_reach`
  // consonant heights after it on its line.
  double min_letter = 0.6;
  double mark_reach = 0.7;
  double stop_reach = 0.4;
};

struct DespeckleResult {
  int removed = 0;         // components taken away
  double core_height = 0;  // pixels: the page's consonant height, 0 if none
};

// Finds the specks in `binary` (1-bit, ink = 1) and removes them from it
// and, when given (same size), from `gray` (8-bit: whitened) and `also`
// (another 1-bit raster of the page). Pages without letters are left alone.
Result<DespeckleResult> Despeckle(Pix* binary, Pix* gray, Pix* also = nullptr,
                                  const DespeckleOptions& options = {});

}  // namespace raingan::image

#endif  // RAINGAN_IMAGE_DESPECKLE_H_
