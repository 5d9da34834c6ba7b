#include "stages/tables/owners.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace raingan {
namespace {

using ::testing::ElementsAre;

UnitLexicon Lexicon() {
  Result<UnitLexicon> lex = UnitLexicon::Load(RAINGAN_SOURCE_DIR "/models");
  EXPECT_TRUE(lex.ok()) << lex.status().ToString();
  return *lex;
}

TEST(OwnersTest, SpaceSeparatedUnits) {
  EXPECT_THAT(
      Lexicon().SplitOwnerText("สำนักปลัด กองคลัง กองช่าง กองสาธารณสุข และสิ่งแวดล้อม"),
      ElementsAre("สำนักปลัด", "กองคลัง", "กองช่าง", "กองสาธารณสุข และสิ่งแวดล้อม"));
}

TEST(OwnersTest, SlashSeparatedUnits) {
  EXPECT_THAT(Lexicon().SplitOwnerText("งานพัสดุ/กองคลัง"),
              ElementsAre("งานพัสดุ", "กองคลัง"));
  EXPECT_THAT(Lexicon().SplitOwnerText("สำนักปลัด / เจ้าหน้าที่ ประชาสัมพันธ์"),
              ElementsAre("สำนักปลัด", "เจ้าหน้าที่ ประชาสัมพันธ์"));
}

TEST(OwnersTest, SentencesAndParenthesesStayWhole) {
  EXPECT_THAT(
      Lexicon().SplitOwnerText("ทุกกองงานภายใน โดยมีสำนักปลัดเป็นหน่วยงานหลัก"),
      ElementsAre("ทุกกองงานภายใน โดยมีสำนักปลัดเป็นหน่วยงานหลัก"));
  EXPECT_THAT(Lexicon().SplitOwnerText("สำนักปลัด (งานประชาสัมพันธ์)"),
              ElementsAre("สำนักปลัด (งานประชาสัมพันธ์)"));
  EXPECT_THAT(Lexicon().SplitOwnerText(
                  "สำนักปลัดองค์การบริหารส่วนตำบลเข็กน้อย (งานกฎหมายและคดี/ธุรการ) "
                  "อำเภอเขาค้อ จังหวัดเพชรบูรณ์"),
              ElementsAre("สำนักปลัดองค์การบริหารส่วนตำบลเข็กน้อย "
                          "(งานกฎหมายและคดี/ธุรการ) อำเภอเขาค้อ จังหวัดเพชรบูรณ์"));
}

TEST(OwnersTest, AndBeforeAUnit) {
  EXPECT_THAT(Lexicon().SplitOwnerText("สำนักปลัด และกองคลัง"),
              ElementsAre("สำนักปลัด", "กองคลัง"));
}

// A section named with its division or office is one owner; only a list
// of complete units splits ("และ", "/", ",", or a unit after a unit).
TEST(OwnersTest, SectionWithItsDivisionIsOneOwner) {
  struct Case {
    const char* cell;
    std::vector<std::string> owners;
  } cases[] = {
      {"งานพัสดุ กองคลัง", {"งานพัสดุ กองคลัง"}},
      {"งานการเจ้าหน้าที่ สำนักปลัด", {"งานการเจ้าหน้าที่ สำนักปลัด"}},
      {"ฝ่ายการเงินและบัญชี กองคลัง", {"ฝ่ายการเงินและบัญชี กองคลัง"}},
      {"งานทะเบียนทรัพย์สินและพัสดุ-กองคลัง", {"งานทะเบียนทรัพย์สินและพัสดุ-กองคลัง"}},
      {"ศูนย์พัฒนาเด็กเล็ก กองการศึกษา", {"ศูนย์พัฒนาเด็กเล็ก กองการศึกษา"}},
      {"ฝ่ายแผนงานและงบประมาณ สำนักปลัด และกองช่าง",
       {"ฝ่ายแผนงานและงบประมาณ สำนักปลัด", "กองช่าง"}},
      {"ฝ่ายแผนงาน สำนักปลัดและกองช่าง", {"ฝ่ายแผนงาน สำนักปลัด", "กองช่าง"}},
      {"งานพัสดุ กองคลัง กองช่าง", {"งานพัสดุ กองคลัง", "กองช่าง"}},
      {"งานพัสดุ และกองคลัง", {"งานพัสดุ", "กองคลัง"}},
      {"สำนักปลัด กองคลัง", {"สำนักปลัด", "กองคลัง"}},
      {"สำนักปลัดและกองคลัง", {"สำนักปลัด", "กองคลัง"}},
      {"สำนักงานปลัด", {"สำนักงานปลัด"}},
      // Lines joined without a space (a PDF cell's wrap).
      {"งานพัสดุและทรัพย์สินกองคลัง", {"งานพัสดุและทรัพย์สิน กองคลัง"}},
      {"งานกองทุนหลักประกันสุขภาพ", {"งานกองทุนหลักประกันสุขภาพ"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Lexicon().SplitOwnerText(c.cell), c.owners) << c.cell;
  }
}

}  // namespace
}  // namespace raingan
