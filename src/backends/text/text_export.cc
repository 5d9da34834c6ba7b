#include "backends/text/text_export.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "backends/backend.h"
#include "base/text.h"
#include "base/utf8.h"
#include "regex/regex.h"
#include "textnorm/html.h"
#include "textnorm/image_caption.h"
#include "unicode/icu.h"

namespace raingan {
namespace text_export {
namespace {

// One physical line of the export with its 1-based number.
struct SourceLine {
  int number = 0;
  std::string text;
};

std::vector<SourceLine> SplitLines(const std::string& text) {
  std::vector<SourceLine> lines;
  size_t pos = 0;
  int number = 0;
  while (pos <= text.size()) {
    size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string::npos) end = text.size();
    lines.push_back({++number, text.substr(pos, end - pos)});
    if (end == text.size()) break;
    // CRLF counts as one line break; a lone CR (old Mac) too.
    pos = end + 1;
    if (text[end] == '\r' && pos < text.size() && text[pos] == '\n') ++pos;
  }
  return lines;
}

// Blank: nothing but whitespace, NBSP or zero-width characters.
bool IsBlank(std::string_view line) {
  size_t pos = 0;
  while (pos < line.size()) {
    char32_t c = utf8::DecodeNext(line, &pos);
    bool invisible = c == ' ' || c == '\t' || c == 0xA0 || c == 0x200B ||
                     c == 0x200C || c == 0x200D || c == 0xFEFF || c == 0x3000;
    if (!invisible) return false;
  }
  return true;
}

bool IsTabRow(std::string_view line) {
  return line.find('\t') != std::string_view::npos;
}

std::string_view TrimView(std::string_view s) { return TrimChars(s, " \t"); }

bool IsPipeRow(std::string_view line) {
  std::string_view t = TrimView(line);
  return t.size() >= 2 && t.front() == '|' &&
         t.find('|', 1) != std::string_view::npos;
}

// Markdown "# Title" → level and text.
bool MarkdownHeading(std::string_view line, std::string* text) {
  static const Regex kHeading(R"(^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$)");
  std::vector<std::string> g;
  if (!kHeading.PartialMatch(line, &g)) return false;
  *text = g[1];
  return true;
}

// Removes markdown emphasis markers (**bold**, __bold__) and reports whether
// the whole line was emphasized.
std::string StripEmphasis(std::string_view line, bool* all_bold) {
  std::string s(TrimView(line));
  bool starts = s.rfind("**", 0) == 0 || s.rfind("__", 0) == 0;
  bool ends = s.size() >= 2 && (s.compare(s.size() - 2, 2, "**") == 0 ||
                                s.compare(s.size() - 2, 2, "__") == 0);
  *all_bold = starts && ends && s.size() > 4;
  static const Regex kMarkers(R"(\*\*|__)");
  return kMarkers.ReplaceAll(s, "");
}

// A line opening a list item: bullets, "๑.", "1)", "(๒)", "๑.๑ ".
bool StartsListItem(std::string_view line) {
  static const Regex kMarker(
      R"(^\s*(?:[-•●▪■◦*]\s|\(?[0-9๐-๙]{1,3}\)|[0-9๐-๙]{1,3}(?:\.[0-9๐-๙]{1,3})*\.?\s))");
  return kMarker.PartialMatch(line);
}

std::vector<Paragraph> CellParagraphs(std::string_view raw, int line_no) {
  std::vector<Paragraph> out;
  auto add = [&](std::string text, bool list_item) {
    if (IsBlank(text) || IsImageDescription(text)) return;
    Paragraph p;
    p.text = std::move(text);
    p.list_item = list_item;
    p.prov.line = line_no;
    out.push_back(std::move(p));
  };
  bool bold = false;
  std::string text = StripEmphasis(raw, &bold);
  if (textnorm::ContainsHtml(text)) {
    for (textnorm::HtmlParagraph& h : textnorm::SplitHtml(text)) {
      add(std::move(h.text), h.list_item);
    }
  } else {
    add(std::string(TrimView(text)), StartsListItem(text));
  }
  return out;
}

std::vector<std::string> SplitCells(std::string_view line, bool pipe) {
  std::vector<std::string> cells;
  std::string_view body = line;
  char sep = '\t';
  if (pipe) {
    sep = '|';
    body = TrimView(line);
    body.remove_prefix(1);  // leading '|'
    if (!body.empty() && body.back() == '|') body.remove_suffix(1);
  }
  size_t start = 0;
  for (;;) {
    size_t cut = body.find(sep, start);
    cells.emplace_back(body.substr(start, cut == std::string_view::npos
                                              ? std::string_view::npos
                                              : cut - start));
    if (cut == std::string_view::npos) break;
    start = cut + 1;
  }
  return cells;
}

// Accumulates rows of the table being read; flushes it as one Block.
class TableBuilder {
 public:
  bool active() const { return !rows_.empty(); }

