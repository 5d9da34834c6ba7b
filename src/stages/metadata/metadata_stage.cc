#include "stages/metadata/metadata_stage.h"

#include <algorithm>
#include <map>
#include <optional>

#include "base/text.h"
#include "base/utf8.h"
#include "dates/calendar.h"
#include "regex/regex.h"

namespace raingan {
namespace {

// The first paragraphs of a document hold its title block or memo header.
constexpr size_t kTitleParagraphs = 15;
constexpr int kTitleWeight = 3;

// The year groups below are four digits; 0 for anything else.
int ParseYearDigits(std::string_view digits) {
  return std::max(0, ParseDigits(digits, 9999));
}

// A four-digit year as BE (CE years converted), 0 when it is none. A
// document's own year is never past BE 2700, even written in CE.
int AsBuddhistYear(int y) {
  std::optional<int> be = dates::YearToBe(y, 4);
  return be && *be <= 2700 ? *be : 0;
}

std::string Trim(std::string s) {
  size_t b = s.find_first_not_of(" \t:-–");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

// Votes with weights; ties go to the earliest candidate.
class Ballot {
 public:
  void Add(const std::string& value, int weight) {
    if (value.empty()) return;
    auto [it, inserted] = votes_.try_emplace(value, Entry{0, order_++});
    it->second.weight += weight;
  }
  // The candidate with the most votes. Not "the shortest prefix of many":
  // a name cut by a line break ("เข็" | "กน้อย") must not collect the votes
  // of the full name it prefixes.
  std::string Winner() const {
    std::string best;
    int best_weight = 0, best_order = 0;
    for (const auto& [value, e] : votes_) {
      if (e.weight > best_weight ||
          (e.weight == best_weight && e.order < best_order)) {
        best = value;
        best_weight = e.weight;
        best_order = e.order;
      }
    }
    return best;
  }

 private:
  struct Entry {
    int weight;
    int order;
  };
  std::map<std::string, Entry> votes_;
  int order_ = 0;
};

DocumentKind FindKind(const std::vector<std::string>& paras,
                      const MetadataLexicon& lex) {
  std::map<DocumentKind, int> score;
  for (size_t i = 0; i < paras.size(); ++i) {
    int mult = i < kTitleParagraphs ? kTitleWeight : 1;
    for (const KindPattern& k : lex.kinds) {
      if (paras[i].find(k.pattern) != std::string::npos) {
        score[k.kind] += k.weight * mult;
      }
    }
  }
  DocumentKind best = DocumentKind::kUnknown;
  int best_score = 0;
  for (const auto& [kind, s] : score) {
    if (s > best_score) {
      best = kind;
      best_score = s;
    }
  }
  return best;
}

// A title line names the document from its first words ("รายงานผล…",
// "แผนปฏิบัติการ…", after "เรื่อง"); a narrative sentence mentions the
// same wording further in ("องค์การบริหารส่วนตำบล… ได้ดำเนินการตาม
// มาตรการส่งเสริมคุณธรรม…"). Measured on the samples' and fixtures' title
// lines: the report wording starts at character 0 and a whole title line
// is at most 130 characters; the narrative sentences that mention it
// start it at character 40 or later and run 150 to 400 characters.
constexpr size_t kMaxTitleLead = 20;
constexpr size_t kMaxTitleChars = 200;

// Where (in characters) the first kind pattern of weight ≥ 4 starts in
// `text`, or npos.
size_t KindPatternAt(const std::string& text, const MetadataLexicon& lex) {
  size_t best = std::string::npos;
  for (const KindPattern& k : lex.kinds) {
    if (k.weight < 4) continue;
    size_t at = text.find(k.pattern);
    if (at != std::string::npos) best = std::min(best, at);
  }
  if (best == std::string::npos) return best;
  return utf8::Length(std::string_view(text).substr(0, best));
}

std::string FindTitle(const std::vector<std::string>& paras,
                      const std::vector<std::string>& headings,
                      const MetadataLexicon& lex) {
  static const Regex kSubjectPrefix(R"(^(?:เรื่อง|เรื่อง:)\s*)");
  size_t n = std::min(paras.size(), kTitleParagraphs);
  // The memo's subject line first: it is the title wherever it stands.
  for (size_t i = 0; i < n; ++i) {
    if (!kSubjectPrefix.PartialMatch(paras[i])) continue;
    std::string subject = Trim(kSubjectPrefix.ReplaceAll(paras[i], ""));
    if (KindPatternAt(subject, lex) != std::string::npos) return subject;
  }
  // Then a heading, then any short paragraph, that opens with the report's
  // or plan's wording.
  auto title_line = [&](const std::string& p) {
    std::string t = Trim(kSubjectPrefix.ReplaceAll(p, ""));
    size_t at = KindPatternAt(t, lex);
    return at != std::string::npos && at <= kMaxTitleLead &&
           utf8::Length(t) <= kMaxTitleChars;
  };
  for (const std::string& h : headings) {
    if (title_line(h)) return Trim(h);
  }
  for (size_t i = 0; i < n; ++i) {
    if (title_line(paras[i])) {
      return Trim(kSubjectPrefix.ReplaceAll(paras[i], ""));
    }
  }
  // No report or plan wording: the first heading with some words in it
  // (not a page number or an OCR crumb like "- คา-"), else unknown — a
  // sentence from the body is not a title.
  for (const std::string& h : headings) {
    int thai = 0;
    size_t pos = 0;
    while (pos < h.size()) {
      if (utf8::IsThaiConsonant(utf8::DecodeNext(h, &pos))) ++thai;
    }
    if (thai >= 8) return h;
  }
  return "";
}

// Cuts words that commonly follow an organization's name without a space
// (in a text layer, or where OCR lost the space: "…หนองปากโลงในปี
// งบประมาณ" on the 200-dpi sample scan).
std::string CutOrgName(std::string name) {
  static const Regex kTail(
      R"((?:ประจำปี|ประจำ|อำเภอ|จังหวัด|ปีงบประมาณ|ในปี|ได้(?:ดำเนิน|ประกาศ|จัดทำ)).*$)");
  std::string cut = kTail.ReplaceAll(name, "");
  return utf8::Length(cut) >= 2 ? cut : name;
}

Organization FindOrganization(const std::vector<std::string>& paras,
                              const MetadataLexicon& lex) {
  // One pattern per org type: full form or abbreviation, then the name.
  struct OrgPattern {
    std::string full;
    std::shared_ptr<const Regex> re;
  };
  std::vector<OrgPattern> patterns;
  for (const OrgType& t : lex.org_types) {
    std::string alts = t.full;
    for (const std::string& a : t.abbreviations) {
      std::string escaped;
      for (char c : a) {
        if (c == '.') escaped += "\\";
        escaped.push_back(c);
      }
      alts += "|" + escaped;
    }
    // Types without a following name ("กรุงเทพมหานคร") are names in full.
    patterns.push_back({t.full, std::make_shared<const Regex>(
                                    "(?:" + alts + R"()\s?(\p{Thai}*))")});
  }
  // "นายอำเภอ" (the district chief) is an official, not a place; the
  // abbreviations "อ." and "จ." only count as separate words.
  static const Regex kDistrict(R"((นาย)?อำเภอ\s?(\p{Thai}+))");
  static const Regex kDistrictAbbr(R"((?:^|\s)()อ\.\s?(\p{Thai}+))");
  static const Regex kProvince(R"((?:จังหวัด|(?:^|\s)จ\.)\s?(\p{Thai}+))");
  static const Regex kDistrictTail(R"((?:จังหวัด|จ\.).*$)");

  Ballot org, district, province;
  for (size_t i = 0; i < paras.size(); ++i) {
    const std::string& p = paras[i];
    int weight = i < kTitleParagraphs ? kTitleWeight : 1;
    bool near_org = false;
    for (const OrgPattern& op : patterns) {
      for (const RegexMatch& m : op.re->FindAll(p)) {
        std::string name = CutOrgName(m.groups[1]);
        bool bare_type = op.full == "กรุงเทพมหานคร" || op.full == "เมืองพัทยา";
        if (bare_type) {
          org.Add(op.full, weight);
        } else if (utf8::Length(name) >= 2) {
          org.Add(op.full + name, weight);
        }
        near_org = true;
      }
    }
    // District and province only count in the title lines or next to an
    // organization's name, not wherever a place is mentioned.
    if (!near_org && i >= kTitleParagraphs) continue;
    for (const Regex* re : {&kDistrict, &kDistrictAbbr}) {
      for (const RegexMatch& m : re->FindAll(p)) {
        if (!m.groups[1].empty()) continue;
        std::string name = kDistrictTail.ReplaceAll(m.groups[2], "");
        if (utf8::Length(name) >= 2) district.Add(name, weight);
      }
    }
    for (const RegexMatch& m : kProvince.FindAll(p)) {
      const std::string& cand = m.groups[1];
      std::string best;
      for (const std::string& prov : lex.provinces) {
        if (cand.compare(0, prov.size(), prov) == 0 &&
            prov.size() > best.size()) {
          best = prov;
        }
      }
      if (!best.empty()) province.Add(best, weight);
    }
  }
  Organization o;
  o.name = org.Winner();
  o.district = district.Winner();
  o.province = province.Winner();
  // "อ.เมือง จ.อุดรธานี" is the district officially named เมืองอุดรธานี.
  if (o.district == "เมือง" && !o.province.empty()) o.district += o.province;
  return o;
}

// A report's fiscal year lies in this range (BE): integrity measures and
// anti-corruption plans of local administrations date from after the 1997
// constitution (2540); 2600 is 2057 CE. A year outside is an OCR slip
// ("๒๕๐๓" for "๒๕๖๓") and is not taken for the document's.
constexpr int kEarliestReportYear = 2540;
constexpr int kLatestReportYear = 2600;

int PlausibleReportYear(int be) {
  return be >= kEarliestReportYear && be <= kLatestReportYear ? be : 0;
}

// "ปี" is often OCRed as "ปิ" (the tail of ี lost): both are accepted.
FiscalYearSpan FindFiscalYear(const std::vector<std::string>& paras,
                              const std::string& title) {
  static const Regex kRange(
      R"((?:พ\.\s?ศ\.|ป[ีิ]งบประมาณ|ประจำป[ีิ])\s*([0-9๐-๙]{4})\s*[-–—]\s*(?:พ\.\s?ศ\.\s*)?([0-9๐-๙]{4}))");
  static const Regex kSingle(
      R"((?:ป[ีิ]งบประมาณ|ประจำป[ีิ])\s*(?:พ\.\s?ศ\.)?\s*([0-9๐-๙]{4}))");
  // In a title line a bare "ปี ๒๕๖๘" names the year too; in body text it
  // may be any year mentioned. (Not a bare "พ.ศ. ๒๕๖๙": that is the memo's
  // date as often as the year reported on.)
  static const Regex kTitleYear(R"((?:^|\s)ป[ีิ]\s*([0-9๐-๙]{4})(?:\s|$))");
  auto title_year = [](const std::string& p) -> FiscalYearSpan {
    FiscalYearSpan fy;
    std::vector<std::string> g;
    if (kTitleYear.PartialMatch(p, &g)) {
      int y = PlausibleReportYear(AsBuddhistYear(ParseYearDigits(g[1])));
      if (y > 0) fy.be = fy.be_end = y;
    }
    return fy;
  };
  auto from = [](const std::string& p) -> FiscalYearSpan {
    FiscalYearSpan fy;
    std::vector<std::string> g;
    if (kRange.PartialMatch(p, &g)) {
      int a = PlausibleReportYear(AsBuddhistYear(ParseYearDigits(g[1])));
      int b = PlausibleReportYear(AsBuddhistYear(ParseYearDigits(g[2])));
      if (a > 0 && b > a && b - a <= 10) {
        fy.be = a;
        fy.be_end = b;
        return fy;
      }
    }
    if (kSingle.PartialMatch(p, &g)) {
      int y = PlausibleReportYear(AsBuddhistYear(ParseYearDigits(g[1])));
      if (y > 0) fy.be = fy.be_end = y;
    }
    return fy;
  };
  FiscalYearSpan fy = from(title);
  if (fy.be > 0) return fy;
  size_t n = std::min(paras.size(), kTitleParagraphs);
  for (size_t i = 0; i < n; ++i) {
    fy = from(paras[i]);
    if (fy.be > 0) return fy;
  }
  fy = title_year(title);
  if (fy.be > 0) return fy;
  for (size_t i = 0; i < n; ++i) {
    fy = title_year(paras[i]);
    if (fy.be > 0) return fy;
  }
  // No year in the title lines: the most frequent one in the text.
  Ballot votes;
  for (const std::string& p : paras) {
    FiscalYearSpan f = from(p);
    if (f.be > 0)
      votes.Add(std::to_string(f.be) + "-" + std::to_string(f.be_end), 1);
  }
  std::string w = votes.Winner();
  if (!w.empty()) {
    size_t dash = w.find('-');
    fy.be = std::stoi(w.substr(0, dash));
    fy.be_end = std::stoi(w.substr(dash + 1));
  }
  return fy;
}

class MetadataStage : public Stage {
 public:
  explicit MetadataStage(std::shared_ptr<const MetadataLexicon> lexicon)
      : lexicon_(std::move(lexicon)) {}

  std::string_view name() const override { return "metadata"; }

  Status Run(Document* doc) const override {
    std::vector<std::string> paras, headings;
    for (const Page& page : doc->pages) {
      for (const Block& b : page.blocks) {
        if (b.type != BlockType::kParagraph) continue;
        paras.push_back(b.text.text);
        if (b.text.heading) headings.push_back(b.text.text);
      }
    }
    doc->info = FindDocumentInfo(paras, *lexicon_, headings);
    if (doc->info.organization.name.empty()) {
      doc->AddIssue(name(), "organization_not_found",
                    "organization not found in the text");
    }
    if (doc->info.fiscal_year.be == 0) {
      doc->AddIssue(name(), "fiscal_year_not_found",
                    "fiscal year not found in the text");
    }
    return Status::Ok();
  }

 private:
  std::shared_ptr<const MetadataLexicon> lexicon_;
};

}  // namespace

DocumentInfo FindDocumentInfo(const std::vector<std::string>& paragraphs,
                              const MetadataLexicon& lexicon,
                              const std::vector<std::string>& headings) {
  DocumentInfo info;
  info.kind = FindKind(paragraphs, lexicon);
  info.title = FindTitle(paragraphs, headings, lexicon);
  info.organization = FindOrganization(paragraphs, lexicon);
  info.fiscal_year = FindFiscalYear(paragraphs, info.title);
  return info;
}

Result<std::unique_ptr<Stage>> NewMetadataStage(ModelStore* models) {
  RAINGAN_ASSIGN_OR_RETURN(std::shared_ptr<const MetadataLexicon> lexicon,
                           models->Get<MetadataLexicon>());
  return std::unique_ptr<Stage>(
      std::make_unique<MetadataStage>(std::move(lexicon)));
}

}  // namespace raingan
