// raingan_learn_digits FILE.pdf FONT_NAME
//
// Prints template lines for the Thai digits of a born-digital PDF set in
// FONT_NAME, to extend models/ocr_digit_shapes.tsv with another font (the
// OCR digit repair recognises only fonts it has templates for).
#include <iostream>
#include <string>

#include "base/file.h"
#include "ocr/digit_shapes.h"
#include "pdf/pdf_document.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: raingan_learn_digits FILE.pdf FONT_NAME\n";
    return 2;
  }
  using namespace raingan;
  Result<std::string> bytes = ReadFile(argv[1]);
  if (!bytes.ok()) {
    std::cerr << "raingan_learn_digits: " << argv[1] << ": "
              << bytes.status().ToString() << "\n";
    return 1;
  }
  Result<pdf::PdfDocument> pdf = pdf::PdfDocument::Open(*bytes);
  if (!pdf.ok()) {
    std::cerr << "raingan_learn_digits: " << argv[1] << ": "
              << pdf.status().ToString() << "\n";
    return 1;
  }
  Result<std::vector<ocr::ShapeTemplate>> learned =
      ocr::LearnDigitShapes(*pdf, argv[2]);
  if (!learned.ok()) {
    std::cerr << "raingan_learn_digits: " << argv[1] << ": "
              << learned.status().ToString() << "\n";
    return 1;
  }
  for (const ocr::ShapeTemplate& t : *learned) {
    std::cout << ocr::DigitShapes::FormatLine(t) << "\n";
  }
  return 0;
}
