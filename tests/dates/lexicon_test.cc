#include "dates/lexicon.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "base/file.h"
#include "base/utf8.h"

namespace raingan::dates {
namespace {

const PeriodLexicon& Lexicon() {
  static const PeriodLexicon* lex = [] {
    Result<PeriodLexicon> l = PeriodLexicon::Load(RAINGAN_SOURCE_MODELS_DIR);
    EXPECT_TRUE(l.ok()) << l.status().ToString();
    return new PeriodLexicon(l.ok() ? std::move(l).value() : PeriodLexicon());
  }();
  return *lex;
}

struct Case {
  const char* text;
  WordKind kind;
  int month;
  const char* rest;  // what follows the match
};

TEST(PeriodLexiconTest, MatchesTolerantly) {
  const Case kCases[] = {
      {"ม.ค.65", WordKind::kMonth, 1, "65"},
      {"มี.ค 65", WordKind::kMonth, 3, " 65"},  // final dot missing
      {"ก.ย.๒๕๖๖", WordKind::kMonth, 9, "๒๕๖๖"},
      {"ก. ค. ๖๗", WordKind::kMonth, 7, " ๖๗"},  // spaces after dots
      {"มี ค ๖๘", WordKind::kMonth, 3, " ๖๘"},    // dots read as spaces
      {"กรกฎาคม", WordKind::kMonth, 7, ""},
      {"กรกฏาคม", WordKind::kMonth, 7, ""},        // common misspelling
      {"ตุลา คม ๖๗", WordKind::kMonth, 10, " ๖๗"},  // OCR space in a word
      {"ตุลาคมถึง", WordKind::kMonth, 10, "ถึง"},
      {"SEPTEMBER 2025", WordKind::kMonth, 9, " 2025"},
      {"ปี งบประมาณ", WordKind::kFiscal, 0, ""},
      {"ตลอดปีงบประมาณ", WordKind::kWhole, 0, "งบประมาณ"},
      {"พ.ศ.๒๕๖๘", WordKind::kEraBe, 0, "๒๕๖๘"},
      {"พ ศ. ๒๕๖๘", WordKind::kEraBe, 0, " ๒๕๖๘"},
      {"และ๒๕๗๐", WordKind::kAnd, 0, "๒๕๗๐"},
      {"– ๓๐", WordKind::kRange, 0, " ๓๐"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    std::u32string text = utf8::ToU32(c.text);
    const LexiconWord* w = nullptr;
    size_t end = Lexicon().Match(text, 0, &w);
    ASSERT_GT(end, 0u);
    EXPECT_EQ(w->kind, c.kind);
    EXPECT_EQ(w->month, c.month);
    EXPECT_EQ(utf8::FromU32(text.substr(end)), c.rest);
  }
}

// No month is found anywhere inside these words.
TEST(PeriodLexiconTest, RespectsWordBoundaries) {
  for (const char* text :
       {"ตุลาการ", "มีนาคมะ", "Market", "Decide", "ชุม คน", "IDEC 5"}) {
    SCOPED_TRACE(text);
    std::u32string s = utf8::ToU32(text);
    for (size_t pos = 0; pos < s.size(); ++pos) {
      const LexiconWord* w = nullptr;
      if (Lexicon().Match(s, pos, &w) > pos) {
        EXPECT_NE(w->kind, WordKind::kMonth) << "at " << pos;
      }
    }
  }
}

TEST(PeriodLexiconTest, LoadNamesTheBadLine) {
  std::string dir = ::testing::TempDir() + "/lexicon_bad";
  ASSERT_EQ(system(("mkdir -p " + dir).c_str()), 0);
  ASSERT_TRUE(WriteFileAtomic(dir + "/months.tsv", "1\tมกราคม\n13\tX\n").ok());
  ASSERT_TRUE(WriteFileAtomic(dir + "/period_words.tsv", "range\t-\n").ok());
  Result<PeriodLexicon> l = PeriodLexicon::Load(dir);
  ASSERT_FALSE(l.ok());
  EXPECT_NE(l.status().message().find("months.tsv:2"), std::string::npos)
      << l.status().message();

  ASSERT_TRUE(WriteFileAtomic(dir + "/months.tsv", "1\tมกราคม\n").ok());
  ASSERT_TRUE(
      WriteFileAtomic(dir + "/period_words.tsv", "range\t-\nsoon\tx\n").ok());
  l = PeriodLexicon::Load(dir);
  ASSERT_FALSE(l.ok());
  EXPECT_NE(l.status().message().find("period_words.tsv:2"), std::string::npos)
      << l.status().message();
}

}  // namespace
}  // namespace raingan::dates
