// HTML character references (&amp; &nbsp; &#3585; &#x0E01; ...), for
// html.cc. Only the named references that occur in office exports are
// known; others stay text.
#ifndef RAINGAN_TEXTNORM_HTML_ENTITIES_H_
#define RAINGAN_TEXTNORM_HTML_ENTITIES_H_

#include <cstddef>
#include <string_view>

namespace raingan::textnorm {

// Decodes the character reference at html[pos] == '&'. Returns the index
// past it and sets *cp, or returns 0 when it is not a reference (no ';',
// unknown name, no digits). Numeric references to 0, surrogates or beyond
// U+10FFFF give U+FFFD; 0x80..0x9F are read as Windows-1252, as HTML5 says.
size_t ParseCharacterReference(std::string_view html, size_t pos, char32_t* cp);

}  // namespace raingan::textnorm

#endif  // RAINGAN_TEXTNORM_HTML_ENTITIES_H_
