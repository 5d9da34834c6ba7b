#include "stages/tables/owners.h"

#include "lexicon/tsv.h"
#include "stages/tables/list_items.h"

namespace raingan {
namespace {

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\n");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\n");
  return std::string(s.substr(b, e - b + 1));
}

constexpr std::string_view kAnd = "และ";

}  // namespace

Result<UnitLexicon> UnitLexicon::Load(const std::string& models_dir) {
  std::string path = ModelPath(models_dir, "units.tsv");
  Result<std::vector<TsvRecord>> records = ReadTsv(path, 2);
  if (!records.ok()) return records.status();
  std::vector<std::string> prefixes, parts;
  for (const TsvRecord& rec : *records) {
    if (rec.fields[0] == "prefix") prefixes.push_back(rec.fields[1]);
    if (rec.fields[0] == "part") parts.push_back(rec.fields[1]);
  }
  return FromPrefixes(std::move(prefixes), std::move(parts));
}

UnitLexicon UnitLexicon::FromPrefixes(std::vector<std::string> prefixes,
                                      std::vector<std::string> parts) {
  UnitLexicon lex;
  lex.prefixes_ = std::move(prefixes);
  lex.parts_ = std::move(parts);
  return lex;
}

bool UnitLexicon::StartsWithPart(std::string_view text) const {
  for (const std::string& p : parts_) {
    if (text.substr(0, p.size()) == p) return true;
  }
  return false;
}

bool UnitLexicon::StartsWithUnit(std::string_view text) const {
  for (const std::string& p : prefixes_) {
    if (text.substr(0, p.size()) == p) return true;
  }
  return StartsWithPart(text);
}

size_t UnitLexicon::InnerUnitBoundary(std::string_view word) const {
  // Prefixes only: a part's prefix is a common word ("งาน" inside
  // "สำนักงานปลัด", "ฝ่ายแผนงานและงบประมาณ").
  auto starts = [this](std::string_view t) {
    for (const std::string& p : prefixes_) {
      if (t.substr(0, p.size()) == p) return true;
    }
    return false;
  };
  if (!starts(word)) return std::string_view::npos;
  // Skip the first prefix itself and at least one more character.
  for (const std::string& first : prefixes_) {
    if (word.substr(0, first.size()) != first) continue;
    for (size_t i = first.size() + 3; i < word.size(); ++i) {
      // Only at code point starts.
      if ((static_cast<unsigned char>(word[i]) & 0xC0) == 0x80) continue;
      if (starts(word.substr(i))) return i;
    }
  }
  return std::string_view::npos;
}

size_t UnitLexicon::GluedUnitAfterPart(std::string_view word) const {
  // The part's own name is at least three characters ("งาน" + "พัสดุ"), so
  // a unit-like word right after the part prefix ("งานกองทุน…") is its
  // name, not its division.
  constexpr size_t kMinPartName = 3;
  for (const std::string& part : parts_) {
    if (word.substr(0, part.size()) != part) continue;
    size_t chars = 0;
    for (size_t i = part.size(); i < word.size(); ++i) {
      if ((static_cast<unsigned char>(word[i]) & 0xC0) == 0x80) continue;
      if (chars++ < kMinPartName) continue;
      if (word[i - 1] == '-') continue;
      for (const std::string& p : prefixes_) {
        if (word.substr(i, p.size()) == p && !StartsWithPart(word.substr(i))) {
          return i;
        }
      }
    }
  }
  return std::string_view::npos;
}

std::vector<std::string> UnitLexicon::SplitOwnerText(
    std::string_view text) const {
  std::vector<std::string> out;
  std::string current;
  int depth = 0;  // parentheses nesting
  bool has_parent = false;  // the current owner names a part and its unit
  // "สำนักปลัดและกองช่าง": the "และ" glued before the next unit lists it;
  // it belongs to neither.
  auto without_and = [](std::string head) {
    if (head.size() > kAnd.size() + 3 &&
        head.compare(head.size() - kAnd.size(), kAnd.size(), kAnd) == 0) {
      head.resize(head.size() - kAnd.size());
    }
    return Trim(head);
  };
  auto flush = [&] {
    std::string t = StripListMarker(Trim(current));
    current.clear();
    if (t.empty()) return;
    // A part and its unit with another unit glued on ("ฝ่ายแผนงาน
    // สำนักปลัดและกองช่าง", lines joined without a space): the glued unit
    // is another owner.
    size_t space = t.rfind(' ');
    if (space != std::string::npos && StartsWithPart(t)) {
      size_t cut = InnerUnitBoundary(t.substr(space + 1));
      if (cut != std::string::npos) {
        out.push_back(without_and(t.substr(0, space + 1 + cut)));
        t = t.substr(space + 1 + cut);
      }
    }
    // A part glued to its unit by a line join ("งานพัสดุและทรัพย์สิน" |
    // "กองคลัง" → "…ทรัพย์สินกองคลัง"): one owner, the space restored.
    if (t.find(' ') == std::string::npos && StartsWithPart(t)) {
      size_t cut = GluedUnitAfterPart(t);
      if (cut != std::string::npos) t = t.substr(0, cut) + " " + t.substr(cut);
    }
    // "สำนักปลัดกองคลัง" → "สำนักปลัด", "กองคลัง" (only for a word with no
    // spaces: a sentence is never cut inside). A part glued to its unit
    // ("งานพัสดุ-กองคลัง") stays one owner.
    while (t.find(' ') == std::string::npos && !StartsWithPart(t)) {
      size_t cut = InnerUnitBoundary(t);
      if (cut == std::string::npos) break;
      out.push_back(without_and(t.substr(0, cut)));
      t = t.substr(cut);
    }
    out.push_back(t);
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (depth == 0 && (c == '/' || c == ',' || c == ';')) {
      flush();
      has_parent = false;
      continue;
    }
    if (depth == 0 && c == ' ') {
      std::string_view next = text.substr(i + 1);
      size_t skip = 0;
      if (next.substr(0, kAnd.size()) == kAnd) {
        skip = kAnd.size();
        while (skip < next.size() && next[skip] == ' ') ++skip;
      }
      std::string_view unit = next.substr(skip);
      // "งานพัสดุ กองคลัง": a part followed by the unit it belongs to is
      // one owner. Only across a bare space, and once: "และ" lists
      // another unit, and a part that already names its unit is complete.
      bool parent_of_part = skip == 0 && !has_parent &&
                            StartsWithPart(Trim(current)) &&
                            StartsWithUnit(unit) && !StartsWithPart(unit);
      if (parent_of_part) {
        has_parent = true;
      } else if (StartsWithUnit(unit) && !Trim(current).empty()) {
        flush();
        has_parent = false;
        i += skip;
        continue;
      }
    }
    current.push_back(c);
  }
  flush();
  return out;
}

std::vector<std::string> UnitLexicon::SplitOwners(
    const std::vector<Paragraph>& paragraphs) const {
  std::vector<std::string> out;
  for (const Paragraph& p : paragraphs) {
    for (std::string& o : SplitOwnerText(p.text)) out.push_back(std::move(o));
  }
  return out;
}

}  // namespace raingan
