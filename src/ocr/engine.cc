#include "ocr/engine.h"

#include <dlfcn.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <new>
#include <string_view>
#include <vector>

#include "base/file.h"
#include "image/ink.h"

namespace raingan::ocr {
namespace {

// One thread per Engine (see engine.h). The environment variable is read
// by libgomp when the process starts, so it only helps processes raingan
// starts (and a libgomp loaded later). The running process is limited by
// making OpenMP parallel regions inactive, which libgomp allows at any
// time but keeps per thread: every thread that uses an Engine calls this.
// libgomp is already loaded with libtesseract, so the symbol is looked up
// rather than linked: raingan itself is not an OpenMP program.
void LimitThreads() {
  static std::once_flag once;
  std::call_once(once, [] { ::setenv("OMP_THREAD_LIMIT", "1", 1); });
  thread_local bool limited = false;
  if (limited) return;
  limited = true;
  using SetLevels = void (*)(int);
  auto set_levels = reinterpret_cast<SetLevels>(
      ::dlsym(RTLD_DEFAULT, "omp_set_max_active_levels"));
  if (set_levels != nullptr) set_levels(0);
}

tesseract::PageSegMode ToPsm(Segmentation mode) {
  switch (mode) {
    case Segmentation::kBlock:
      return tesseract::PSM_SINGLE_BLOCK;
    case Segmentation::kColumn:
      return tesseract::PSM_SINGLE_COLUMN;
    case Segmentation::kLine:
      return tesseract::PSM_SINGLE_LINE;
  }
  return tesseract::PSM_SINGLE_BLOCK;
}

PixelBox BoxAt(const tesseract::PageIterator& it,
               tesseract::PageIteratorLevel level) {
  PixelBox b;
  it.BoundingBox(level, &b.x0, &b.y0, &b.x1, &b.y1);
  return b;
}

bool Blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c == ' ' || c == '\n'; });
}

// Marks the words of `line` that follow a blank in `line_text`, Tesseract's
// rendering of the line. The iterator API does not tell word spacing, and
// the Thai model sets preserve_interword_spaces, so the line text has a
// blank exactly where the image has one.
void MarkSpaces(std::string_view line_text, OcrLine* line) {
  size_t pos = 0;
  for (size_t i = 0; i < line->words.size(); ++i) {
    OcrWord& w = line->words[i];
    size_t at = line_text.find(w.text, pos);
    if (at == std::string_view::npos) {
      w.space_before = i > 0;  // cannot tell: keep the words apart
      continue;
    }
    w.space_before =
        i > 0 && line_text.substr(pos, at - pos).find(' ') != std::string::npos;
    pos = at + w.text.size();
  }
}

// A word's box cut to the ink of the image Tesseract read (`binary`, whose
// top-left is at `origin` in page pixels): its LSTM engine may take in the
// blank before a word (image/ink.h).
PixelBox InkBox(const image::Image& binary, const PixelBox& origin,
                const PixelBox& box) {
  image::PixelRect r =
      image::TrimBlankColumns(binary, {box.x0 - origin.x0, box.y0 - origin.y0,
                                       box.x1 - origin.x0, box.y1 - origin.y0});
  return PixelBox{r.x0 + origin.x0, box.y0, r.x1 + origin.x0, box.y1};
}

// Reads the results of the last Recognize() of `region` into lines.
std::vector<OcrLine> CollectLines(tesseract::TessBaseAPI* api,
                                  const PixelBox& region) {
  // Tesseract thresholds the rectangle it was given; the image is that
  // rectangle (or the page, when no rectangle was set).
  const image::Image binary = image::Image::Adopt(api->GetThresholdedImage());
  PixelBox origin;
  if (!binary.empty() && binary.width() == region.width() &&
      binary.height() == region.height()) {
    origin = region;
  }
  std::vector<OcrLine> lines;
  std::unique_ptr<tesseract::ResultIterator> it(api->GetIterator());
  if (!it) return lines;
  constexpr auto kLine = tesseract::RIL_TEXTLINE;
  constexpr auto kWord = tesseract::RIL_WORD;
  std::vector<std::string> line_texts;
  do {
    if (it->IsAtBeginningOf(kLine)) {
      std::unique_ptr<char[]> text(it->GetUTF8Text(kLine));
      line_texts.emplace_back(text ? text.get() : "");
      OcrLine line;
      line.box = BoxAt(*it, kLine);
      int bx0, by0, bx1, by1;
      if (it->Baseline(kLine, &bx0, &by0, &bx1, &by1)) {
        line.baseline = (by0 + by1) / 2;
      } else {
        line.baseline = line.box.y1;
      }
      float row_height = 0, descenders = 0, ascenders = 0;
      it->RowAttributes(&row_height, &descenders, &ascenders);
      // row_height = x-height + ascenders - descenders (descenders < 0).
      line.x_height = std::max(0.0f, row_height - ascenders + descenders);
      lines.push_back(std::move(line));
    }
    if (lines.empty()) continue;
    std::unique_ptr<char[]> text(it->GetUTF8Text(kWord));
    if (!text || Blank(text.get())) continue;
    OcrWord word;
    word.text = text.get();
    word.box = InkBox(binary, origin, BoxAt(*it, kWord));
    word.confidence = std::clamp(it->Confidence(kWord) / 100.0, 0.0, 1.0);
    lines.back().words.push_back(std::move(word));
  } while (it->Next(kWord));
  for (size_t i = 0; i < lines.size(); ++i)
    MarkSpaces(line_texts[i], &lines[i]);
  lines.erase(std::remove_if(lines.begin(), lines.end(),
                             [](const OcrLine& l) { return l.words.empty(); }),
              lines.end());
  return lines;
}

}  // namespace

