#include "textnorm/text_stats.h"

#include "base/utf8.h"

namespace raingan::textnorm {

TextStats CountTextIssues(std::string_view utf8) {
  TextStats st;
  size_t pos = 0;
  char32_t prev = 0, prev2 = 0;
  while (pos < utf8.size()) {
    char32_t c = utf8::DecodeNext(utf8, &pos);
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
                 c == 0xA0 || c == 0x3000;
    if (!space) ++st.chars;
    if (utf8::IsThai(c)) ++st.thai;
    if (c >= 0xE000 && c <= 0xF8FF) ++st.pua;
    if (c == utf8::kReplacement) ++st.replacement;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
        (c >= 0x7F && c < 0xA0)) {
      ++st.control;
    }
    if (c == 0x0E32) {
      bool tone = prev >= 0x0E48 && prev <= 0x0E4B;
      if (prev == 0x0E4D || (tone && prev2 == 0x0E4D)) ++st.split_sara_am;
    }
    prev2 = prev;
    prev = c;
  }
  return st;
}

}  // namespace raingan::textnorm
