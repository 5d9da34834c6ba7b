#include "unicode/icu.h"

#include <gtest/gtest.h>

#include <string>

namespace raingan::unicode {
namespace {

using std::string_literals::operator""s;

// A line of sample 000 and its encodings (bytes written by Python's codecs).
const std::string kLine = "องค์การบริหารส่วนตำบลยางราก อำเภอโคกเจริญ “ITA” ๒๕๖๘";
const std::string kLineCp874 =
    "\xCD\xA7\xA4\xEC\xA1\xD2\xC3\xBA\xC3\xD4\xCB\xD2\xC3\xCA\xE8\xC7\xB9\xB5"
    "\xD3\xBA\xC5\xC2\xD2\xA7\xC3\xD2\xA1 \xCD\xD3\xE0\xC0\xCD\xE2\xA4\xA1\xE0"
    "\xA8\xC3\xD4\xAD \x93ITA\x94 \xF2\xF5\xF6\xF8";
const std::string kFy = "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘";
const std::string kFyTis620 =
    "\xBB\xC3\xD0\xA8\xD3\xBB\xD5\xA7\xBA\xBB\xC3\xD0\xC1\xD2\xB3 \xBE.\xC8. "
    "\xF2\xF5\xF6\xF8";
const std::string kFyUtf16Le =
    "\x1B\x0E\x23\x0E\x30\x0E\x08\x0E\x33\x0E\x1B\x0E\x35\x0E\x07\x0E\x1A\x0E"
    "\x1B\x0E\x23\x0E\x30\x0E\x21\x0E\x32\x0E\x13\x0E\x20\x00\x1E\x0E\x2E\x00"
    "\x28\x0E\x2E\x00\x20\x00\x52\x0E\x55\x0E\x56\x0E\x58\x0E"s;

std::string SwapBytePairs(const std::string& s) {
  std::string out = s;
  for (size_t i = 0; i + 1 < out.size(); i += 2) std::swap(out[i], out[i + 1]);
  return out;
}

TEST(NfcTest, ComposesButNeverDecomposesCompatibility) {
  EXPECT_EQ(Nfc("e\u0301"), "\u00E9");
  EXPECT_EQ(Nfc("ตำบล"), "ตำบล");      // SARA AM stays one character
  EXPECT_EQ(Nfc("\uFB01"), "\uFB01");  // no compatibility folding
  // Canonical reordering of Thai marks by combining class (SARA U 103
  // before MAI THO 107).
  EXPECT_EQ(Nfc("ก\u0E49\u0E38"), "ก\u0E38\u0E49");
  EXPECT_EQ(Nfc("a\xFF"), "a\uFFFD");
  EXPECT_EQ(Nfc(""), "");
}

TEST(NfcTest, IsNfc) {
  EXPECT_TRUE(IsNfc(kLine));
  EXPECT_FALSE(IsNfc("e\u0301"));
  EXPECT_FALSE(IsNfc("\xFF"));
}

TEST(ConvertToUtf8Test, ThaiCodePagesAndUtf16) {
  EXPECT_EQ(*ConvertToUtf8(kLineCp874, "windows-874"), kLine);
  EXPECT_EQ(*ConvertToUtf8(kFyTis620, "TIS-620"), kFy);
  EXPECT_EQ(*ConvertToUtf8(kFyUtf16Le, "UTF-16LE"), kFy);
  EXPECT_EQ(*ConvertToUtf8(SwapBytePairs(kFyUtf16Le), "UTF-16BE"), kFy);
  EXPECT_EQ(*ConvertToUtf8("\xFF\xFE"s + kFyUtf16Le, "UTF-16"), kFy);
}

TEST(ConvertToUtf8Test, UndecodableBytesBecomeReplacementCharacter) {
  EXPECT_EQ(*ConvertToUtf8("ก\xFFข", "UTF-8"), "ก\uFFFDข");
  EXPECT_EQ(*ConvertToUtf8("\xA1\x80\xA2", "ibm-874"), "ก\uFFFDข");
}

TEST(ConvertToUtf8Test, UnknownCharsetIsAnError) {
  Result<std::string> r = ConvertToUtf8("abc", "no-such-charset");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(r.status().message().find("no-such-charset"), std::string::npos);
}

TEST(DetectCharsetTest, RecognizesUtf8) {
  CharsetGuess g = DetectCharset(kLine + " " + kFy);
  EXPECT_EQ(g.name, "UTF-8");
  EXPECT_GT(g.confidence, 50);
}

TEST(DecodeTextBytesTest, EncodingsOfRealText) {
  struct Case {
    std::string name, bytes, want;
  };
  const Case kCases[] = {
      {"UTF-8", kLine, kLine},
      {"UTF-8 BOM", "\xEF\xBB\xBF" + kLine, kLine},
      {"UTF-16LE BOM", "\xFF\xFE"s + kFyUtf16Le, kFy},
      {"UTF-16BE BOM", "\xFE\xFF"s + SwapBytePairs(kFyUtf16Le), kFy},
      {"UTF-16LE no BOM", kFyUtf16Le, kFy},
      {"UTF-16BE no BOM", SwapBytePairs(kFyUtf16Le), kFy},
      {"Windows-874", kLineCp874, kLine},
      {"TIS-620", kFyTis620 + "\r\n" + kFyTis620, kFy + "\r\n" + kFy},
      {"empty", "", ""},
      {"ASCII", "ITA 2568\n", "ITA 2568\n"},
      // 0xFC is undefined in TIS-620 and Windows-874.
      {"TIS-620 stray byte", kFyTis620 + "\xFC", kFy + "\uFFFD"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    Result<std::string> r = DecodeTextBytes(c.bytes);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(*r, c.want);
  }
}

TEST(DecodeTextBytesTest, BinaryInputIsBadInputWithReason) {
  const std::string kCases[] = {
      "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\x04\xB0"s,           // PNG header
      "%PDF-1.7\n\x01\x02\x03\x04\x05\x06\x07\x08\x0E\x0F"s,  // controls
      "PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0"s,                 // ZIP/DOCX
      "caf\xE9 na\xEFve r\xE9sum\xE9",  // Latin-1, not Thai
  };
  for (const std::string& bytes : kCases) {
    Result<std::string> r = DecodeTextBytes(bytes);
    ASSERT_FALSE(r.ok()) << bytes;
    EXPECT_EQ(r.status().code(), Status::Code::kBadInput);
    EXPECT_FALSE(r.status().message().empty());
  }
}

}  // namespace
}  // namespace raingan::unicode
