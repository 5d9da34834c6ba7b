#include "textnorm/html.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace raingan::textnorm {
namespace {

std::vector<std::string> Texts(const std::vector<HtmlParagraph>& ps) {
  std::vector<std::string> out;
  for (const HtmlParagraph& p : ps) out.push_back(p.text);
  return out;
}

struct SplitCase {
  const char* html;
  std::vector<std::string> want;
};

// Cells of the samples' text exports and the markup variants exporters use.
TEST(SplitHtmlTest, SplitsAtBlockBoundaries) {
  const SplitCase kCases[] = {
      {"<p>สำนักปลัด</p>", {"สำนักปลัด"}},
      {"<p>ตลอดปีงบประมาณ ๒๕๖๘</p>", {"ตลอดปีงบประมาณ ๒๕๖๘"}},
      {"<p>๑. จัดทำคำสั่ง ยกร่างคำสั่งแต่งตั้งคณะกรรมการ</p> <p>๒. "
       "กำหนดบทบาท มอบหมายเจ้าหน้าที่ผู้รับผิดชอบข้อมูล (Data Owner) "
       "ในแต่ละตัวชี้วัด (O๑-O๔๓) ชัดเจนรายบุคคล</p>",
       {"๑. จัดทำคำสั่ง ยกร่างคำสั่งแต่งตั้งคณะกรรมการ",
        "๒. กำหนดบทบาท มอบหมายเจ้าหน้าที่ผู้รับผิดชอบข้อมูล (Data Owner) "
        "ในแต่ละตัวชี้วัด (O๑-O๔๓) ชัดเจนรายบุคคล"}},
      {"<p>๑.๒.๒ เสริมสร้างจิตสำนึกและความตระหนักในการปฏิบัติตนตามหลัก"
       "เศรษฐกิจ</p> <p>เศรษฐกิจพอเพียง</p>",
       {"๑.๒.๒ เสริมสร้างจิตสำนึกและความตระหนักในการปฏิบัติตนตามหลักเศรษฐกิจ",
        "เศรษฐกิจพอเพียง"}},
      {"ผู้อำนวยการกองคลัง<br>หัวหน้าสำนักปลัด<br/>ทุกกองงาน<BR />",
       {"ผู้อำนวยการกองคลัง", "หัวหน้าสำนักปลัด", "ทุกกองงาน"}},
      {"ก่อนตาราง<p>ในย่อหน้า</p>หลังย่อหน้า", {"ก่อนตาราง", "ในย่อหน้า", "หลังย่อหน้า"}},
      {"<div>สำนักปลัด</div><div>กองคลัง</div>", {"สำนักปลัด", "กองคลัง"}},
      {"<table><tr><td>มิติที่ ๑</td><td>๑๕,๐๐๐</td></tr></table>",
       {"มิติที่ ๑", "๑๕,๐๐๐"}},
      {"<h2>ส่วนที่ ๑</h2>บทนำ", {"ส่วนที่ ๑", "บทนำ"}},
      // Inline markup does not split.
      {"<p>โครงการ<b>พัฒนา</b><span style=\"color:red\">ความรู้</span> "
       "<a href='x.html'>ด้านกฎหมาย</a></p>",
       {"โครงการพัฒนาความรู้ ด้านกฎหมาย"}},
      {"<P CLASS=\"x\">ตัวพิมพ์ใหญ่</P>", {"ตัวพิมพ์ใหญ่"}},
      {"<p></p><p>  </p><p>&nbsp;</p>", {}},
      {"", {}},
  };
  for (const SplitCase& c : kCases) {
    SCOPED_TRACE(c.html);
    EXPECT_EQ(Texts(SplitHtml(c.html)), c.want);
  }
}

TEST(SplitHtmlTest, MarksListItems) {
  std::vector<HtmlParagraph> ps = SplitHtml(
      "บทนำ<ul><li style=\"margin-left:10px\">จัดทำคู่มือ</li>"
      "<li>ประชาสัมพันธ์<p>ผ่านเว็บไซต์</p></li></ul>สรุป");
  ASSERT_EQ(ps.size(), 5u);
  EXPECT_EQ(ps[0].text, "บทนำ");
  EXPECT_FALSE(ps[0].list_item);
  EXPECT_EQ(ps[1].text, "จัดทำคู่มือ");
  EXPECT_TRUE(ps[1].list_item);
  EXPECT_EQ(ps[2].text, "ประชาสัมพันธ์");
  EXPECT_TRUE(ps[2].list_item);
  EXPECT_EQ(ps[3].text, "ผ่านเว็บไซต์");
  EXPECT_TRUE(ps[3].list_item);
  EXPECT_EQ(ps[4].text, "สรุป");
  EXPECT_FALSE(ps[4].list_item);
}

struct StripCase {
  const char* html;
  const char* want;
};

TEST(StripHtmlTest, DecodesEntities) {
  const StripCase kCases[] = {
      {"สำนักปลัด &amp; กองคลัง", "สำนักปลัด & กองคลัง"},
      {"ปี&nbsp;๒๕๖๘", "ปี ๒๕๖๘"},
      {"&#3585;&#x0E02;&#X0E04;", "กขค"},
      {"&lt;p&gt; เป็นข้อความ", "<p> เป็นข้อความ"},  // escaped, not markup
      {"&ldquo;บริการเป็นเลิศ&rdquo; &ndash; &hellip;",
       "\u201Cบริการเป็นเลิศ\u201D \u2013 \u2026"},
      {"&#150;&#8211;", "\u2013\u2013"},  // Windows-1252 numeric reference
      {"&#0;&#xD800;&#1114112;", "\uFFFD\uFFFD\uFFFD"},
      {"&unknown; &amp &#xZZ;", "&unknown; &amp &#xZZ;"},  // kept as text
  };
  for (const StripCase& c : kCases) {
    SCOPED_TRACE(c.html);
    EXPECT_EQ(StripHtml(c.html), c.want);
  }
}

TEST(StripHtmlTest, KeepsAutolinkAddresses) {
  // Sample 004: the gold keeps the address without the angle brackets.
  EXPECT_EQ(StripHtml("(ทดสอบความรู้ผ่านระบบทดสอบความรู้ธรรมาภิบาลออนไลน์ "
                      "<https://ggde.nacc.go.th>)"),
            "(ทดสอบความรู้ผ่านระบบทดสอบความรู้ธรรมาภิบาลออนไลน์ "
            "https://ggde.nacc.go.th)");
  EXPECT_EQ(StripHtml("ทางเว็บไซต์สำนักงาน ป.ป.ช. <http://www.nacc.go.th> เป็นต้น"),
            "ทางเว็บไซต์สำนักงาน ป.ป.ช. http://www.nacc.go.th เป็นต้น");
  EXPECT_EQ(StripHtml("<mailto:saraban@example.go.th>"),
            "mailto:saraban@example.go.th");
}

TEST(StripHtmlTest, DropsCommentsScriptsAndDeclarations) {
  EXPECT_EQ(StripHtml("<!DOCTYPE html><!-- หมายเหตุ --><p>ข้อความ</p>"
                      "<script>var s = '<p>ไม่ใช่ข้อความ</p>';</script>"
                      "<STYLE>p{}</STYLE><?xml version=\"1.0\"?>ท้าย"),
            "ข้อความ ท้าย");
}

TEST(StripHtmlTest, LeavesTextThatOnlyLooksLikeMarkup) {
  const StripCase kCases[] = {
      {"คะแนน < ๕๐ และ > ๓๐", "คะแนน < ๕๐ และ > ๓๐"},
      {"R&D and P&L", "R&D and P&L"},
      {"a<b", "a<b"},
      {"<๕๐%", "<๕๐%"},
      {"<p ไม่ปิด", "<p ไม่ปิด"},
      {"<b <p>ข้อ</p>", "<b ข้อ"},
  };
  for (const StripCase& c : kCases) {
    SCOPED_TRACE(c.html);
    EXPECT_EQ(StripHtml(c.html), c.want);
  }
}

TEST(ContainsHtmlTest, TagsEntitiesAndAutolinks) {
  for (const char* yes :
       {"<p>สำนักปลัด</p>", "ก<br>ข", "</li>", "<li style=\"x\">", "ก &amp; ข",
        "&#3585;", "<https://ggde.nacc.go.th>", "<!-- x -->"}) {
    EXPECT_TRUE(ContainsHtml(yes)) << yes;
  }
  for (const char* no : {"สำนักปลัด", "คะแนน < ๕๐", "R&D", "a<b", "<๕๐%",
                         "&unknown;", "", "<p ไม่ปิด"}) {
    EXPECT_FALSE(ContainsHtml(no)) << no;
  }
}

}  // namespace
}  // namespace raingan::textnorm

namespace raingan::textnorm {
namespace {

// Sample 004's PDF prints the brackets its text export wrote around an
// address; both are the same field.
TEST(UnwrapAutolinksTest, OnlyAddressesInBracketsLoseThem) {
  EXPECT_EQ(UnwrapAutolinks("ออนไลน์ <https://ggde.nacc.go.th>)"),
            "ออนไลน์ https://ggde.nacc.go.th)");
  EXPECT_EQ(UnwrapAutolinks("ป.ป.ช.<http://www.nacc.go.th>เป็นต้น"),
            "ป.ป.ช.http://www.nacc.go.thเป็นต้น");
  for (const char* kept : {"a < b > c", "<p>ข้อ</p>", "ร้อยละ <80", "<",
                           "<https://no end", "< https://x.y>"}) {
    EXPECT_EQ(UnwrapAutolinks(kept), kept);
  }
}

}  // namespace
}  // namespace raingan::textnorm
