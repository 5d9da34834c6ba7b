#include "cli/common_options.h"

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
    "  --no-ocr              never run OCR; pages that need it get a warning\n";

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

int CoreCount() {
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
