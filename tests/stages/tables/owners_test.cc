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

}  // namespace
}  // namespace raingan
