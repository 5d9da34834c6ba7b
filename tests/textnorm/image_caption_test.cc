#include "textnorm/image_caption.h"

#include <gtest/gtest.h>

namespace raingan::textnorm {
namespace {

TEST(ImageCaptionTest, WholeParagraphs) {
  struct Case {
    const char* text;
    bool caption;
  } cases[] = {
      {"The image shows villagers seated in a community hall.", true},
      {"This image depicts a storage room with labelled shelves.", true},
      {"Photo: the mayor signing the declaration", true},
      {"![](media/image3.png)", true},
      {"E-Service", false},
      {"No Gift Policy", false},
      {"จัดเวทีประชาคม ๘ หมู่บ้าน", false},
      {"ภาพกิจกรรม The image shows", false},  // Thai: data
  };
  for (const Case& c : cases)
    EXPECT_EQ(IsImageCaption(c.text), c.caption) << c.text;
}

TEST(ImageCaptionTest, TrailingCaptionAfterThaiText) {
  struct Case {
    const char* text;
    const char* stripped;
  } cases[] = {
      {"ไม่พบพัสดุสูญหาย This image depicts a storage room.", "ไม่พบพัสดุสูญหาย"},
      {"The image shows the emblem above the memo.", ""},
      {"ระบบ E-Service ของ อบต.", "ระบบ E-Service ของ อบต."},
      // English that a Thai sentence goes on after is kept.
      {"แนบ This image shows ตามเอกสาร", "แนบ This image shows ตามเอกสาร"},
  };
  for (const Case& c : cases)
    EXPECT_EQ(StripImageCaption(c.text), c.stripped) << c.text;
}

TEST(ImageCaptionTest, TailOfACaptionCutByAPageBreak) {
  EXPECT_TRUE(IsCaptionTail("community hall during the forum."));
  EXPECT_TRUE(IsCaptionTail("villagers seated in a hall"));
  EXPECT_FALSE(IsCaptionTail("the forum"));  // two words: too little to tell
  EXPECT_TRUE(IsCaptionTail("the forum."));  // ... unless they end a sentence
  EXPECT_FALSE(IsCaptionTail("e-service."));  // one word may be a system's name
  EXPECT_FALSE(IsCaptionTail("E-Service and Line Official"));  // capitalized
  EXPECT_FALSE(IsCaptionTail("ตรวจสอบครบทุกฎีกา"));
}

}  // namespace
}  // namespace raingan::textnorm
