#include "batch/shard.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace raingan::batch {
namespace {

std::vector<std::string> Paths(int n) {
  std::vector<std::string> paths;
  for (int i = 0; i < n; ++i) {
    paths.push_back("province/amphoe" + std::to_string(i % 7) + "/report" +
                    std::to_string(i) + ".pdf");
  }
  return paths;
}

TEST(ParseShard, AcceptsKOfN) {
  Result<Shard> s = ParseShard("3/8");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->index, 3);
  EXPECT_EQ(s->count, 8);
  EXPECT_TRUE(ParseShard("1/1").ok());
}

TEST(ParseShard, RejectsMalformedOrOutOfRange) {
  for (const char* bad :
       {"", "3", "0/4", "5/4", "a/b", "1/0", "-1/4", "1/4x", "1//4"}) {
    EXPECT_FALSE(ParseShard(bad).ok()) << bad;
  }
}

TEST(InShard, ShardsPartitionTheInputs) {
  const int n = 4;
  std::vector<std::string> paths = Paths(400);
  std::vector<int> sizes(n, 0);
  for (const std::string& p : paths) {
    int owners = 0;
    for (int k = 1; k <= n; ++k) {
      if (InShard(p, Shard{k, n})) {
        ++owners;
        ++sizes[k - 1];
      }
    }
    EXPECT_EQ(owners, 1) << p;
  }
  // Hashing balances roughly: each share within 40% of the mean.
  for (int size : sizes) {
    EXPECT_GT(size, 60);
    EXPECT_LT(size, 140);
  }
}

TEST(InShard, FollowsTheDocumentedHashSoEveryMachineAgrees) {
  // Expected shards computed independently (Python hashlib): K-1 =
  // int(sha256(path)[:15 hex digits]) mod N. std::hash would differ
  // between builds; this must not.
  struct Case {
    const char* path;
    int k2, k3, k8;
  };
  for (const Case& c : {Case{"a.pdf", 2, 1, 4},
                        Case{"samples/000_3cee52bff17396b4.txt", 1, 1, 5},
                        Case{"archive/2566/report.pdf", 2, 1, 8}}) {
    EXPECT_TRUE(InShard(c.path, Shard{c.k2, 2})) << c.path;
    EXPECT_TRUE(InShard(c.path, Shard{c.k3, 3})) << c.path;
    EXPECT_TRUE(InShard(c.path, Shard{c.k8, 8})) << c.path;
  }
  EXPECT_TRUE(InShard("a.pdf", Shard{1, 1}));
}

TEST(ShardSuffix, NamesTheShard) {
  EXPECT_EQ(ShardSuffix(Shard{}), "");
  EXPECT_EQ(ShardSuffix(Shard{3, 8}), "-3-of-8");
}

}  // namespace
}  // namespace raingan::batch
