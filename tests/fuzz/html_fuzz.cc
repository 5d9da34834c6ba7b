// libFuzzer target: HTML splitting never crashes and yields trimmed,
// non-empty, whitespace-collapsed paragraphs.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "textnorm/html.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view html(reinterpret_cast<const char*>(data), size);
  for (const raingan::textnorm::HtmlParagraph& p :
       raingan::textnorm::SplitHtml(html)) {
    if (p.text.empty() || p.text.front() == ' ' || p.text.back() == ' ' ||
        p.text.find("  ") != std::string::npos) {
      std::abort();
    }
  }
  std::string stripped = raingan::textnorm::StripHtml(html);
  if (!raingan::textnorm::ContainsHtml(html) &&
      stripped.find('<') == std::string::npos &&
      html.find('<') != std::string_view::npos) {
    std::abort();  // text without markup keeps its '<'
  }
  return 0;
}
