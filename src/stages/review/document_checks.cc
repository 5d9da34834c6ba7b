#include "stages/review/document_checks.h"

#include <charconv>
#include <cstdio>
#include <map>
#include <set>
#include <string>

#include "stages/review/field_review.h"
#include "stages/tables/column_map.h"

namespace raingan {
namespace {

constexpr ColumnRole kRecordRoles[] = {ColumnRole::kMethod, ColumnRole::kOwner,
                                       ColumnRole::kPeriod, ColumnRole::kOutput,
                                       ColumnRole::kOutcome};

// A measure column and at least two of the record columns: the header of
// a measure table (as ColumnMap::IsMeasureTable decides).
bool NamesMeasureColumns(const std::set<ColumnRole>& roles) {
  if (!roles.count(ColumnRole::kMeasure)) return false;
  int others = 0;
  for (ColumnRole r : kRecordRoles) others += roles.count(r);
  return others >= 2;
}

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find(' ', pos);
    if (end == std::string::npos) end = text.size();
    if (end > pos) out.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

// A line of text that is a table header read as running text (a table
// whose columns were not found): runs of up to three words each name a
// column, together most of the line.
bool IsHeaderLine(const std::string& text, const HeaderLexicon& headers) {
  std::vector<std::string> words = Words(text);
  if (words.size() < 3 || words.size() > 24) return false;
  std::set<ColumnRole> roles;
  size_t covered = 0;
  for (size_t i = 0; i < words.size();) {
    size_t taken = 0;
    std::string run;
    for (size_t n = 1; n <= 3 && i + n <= words.size(); ++n) {
      run += words[i + n - 1];
      ColumnRole role = headers.Classify(run);
      if (role != ColumnRole::kNone) {
        roles.insert(role);
        taken = n;
      }
    }
    if (taken == 0) {
      ++i;
      continue;
    }
    covered += taken;
    i += taken;
  }
  return 2 * covered >= words.size() && NamesMeasureColumns(roles);
}

// The first page holding a measure table header, 0 when none.
int FirstHeaderPage(const Document& doc, const HeaderLexicon& headers) {
  for (const Page& page : doc.pages) {
    for (const Block& b : page.blocks) {
      if (b.type == BlockType::kParagraph) {
        if (IsHeaderLine(b.text.text, headers)) return std::max(page.number, 1);
        continue;
      }
      for (size_t r = 0; r < b.table.rows.size() && r < 3; ++r) {
        std::vector<ColumnRole> roles = ClassifyRow(b.table.rows[r], headers);
        if (NamesMeasureColumns({roles.begin(), roles.end()})) {
          return std::max(page.number, 1);
        }
      }
    }
  }
  return 0;
}

double PageConfidence(const Page& page, size_t* chars) {
  double weighted = 0;
  *chars = 0;
  auto add = [&](const Paragraph& p) {
    *chars += p.text.size();
    weighted += p.confidence * static_cast<double>(p.text.size());
  };
  for (const Block& b : page.blocks) {
    if (b.type == BlockType::kParagraph) {
      add(b.text);
      continue;
    }
    for (const TableRow& row : b.table.rows) {
      for (const Cell& cell : row.cells) {
        for (const Paragraph& p : cell.paragraphs) add(p);
      }
    }
  }
  return *chars == 0 ? 1.0 : weighted / static_cast<double>(*chars);
}

// Numbers the numbering of each (table, prefix) skips, with the first
// record after each gap: a jump a -> b counts b-a-1 missing unless the
// next number is a+2 (b stood for a+1).
struct Gap {
  int missing = 0;
  int page = 0;
  std::string example;  // "3-4"
};

Gap NumberingGaps(const std::vector<Measure>& measures) {
  std::map<std::pair<int, std::string>, std::vector<std::pair<int, int>>>
      sequences;  // key -> (number, page) in order, distinct numbers
  for (const Measure& m : measures) {
    std::string prefix;
    int number = 0;
    if (m.id.empty() || !SplitMeasureId(m.id, &prefix, &number)) continue;
    auto& seq = sequences[{m.table, prefix}];
    if (!seq.empty() && seq.back().first == number) continue;  // sub-row
    seq.push_back({number, m.prov.page});
  }
  Gap gap;
  for (const auto& [key, seq] : sequences) {
    for (size_t i = 1; i < seq.size(); ++i) {
      int a = seq[i - 1].first, b = seq[i].first;
      if (b <= a + 1) continue;
      if (i + 1 < seq.size() && seq[i + 1].first == a + 2) continue;
      if (gap.missing == 0) {
        gap.page = seq[i].second;
        std::string prefix = key.second.empty() ? "" : key.second + ".";
        gap.example = prefix + std::to_string(a + 1);
        if (b - a > 2) gap.example += "-" + std::to_string(b - 1);
      }
      gap.missing += b - a - 1;
    }
  }
  return gap;
}

int FiscalYearOf(const Date& d) {
  return d.year + 543 + (d.month >= 10 ? 1 : 0);
}

}  // namespace

std::vector<Issue> RunDocumentChecks(const Document& doc,
                                     const HeaderLexicon& headers) {
  std::vector<Issue> issues;
  auto add = [&](std::string code, int page, std::string message) {
    issues.push_back(
        Issue{kDocumentChecksStage, page, std::move(code), std::move(message)});
  };

  // Plans read their records from project sheets, and their risk and
  // budget tables name measure-like columns: any record counts.
  if (doc.measures.empty()) {
    if (int page = FirstHeaderPage(doc, headers); page > 0) {
      add("table_no_records", doc.source.pages < 0 ? 0 : page,
          "a measure table header was found" +
              (doc.source.pages < 0 ? std::string()
                                    : " on page " + std::to_string(page)) +
              " but no records were read from it: check the document by "
              "hand");
    }
  }

  Gap gap = NumberingGaps(doc.measures);
  if (gap.missing > 0) {
    add("records_missing", gap.page,
        std::to_string(gap.missing) + " measure" +
            (gap.missing == 1 ? " is" : "s are") +
            " missing: the numbering skips " + gap.example);
  }

  for (const Page& page : doc.pages) {
    if (page.quality.needs_ocr && !page.ocr) {
      add("page_not_read", page.number,
          "page " + std::to_string(page.number) +
              " has no usable text layer and was not OCRed: its records are "
              "missing");
      continue;
    }
    if (!page.ocr) continue;
    size_t chars = 0;
    double c = PageConfidence(page, &chars);
    if (chars == 0 || c >= kNoisyPageConfidence) continue;
    char buf[128];
    std::snprintf(buf, sizeof(buf),
                  "page %d read by OCR as noise (mean confidence %.2f): its "
                  "records may be missing or wrong",
                  page.number, c);
    add("ocr_page_noise", page.number, buf);
  }

  // The periods stage says when it replaced the title's fiscal year
  // (stages/periods/periods_stage.cc, ReconcileFiscalYear).
  const bool replaced = doc.HasIssue("fiscal_year_overruled_by_periods");
  const FiscalYearSpan& fy = doc.info.fiscal_year;
  if (replaced) {
    add("fiscal_year_disagrees", 0,
        "the fiscal year was taken from the measure periods, not the "
        "title: check it");
  } else if (fy.be > 0) {
    int dated = 0, outside = 0;
    for (const Measure& m : doc.measures) {
      if (!m.period.start) continue;
      ++dated;
      int y = FiscalYearOf(*m.period.start);
      outside += y < fy.be || y > fy.be_end;
    }
    if (outside >= 2 && 2 * outside > dated) {
      add("fiscal_year_disagrees", 0,
          std::to_string(outside) + " of " + std::to_string(dated) +
              " dated periods fall outside fiscal year " +
              std::to_string(fy.be) +
              (fy.be_end != fy.be ? "-" + std::to_string(fy.be_end) : "") +
              ": check the fiscal year");
    }
  }
  return issues;
}

}  // namespace raingan