  void AddRow(const SourceLine& line, bool pipe) {
    std::vector<std::string> raw = SplitCells(line.text, pipe);
    // A trailing TAB is an empty last cell (a blank remark column), so the
    // raw width is kept for aligning the row; only the table width ignores
    // trailing blanks, which some exporters add beyond the last column.
    size_t width = raw.size();
    while (width > 1 && IsBlank(raw[width - 1]) && !pipe) --width;
    TableRow row;
    row.prov.line = line.number;
    for (const std::string& r : raw) {
      Cell cell;
      cell.prov.line = line.number;
      cell.paragraphs = CellParagraphs(r, line.number);
      row.cells.push_back(std::move(cell));
    }
    trimmed_widths_.push_back(static_cast<int>(width));
    rows_.push_back(std::move(row));
  }

  Block Flush() {
    Table table;
    table.prov.line = rows_.front().prov.line;
    // The header (first row) fixes the width; rows that are wider grow it.
    int columns = 0;
    for (int w : trimmed_widths_) columns = std::max(columns, w);
    table.columns = columns;
    table.kind = TableKind::kDelimited;
    for (TableRow& r : rows_) {
      // Cells past the table width are trailing blanks.
      if (static_cast<int>(r.cells.size()) > columns) r.cells.resize(columns);
      int missing = columns - static_cast<int>(r.cells.size());
      if (missing > 0 && r.cells.size() > 1) {
        // Word-derived exports omit the cells of a vertical merge; those
        // are the leftmost grouping columns, continued from the row above.
        std::vector<Cell> padded(static_cast<size_t>(missing));
        for (Cell& c : padded) {
          c.covered = true;
          c.prov = r.prov;
        }
        r.cells.insert(r.cells.begin(), padded.begin(), padded.end());
      } else {
        while (static_cast<int>(r.cells.size()) < columns) {
          Cell c;
          c.prov = r.prov;
          r.cells.push_back(std::move(c));
        }
      }
      table.rows.push_back(std::move(r));
    }
    rows_.clear();
    trimmed_widths_.clear();
    return Block::MakeTable(std::move(table));
  }

 private:
  std::vector<TableRow> rows_;
  std::vector<int> trimmed_widths_;
};

// Accumulates the lines of one paragraph of running text.
class ParagraphBuilder {
 public:
  bool active() const { return !text_.empty(); }

  void AddLine(const SourceLine& line, std::vector<Block>* out) {
    std::string md;
    if (MarkdownHeading(line.text, &md)) {
      Flush(out);
      Paragraph p;
      bool bold = false;
      p.text = StripEmphasis(md, &bold);
      p.heading = true;
      p.prov.line = line.number;
      out->push_back(Block::MakeParagraph(std::move(p)));
      return;
    }
    std::string_view t = TrimView(line.text);
    if (IsImageDescription(t)) return;
    if (StartsListItem(t) && active()) Flush(out);
    if (!active()) {
      first_line_ = line.number;
      list_item_ = StartsListItem(t);
      // A bold run "**...**" may span lines: it opens here...
      opens_bold_ = t.rfind("**", 0) == 0 || t.rfind("__", 0) == 0;
    } else {
      text_ += ' ';
    }
    text_ += t;
  }

