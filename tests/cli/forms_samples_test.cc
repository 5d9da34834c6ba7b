// Table forms the shared samples do not show (tests/data/forms/, issue 13),
// each a whole report with its own gold, as a text export and as a ruled
// PDF printed by LibreOffice (make_forms.py): a two-row header (ระยะเวลา
// over เริ่มต้น | สิ้นสุด, ผลการดำเนินงาน over ผลผลิต | ผลลัพธ์), group rows
// inside the table, rows cut by a page break in the middle of their cells,
// owners naming a section with its division, inline lists, English picture
// descriptions in cells, and a narrative sentence before the title; 012
// adds a ลำดับ column, a group row without a marker, and a range whose end
// date went to the next page (the start column above the break). The
// borderless prints in Garuda must read as well as the ruled ones.
#include <gtest/gtest.h>

#include "testing/accuracy.h"
#include "testing/run_cli.h"
#include "testing/schema_validator.h"

namespace raingan {
namespace {

using testing::ReadJsonFile;
using testing::RunRaingan;
using testing::TestDataPath;

struct FormCase {
  const char* input;  // under tests/data/forms/
  const char* gold;   // under tests/data/forms/
};

class FormsTest : public ::testing::TestWithParam<FormCase> {};

nlohmann::json Extract(const std::string& input) {
  testing::CommandResult r =
      RunRaingan({"extract", TestDataPath("forms/" + input)});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json out = nlohmann::json::parse(r.out, nullptr, false);
  EXPECT_FALSE(out.is_discarded()) << "output is not JSON";
  return out;
}

TEST_P(FormsTest, EveryRecordAndField) {
  nlohmann::json out = Extract(GetParam().input);
  ASSERT_FALSE(out.is_discarded());
  std::vector<std::string> errors =
      testing::SchemaValidator::ForOutput().Validate(out);
  EXPECT_TRUE(errors.empty()) << errors.front();
  nlohmann::json gold =
      ReadJsonFile(TestDataPath(std::string("forms/") + GetParam().gold));
  testing::AccuracyReport report = testing::ScoreAgainstGold(gold, out);
  EXPECT_GE(report.recall, 1.0) << report.Summary();
  EXPECT_GE(report.precision, 1.0) << report.Summary();
  EXPECT_GE(report.field_accuracy, 0.99) << report.Summary();
  for (const auto& [fact, ok] : report.document) {
    EXPECT_TRUE(ok) << "document " << fact << "\n" << report.Summary();
  }
  // What the scorer folds away: sections, owners as units, and no
  // English picture description anywhere in a record.
  ASSERT_EQ(out["measures"].size(), gold["measures"].size());
  for (size_t i = 0; i < gold["measures"].size(); ++i) {
    const nlohmann::json& g = gold["measures"][i];
    const nlohmann::json& m = out["measures"][i];
    EXPECT_EQ(m["section"], g["section"]) << "record " << i;
    EXPECT_EQ(m["owner"], g["owner"]) << "record " << i;
    EXPECT_EQ(m["id"], g["id"]) << "record " << i;
    for (const char* field : {"method", "output", "outcome"}) {
      EXPECT_EQ(m[field].size(), g[field].size())
          << "record " << i << " " << field << ": " << m[field].dump();
      for (const nlohmann::json& item : m[field]) {
        const std::string s = item.get<std::string>();
        EXPECT_EQ(s.find("image"), std::string::npos) << s;
        EXPECT_EQ(s.find("forum"), std::string::npos) << s;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Forms, FormsTest,
    ::testing::Values(
        FormCase{"010_two_level.txt", "010_two_level.gold.json"},
        FormCase{"pdf/010_two_level_garuda12.pdf", "010_two_level.gold.json"},
        FormCase{"011_cut_rows.txt", "011_cut_rows.gold.json"},
        FormCase{"pdf/011_cut_rows_garuda12.pdf", "011_cut_rows.gold.json"},
        FormCase{"012_sequence_two_level.txt",
                 "012_sequence_two_level.gold.json"},
        FormCase{"pdf/012_sequence_two_level_garuda12.pdf",
                 "012_sequence_two_level.gold.json"},
        // The same printed with no borders, cells centred vertically
        // (Garuda's tall line pitch): the aligned-table finder.
        FormCase{"pdf/010_two_level_garuda11_unruled.pdf",
                 "010_two_level.gold.json"},
        FormCase{"pdf/011_cut_rows_garuda11_unruled.pdf",
                 "011_cut_rows.gold.json"},
        FormCase{"pdf/012_sequence_two_level_garuda11_unruled.pdf",
                 "012_sequence_two_level.gold.json"},
        // And in Norasi 14, narrow cells whose labels wrap and touch the
        // next cell's (form 010's glued header words are not read yet:
        // README, What is not done).
        FormCase{"pdf/011_cut_rows_norasi14_unruled.pdf",
                 "011_cut_rows.gold.json"},
        FormCase{"pdf/012_sequence_two_level_norasi14_unruled.pdf",
                 "012_sequence_two_level.gold.json"}),
    [](const auto& info) {
      std::string s = info.param.input;
      if (s.rfind("pdf/", 0) == 0) s = s.substr(4);
      s = "f" + s.substr(0, s.find('.'));
      return s;
    });

// The title is the memo's subject line, or the heading that opens with the
// report's wording — not the narrative sentence before it.
TEST(FormsTitleTest, SubjectLineOrHeadingNeverANarrativeSentence) {
  nlohmann::json memo = Extract("010_two_level.txt");
  EXPECT_EQ(memo["document"]["title"],
            "รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วย"
            "งาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘");
  nlohmann::json heading = Extract("011_cut_rows.txt");
  EXPECT_EQ(heading["document"]["title"],
            "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วย"
            "งาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๗");
}

// The two-row header's start and end columns give one period with both
// dates, in the text export and in the PDF's merged header cells.
TEST(FormsPeriodTest, StartAndEndColumnsAreOneRange) {
  for (const char* input :
       {"010_two_level.txt", "pdf/010_two_level_garuda12.pdf"}) {
    nlohmann::json out = Extract(input);
    ASSERT_FALSE(out["measures"].empty()) << input;
    const nlohmann::json& p = out["measures"][0]["period"];
    EXPECT_EQ(p["start"], "2024-10-01") << input;
    EXPECT_EQ(p["end"], "2025-09-30") << input;
    EXPECT_FALSE(out["measures"][0].contains("extra") &&
                 out["measures"][0]["extra"].contains("ระยะเวลา สิ้นสุด"))
        << input;
  }
}

}  // namespace
}  // namespace raingan
