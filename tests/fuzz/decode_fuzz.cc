// libFuzzer target: decoding arbitrary bytes never crashes; what it accepts
// is valid UTF-8 without NUL characters.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "unicode/icu.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  raingan::Result<std::string> text = raingan::unicode::DecodeTextBytes(bytes);
  if (!text.ok()) {
    if (text.status().message().empty()) std::abort();
    return 0;
  }
  if (!raingan::utf8::IsValid(*text)) std::abort();
  if (text->find('\0') != std::string::npos) std::abort();
  return 0;
}
