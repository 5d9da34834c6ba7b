// libFuzzer target: the Normalizer never crashes, always returns valid
// UTF-8 without split SARA AM or table PUA glyphs, and is idempotent.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "base/utf8.h"
#include "textnorm/normalizer.h"
#include "textnorm/text_stats.h"

namespace {

const raingan::textnorm::Normalizer& Norm() {
  static const raingan::textnorm::Normalizer* n = [] {
    auto r = raingan::textnorm::Normalizer::Load(RAINGAN_SOURCE_MODELS_DIR);
    if (!r.ok()) std::abort();
    return new raingan::textnorm::Normalizer(std::move(r).value());
  }();
  return *n;
}

bool HasTablePua(const std::string& s) {
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = raingan::utf8::DecodeNext(s, &pos);
    if ((c >= 0xF700 && c <= 0xF71A) || (c >= 0xF884 && c <= 0xF89E)) {
      return true;
    }
  }
  return false;
}

void Check(const std::string& out, bool keep_lines) {
  if (!raingan::utf8::IsValid(out)) std::abort();
  if (HasTablePua(out)) std::abort();
  if (!keep_lines && raingan::textnorm::CountTextIssues(out).split_sara_am) {
    std::abort();
  }
  std::string again =
      keep_lines ? Norm().NormalizeKeepLines(out) : Norm().Normalize(out);
  if (again != out) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  Check(Norm().Normalize(input), false);
  Check(Norm().NormalizeKeepLines(input), true);
  return 0;
}
