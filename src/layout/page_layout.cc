#include "layout/page_layout.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "layout/table_fill.h"
#include "regex/regex.h"

namespace raingan::layout {
namespace {

double WeightedMedianSize(const std::vector<TextLine>& lines) {
  std::vector<std::pair<double, size_t>> sizes;
  size_t total = 0;
  for (const TextLine& l : lines) {
    sizes.emplace_back(l.font_size, l.text.size());
    total += l.text.size();
  }
  std::sort(sizes.begin(), sizes.end());
  size_t acc = 0;
  for (const auto& [size, weight] : sizes) {
    acc += weight;
    if (acc * 2 >= total) return size;
  }
  return sizes.empty() ? 0 : sizes.back().first;
}

// Removes page numbers (in the top and bottom margins) and the catchword
// that ends a page.
void DropMarginLines(std::vector<TextLine>* lines, double page_height,
                     const PageLayoutOptions& options) {
  double top = page_height * options.margin_band;
  double bottom = page_height * (1 - options.margin_band);
  std::vector<TextLine> kept;
  for (size_t i = 0; i < lines->size(); ++i) {
    const TextLine& l = (*lines)[i];
    bool in_margin = l.bbox.y1 <= top || l.bbox.y0 >= bottom;
    bool last = i + 1 == lines->size();
    if (in_margin && IsPageNumberLine(l.text)) continue;
    // The catchword ends the page's text wherever the text ends.
    if (last && IsCatchwordLine(l.text)) continue;
    kept.push_back(l);
  }
  *lines = std::move(kept);
}

// The gap between the wrapped lines of one paragraph, from all the gaps
// between consecutive lines of a page: the smallest gap that recurs
// (within `tolerance`). Not the median: a page of short paragraphs — a
// plan's project sheet, one label or item per paragraph — has more gaps
// between paragraphs than inside them. A page where no gap recurs falls
// back to the median.
double WrapGap(std::vector<double> gaps, double tolerance) {
  if (gaps.empty()) return 0;
  std::sort(gaps.begin(), gaps.end());
  for (size_t i = 0; i + 1 < gaps.size(); ++i) {
    if (gaps[i + 1] - gaps[i] <= tolerance) return gaps[i + 1];
  }
  return gaps[gaps.size() / 2];
}

// Running state of the paragraph being assembled.
class BodyAssembler {
 public:
  BodyAssembler(const std::vector<TextLine>& body, int page,
                const TextColumn& column, const PageLayoutOptions& options)
      : page_(page), options_(options) {
    body_size_ = WeightedMedianSize(body);
    if (body_size_ <= 0) body_size_ = 12;
    left_ = right_ = 0;
    bool first = true;
    std::vector<double> gaps;
    for (size_t i = 0; i < body.size(); ++i) {
      const BBox& b = body[i].bbox;
      left_ = first ? b.x0 : std::min(left_, b.x0);
      right_ = first ? b.x1 : std::max(right_, b.x1);
      first = false;
      if (i > 0) {
        double gap = b.y0 - body[i - 1].bbox.y1;
        if (gap > -0.5 * body_size_ && gap < 2 * body_size_) {
          gaps.push_back(gap);
        }
      }
    }
    if (column.known()) {
      left_ = first ? column.left : std::min(left_, column.left);
      right_ = first ? column.right : std::max(right_, column.right);
    }
    usual_gap_ = std::max(0.0, WrapGap(gaps, 0.1 * body_size_));
  }

  void Add(const TextLine& line, std::vector<Block>* out) {
    if (!lines_.empty() && Breaks(line)) Flush(out);
    lines_.push_back(line);
  }

  // The text of the paragraph so far.
  std::string Joined() const {
    std::string text;
    for (size_t i = 0; i < lines_.size(); ++i) {
      JoinLine(&text, lines_[i].text, i > 0 && lines_[i - 1].trailing_space);
    }
    return text;
  }

  void Flush(std::vector<Block>* out) {
    if (lines_.empty()) return;
    Paragraph p;
    p.prov.page = page_;
    p.prov.bbox = lines_.front().bbox;
    p.list_item = StartsWithListMarker(lines_.front().text);
    p.text = Joined();
    bool heading = lines_.size() <= 3;
    for (const TextLine& l : lines_) {
      BBox& b = p.prov.bbox;
      b = {std::min(b.x0, l.bbox.x0), std::min(b.y0, l.bbox.y0),
           std::max(b.x1, l.bbox.x1), std::max(b.y1, l.bbox.y1)};
      heading = heading && HeadingStyle(l);
    }
    p.heading = heading;
    out->push_back(Block::MakeParagraph(std::move(p)));
    lines_.clear();
  }

 private:
  bool HeadingStyle(const TextLine& l) const {
    return l.bold || l.font_size >= options_.heading_scale * body_size_;
  }

