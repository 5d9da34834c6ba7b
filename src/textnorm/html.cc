#include "textnorm/html.h"

#include <algorithm>
#include <array>

#include "base/utf8.h"
#include "textnorm/html_entities.h"

namespace raingan::textnorm {
namespace {

bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9'); }
bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c; }

constexpr size_t kMaxTagLength = 4096;

enum class MarkupKind { kNone, kTag, kComment, kAutolink };

struct Markup {
  MarkupKind kind = MarkupKind::kNone;
  size_t end = 0;         // index just past the markup
  std::string name;       // tags: lower-case element name
  bool closing = false;   // </name>
  std::string_view link;  // autolinks: the address
};

// <scheme:address> as written by Markdown-style exporters, e.g.
// <https://ggde.nacc.go.th>; the address is text, not markup.
bool ParseAutolink(std::string_view html, size_t pos, Markup* m) {
  size_t i = pos + 1;
  size_t scheme_start = i;
  while (i < html.size() && i - scheme_start < 32 &&
         (IsAsciiAlnum(html[i]) || html[i] == '+' || html[i] == '.' ||
          html[i] == '-')) {
    ++i;
  }
  if (i - scheme_start < 2 || i >= html.size() || html[i] != ':') return false;
  size_t close = i + 1;
  while (close < html.size() && html[close] != '>' && html[close] != '<' &&
         !IsHtmlSpace(html[close])) {
    ++close;
  }
  if (close >= html.size() || html[close] != '>' || close == i + 1) {
    return false;
  }
  m->kind = MarkupKind::kAutolink;
  m->link = html.substr(pos + 1, close - pos - 1);
  m->end = close + 1;
  return true;
}

// Recognizes the markup starting at html[pos] == '<'. kNone means the '<'
// is an ordinary character.
Markup ParseMarkup(std::string_view html, size_t pos) {
  Markup m;
  size_t n = html.size();
  if (html.substr(pos, 4) == "<!--") {
    size_t close = html.find("-->", pos + 4);
    m.kind = MarkupKind::kComment;
    m.end = close == std::string_view::npos ? n : close + 3;
    return m;
  }
  if (pos + 1 < n && (html[pos + 1] == '!' || html[pos + 1] == '?')) {
    size_t close = html.find_first_of("<>", pos + 2);
    if (close == std::string_view::npos || html[close] != '>') return m;
    m.kind = MarkupKind::kComment;  // <!DOCTYPE ...>, <?xml ...?>
    m.end = close + 1;
    return m;
  }
  if (ParseAutolink(html, pos, &m)) return m;
  size_t i = pos + 1;
  if (i < n && html[i] == '/') {
    m.closing = true;
    ++i;
  }
  if (i >= n || !IsAsciiAlpha(html[i])) return m;
  while (i < n && (IsAsciiAlnum(html[i]) || html[i] == '-' || html[i] == ':')) {
    m.name.push_back(Lower(html[i]));
    ++i;
  }
  if (i < n && !IsHtmlSpace(html[i]) && html[i] != '/' && html[i] != '>') {
    m.name.clear();
    return m;  // "<abcก": not a tag
  }
  // Attributes: up to the first '>' outside quotes. A '<' before it means the
  // first '<' was text ("<b <p>x"). Real tags are short; the bound keeps a
  // stray '<x "' in a long text from making scanning quadratic.
  char quote = 0;
  size_t limit = std::min(n, i + kMaxTagLength);
  for (; i < limit; ++i) {
    char c = html[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      m.kind = MarkupKind::kTag;
      m.end = i + 1;
      return m;
    } else if (c == '<') {
      break;
    }
  }
  m.name.clear();
  m.closing = false;
  return m;
}

bool IsBlockElement(const std::string& name) {
  static constexpr std::array<std::string_view, 37> kBlocks = {
      "address",    "article", "aside",  "blockquote", "br",     "caption",
      "center",     "dd",      "div",    "dl",         "dt",     "fieldset",
      "figcaption", "figure",  "footer", "form",       "h1",     "h2",
      "h3",         "h4",      "h5",     "h6",         "header", "hr",
      "li",         "main",    "nav",    "ol",         "p",      "pre",
      "section",    "table",   "tbody",  "td",         "th",     "tr",
      "ul"};
  return std::find(kBlocks.begin(), kBlocks.end(), name) != kBlocks.end();
}

// Elements whose content is not text.
bool IsRawTextElement(const std::string& name) {
  return name == "script" || name == "style" || name == "head" ||
         name == "title" || name == "template";
}

// Collapses ASCII whitespace and NBSP to single spaces and trims.
std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool nbsp = c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
    if (IsHtmlSpace(c) || nbsp) {
      if (nbsp) ++i;
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

class Splitter {
 public:
  std::vector<HtmlParagraph> Run(std::string_view html) {
    size_t i = 0;
    size_t n = html.size();
    while (i < n) {
      char c = html[i];
      if (c == '<') {
        Markup m = ParseMarkup(html, i);
        if (m.kind != MarkupKind::kNone) {
          i = Apply(html, m);
          continue;
        }
      } else if (c == '&') {
        char32_t cp;
        size_t end = ParseCharacterReference(html, i, &cp);
        if (end != 0) {
          utf8::Append(cp, &current_);
          i = end;
          continue;
        }
      }
      current_.push_back(c);
      ++i;
    }
    Flush();
    return std::move(paragraphs_);
  }

 private:
  // Applies one piece of markup; returns where scanning continues.
  size_t Apply(std::string_view html, const Markup& m) {
    if (m.kind == MarkupKind::kAutolink) {
      current_.append(m.link);
      return m.end;
    }
    if (m.kind != MarkupKind::kTag) return m.end;
    if (!m.closing && IsRawTextElement(m.name)) {
      // Skip to the matching end tag (case-insensitive), or to the end.
      std::string close = "</" + m.name;
      for (size_t j = m.end; j + close.size() <= html.size(); ++j) {
        if (html[j] != '<') continue;
        bool same = true;
        for (size_t k = 0; k < close.size() && same; ++k) {
          same = Lower(html[j + k]) == close[k];
        }
        if (same) {
          size_t gt = html.find('>', j);
          return gt == std::string_view::npos ? html.size() : gt + 1;
        }
      }
      return html.size();
    }
    if (!IsBlockElement(m.name)) return m.end;  // <b>, <span>, <a>...
    Flush();
    if (m.name == "li") {
      in_list_item_ = !m.closing;
    } else if (m.closing && (m.name == "ul" || m.name == "ol")) {
      in_list_item_ = false;
    }
    return m.end;
  }

  void Flush() {
    std::string text = CollapseSpaces(current_);
    current_.clear();
    if (text.empty()) return;
    paragraphs_.push_back(HtmlParagraph{std::move(text), in_list_item_});
  }

  std::string current_;
  std::vector<HtmlParagraph> paragraphs_;
  bool in_list_item_ = false;
};

}  // namespace

bool ContainsHtml(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '<') {
      if (ParseMarkup(text, i).kind != MarkupKind::kNone) return true;
    } else if (text[i] == '&') {
      char32_t cp;
      if (ParseCharacterReference(text, i, &cp) != 0) return true;
    }
  }
  return false;
}

std::vector<HtmlParagraph> SplitHtml(std::string_view html) {
  return Splitter().Run(html);
}

std::string StripHtml(std::string_view html) {
  std::string out;
  for (const HtmlParagraph& p : SplitHtml(html)) {
    if (!out.empty()) out.push_back(' ');
    out += p.text;
  }
  return out;
}

std::string UnwrapAutolinks(std::string_view text) {
  if (text.find('<') == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    Markup m;
    if (text[pos] == '<' && ParseAutolink(text, pos, &m)) {
      out.append(m.link);
      pos = m.end;
      continue;
    }
    out.push_back(text[pos++]);
  }
  return out;
}

}  // namespace raingan::textnorm
