// Text helpers shared by the plan stages (project sheets, budget and risk
// tables). They work on normalized UTF-8 text from any backend.
#ifndef RAINGAN_STAGES_PLAN_PLAN_TEXT_H_
#define RAINGAN_STAGES_PLAN_PLAN_TEXT_H_

#include <string>
#include <string_view>

namespace raingan {

// Removes the markdown emphasis text exports leave in headings ("**ลำดับที่
// ๗**", "__...__"), collapses runs of whitespace to one space and trims.
// A single "*" is kept: it may be a footnote mark.
std::string CleanPlanText(std::string_view text);

// A key for comparing project names printed in different places (budget
// table, sheet, risk table): whitespace, markup and quotation marks
// removed, Thai digits made Arabic, Latin lower-cased. Thai wraps words at
// any point, so the same name is spaced differently everywhere.
std::string NameKey(std::string_view text);

// 1 - (edit distance / longer length), over code points; 1 for two empty
// strings.
double KeySimilarity(std::string_view a, std::string_view b);

// The value of a run of Thai or Arabic digits ("๑๒" -> 12); -1 when the
// text is not only digits or is empty, or the value exceeds 1,000,000.
int DigitsValue(std::string_view digits);

// True if `text` is only an amount as printed in budget cells: "๑๕,๐๐๐",
// "จำนวน ๒๒๕,๐๐๐.- บาท", "5000", "๕,๐๐๐.๐๐ บาท". A name containing a
// number ("โครงการ ... ประจำปี ๒๕๖๘") is not.
bool IsAmountOnly(std::string_view text);

// True if `text` is only dashes ("-", "–"): an amount of 0 in budget cells.
bool IsDashOnly(std::string_view text);

// "12,345" with thousands separators, for messages.
std::string FormatBaht(long long amount);

}  // namespace raingan

#endif  // RAINGAN_STAGES_PLAN_PLAN_TEXT_H_
