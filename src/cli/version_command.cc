#include "cli/version_command.h"

#include <iostream>

#include "cli/common_options.h"
#include "image/image.h"
#include "ocr/engine.h"
#include "pdf/pdf_document.h"
#include "unicode/icu.h"

namespace raingan::cli {
namespace {

// The languages an OCR Engine loads by default ("tha+eng"), one by one.
std::vector<std::string> OcrLanguages() {
  std::vector<std::string> out;
  const std::string all = ocr::EngineOptions().languages;
  size_t start = 0;
  while (start <= all.size()) {
    size_t plus = all.find('+', start);
    if (plus == std::string::npos) plus = all.size();
    if (plus > start) out.push_back(all.substr(start, plus - start));
    start = plus + 1;
  }
  return out;
}

}  // namespace

int RunVersion(const std::vector<std::string>& /*args*/) {
  std::cout << "raingan " << RAINGAN_VERSION << "\n"
            << "poppler " << pdf::PopplerVersion() << "\n"
            << "tesseract " << ocr::Engine::Version() << "\n";
  for (const std::string& language : OcrLanguages()) {
    Result<ocr::Engine::LanguageData> data =
        ocr::Engine::FindLanguageData(language);
    std::cout << "  " << language << " data: ";
    if (!data.ok()) {
      std::cout << "not found (Debian: apt-get install tesseract-ocr-"
                << language << ")\n";
      continue;
    }
    std::cout << data->path;
    if (!data->version.empty()) std::cout << " (" << data->version << ")";
    std::cout << "\n";
  }
  std::cout << "leptonica " << image::LeptonicaVersion() << " ("
            << image::ImageCodecVersions() << ")\n"
            << "icu " << unicode::IcuVersion() << " (Unicode "
            << unicode::IcuUnicodeVersion() << ")\n";
  std::cout.flush();
  return kExitOk;
}

}  // namespace raingan::cli
