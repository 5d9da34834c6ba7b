// The Thai word check, table-driven: each row is text as raingan read it
// from the samples' reports (text layers and scans), and the stretches of
// letters the check must find in it, or none.
#include "lexicon/thai_dictionary.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "base/utf8.h"
#include "testing/stages.h"

namespace raingan {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

struct WordCase {
  const char* text;
  std::vector<std::string> unknown;  // as UnknownLetters shows them
};

const WordCase kCases[] = {
    // Right text, as printed.
    {"ขับเคลื่อนนโยบายงดรับของขวัญ (No Gift Policy) ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", {}},
    {"ดำเนินการติดตั้งกล่องรับฟังความคิดเห็น ณ จุดบริการประชาชนของ อบต.ยางราก", {}},
    {"ม.ค. - มี.ค. ๒๕๖๘", {}},
    {"จัดประชุมประจำเดือนทุกๆ เดือน", {}},
    {"เอกสาร ป้ายประกาศ ฯลฯ", {}},
    {"สำนักปลัด/กองคลัง/กองช่าง", {}},
    // Text layers put spaces inside words (TH Sarabun from Word).
    {"ปิ ดประกาศ ณ สำนักงาน", {}},
    // Loanwords as offices spell them (models/thai_words.txt).
    {"อัพเดทข้อมูลบนเว็บไซท์", {}},
    // 000: a Lao vowel the PDF draws with no character ("ชັบ" as "ชบ").
    {"แก่เจ้าหน้าที่ชบเคลื่อนนโยบาย", {"ที่ชบเคลื่อน"}},
    // 004: a mark on the wrong consonant of a letter-spaced line.
    {"ให้เป็นที่ประจกัษ์", {"จกัษ์"}},
    // Borderless tables: pieces of the next page's header in a cell.
    {"กองสาธารณสุขและสิ่งแวดล้อมผู้รัช่บร", {"รัช่บร"}},
    {"ตลอดปีงบประมาณ 2568วงะยะ", {"วงะยะ"}},
};

TEST(ThaiDictionaryTest, FindsLettersNoWordExplains) {
  const ThaiDictionary& dict = testing::TestModel<ThaiDictionary>();
  for (const WordCase& c : kCases) {
    SCOPED_TRACE(c.text);
    EXPECT_THAT(dict.UnknownLetters(c.text), ElementsAreArray(c.unknown));
  }
}

TEST(ThaiDictionaryTest, TheDocumentsOwnNamesAreWords) {
  const ThaiDictionary& dict = testing::TestModel<ThaiDictionary>();
  const char* text = "องค์การบริหารส่วนตำบลเข็กน้อยมีผลการประเมิน";
  EXPECT_THAT(dict.UnknownLetters(text), Not(IsEmpty()));
  EXPECT_THAT(dict.UnknownLetters(text, {utf8::ToU32("เข็กน้อย")}), IsEmpty());
}

TEST(ThaiDictionaryTest, Contains) {
  const ThaiDictionary& dict = testing::TestModel<ThaiDictionary>();
  EXPECT_TRUE(dict.Contains(U"ทุจริต"));
  EXPECT_TRUE(dict.Contains(utf8::ToU32("ณ")));  // models/thai_words.txt
  EXPECT_FALSE(dict.Contains(utf8::ToU32("รัช่")));
  EXPECT_FALSE(dict.Contains(U""));
}

TEST(ThaiDictionaryTest, MissingDictionaryStopsTheRunWithItsName) {
  Result<ThaiDictionary> r = ThaiDictionary::LoadFrom(
      "/nonexistent/thbrk.tri", RAINGAN_SOURCE_DIR "/models/thai_words.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().ToString(), HasSubstr("/nonexistent/thbrk.tri"));
  EXPECT_THAT(r.status().ToString(), HasSubstr("libthai-data"));
}

TEST(ThaiDictionaryTest, AWordListLineThatIsNoWordNamesItsLine) {
  std::string path = ::testing::TempDir() + "/thai_words_bad.txt";
  {
    std::ofstream out(path);
    out << "# comment\nเว็บไซท์\nweb site\n";
  }
  Result<ThaiDictionary> r = ThaiDictionary::LoadFrom("", path);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().ToString(), HasSubstr(path + ":3"));
  std::remove(path.c_str());
}

TEST(ThaiDictionaryTest, WordListAloneWorksWithoutTheSystemDictionary) {
  Result<ThaiDictionary> r =
      ThaiDictionary::LoadFrom("", RAINGAN_SOURCE_DIR "/models/thai_words.txt");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_THAT(r->UnknownLetters("เว็บไซท์"), IsEmpty());
  EXPECT_THAT(r->UnknownLetters("ทุจริต"), ElementsAre("ทุจริต"));
}

}  // namespace
}  // namespace raingan
