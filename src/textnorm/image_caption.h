// English descriptions of pictures that exporters and OCR tools write into
// Thai reports ("The image shows …", "This image depicts …", "![](x.png)").
// They describe a photo, they are not the report's text: no field may hold
// them.
#ifndef RAINGAN_TEXTNORM_IMAGE_CAPTION_H_
#define RAINGAN_TEXTNORM_IMAGE_CAPTION_H_

#include <string>
#include <string_view>

namespace raingan {
namespace textnorm {

// True if the whole of `text` is such a description: no Thai letter, and
// it opens like a caption ("The image shows", "Photo:", "[Figure of …").
bool IsImageCaption(std::string_view text);

// `text` without the description it ends with: Thai text followed by a
// caption sentence in English ("ไม่พบพัสดุสูญหาย This image depicts …")
// keeps the Thai part; a paragraph that is all caption becomes empty.
// Other text is returned unchanged.
std::string StripImageCaption(std::string_view text);

// True if `text` reads as the rest of an English sentence cut off above:
// no Thai letter, opening with a lower-case Latin word, and at least three
// words ("community hall during the forum.") or two that end the sentence
// ("the forum."). After a page break that is a
// picture's description the break cut in two; a Thai cell's own text
// never continues in English prose.
bool IsCaptionTail(std::string_view text);

}  // namespace textnorm
}  // namespace raingan

#endif  // RAINGAN_TEXTNORM_IMAGE_CAPTION_H_