struct Engine::Impl {
  tesseract::TessBaseAPI api;
  int width = 0, height = 0;
  std::string tessdata_dir;
  std::unique_ptr<tesseract::TessBaseAPI> osd;  // created on first use
};

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;
Engine::~Engine() {
  if (impl_) impl_->api.End();
}

std::string Engine::Version() { return tesseract::TessBaseAPI::Version(); }

namespace {

// A .traineddata file starts with the number of its components (int32) and
// their offsets (int64 each, -1 for an absent one), little-endian; the
// version component is a bare string running to the next component.
// Tesseract's TessdataManager, which knows this, is not a public header.
std::string TraineddataVersion(const std::string& path) {
  constexpr int kVersionEntry = 23;  // TESSDATA_VERSION in tessdatamanager.h
  constexpr int32_t kMaxEntries = 1000;
  std::ifstream in(path, std::ios::binary);
  int32_t entries = 0;
  if (!in.read(reinterpret_cast<char*>(&entries), sizeof(entries)) ||
      entries <= kVersionEntry || entries > kMaxEntries) {
    return "";
  }
  std::vector<int64_t> offsets(entries);
  if (!in.read(reinterpret_cast<char*>(offsets.data()),
               static_cast<std::streamsize>(entries * sizeof(int64_t)))) {
    return "";
  }
  in.seekg(0, std::ios::end);
  const int64_t size = in.tellg();
  const int64_t begin = offsets[kVersionEntry];
  int64_t end = size;
  for (int i = kVersionEntry + 1; i < entries; ++i) {
    if (offsets[i] > 0) {
      end = offsets[i];
      break;
    }
  }
  constexpr int64_t kMaxVersionLength = 256;
  if (begin <= 0 || end <= begin || end > size ||
      end - begin > kMaxVersionLength) {
    return "";
  }
  std::string version(static_cast<size_t>(end - begin), '\0');
  in.seekg(begin);
  if (!in.read(version.data(), static_cast<std::streamsize>(version.size()))) {
    return "";
  }
  return version;
}

}  // namespace

Result<Engine::LanguageData> Engine::FindLanguageData(
    const std::string& language, const std::string& tessdata_dir) {
  LimitThreads();
  std::vector<std::string> names = {"debug_file"};
  std::vector<std::string> values = {"/dev/null"};
  try {
    tesseract::TessBaseAPI api;
    const char* datapath =
        tessdata_dir.empty() ? nullptr : tessdata_dir.c_str();
    if (api.Init(datapath, language.c_str(), tesseract::OEM_LSTM_ONLY, nullptr,
                 0, &names, &values, false) != 0) {
      return Status::NotFound("Tesseract cannot load the language data '" +
                              language + "'");
    }
    std::string dir = api.GetDatapath();
    api.End();
    if (!dir.empty() && dir.back() != '/') dir += '/';
    LanguageData data;
    data.path = dir + language + ".traineddata";
    data.version = TraineddataVersion(data.path);
    return data;
  } catch (const std::bad_alloc&) {
    return Status::Internal("out of memory loading Tesseract");
  }
}

Result<Engine> Engine::Create(const EngineOptions& options) {
  LimitThreads();
  for (const std::string* f :
       {&options.user_words_file, &options.user_patterns_file}) {
    if (!f->empty() && !PathExists(*f)) {
      return Status::NotFound("OCR word list not found: " + *f);
    }
  }
  // Init-only parameters go through Init(). Tesseract prints progress and
  // warnings ("Estimating resolution", "Empty page!!") to stderr; raingan
  // reports through Status and document warnings instead.
  std::vector<std::string> names = {"debug_file"};
  std::vector<std::string> values = {"/dev/null"};
  if (!options.user_words_file.empty()) {
    names.push_back("user_words_file");
    values.push_back(options.user_words_file);
  }
  if (!options.user_patterns_file.empty()) {
    names.push_back("user_patterns_file");
    values.push_back(options.user_patterns_file);
  }
  try {
    auto impl = std::make_unique<Impl>();
    const char* datapath =
        options.tessdata_dir.empty() ? nullptr : options.tessdata_dir.c_str();
    int rc = impl->api.Init(datapath, options.languages.c_str(),
                            tesseract::OEM_LSTM_ONLY, nullptr, 0, &names,
                            &values, false);
    if (rc != 0) {
      return Status::NotFound(
          "Tesseract cannot load the language data '" + options.languages +
          "' (on Debian: apt-get install tesseract-ocr-tha tesseract-ocr-eng;"
          " or set TESSDATA_PREFIX)");
    }
    impl->tessdata_dir = options.tessdata_dir;
    return Engine(std::move(impl));
  } catch (const std::bad_alloc&) {
    return Status::Internal("out of memory loading Tesseract");
  }
}

