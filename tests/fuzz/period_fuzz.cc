// libFuzzer target: the period parser never crashes and its results are
// consistent (valid dates, start <= end, sorted fiscal years).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "dates/calendar.h"
#include "dates/period.h"

namespace {

const raingan::dates::PeriodParser& Parser() {
  static const raingan::dates::PeriodParser* p = [] {
    auto r = raingan::dates::PeriodParser::Load(RAINGAN_SOURCE_MODELS_DIR);
    if (!r.ok()) std::abort();
    return new raingan::dates::PeriodParser(std::move(r).value());
  }();
  return *p;
}

void CheckDate(const std::optional<raingan::Date>& d) {
  if (!d) return;
  if (d->month < 1 || d->month > 12 || d->day < 1 ||
      d->day > raingan::dates::DaysInMonth(d->year, d->month)) {
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the document's fiscal year (0 = none).
  int fiscal_year = data[0] < 64 ? 0 : 2500 + data[0] % 100;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  raingan::dates::PeriodResult r = Parser().Parse(text, fiscal_year);
  CheckDate(r.start);
  CheckDate(r.end);
  if (r.start.has_value() != r.end.has_value()) std::abort();
  if (r.start && *r.end < *r.start) std::abort();
  if (!std::is_sorted(r.fiscal_years.begin(), r.fiscal_years.end())) {
    std::abort();
  }
  if ((r.start || !r.fiscal_years.empty()) && !r.recognized) std::abort();
  return 0;
}
