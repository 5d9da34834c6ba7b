// --shard K/N: a deterministic share of a batch's inputs, so that N
// machines (e.g. the tasks of a Slurm job array) can split one province or
// a whole country without talking to each other.
//
// An input belongs to shard K when the SHA-256 of its path, as collected
// (batch/inputs.h), taken modulo N equals K-1. So every shard must be
// given the same inputs spelled the same way (the same command line run
// from the same directory); the shards then partition the inputs exactly,
// and adding files to an archive never moves other files between shards.
// Shares are balanced by hashing, not exactly equal.
#ifndef RAINGAN_BATCH_SHARD_H_
#define RAINGAN_BATCH_SHARD_H_

#include <string>
#include <string_view>

#include "base/result.h"

namespace raingan::batch {

struct Shard {
  int index = 1;  // K, 1-based
  int count = 1;  // N; 1 = the whole batch
};

// Parses "K/N" with 1 <= K <= N.
Result<Shard> ParseShard(std::string_view text);

bool InShard(std::string_view path, const Shard& shard);

// "" for the whole batch, else "-K-of-N": added to the names of the merged
// outputs so shards may share one output directory.
std::string ShardSuffix(const Shard& shard);

}  // namespace raingan::batch

#endif  // RAINGAN_BATCH_SHARD_H_