Result<Engine::Orientation> Engine::DetectOrientation(
    const image::Image& page) {
  if (page.empty()) return Status::InvalidArgument("empty page image");
  LimitThreads();
  try {
    if (!impl_->osd) {
      auto osd = std::make_unique<tesseract::TessBaseAPI>();
      std::vector<std::string> names = {"debug_file"};
      std::vector<std::string> values = {"/dev/null"};
      const char* datapath =
          impl_->tessdata_dir.empty() ? nullptr : impl_->tessdata_dir.c_str();
      if (osd->Init(datapath, "osd", tesseract::OEM_TESSERACT_ONLY, nullptr, 0,
                    &names, &values, false) != 0) {
        return Status::NotFound(
            "Tesseract cannot load its orientation data 'osd' (on Debian: "
            "apt-get install tesseract-ocr-osd)");
      }
      osd->SetPageSegMode(tesseract::PSM_OSD_ONLY);
      impl_->osd = std::move(osd);
    }
    impl_->osd->SetImage(page.pix());
    impl_->osd->SetSourceResolution(page.dpi());
    int degrees = 0;
    float confidence = 0, script_confidence = 0;
    const char* script = nullptr;
    Orientation out;
    // Fails on a page without enough text to tell: upright, no confidence.
    if (!impl_->osd->DetectOrientationScript(&degrees, &confidence, &script,
                                             &script_confidence)) {
      return out;
    }
    // `degrees` is how far the text is turned clockwise (what `tesseract
    // --psm 0` prints as "Orientation in degrees"); turning the page
    // clockwise by the rest of the circle puts it upright.
    out.quarter_turns = ((4 - degrees / 90) % 4 + 4) % 4;
    out.confidence = confidence;
    impl_->osd->Clear();
    return out;
  } catch (const std::bad_alloc&) {
    return Status::Internal("out of memory detecting the page orientation");
  }
}

Status Engine::SetPage(const image::Image& page) {
  if (page.empty()) return Status::InvalidArgument("empty page image");
  if (page.depth() != 1 && page.depth() != 8 && page.depth() != 32) {
    return Status::InvalidArgument("OCR needs a 1, 8 or 32-bit image");
  }
  try {
    impl_->api.SetImage(page.pix());
    impl_->api.SetSourceResolution(page.dpi());
  } catch (const std::bad_alloc&) {
    return Status::Internal("out of memory passing the page to Tesseract");
  }
  impl_->width = page.width();
  impl_->height = page.height();
  return Status::Ok();
}

Result<std::vector<OcrLine>> Engine::Recognize(const PixelBox& region,
                                               Segmentation mode) {
  if (impl_->width == 0) return Status::InvalidArgument("no page set");
  LimitThreads();  // cheap after the first call on this thread
  PixelBox r{std::clamp(region.x0, 0, impl_->width),
             std::clamp(region.y0, 0, impl_->height),
             std::clamp(region.x1, 0, impl_->width),
             std::clamp(region.y1, 0, impl_->height)};
  // Tesseract asserts on degenerate rectangles; a few pixels hold no text.
  if (r.width() < 4 || r.height() < 4) return std::vector<OcrLine>{};
  try {
    impl_->api.SetPageSegMode(ToPsm(mode));
    impl_->api.SetRectangle(r.x0, r.y0, r.width(), r.height());
    if (impl_->api.Recognize(nullptr) != 0) {
      return Status::Internal("Tesseract could not read the region");
    }
    return CollectLines(&impl_->api, r);
  } catch (const std::bad_alloc&) {
    return Status::Internal("out of memory in Tesseract");
  }
}

Result<std::vector<OcrLine>> Engine::RecognizeImage(const image::Image& image,
                                                    Segmentation mode) {
  RAINGAN_RETURN_IF_ERROR(SetPage(image));
  Result<std::vector<OcrLine>> lines =
      Recognize({0, 0, image.width(), image.height()}, mode);
  // The page is gone from Tesseract: nothing may read it by mistake.
  impl_->width = impl_->height = 0;
  return lines;
}

}  // namespace raingan::ocr
