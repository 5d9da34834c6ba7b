#include "output/csv_writer.h"

#include <cmath>
#include <cstdio>
#include <vector>

namespace raingan {
namespace {

constexpr char kBom[] = "\xEF\xBB\xBF";

// Column names match the keys of measures.jsonl, flattened.
constexpr const char* kColumns[] = {
    "source_path", "source_sha256", "document_kind",  "organization",
    "district",    "province",      "fiscal_year",    "fiscal_year_end",
    "measure_id",  "section",       "measure",        "method",
    "owner",       "period_text",   "period_start",   "period_end",
    "output",      "outcome",       "recommendation", "budget_baht",
    "page",        "line",          "confidence",     "warnings",
    "corrected",
    "review",
};

bool NeedsGuard(std::string_view text) {
  if (text.empty()) return false;
  switch (text.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

bool NeedsQuotes(std::string_view text) {
  if (text.empty()) return false;
  if (text.front() == ' ' || text.back() == ' ') return true;
  return text.find_first_of(",\"\r\n") != std::string_view::npos;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out.push_back('\n');
    out += item;
  }
  return out;
}

// Numbers are written by us, never taken from the document, so they need
// neither the guard nor quotes.
std::string IntField(int value, bool known) {
  return known ? std::to_string(value) : std::string();
}

std::string ConfidenceField(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.3f", std::round(v * 1000) / 1000);
  return buf;
}

}  // namespace

std::string CsvTextField(std::string_view text) {
  std::string value;
  if (NeedsGuard(text)) value.push_back('\'');
  value.append(text);
  if (!NeedsQuotes(value)) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  return quoted;
}

namespace {

// "field: reason" per review item, for the review column.
std::vector<std::string> ReviewTexts(const Measure& m) {
  std::vector<std::string> out;
  for (const ReviewItem& r : m.review) out.push_back(r.field + ": " + r.reason);
  return out;
}

}  // namespace

std::string MeasuresCsvHeader() {
  std::string out = kBom;
  bool first = true;
  for (const char* column : kColumns) {
    if (!first) out.push_back(',');
    first = false;
    out += column;
  }
  out += "\r\n";
  return out;
}

std::string MeasureToCsvRow(const Document& doc, const Measure& m,
                            const std::vector<std::string>& corrected) {
  const DocumentInfo& info = doc.info;
  const bool unknown_kind = info.kind == DocumentKind::kUnknown;
  // One entry per kColumns entry, in the same order.
  std::vector<std::string> cells = {
      CsvTextField(doc.source.path),
      CsvTextField(doc.source.sha256),
      unknown_kind ? "" : std::string(DocumentKindName(info.kind)),
      CsvTextField(info.organization.name),
      CsvTextField(info.organization.district),
      CsvTextField(info.organization.province),
      IntField(info.fiscal_year.be, info.fiscal_year.be > 0),
      IntField(info.fiscal_year.be_end, info.fiscal_year.be_end > 0),
      CsvTextField(m.id),
      CsvTextField(m.section),
      CsvTextField(m.measure),
      CsvTextField(Joined(m.method)),
      CsvTextField(Joined(m.owner)),
      CsvTextField(m.period.text),
      m.period.start ? m.period.start->Iso() : "",
      m.period.end ? m.period.end->Iso() : "",
      CsvTextField(Joined(m.output)),
      CsvTextField(Joined(m.outcome)),
      CsvTextField(Joined(m.recommendation)),
      m.budget_baht ? std::to_string(*m.budget_baht) : "",
      IntField(m.prov.page, m.prov.page > 0),
      IntField(m.prov.line, m.prov.line > 0),
      ConfidenceField(m.confidence),
      CsvTextField(Joined(m.warnings)),
      CsvTextField(Joined(corrected)),
      CsvTextField(Joined(ReviewTexts(m))),
  };
  std::string row;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) row.push_back(',');
    row += cells[i];
  }
  row += "\r\n";
  return row;
}

}  // namespace raingan