  bool Breaks(const TextLine& line) const {
    const TextLine& prev = lines_.back();
    const TextLine& first = lines_.front();
    double em = std::max(line.font_size, prev.font_size);
    if (OpensListItem(Joined(), line.text)) return true;
    if (HeadingStyle(line) != HeadingStyle(prev)) return true;
    if (std::abs(line.font_size - prev.font_size) > 0.1 * em) return true;
    if (line.bbox.y0 - prev.bbox.y1 > usual_gap_ + options_.extra_gap * em) {
      return true;
    }
    // Two pieces of one visual line (split at a wide gap) stay apart.
    if (line.bbox.y0 < prev.bbox.cy()) return true;
    // The previous line stopped short of the right edge: its paragraph
    // ended there (the last line of a justified paragraph, a title line).
    if (prev.bbox.x1 < right_ - options_.short_line * em) return true;
    // Lines of a centered block (titles, signatures) continue one
    // paragraph only when the line before filled the column: that is how
    // centered text wraps; shorter lines were broken by hand.
    bool off_margin = line.bbox.x0 > left_ + options_.indent * em;
    if (off_margin && std::abs(line.bbox.cx() - prev.bbox.cx()) < em) {
      return prev.bbox.width() < right_ - left_ - options_.short_line * em;
    }
    // The previous line was full, so the text wrapped — unless this line
    // does not start where a wrapped line would: indented (a first-line
    // indent, but not the hanging indent of a list item) or far left of
    // where the previous one started (one indented block after another).
    bool hanging =
        StartsWithListMarker(first.text) && line.bbox.x0 > first.bbox.x0;
    if (off_margin && !hanging) return true;
    return line.bbox.x0 < prev.bbox.x0 - options_.max_first_indent * em;
  }

  int page_;
  const PageLayoutOptions& options_;
  double body_size_ = 12;
  double left_ = 0, right_ = 0;
  double usual_gap_ = 0;
  std::vector<TextLine> lines_;
};

}  // namespace

bool IsPageNumberLine(std::string_view text) {
  // At most three digits: a year standing alone is not a page number.
  static const Regex kPageNumber(R"(^\s*(?:หน้า\s*)?[-–—(]?\s*[0-9๐-๙]{1,3}\s*)"
                                 R"((?:/\s*[0-9๐-๙]{1,3}\s*)?[-–—)]?\s*$)");
  return kPageNumber.PartialMatch(text);
}

bool IsCatchwordLine(std::string_view text) {
  static const Regex kCatchword(R"(^\s*/\S.*(?:\.\.\.|…)\s*$)");
  return kCatchword.PartialMatch(text);
}

TextColumn EstimateTextColumn(const std::vector<TextLine>& running_text) {
  // Weighted modes over 2-pt bins: the left margin where wrapped lines
  // start, the right margin where justified lines end.
  constexpr double kBin = 2.0;
  std::map<long, std::pair<double, double>> starts, ends;  // weight, sum
  for (const TextLine& l : running_text) {
    double w = l.bbox.width();
    if (!(w > 0)) continue;
    auto& s = starts[std::lround(l.bbox.x0 / kBin)];
    s.first += w;
    s.second += w * l.bbox.x0;
    auto& e = ends[std::lround(l.bbox.x1 / kBin)];
    e.first += w;
    e.second += w * l.bbox.x1;
  }
  auto mode = [](const std::map<long, std::pair<double, double>>& bins) {
    double best = 0, at = 0;
    for (const auto& [bin, ws] : bins) {
      if (ws.first > best) {
        best = ws.first;
        at = ws.second / ws.first;
      }
    }
    return at;
  };
  TextColumn column;
  if (starts.empty()) return column;
  column.left = mode(starts);
  column.right = mode(ends);
  if (!column.known()) column = {};
  return column;
}

std::vector<Block> LayoutPage(const std::vector<TextLine>& lines,
                              const std::vector<TableGrid>& grids, int page,
                              double page_height, const TextColumn& column,
                              const PageLayoutOptions& options) {
  std::vector<bool> used(lines.size(), false);
  std::vector<Table> tables;
  for (const TableGrid& grid : grids) {
    std::vector<bool> in_grid;
    tables.push_back(FillTable(grid, lines, page, &in_grid, options.paragraph));
    for (size_t i = 0; i < lines.size(); ++i) used[i] = used[i] || in_grid[i];
  }
  std::vector<TextLine> body;
  for (size_t i = 0; i < lines.size(); ++i) {
    const BBox& b = lines[i].bbox;
    bool finite = std::isfinite(b.x0) && std::isfinite(b.x1) &&
                  std::isfinite(b.y0) && std::isfinite(b.y1) &&
                  std::isfinite(lines[i].baseline);
    if (!used[i] && finite) body.push_back(lines[i]);
  }
  SortReadingOrder(&body);
  DropMarginLines(&body, page_height, options);

  // Tables in top-to-bottom order, interleaved with the running text.
  std::vector<size_t> order(tables.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return tables[a].prov.bbox.y0 < tables[b].prov.bbox.y0;
  });

  std::vector<Block> blocks;
  BodyAssembler assembler(body, page, column, options);
  size_t next_table = 0;
  for (const TextLine& line : body) {
    while (next_table < order.size() &&
           tables[order[next_table]].prov.bbox.y0 <= line.bbox.cy()) {
      assembler.Flush(&blocks);
      blocks.push_back(Block::MakeTable(std::move(tables[order[next_table]])));
      ++next_table;
    }
    assembler.Add(line, &blocks);
  }
  assembler.Flush(&blocks);
  for (; next_table < order.size(); ++next_table) {
    blocks.push_back(Block::MakeTable(std::move(tables[order[next_table]])));
  }
  return blocks;
}

}  // namespace raingan::layout
