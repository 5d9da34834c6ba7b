#include "dates/period.h"

#include "dates/period_grammar.h"
#include "dates/period_tokens.h"

namespace raingan::dates {
namespace {

// Separates the tokens outside parentheses from those inside. A removed
// group leaves an kOther token behind so that its neighbours do not join.
void SplitParentheses(const std::vector<Token>& tokens,
                      std::vector<Token>* outside, std::vector<Token>* inside) {
  int depth = 0;
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kWord && t.word == WordKind::kSkip) continue;
    if (t.kind == TokenKind::kOpen) {
      if (depth++ == 0) {
        Token gap = t;
        gap.kind = TokenKind::kOther;
        outside->push_back(gap);
      }
      continue;
    }
    if (t.kind == TokenKind::kClose) {
      if (depth > 0) --depth;
      continue;
    }
    (depth > 0 ? inside : outside)->push_back(t);
  }
}

}  // namespace

Result<PeriodParser> PeriodParser::Load(const std::string& models_dir) {
  Result<PeriodLexicon> lexicon = PeriodLexicon::Load(models_dir);
  if (!lexicon.ok()) return lexicon.status();
  return PeriodParser(std::move(lexicon).value());
}

PeriodResult PeriodParser::Parse(std::string_view text,
                                 int default_fiscal_year_be) const {
  std::vector<Token> outside, inside;
  SplitParentheses(TokenizePeriod(text, lexicon_), &outside, &inside);
  PeriodGrammar main(text, std::move(outside), default_fiscal_year_be);
  PeriodGrammar remark(text, std::move(inside), default_fiscal_year_be);
  // A fiscal year named anywhere (often in parentheses) resolves months
  // given without a year before the document's default does.
  int hint = main.FiscalYearHint();
  if (hint == 0) hint = remark.FiscalYearHint();
  PeriodResult r = main.Parse(hint);
  if (!r.recognized) r = remark.Parse(hint);
  return r;
}

}  // namespace raingan::dates
