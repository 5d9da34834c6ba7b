// Finding the sheet of paper in a phone photo and flattening it.
//
// A photographed page lies on a desk: the paper is a bright four-sided
// shape (a trapezoid when the phone was held at an angle) surrounded by a
// darker background. FindSheet() looks for that shape on a reduced copy;
// FlattenSheet() maps it onto an upright rectangle, so that text lines are
// straight and parallel again and the desk is gone. A scan (paper to the
// edges) has no sheet to find and is left as it is.
#ifndef RAINGAN_IMAGE_SHEET_H_
#define RAINGAN_IMAGE_SHEET_H_

#include <array>
#include <optional>

#include "base/result.h"
#include "image/image.h"

namespace raingan::image {

struct SheetOptions {
  // Width (pixels) of the reduced copy the sheet is looked for on: the
  // outline of an A4 sheet is found to within a few pixels at this size.
  int work_width = 480;
  // The sheet covers at least this share of the photo (phone photos of a
  // page fill 45-85% of the frame; the sample photos about 70%) ...
  double min_area = 0.25;
  // ... and at most this: above it the paper reaches the frame on all
  // sides, as on a scan, and there is no outline to correct.
  double max_area = 0.93;
  // Each corner's angle stays within this many degrees of 90 (a phone
  // held 30° off the perpendicular bends a corner by about 15°).
  double max_corner_bend = 25;
  // The paper is at least this many gray levels brighter than what lies
  // around it (desk, floor); a shadow across the sheet keeps it brighter
  // than the desk (the sample photos: paper 170-235, desk 50-90).
  int min_contrast = 50;
  // Share of the area outside the sheet that must be darker than the
  // paper threshold: a desk, not a white page with a dark picture on it.
  double min_dark_outside = 0.6;
};

// Corners of the sheet in the photo's pixels: top-left, top-right,
// bottom-right, bottom-left.
struct Sheet {
  struct Point {
    double x = 0, y = 0;
  };
  std::array<Point, 4> corners;
};

// The sheet in `photo`, or nullopt when the photo shows none (a scan, a
// blank image, a sheet cut by the frame). Fails only on an unsupported
// image.
Result<std::optional<Sheet>> FindSheet(const Image& photo,
                                       const SheetOptions& options = {});

// The sheet mapped onto an upright rectangle (8-bit gray) whose sides are
// the mean lengths of the sheet's opposite edges. Its dpi assumes an A4
// page (the size reports are printed on), so that layout measures in
// points stay true.
Result<Image> FlattenSheet(const Image& photo, const Sheet& sheet);

}  // namespace raingan::image

#endif  // RAINGAN_IMAGE_SHEET_H_
