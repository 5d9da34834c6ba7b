#include "cli/common_options.h"

#include <sched.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace raingan::cli {

const char kCommonOptionsHelp[] =
    "  --pipeline NAME|FILE  stage sequence: a name in pipelines/ (default:\n"
    "                        \"default\") or a .json file\n"
    "  --models DIR          data files (default: $RAINGAN_MODELS or the\n"
    "                        models/ directory of this installation)\n"
    "  --ocr-dpi N           render resolution for scanned pages (300)\n"
    "  --force-ocr           OCR every PDF page, ignoring its text layer\n"
    "  --no-ocr              never run OCR; pages that need it get a warning\n"
    "  --max-pixels N        refuse any image, image on a PDF page or page\n"
    "                        rendered for OCR of more than N pixels, checked\n"
    "                        before decoding (default 200M; a M suffix means\n"
    "                        millions): the file, or that page, fails\n"
    "  --max-pages N         refuse documents of more than N pages (2000)\n"
    "  --review-below C      list a field for review (measures[].review)\n"
    "                        when its confidence is below C, 0..1 (default\n"
    "                        0.65; 0 lists only the checks' findings)\n";

bool ParsePositiveInt(const std::string& text, int* value) {
  if (text.empty() || text.size() > 9) return false;
  int v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  if (v <= 0) return false;
  *value = v;
  return true;
}

bool StderrIsTerminal(int* columns) {
  if (columns != nullptr) *columns = 0;
  const char* term = std::getenv("TERM");
  if (!::isatty(STDERR_FILENO) || (term && std::string(term) == "dumb")) {
    return false;
  }
  winsize size{};
  if (columns != nullptr && ::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0) {
    *columns = size.ws_col;
  }
  return true;
}

bool ParsePixelCount(const std::string& text, int64_t* value) {
  std::string digits = text;
  int64_t unit = 1;
  if (!digits.empty() && (digits.back() == 'M' || digits.back() == 'm')) {
    unit = 1'000'000;
    digits.pop_back();
  }
  if (digits.empty() || digits.size() > 12) return false;
  int64_t v = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  if (v <= 0) return false;
  *value = v * unit;
  return true;
}

int CoreCount() {
  // The CPUs this process may run on (taskset, a Slurm or container CPU
  // set), which may be fewer than the machine has.
  cpu_set_t allowed;
  CPU_ZERO(&allowed);
  if (::sched_getaffinity(0, sizeof(allowed), &allowed) == 0) {
    int n = CPU_COUNT(&allowed);
    if (n > 0) return n;
  }
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? static_cast<int>(n) : 1;
}

bool ParseCommonOption(const std::vector<std::string>& args, size_t* i,
                       ExtractOptions* options, std::string* error) {
  const std::string& a = args[*i];
  auto value = [&](std::string* out) {
    if (*i + 1 >= args.size()) {
      *error = a + " needs a value";
      return false;
    }
    *out = args[++*i];
    return true;
  };
  if (a == "--pipeline") return value(&options->pipeline) || true;
  if (a == "--models") return value(&options->models_dir) || true;
  if (a == "--ocr-dpi") {
    std::string v;
    if (value(&v) && !ParsePositiveInt(v, &options->backend.ocr_dpi)) {
      *error = "--ocr-dpi needs a positive number, not '" + v + "'";
    }
    return true;
  }
  if (a == "--max-pixels") {
    std::string v;
    if (value(&v) && !ParsePixelCount(v, &options->backend.limits.max_pixels)) {
      *error =
          "--max-pixels needs a positive number of pixels (e.g. "
          "200000000 or 200M), not '" +
          v + "'";
    }
    return true;
  }
  if (a == "--max-pages") {
    std::string v;
    if (value(&v) && !ParsePositiveInt(v, &options->backend.limits.max_pages)) {
      *error = "--max-pages needs a positive number, not '" + v + "'";
    }
    return true;
  }
  if (a == "--review-below") {
    std::string v;
    if (!value(&v)) return true;
    char* end = nullptr;
    double c = std::strtod(v.c_str(), &end);
    if (v.empty() || *end != '\0' || !(c >= 0 && c <= 1)) {
      *error = "--review-below needs a number from 0 to 1, not '" + v + "'";
    } else {
      options->review_below = c;
    }
    return true;
  }
  if (a == "--force-ocr") {
    options->backend.force_ocr = true;
    return true;
  }
  if (a == "--no-ocr") {
    options->backend.allow_ocr = false;
    return true;
  }
  return false;
}

}  // namespace raingan::cli
