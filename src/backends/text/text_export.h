// The text-export backend: reads the plain-text exports that document
// converters produce from Word/PDF reports into the Document model.
//
// What a text export looks like (see samples/*.txt):
//   - paragraphs separated by blank lines; a paragraph may wrap over
//     several lines; list items start with a bullet or a number;
//   - tables as runs of TAB-separated lines, the first line a header; a
//     table repeats its header at every page break, and blank lines may
//     separate its rows; a row with fewer cells than the header lacks the
//     leftmost cells of a vertical merge (the cell above continues);
//   - cells holding HTML (<p>, <br>, <ol><li style=...>, entities);
//   - markdown: # headings, **bold** titles, pipe tables, ![images];
//   - English image descriptions ("The image shows ...") that are not data.
//
// The result is one unpaged Page (number 0) whose blocks carry the source
// line in their provenance. Text is decoded and HTML-free but not yet
// normalized (the "normalize" stage does that for every backend).
#ifndef RAINGAN_BACKENDS_TEXT_TEXT_EXPORT_H_
#define RAINGAN_BACKENDS_TEXT_TEXT_EXPORT_H_

#include <string_view>

namespace raingan::text_export {

// True for an English description of a picture, which converters insert
// in place of images: no Thai letters and a caption-like opening such as
// "The image shows", "This photo", "![...](...)".
bool IsImageDescription(std::string_view line);

// True for a markdown table separator row such as "|---|:--:|".
bool IsPipeSeparator(std::string_view line);

}  // namespace raingan::text_export

#endif  // RAINGAN_BACKENDS_TEXT_TEXT_EXPORT_H_
