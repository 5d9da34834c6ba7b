// Splitting an owner cell (ผู้รับผิดชอบ) into organizational units.
//
//   "สำนักปลัด กองคลัง กองช่าง กองสาธารณสุข และสิ่งแวดล้อม"
//       → สำนักปลัด | กองคลัง | กองช่าง | กองสาธารณสุข และสิ่งแวดล้อม
//   "งานพัสดุ/กองคลัง" → งานพัสดุ | กองคลัง
//   "ทุกกองงานภายใน โดยมีสำนักปลัดเป็นหน่วยงานหลัก" → one owner
//
// Separators: paragraph breaks, "/", ",", ";", and a space (optionally
// followed by "และ") when the next word begins with a unit prefix from
// models/units.tsv. A word that starts with a unit and continues with
// another unit prefix ("สำนักปลัดกองคลัง", two lines of a PDF cell joined)
// is split there too. Text inside parentheses is never split.
#ifndef RAINGAN_STAGES_TABLES_OWNERS_H_
#define RAINGAN_STAGES_TABLES_OWNERS_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "model/document.h"

namespace raingan {

class UnitLexicon {
 public:
  static Result<UnitLexicon> Load(const std::string& models_dir);
  // `parts` begin units that belong to the unit named after them ("งาน…",
  // "ฝ่าย…", "ศูนย์…" of a "กอง…" or "สำนัก…").
  static UnitLexicon FromPrefixes(std::vector<std::string> prefixes,
                                  std::vector<std::string> parts = {});

  std::vector<std::string> SplitOwners(
      const std::vector<Paragraph>& paragraphs) const;
  std::vector<std::string> SplitOwnerText(std::string_view text) const;

  // True if `text` begins with a unit prefix ("กอง", "สำนัก", ...) or a
  // part's ("งาน…").
  bool StartsWithUnit(std::string_view text) const;
  // True if `text` begins with a part's prefix ("งาน", "ฝ่าย", "ศูนย์").
  bool StartsWithPart(std::string_view text) const;

 private:
  // Where, inside one space-free word, a second unit begins right after a
  // first one ("สำนักปลัดกองคลัง": PDF lines joined without a space).
  size_t InnerUnitBoundary(std::string_view word) const;

  // Where, inside one space-free word opening with a part, the unit it
  // belongs to begins ("งานพัสดุกองคลัง" → at "กองคลัง"); npos when none.
  size_t GluedUnitAfterPart(std::string_view word) const;

  std::vector<std::string> prefixes_;
  std::vector<std::string> parts_;
};

}  // namespace raingan

#endif  // RAINGAN_STAGES_TABLES_OWNERS_H_
