#include "batch/shard.h"

#include <cstdint>

#include "base/sha256.h"

namespace raingan::batch {
namespace {

bool ParseCount(std::string_view text, int* value) {
  if (text.empty() || text.size() > 6) return false;
  int v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *value = v;
  return v > 0;
}

}  // namespace

Result<Shard> ParseShard(std::string_view text) {
  size_t slash = text.find('/');
  Shard shard;
  if (slash == std::string_view::npos ||
      !ParseCount(text.substr(0, slash), &shard.index) ||
      !ParseCount(text.substr(slash + 1), &shard.count) ||
      shard.index > shard.count) {
    return Status::InvalidArgument(
        "--shard needs K/N with 1 <= K <= N (e.g. 3/8), not '" +
        std::string(text) + "'");
  }
  return shard;
}

bool InShard(std::string_view path, const Shard& shard) {
  if (shard.count <= 1) return true;
  // SHA-256 rather than std::hash: the same on every machine and build.
  std::string hex = Sha256Hex(path);
  uint64_t h = std::stoull(hex.substr(0, 15), nullptr, 16);
  return static_cast<int>(h % static_cast<uint64_t>(shard.count)) ==
         shard.index - 1;
}

std::string ShardSuffix(const Shard& shard) {
  if (shard.count <= 1) return "";
  return "-" + std::to_string(shard.index) + "-of-" +
         std::to_string(shard.count);
}

}  // namespace raingan::batch
