// Result<T>: a value or an error, and access that is checked in every build.
#include "base/result.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace raingan {
namespace {

Result<int> Half(int n) {
  if (n % 2 != 0) return Status::InvalidArgument(std::to_string(n) + " is odd");
  return n / 2;
}

Result<int> Quarter(int n) {
  RAINGAN_ASSIGN_OR_RETURN(int half, Half(n));
  RAINGAN_ASSIGN_OR_RETURN(int quarter, Half(half));
  return quarter;
}

TEST(ResultTest, HoldsAValueOrAnError) {
  Result<int> ok = Half(8);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 4);
  EXPECT_EQ(ok.value(), 4);
  EXPECT_TRUE(ok.status().ok());

  Result<int> odd = Half(7);
  EXPECT_FALSE(odd.ok());
  EXPECT_EQ(odd.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(odd.status().message(), "7 is odd");
}

TEST(ResultTest, AssignOrReturnPassesTheFirstErrorOn) {
  EXPECT_EQ(*Quarter(12), 3);
  EXPECT_EQ(Quarter(6).status().message(), "3 is odd");
  EXPECT_EQ(Quarter(5).status().message(), "5 is odd");
}

TEST(ResultTest, MovesOutMoveOnlyValues) {
  Result<std::unique_ptr<int>> r = std::make_unique<int>(5);
  ASSERT_TRUE(r.ok());
  std::unique_ptr<int> p = std::move(r).value();
  EXPECT_EQ(*p, 5);
}

// Reading the value of an error is a bug: the process stops and says
// which error was ignored, in release builds too (no undefined behaviour).
TEST(ResultDeathTest, ValueOfAnErrorStopsNamingTheError) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  Result<std::string> r = Status::NotFound("models/units.tsv: no such file");
  EXPECT_DEATH((void)r.value(),
               "internal error: a Result was used without a value: not "
               "found: models/units.tsv: no such file");
  EXPECT_DEATH((void)*r, "used without a value");
  EXPECT_DEATH((void)r->size(), "used without a value");
  EXPECT_DEATH((void)std::move(r).value(), "used without a value");
  const Result<std::string>& c = r;
  EXPECT_DEATH((void)c.value(), "used without a value");
}

}  // namespace
}  // namespace raingan
