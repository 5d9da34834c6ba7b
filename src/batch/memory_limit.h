// Memory limits of batch workers (--max-memory).
//
// The limit caps a worker's address space (RLIMIT_AS), not its resident
// memory: Linux cannot cap resident memory of a process without cgroups,
// and address space is what malloc and mmap fail on. Address space is
// larger than resident memory (thread stacks and malloc arenas reserve
// more than they touch), so limits are best left generous; their job is
// to stop a runaway document before it takes the machine, not to pack
// workers tightly.
#ifndef RAINGAN_BATCH_MEMORY_LIMIT_H_
#define RAINGAN_BATCH_MEMORY_LIMIT_H_

#include <sys/resource.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace raingan::batch {

inline constexpr uint64_t kMiB = uint64_t{1} << 20;

// "512M", "512MB", "2G", "1.5g", or a plain number of MiB ("800").
// At least 1 MiB; "0" means no limit.
Result<uint64_t> ParseMemorySize(std::string_view text);

// The default per worker: three quarters of physical memory shared by
// `jobs` workers, but at least 1 GiB: on a small machine a limit below
// what ordinary documents need would fail them all.
uint64_t DefaultMaxMemory(int jobs);

// "1536 MiB".
std::string FormatMiB(uint64_t bytes);

// Sets the soft RLIMIT_AS of this process for its lifetime (or until
// Lift()); the hard limit is untouched so that it can be raised again.
class MemoryCap {
 public:
  explicit MemoryCap(uint64_t bytes);  // 0 = no cap
  ~MemoryCap() { Lift(); }
  MemoryCap(const MemoryCap&) = delete;
  MemoryCap& operator=(const MemoryCap&) = delete;
  void Lift();

 private:
  struct rlimit saved_ {};
  bool active_ = false;
};

// This process's peak address space (VmPeak) in bytes; 0 if unknown.
uint64_t PeakAddressSpace();

}  // namespace raingan::batch

#endif  // RAINGAN_BATCH_MEMORY_LIMIT_H_
