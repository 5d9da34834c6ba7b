// HTML inside text-export cells: "<p>๑. ...</p> <p>๒. ...</p>", list items
// with attributes, entities. raingan only needs the text and its paragraph
// structure, so this is a small tolerant scanner, not an HTML parser: markup
// it does not recognize is kept as text, and nothing here can fail.
#ifndef RAINGAN_TEXTNORM_HTML_H_
#define RAINGAN_TEXTNORM_HTML_H_

#include <string>
#include <string_view>
#include <vector>

namespace raingan::textnorm {

struct HtmlParagraph {
  std::string text;
  bool list_item = false;  // inside an <li>
};

// True if `text` contains a tag (<p>, </p>, <br/>, <li style="...">), a
// comment, an autolink (<https://...>) or a character entity (&amp; &#3585;
// &#x0E01;). A lone "<" or "&" (e.g. "a < b", "R&D") is not HTML.
bool ContainsHtml(std::string_view text);

// Splits a cell's HTML into paragraphs at <p>, <br>, <li>, <div>, <tr>,
// <td>, headings and other block boundaries. Tags (with any attributes),
// comments, <script>/<style> contents are dropped; entities are decoded
// (named ones such as &amp; &nbsp; &ndash;, decimal and hex numeric ones);
// an autolink <https://x.y> keeps its address as text. Text outside any tag
// is its own paragraph. Whitespace (including NBSP) is collapsed to single
// spaces and trimmed in each paragraph; empty paragraphs are dropped.
std::vector<HtmlParagraph> SplitHtml(std::string_view html);

// Only the autolinks of `text` unwrapped ("<https://x.y>" -> "https://x.y"),
// everything else as it is. A PDF or a scan prints the brackets the text
// export wrote; they delimit the address and are not part of it.
std::string UnwrapAutolinks(std::string_view text);

// SplitHtml() joined by single spaces.
std::string StripHtml(std::string_view html);

}  // namespace raingan::textnorm

#endif  // RAINGAN_TEXTNORM_HTML_H_
