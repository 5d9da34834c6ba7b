// Engine: raingan's one wrapper around Tesseract.
//
// Only src/ocr/engine.cc includes Tesseract headers. An Engine is one
// initialized Tesseract instance: Create() loads the language models
// (about half a second for tha+eng), so a worker creates one Engine and
// reuses it for every page and cell it reads. An Engine is not
// thread-safe; use one per thread.
//
// Threads: Tesseract parallelizes inside one recognition with OpenMP,
// which on a machine that already runs one page per core only adds
// contention. Create() sets OMP_THREAD_LIMIT=1 (unless the user set it)
// before the first Tesseract instance exists, so each Engine uses exactly
// the one thread that calls it.
//
// Coordinates: pixels of the image given to SetPage(), top-left origin.
// Confidences: 0..1 (Tesseract's 0..100 scaled).
#ifndef RAINGAN_OCR_ENGINE_H_
#define RAINGAN_OCR_ENGINE_H_

#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "image/image.h"

namespace raingan::ocr {

struct EngineOptions {
  // Tesseract language codes joined by "+"; the first is the main one.
  std::string languages = "tha+eng";
  // Directory holding <lang>.traineddata; empty = Tesseract's default
  // (TESSDATA_PREFIX, else the compiled-in path, on Debian
  // /usr/share/tesseract-ocr/5/tessdata).
  std::string tessdata_dir;
  // Optional lists that bias recognition (Tesseract's user_words_file and
  // user_patterns_file); empty = none. Missing files fail Create().
  std::string user_words_file;
  std::string user_patterns_file;
};

// How Tesseract should segment the region it is given.
enum class Segmentation {
  kBlock,   // one uniform block of text (PSM 6): a table cell
  kColumn,  // one column of text of varying sizes (PSM 4): running text
  kLine,    // a single line (PSM 7)
};

struct PixelBox {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int width() const { return x1 - x0; }
  int height() const { return y1 - y0; }
};

// Tesseract's "words" are the runs it separates by blanks; in Thai, which
// has no spaces between words, these are often single syllables, so
// whether a blank precedes a word is recorded rather than assumed.
struct OcrWord {
  std::string text;  // UTF-8 as Tesseract emits it (not normalized)
  PixelBox box;
  double confidence = 0;
  bool space_before = false;  // a blank separates it from the word before
};

struct OcrLine {
  std::vector<OcrWord> words;  // left to right
  PixelBox box;
  int baseline = 0;  // y of the baseline at the line's center
  // Tesseract's estimate of the line's x-height (the body of letters
  // without ascenders or marks), pixels; 0 when unknown.
  double x_height = 0;
};

class Engine {
 public:
  static Result<Engine> Create(const EngineOptions& options);

  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;
  ~Engine();

  // The image later Recognize() calls read (8-bit gray or 1-bit; its dpi
  // is passed to Tesseract). Tesseract keeps its own reference.
  Status SetPage(const image::Image& page);

  // The lines Tesseract reads in `region` (clipped to the page), top to
  // bottom. Lines without any non-space text are dropped.
  Result<std::vector<OcrLine>> Recognize(const PixelBox& region,
                                         Segmentation mode);

  // The lines Tesseract reads in all of `image` (a line made up by the
  // caller, image/row_strip.h), in its own pixels. It replaces the page:
  // call SetPage() again before the next Recognize().
  Result<std::vector<OcrLine>> RecognizeImage(const image::Image& image,
                                              Segmentation mode);

  // How far `page` (any depth) is turned, from Tesseract's orientation
  // detector (its "osd" data, in Debian's tesseract-ocr-osd): the
  // clockwise quarter turns (0..3) that make it upright, and the
  // detector's confidence (Tesseract's scale: upright text pages score
  // about 20, a doubtful page under 2). Loads the detector on first use.
  struct Orientation {
    int quarter_turns = 0;
    double confidence = 0;
  };
  Result<Orientation> DetectOrientation(const image::Image& page);

  // "5.3.0" etc., for reports.
  static std::string Version();

  // Where Tesseract finds `language`'s data (<dir>/<language>.traineddata,
  // the directory Tesseract itself resolves: `tessdata_dir`, else
  // TESSDATA_PREFIX, else its compiled-in path) and the version string the
  // file records ("4.00.00alpha:tha:synth20170629"; empty when it records
  // none). Loads the language to ask, about 0.2 s. NotFound when Tesseract
  // cannot load it.
  struct LanguageData {
    std::string path;
    std::string version;
  };
  static Result<LanguageData> FindLanguageData(
      const std::string& language, const std::string& tessdata_dir = "");

 private:
  struct Impl;
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace raingan::ocr

#endif  // RAINGAN_OCR_ENGINE_H_
