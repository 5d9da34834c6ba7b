#include "batch/memory_limit.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>

namespace raingan::batch {

Result<uint64_t> ParseMemorySize(std::string_view text) {
  auto bad = [&] {
    return Status::InvalidArgument(
        "--max-memory needs a size such as 2G or 512M, not '" +
        std::string(text) + "'");
  };
  std::string_view number = text;
  double unit = 1;  // MiB
  while (!number.empty() &&
         std::isalpha(static_cast<unsigned char>(number.back()))) {
    number.remove_suffix(1);
  }
  std::string suffix(text.substr(number.size()));
  std::transform(suffix.begin(), suffix.end(), suffix.begin(),
                 [](unsigned char c) { return std::toupper(c); });
  if (suffix == "G" || suffix == "GB" || suffix == "GIB") {
    unit = 1024;
  } else if (suffix == "K" || suffix == "KB" || suffix == "KIB") {
    unit = 1.0 / 1024;
  } else if (!suffix.empty() && suffix != "M" && suffix != "MB" &&
             suffix != "MIB") {
    return bad();
  }
  if (number.empty() || number.size() > 12) return bad();
  double value = 0, scale = 0;
  bool digits = false;
  for (char c : number) {
    if (c == '.' && scale == 0) {
      scale = 1;
    } else if (c >= '0' && c <= '9') {
      digits = true;
      if (scale > 0) scale /= 10;
      value = scale > 0 ? value + (c - '0') * scale : value * 10 + (c - '0');
    } else {
      return bad();
    }
  }
  if (!digits) return bad();
  if (value == 0) return uint64_t{0};
  double bytes = value * unit * static_cast<double>(kMiB);
  if (bytes < static_cast<double>(kMiB) || bytes > 1e18) return bad();
  return static_cast<uint64_t>(bytes);
}

uint64_t DefaultMaxMemory(int jobs) {
  long pages = ::sysconf(_SC_PHYS_PAGES);
  long page_size = ::sysconf(_SC_PAGE_SIZE);
  uint64_t physical =
      pages > 0 && page_size > 0
          ? static_cast<uint64_t>(pages) * static_cast<uint64_t>(page_size)
          : 0;
  uint64_t share = physical / 4 * 3 / static_cast<uint64_t>(std::max(1, jobs));
  return std::max<uint64_t>(share, 1024 * kMiB);
}

std::string FormatMiB(uint64_t bytes) {
  return std::to_string((bytes + kMiB / 2) / kMiB) + " MiB";
}

MemoryCap::MemoryCap(uint64_t bytes) {
  if (bytes == 0 || ::getrlimit(RLIMIT_AS, &saved_) != 0) return;
  struct rlimit capped = saved_;
  capped.rlim_cur = saved_.rlim_max == RLIM_INFINITY
                        ? bytes
                        : std::min<rlim_t>(bytes, saved_.rlim_max);
  active_ = ::setrlimit(RLIMIT_AS, &capped) == 0;
}

void MemoryCap::Lift() {
  if (active_) ::setrlimit(RLIMIT_AS, &saved_);
  active_ = false;
}

uint64_t PeakAddressSpace() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmPeak:") {
      uint64_t kb = 0;
      status >> kb;
      return kb * 1024;
    }
    status.ignore(1 << 12, '\n');
  }
  return 0;
}

}  // namespace raingan::batch
