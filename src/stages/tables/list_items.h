// Splitting cell text into list items, and reading the numbering printed in
// front of measures and items. Works on normalized text (any backend).
//
// Real cells number their items in many ways: "๑. ", "1) ", "(๓) ", "๒.",
// "- ", "• ", "- ๑) " — as separate paragraphs (<p>, <li>, PDF lines) or
// inline in one paragraph ("๑. จัดทำคู่มือ ... ๒. แจกเวียน ..."). Inline
// numbers split only when they count up 1, 2, 3..., so numbers inside
// sentences ("๙๙.๔๖ คะแนน", "(รอบ ๖ เดือน)") are left alone.
#ifndef RAINGAN_STAGES_TABLES_LIST_ITEMS_H_
#define RAINGAN_STAGES_TABLES_LIST_ITEMS_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace raingan {

// A number printed before a measure: "๑.๑ จัดทำ..." → {"1.1", "จัดทำ..."}.
struct Numbering {
  std::string id;    // Arabic digits joined by '.', empty when none
  std::string rest;  // the text after the numbering
  // The printed shape of the numbering, digits as one '9' and spaces
  // dropped: "(๓)" → "(9)", "๑.๑" → "9.9", "2. ." → "9..". Lists nested in
  // a cell are numbered in another shape than the table's measures.
  std::string style;
};

// Reads a leading outline number: "๑.๑", "(๓)", "3)", "2. .", "๑." — and
// also "ข้อ ๑". A bare number followed by a Thai word without a dot
// ("๑ ตุลาคม") is not numbering.
Numbering ReadNumbering(std::string_view text);

// Removes one leading list marker (bullet and/or number): "- ๑) ทำ" → "ทำ".
std::string StripListMarker(std::string_view text);

// Removes leading bullet characters only: "- ๑) ทำ" → "๑) ทำ".
std::string StripBullet(std::string_view text);

// True if the text opens with a bullet or a list number.
bool StartsWithListMarker(std::string_view text);

// The items of a list cell: one per paragraph, each paragraph further split
// at inline numbering that counts up and at " - " bullets when the paragraph
// opens with a bullet. Markers are removed; empty items are dropped.
// `first_number` is the number the list is expected to continue with: 1 for
// a fresh cell, k+1 for the tail of a list of k items cut by a page break
// ("...แจก | เวียนบุคลากร ๓. เผยแพร่" continues at ๓).
std::vector<std::string> SplitListItems(const std::vector<Paragraph>& paras,
                                        int first_number = 1);
std::vector<std::string> SplitInlineItems(std::string_view text,
                                          int first_number = 1);

// Joins two pieces of text broken by a line or page wrap: no space between
// two Thai characters (Thai wraps inside words), one space otherwise.
std::string JoinWrapped(std::string_view left, std::string_view right);

// Text of the paragraphs joined by single spaces.
std::string JoinParagraphs(const std::vector<Paragraph>& paras);

}  // namespace raingan

#endif  // RAINGAN_STAGES_TABLES_LIST_ITEMS_H_
