// Cleaning a scanned page before ruling detection and OCR.
//
// Scans arrive gray or in color, rotated by a few degrees, with uneven
// paper tone, JPEG noise and specks. PreparePage() undoes that once per
// page and returns two rasters of the same upright geometry:
//   - `gray`: 8-bit, deskewed, background flattened to white. This is what
//     Tesseract reads: its own thresholding of a small cell sees the faint
//     strokes of Thai marks better than any global threshold.
//   - `binary`: 1-bit, deskewed, specks removed. This is what ruling
//     detection (lines.h) and the ink tests below read.
//   - `rulings`: 1-bit, deskewed, on a lighter threshold than `binary`:
//     hairline borders too faint to be ink. Ruling detection reads it
//     beside `binary`; nothing else should (it holds halos and dust).
// Everything else in this header works on rectangles in page points, the
// frame of layout/ and the document model, converted with the image's dpi.
#ifndef RAINGAN_IMAGE_PREPROCESS_H_
#define RAINGAN_IMAGE_PREPROCESS_H_

#include <vector>

#include "base/result.h"
#include "image/image.h"
#include "layout/segment.h"
#include "model/geometry.h"

namespace raingan::image {

struct PreprocessOptions {
  // Rotations searched for, degrees either way. Printed-and-scanned pages
  // come rotated by up to about 2.5 degrees; a little more is allowed.
  double max_skew = 5.0;
  // Smaller rotations are left alone: they cost a resampling of the page
  // and move a ruling by less than its own thickness across an A4 page.
  double min_skew = 0.08;
  // Below this Leptonica skew confidence (a page with little text) the
  // page is not rotated: a wrong rotation does more harm than none.
  double min_skew_confidence = 2.5;
  // Gray level (after background flattening, paper = 255) below which a
  // pixel is ink in `binary`.
  int ink_threshold = 170;
  // Dark components no larger than this (points, both sides) are specks:
  // scanner dust and JPEG noise. Thai tone marks and dots are larger
  // (about 1.5 pt at the 14-16 pt sizes reports use).
  double speck_size = 0.6;
  // Dust as large as a tone mark, removed where no letter is beside it
  // (image/despeckle.h).
  bool despeckle = true;
  // Gray level below which a pixel may be dust (lighter than ink_threshold:
  // faint specks are what Tesseract's own thresholding turns into dots).
  int dust_threshold = 215;
  // Gray level below which a pixel may belong to a ruling, for `rulings`.
  // Hairline borders (LibreOffice's and Word's thinnest) scan lighter than
  // text: on a 300-dpi scan of a Kinnari print the rule under the header
  // was 170-184 after flattening, the text and the frame 0-150.
  int ruling_threshold = 215;
  // Text whose consonant height (measured on the page, image/despeckle.h)
  // is below this many pixels is scaled up to it before anything reads the
  // page, by at most `max_upscale`; 0 turns it off. Needs `despeckle`,
  // which measures the height. Measured on the shared 002 scan made a
  // 110-dpi TIFF (consonants 13 px): field accuracy 0.78 unscaled, 0.71
  // scaled to 20 px, 0.83 scaled to 28 px. PDF scans are rendered at 300
  // dpi, where the consonants of 12-16 pt reports measured 30-37 px
  // (seed-81/84 scans of our Loma and Garuda prints): left as they are.
  double min_core_height = 28;
  double max_upscale = 2.0;
  // A measured consonant smaller than this (points) is no report text
  // (3 pt is the consonant of 5-pt type): it is dust or a near-blank page
  // (title pages of the 300-dpi scans above measured 7-8 px, 1.7-1.9 pt),
  // and the page is left at its resolution.
  double min_core_points = 3.0;
};

struct PreparedPage {
  Image gray;               // 8-bit, upright, white paper
  Image binary;             // 1-bit, upright, no specks
  Image rulings;            // 1-bit, upright, ink and the faint hairlines
  double skew_degrees = 0;  // rotation applied (0 when none)
  int specks_removed = 0;   // dust components taken away
  double core_height = 0;   // consonant height in the scan, pixels (0: none)
  double scale = 1;         // > 1: small text scaled up by this factor
};

// The image turned clockwise by `quarter_turns` × 90 degrees (exact, no
// resampling; dpi kept).
Result<Image> RotateQuarters(const Image& image, int quarter_turns);

// A copy at half the size (2×2 pixels averaged or, for 1-bit images, an
// ink pixel kept): what page-level tests such as orientation detection
// need, four times faster to look at.
Result<Image> HalfSize(const Image& image);

// Fails only for an empty image or an unsupported pixel depth.
Result<PreparedPage> PreparePage(const Image& scan,
                                 const PreprocessOptions& options = {});

// A 1-bit copy of `image` (any depth): ink where the gray level is below
// `threshold`. For clean renderings; scans go through PreparePage().
Result<Image> Binarize(const Image& image, int threshold = 128);

// Share (0..1) of the pixels of a 1-bit image inside `box` (points) that
// are ink; 0 for an empty box or a box outside the image.
double InkCoverage(const Image& binary, const BBox& box);

// The smallest box (points) holding all ink of a 1-bit image inside
// `box`, or an empty box when there is none.
BBox InkBounds(const Image& binary, const BBox& box);

// Share (0..1) of the pixel rows of `box` (points) in a 1-bit image that
// are blank: at most `max_ink` of their pixels are ink. Lines of text are
// separated by blank rows; noise and pictures have none.
double BlankRowShare(const Image& binary, const BBox& box,
                     double max_ink = 0.02);

// Ink per pixel column of a 1-bit image inside `box` (points): ink[i] is
// the number of ink pixels in the column at x = x0 + i * step (points).
struct ColumnProfile {
  double x0 = 0, step = 1;
  std::vector<int> ink;
};
ColumnProfile InkColumns(const Image& binary, const BBox& box);
// Ink per pixel row inside `box`: out[i] at y = *y0 + i * *step (points).
std::vector<int> InkRows(const Image& binary, const BBox& box, double* y0,
                         double* step);

// Paints the boxes (points) white in an 8-bit or 1-bit image.
Status Whiten(Image* image, const std::vector<BBox>& boxes);

// Paints ruling segments (points) white, widened by `margin` points on
// every side: table borders out of the way of OCR, which would otherwise
// read them as "|", "l" or "1" and glue them to the text.
Status EraseRulings(Image* image, const std::vector<layout::Segment>& rulings,
                    double margin);

// Groups of ink in a 1-bit image, inside `region` and outside every box of
// `exclude` (points): components closer than `gap` points horizontally or
// `line_gap` vertically join one block. Blocks smaller than `min_size`
// points on their longer side are dropped as dirt. Top to bottom.
struct InkBlockOptions {
  double gap = 12.0;
  double line_gap = 14.0;
  double min_size = 6.0;
};
Result<std::vector<BBox>> FindInkBlocks(const Image& binary, const BBox& region,
                                        const std::vector<BBox>& exclude,
                                        const InkBlockOptions& options = {});

}  // namespace raingan::image

#endif  // RAINGAN_IMAGE_PREPROCESS_H_
