#include "image/despeckle.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <vector>

#include "image/leptonica_ptr.h"

namespace raingan::image {
namespace {

struct Component {
  int x, y, w, h;
};

// The consonant height of the page's text: the median height of the
// components weighted by their box area — letters hold most of a page's
// ink, so thousands of dust dots (the 200-dpi sample has more dots than
// letters) do not move it. Rulings and frames are left out.
double CoreHeight(const std::vector<Component>& cs) {
  std::vector<std::pair<int, double>> weighted;
  double total = 0;
  for (const Component& c : cs) {
    if (c.h < 4 || c.w < 2 || c.h >= 200 || c.w >= 400) continue;
    double area = static_cast<double>(c.w) * c.h;
    weighted.emplace_back(c.h, area);
    total += area;
  }
  if (weighted.size() < 20) return 0;  // too little text to tell
  std::sort(weighted.begin(), weighted.end());
  double acc = 0;
  for (const auto& [h, area] : weighted) {
    acc += area;
    if (acc * 2 >= total) return h;
  }
  return weighted.back().first;
}

}  // namespace

Result<DespeckleResult> Despeckle(Pix* binary, Pix* gray, Pix* also,
                                  const DespeckleOptions& options) {
  DespeckleResult out;
  if (binary == nullptr || pixGetDepth(binary) != 1) {
    return Status::InvalidArgument("Despeckle needs a 1-bit image");
  }
  Pixa* raw_pixa = nullptr;
  BoxaPtr boxes(pixConnComp(binary, &raw_pixa, 8));
  PixaPtr pixa(raw_pixa);
  if (!boxes || !pixa) return Status::Internal("connected components failed");
  const int n = boxaGetCount(boxes.get());
  std::vector<Component> cs(n);
  for (int i = 0; i < n; ++i) {
    boxaGetBoxGeometry(boxes.get(), i, &cs[i].x, &cs[i].y, &cs[i].w, &cs[i].h);
  }
  const double core = CoreHeight(cs);
  out.core_height = core;
  if (core <= 0) return out;
  const double max_speck = options.max_speck * core;
  const double min_letter = options.min_letter * core;

  // Letters in a grid of cells one consonant height wide.
  const double cell = std::max(1.0, core);
  auto key = [&](int gx, int gy) {
    return (static_cast<long long>(gx) << 32) ^ static_cast<unsigned>(gy);
  };
  std::unordered_map<long long, std::vector<int>> grid;
  for (int i = 0; i < n; ++i) {
    const Component& c = cs[i];
    // Rulings and frames are no letters: dust beside a table border is
    // dust.
    if (c.h < min_letter || c.h > 3 * core || c.w > 12 * core) continue;
    int gx0 = static_cast<int>(c.x / cell),
        gx1 = static_cast<int>((c.x + c.w) / cell);
    int gy0 = static_cast<int>(c.y / cell),
        gy1 = static_cast<int>((c.y + c.h) / cell);
    for (int gx = gx0; gx <= gx1; ++gx) {
      for (int gy = gy0; gy <= gy1; ++gy) grid[key(gx, gy)].push_back(i);
    }
  }
  const double mark_reach = options.mark_reach * core;
  const double stop_reach = options.stop_reach * core;
  auto has_letter_near = [&](const Component& s) {
    double cx = s.x + s.w / 2.0, cy = s.y + s.h / 2.0;
    int reach = static_cast<int>(std::ceil(mark_reach / cell)) + 1;
    int gx = static_cast<int>(cx / cell), gy = static_cast<int>(cy / cell);
    for (int dx = -reach; dx <= reach; ++dx) {
      for (int dy = -reach; dy <= reach; ++dy) {
        auto it = grid.find(key(gx + dx, gy + dy));
        if (it == grid.end()) continue;
        for (int li : it->second) {
          const Component& l = cs[li];
          bool over_x = s.x + s.w >= l.x && s.x <= l.x + l.w;
          double vgap = std::max(l.y - (s.y + s.h), s.y - (l.y + l.h));
          if (over_x && vgap <= mark_reach) return true;  // a mark
          bool beside_y =
              cy >= l.y - 0.2 * core && cy <= l.y + l.h + 0.2 * core;
          double hgap = std::max(l.x - (s.x + s.w), s.x - (l.x + l.w));
          if (beside_y && hgap <= stop_reach) return true;  // a stop, a comma
        }
      }
    }
    return false;
  };

  PixPtr removed(pixCreate(pixGetWidth(binary), pixGetHeight(binary), 1));
  if (!removed) return Status::Internal("cannot allocate the speck mask");
  for (int i = 0; i < n; ++i) {
    const Component& c = cs[i];
    if (std::max(c.w, c.h) > max_speck) continue;
    if (has_letter_near(c)) continue;
    PixPtr comp(pixaGetPix(pixa.get(), i, L_CLONE));
    if (!comp) continue;
    pixRasterop(removed.get(), c.x, c.y, c.w, c.h, PIX_SRC | PIX_DST,
                comp.get(), 0, 0);
    ++out.removed;
  }
  if (out.removed == 0) return out;
  // binary &= ~removed
  pixRasterop(binary, 0, 0, pixGetWidth(binary), pixGetHeight(binary),
              PIX_NOT(PIX_SRC) & PIX_DST, removed.get(), 0, 0);
  if (also != nullptr && pixGetDepth(also) == 1 &&
      pixGetWidth(also) == pixGetWidth(binary) &&
      pixGetHeight(also) == pixGetHeight(binary)) {
    pixRasterop(also, 0, 0, pixGetWidth(also), pixGetHeight(also),
                PIX_NOT(PIX_SRC) & PIX_DST, removed.get(), 0, 0);
  }
  if (gray != nullptr && pixGetDepth(gray) == 8 &&
      pixGetWidth(gray) == pixGetWidth(binary) &&
      pixGetHeight(gray) == pixGetHeight(binary)) {
    // Dust is a little wider in gray than its thresholded core.
    PixPtr grown(pixDilateBrick(nullptr, removed.get(), 3, 3));
    pixSetMasked(gray, grown ? grown.get() : removed.get(), 255);
  }
  return out;
}

}  // namespace raingan::image
