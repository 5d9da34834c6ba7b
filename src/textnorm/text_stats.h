// Counting the defects of extracted Thai text, to judge a PDF text layer
// (and to assert that raingan's output is free of them).
#ifndef RAINGAN_TEXTNORM_TEXT_STATS_H_
#define RAINGAN_TEXTNORM_TEXT_STATS_H_

#include <string_view>

namespace raingan::textnorm {

struct TextStats {
  int chars = 0;          // non-whitespace code points
  int thai = 0;           // of which in the Thai block
  int pua = 0;            // U+E000..U+F8FF (legacy Thai font glyphs)
  int split_sara_am = 0;  // U+0E4D NIKHAHIT followed (possibly after a tone
                          // mark) by U+0E32 SARA AA: a broken SARA AM
  int replacement = 0;    // U+FFFD
  int control = 0;        // C0/C1 controls other than TAB/LF/CR
};

TextStats CountTextIssues(std::string_view utf8);

}  // namespace raingan::textnorm

#endif  // RAINGAN_TEXTNORM_TEXT_STATS_H_