  void Flush(std::vector<Block>* out) {
    if (!active()) return;
    bool bold = false;
    Paragraph p;
    p.text = StripEmphasis(text_, &bold);
    // ...and a paragraph that is bold from its first to its last character
    // is a title or heading.
    p.heading = bold && opens_bold_;
    p.list_item = list_item_;
    p.prov.line = first_line_;
    std::vector<Paragraph> parts;
    if (textnorm::ContainsHtml(p.text)) {
      for (textnorm::HtmlParagraph& h : textnorm::SplitHtml(p.text)) {
        Paragraph q = p;
        q.text = std::move(h.text);
        q.list_item = h.list_item || StartsListItem(q.text);
        parts.push_back(std::move(q));
      }
    } else {
      parts.push_back(std::move(p));
    }
    for (Paragraph& q : parts) {
      if (!IsBlank(q.text)) out->push_back(Block::MakeParagraph(std::move(q)));
    }
    text_.clear();
  }

 private:
  std::string text_;
  int first_line_ = 0;
  bool list_item_ = false;
  bool opens_bold_ = false;
};

}  // namespace

bool IsImageDescription(std::string_view line) {
  return textnorm::IsImageCaption(line);
}

bool IsPipeSeparator(std::string_view line) {
  static const Regex kSeparator(
      R"(^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$)");
  return kSeparator.FullMatch(line);
}

}  // namespace text_export

Status ReadTextExport(std::string_view bytes, const BackendOptions& options,
                      Document* doc) {
  (void)options;
  if (bytes.empty()) return Status::BadInput("the file is empty");
  Result<std::string> decoded = unicode::DecodeTextBytes(bytes);
  if (!decoded.ok()) return decoded.status();
  std::vector<text_export::SourceLine> lines =
      text_export::SplitLines(*decoded);

  Page page;
  page.number = 0;
  text_export::TableBuilder table;
  text_export::ParagraphBuilder para;
  // A table ends at the first line of running text; blank lines inside it
  // (between rows, or around a repeated header) do not end it.
  for (const text_export::SourceLine& line : lines) {
    if (text_export::IsBlank(line.text)) {
      para.Flush(&page.blocks);
      continue;
    }
    bool tab = text_export::IsTabRow(line.text);
    bool pipe = !tab && text_export::IsPipeRow(line.text);
    if (tab || pipe) {
      para.Flush(&page.blocks);
      if (pipe && text_export::IsPipeSeparator(line.text)) continue;
      table.AddRow(line, pipe);
      continue;
    }
    if (table.active()) page.blocks.push_back(table.Flush());
    para.AddLine(line, &page.blocks);
  }
  para.Flush(&page.blocks);
  if (table.active()) page.blocks.push_back(table.Flush());

  if (page.blocks.empty()) {
    return Status::BadInput("the file holds no text (only blank lines)");
  }
  doc->source.format = SourceFormat::kText;
  doc->source.pages = -1;
  doc->pages.push_back(std::move(page));
  return Status::Ok();
}

namespace {

class TextBackend : public Backend {
 public:
  explicit TextBackend(const BackendOptions& options) : options_(options) {}
  std::string_view name() const override { return "text"; }
  // A text export has no pages to count: it reports no progress.
  Status Read(std::string_view bytes, const ProgressTracker& /*progress*/,
              Document* doc) const override {
    return ReadTextExport(bytes, options_, doc);
  }

 private:
  BackendOptions options_;
};

}  // namespace

Result<std::unique_ptr<Backend>> NewTextBackend(const BackendOptions& options,
                                                ModelStore* /*models*/) {
  return std::unique_ptr<Backend>(std::make_unique<TextBackend>(options));
}

}  // namespace raingan
