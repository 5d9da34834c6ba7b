// base/text: the one Trim and the one digit parser every module uses.
#include "base/text.h"

#include <gtest/gtest.h>

namespace raingan {
namespace {

TEST(TextTest, TrimCharsRemovesOnlyTheGivenBytesAtBothEnds) {
  EXPECT_EQ(TrimChars("  a b \r", " \r"), "a b");
  EXPECT_EQ(TrimChars("\ta\t", " \r"), "\ta\t");  // a TSV's tabs stay
  EXPECT_EQ(TrimChars(" \t ", " \t"), "");
  EXPECT_EQ(TrimChars("", " "), "");
  EXPECT_EQ(TrimChars(" สำนักปลัด ", " "), "สำนักปลัด");
}

TEST(TextTest, TrimAsciiSpaceIsIsspaceOfTheCLocale) {
  EXPECT_EQ(TrimAsciiSpace("\t\n\v\f\r a \t\r\n"), "a");
  // U+00A0 is not ASCII white space: manifests keep it.
  EXPECT_EQ(TrimAsciiSpace("\xC2\xA0x"), "\xC2\xA0x");
}

TEST(TextTest, ParseDigitsReadsThaiAndAsciiDigits) {
  EXPECT_EQ(ParseDigits("๒๕๖๗", 9999), 2567);
  EXPECT_EQ(ParseDigits("2567", 9999), 2567);
  EXPECT_EQ(ParseDigits("๑2", 99), 12);
  EXPECT_EQ(ParseDigits("0", 0), 0);
}

TEST(TextTest, ParseDigitsRejectsEmptyOtherTextAndTooLarge) {
  EXPECT_EQ(ParseDigits("", 10), -1);
  EXPECT_EQ(ParseDigits("12a", 1000), -1);
  EXPECT_EQ(ParseDigits(" 12", 1000), -1);
  EXPECT_EQ(ParseDigits("1001", 1000), -1);
  EXPECT_EQ(ParseDigits("1000", 1000), 1000);
  // Far beyond int: rejected without overflowing.
  EXPECT_EQ(ParseDigits("99999999999999999999999", 1000000), -1);
}

}  // namespace
}  // namespace raingan
