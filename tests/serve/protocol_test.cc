#include "serve/protocol.h"

#include <gtest/gtest.h>

namespace raingan::serve {
namespace {

TEST(ProtocolTest, FieldsSurviveTabsNewlinesAndBackslashes) {
  Message m = {"done", "id", "failed", "a\tb\nc\\d \\t", "", "ก"};
  std::string wire = EncodeMessage(m);
  EXPECT_EQ(wire.find('\n'), wire.size() - 1);
  std::string buffer = wire + wire;
  std::vector<Message> got = TakeMessages(&buffer);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0], m);
  EXPECT_EQ(got[1], m);
  EXPECT_TRUE(buffer.empty());
}

TEST(ProtocolTest, APartialMessageWaitsForTheRest) {
  std::string wire = EncodeMessage({"progress", "x", "1", "3", "0", "0"});
  std::string buffer = wire.substr(0, 7);
  EXPECT_TRUE(TakeMessages(&buffer).empty());
  buffer += wire.substr(7);
  std::vector<Message> got = TakeMessages(&buffer);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0][3], "3");
}

}  // namespace
}  // namespace raingan::serve
