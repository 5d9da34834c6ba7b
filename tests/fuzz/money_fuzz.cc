// libFuzzer target: amounts and counts never crash and are never negative.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "dates/money.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::optional<int64_t> baht = raingan::dates::ParseBaht(text);
  std::optional<int64_t> count = raingan::dates::ParseCount(text);
  if ((baht && *baht < 0) || (count && *count < 0)) std::abort();
  return 0;
}
