#include "db/document_rows.h"

#include <ctime>
#include <map>

#include "base/sha256.h"

namespace raingan::db {
namespace {

Value Int(int64_t v) { return Value(v); }
Value Text(const std::string& s) { return Value(s); }
// Empty means unknown in a BatchResult.
Value TextOrNull(const std::string& s) {
  if (s.empty()) return Value(nullptr);
  return Value(s);
}

void AppendBBox(const std::optional<BBox>& b, std::vector<Value>* row) {
  if (!b) {
    row->insert(row->end(), 4, Value(nullptr));
    return;
  }
  for (double c : {b->x0, b->y0, b->x1, b->y1}) row->emplace_back(c);
}

TableRows Table(std::string name, std::vector<std::string> columns) {
  TableRows t;
  t.table = std::move(name);
  t.columns = std::move(columns);
  return t;
}

TableRows DocumentRow(int64_t id, const DocumentOrigin& origin,
                      const DocumentRecord* doc) {
  TableRows t = Table("documents", {"document_id",
                                    "sha256",
                                    "source_path",
                                    "format",
                                    "kind",
                                    "title",
                                    "organization",
                                    "district",
                                    "province",
                                    "fiscal_year_be",
                                    "fiscal_year_be_end",
                                    "pages",
                                    "status",
                                    "status_reason",
                                    "error",
                                    "measure_count",
                                    "seconds",
                                    "settings",
                                    "output_path",
                                    "output_sha256",
                                    "schema_version",
                                    "extracted_at",
                                    "loaded_at"});
  const BatchResult& r = origin.record;
  std::optional<int> pages;
  if (r.pages >= 0) pages = r.pages;
  if (doc) {
    t.Add({Int(id),
           Text(r.sha256),
           Text(r.path),
           Text(doc->format),
           Text(doc->kind),
           OrNull(doc->title),
           OrNull(doc->organization),
           OrNull(doc->district),
           OrNull(doc->province),
           OrNull(doc->fiscal_year_be),
           OrNull(doc->fiscal_year_be_end),
           OrNull(doc->pages ? doc->pages : pages),
           Text(r.status),
           OrNull(doc->status_reason),
           TextOrNull(r.error),
           Int(static_cast<int64_t>(doc->measures.size())),
           Value(r.seconds),
           Text(r.settings),
           TextOrNull(r.output),
           OrNull(origin.output_sha256),
           Text(doc->schema_version),
           OrNull(origin.extracted_at),
           Text(origin.loaded_at)});
  } else {
    t.Add({Int(id),
           Text(r.sha256),
           Text(r.path),
           nullptr,
           nullptr,
           nullptr,
           nullptr,
           nullptr,
           nullptr,
           nullptr,
           nullptr,
           OrNull(pages),
           Text(r.status),
           nullptr,
           TextOrNull(r.error),
           Int(r.measures),
           Value(r.seconds),
           Text(r.settings),
           TextOrNull(r.output),
           OrNull(origin.output_sha256),
           nullptr,
           OrNull(origin.extracted_at),
           Text(origin.loaded_at)});
  }
  return t;
}

// The measure tables, filled measure by measure.
struct MeasureTables {
  TableRows measures =
      Table("measures",
            {"document_id", "measure_no", "printed_id", "section", "measure",
             "period_text", "period_start", "period_end", "budget_baht",
             "confidence", "page", "line", "table_no", "row_no", "bbox_x0",
             "bbox_y0", "bbox_x1", "bbox_y1", "table_kind"});
  TableRows items =
      Table("measure_items", {"document_id", "measure_no", "field", "position",
                              "text", "field_confidence"});
  TableRows confidence =
      Table("measure_field_confidence",
            {"document_id", "measure_no", "field", "confidence"});
  TableRows review = Table("measure_review", {"document_id", "measure_no",
                                              "position", "field", "reason"});
  TableRows warnings = Table(
      "measure_warnings", {"document_id", "measure_no", "position", "message"});
  TableRows fiscal_years =
      Table("measure_fiscal_years",
            {"document_id", "measure_no", "position", "fiscal_year_be"});
  TableRows runs =
      Table("measure_period_runs",
            {"document_id", "measure_no", "position", "run_start", "run_end"});

  void Add(int64_t id, int64_t no, const MeasureRecord& m) {
    std::vector<Value> row = {Int(id),
                              Int(no),
                              OrNull(m.id),
                              OrNull(m.section),
                              Text(m.measure),
                              OrNull(m.period_text),
                              OrNull(m.period_start),
                              OrNull(m.period_end),
                              OrNull(m.budget_baht),
                              Value(m.confidence),
                              OrNull(m.provenance.page),
                              OrNull(m.provenance.line),
                              Int(m.table),
                              Int(m.row)};
    AppendBBox(m.provenance.bbox, &row);
    row.push_back(OrNull(m.table_kind));
    measures.Add(std::move(row));
    for (const ListRecord& list : m.lists) {
      // The field's confidence on each of its items (NULL: text layer).
      Value confidence(nullptr);
      auto c = m.field_confidence.find(list.field);
      if (c != m.field_confidence.end()) confidence = c->second;
      for (size_t i = 0; i < list.items.size(); ++i) {
        items.Add({Int(id), Int(no), Text(list.field),
                   Int(static_cast<int64_t>(i) + 1), Text(list.items[i]),
                   confidence});
      }
    }
    for (const auto& [field, value] : m.field_confidence) {
      confidence.Add({Int(id), Int(no), Text(field), Value(value)});
    }
    for (size_t i = 0; i < m.review.size(); ++i) {
      review.Add({Int(id), Int(no), Int(static_cast<int64_t>(i) + 1),
                  Text(m.review[i].field), OrNull(m.review[i].reason)});
    }
    for (size_t i = 0; i < m.warnings.size(); ++i) {
      warnings.Add({Int(id), Int(no), Int(static_cast<int64_t>(i) + 1),
                    Text(m.warnings[i])});
    }
    for (size_t i = 0; i < m.period_fiscal_years.size(); ++i) {
      fiscal_years.Add({Int(id), Int(no), Int(static_cast<int64_t>(i) + 1),
                        Int(m.period_fiscal_years[i])});
    }
    for (size_t i = 0; i < m.period_runs.size(); ++i) {
      runs.Add({Int(id), Int(no), Int(static_cast<int64_t>(i) + 1),
                Text(m.period_runs[i].start), Text(m.period_runs[i].end)});
    }
  }
};

void PlanRows(int64_t id, const DocumentRecord& doc,
              std::vector<TableRows>* out) {
  TableRows lines = Table("budget_lines",
                          {"document_id", "line_no", "dimension", "mission",
                           "project", "remark", "measure_printed_id", "page",
                           "line", "bbox_x0", "bbox_y0", "bbox_x1", "bbox_y1"});
  TableRows line_amounts =
      Table("budget_line_amounts",
            {"document_id", "line_no", "fiscal_year_be", "amount_baht"});
  for (size_t i = 0; i < doc.budget_lines.size(); ++i) {
    const BudgetLineRecord& b = doc.budget_lines[i];
    int64_t no = static_cast<int64_t>(i) + 1;
    std::vector<Value> row = {Int(id),
                              Int(no),
                              Int(b.dimension),
                              OrNull(b.mission),
                              Text(b.project),
                              OrNull(b.remark),
                              OrNull(b.measure_id),
                              OrNull(b.provenance.page),
                              OrNull(b.provenance.line)};
    AppendBBox(b.provenance.bbox, &row);
    lines.Add(std::move(row));
    for (const auto& [year, amount] : b.by_year) {
      line_amounts.Add({Int(id), Int(no), Int(year), OrNull(amount)});
    }
  }
  TableRows totals =
      Table("budget_totals", {"document_id", "total_no", "dimension"});
  TableRows total_amounts = Table("budget_total_amounts",
                                  {"document_id", "total_no", "fiscal_year_be",
                                   "stated_baht", "computed_baht"});
  for (size_t i = 0; i < doc.budget_totals.size(); ++i) {
    const BudgetTotalRecord& t = doc.budget_totals[i];
    int64_t no = static_cast<int64_t>(i) + 1;
    totals.Add({Int(id), Int(no), OrNull(t.dimension)});
    // One row per year either side names.
    std::map<int, std::pair<Value, Value>> years;
    for (const auto& [year, v] : t.stated) {
      years[year] = {OrNull(v), nullptr};
    }
    for (const auto& [year, v] : t.computed) {
      auto [it, fresh] = years.try_emplace(year, nullptr, nullptr);
      it->second.second = Int(v);
    }
    for (auto& [year, pair] : years) {
      total_amounts.Add({Int(id), Int(no), Int(year), std::move(pair.first),
                         std::move(pair.second)});
    }
  }
  TableRows risks = Table("risks", {"document_id", "risk_no", "seq", "step",
                                    "risk_score", "page", "line"});
  TableRows risk_items = Table(
      "risk_items", {"document_id", "risk_no", "field", "position", "text"});
  for (size_t i = 0; i < doc.risks.size(); ++i) {
    const RiskRecord& k = doc.risks[i];
    int64_t no = static_cast<int64_t>(i) + 1;
    risks.Add({Int(id), Int(no), Int(k.seq), Text(k.step), OrNull(k.risk_score),
               OrNull(k.provenance.page), OrNull(k.provenance.line)});
    for (const auto& [field, list] :
         {std::pair{"risks", &k.risks}, std::pair{"controls", &k.controls}}) {
      for (size_t p = 0; p < list->size(); ++p) {
        risk_items.Add({Int(id), Int(no), Text(field),
                        Int(static_cast<int64_t>(p) + 1), Text((*list)[p])});
      }
    }
  }
  for (TableRows* t :
       {&lines, &line_amounts, &totals, &total_amounts, &risks, &risk_items}) {
    out->push_back(std::move(*t));
  }
}

}  // namespace

int64_t DocumentId(std::string_view sha256, std::string_view source_path) {
  std::string key = "raingan document\n";
  key += sha256;
  key += '\n';
  key += source_path;
  std::string hex = Sha256Hex(key).substr(0, 16);
  uint64_t bits = std::stoull(hex, nullptr, 16);
  int64_t id = static_cast<int64_t>(bits & 0x7FFFFFFFFFFFFFFFull);
  return id == 0 ? 1 : id;
}

std::vector<TableRows> DocumentRows(int64_t id, const DocumentOrigin& origin,
                                    const DocumentRecord* doc) {
  std::vector<TableRows> out;
  out.push_back(DocumentRow(id, origin, doc));
  if (doc == nullptr) return out;
  TableRows issues =
      Table("document_issues",
            {"document_id", "position", "code", "stage", "page", "message"});
  for (size_t i = 0; i < doc->issues.size(); ++i) {
    const IssueRecord& s = doc->issues[i];
    issues.Add({Int(id), Int(static_cast<int64_t>(i) + 1), Text(s.code),
                OrNull(s.stage), OrNull(s.page), Text(s.message)});
  }
  TableRows warnings =
      Table("document_warnings", {"document_id", "position", "message"});
  for (size_t i = 0; i < doc->warnings.size(); ++i) {
    warnings.Add(
        {Int(id), Int(static_cast<int64_t>(i) + 1), Text(doc->warnings[i])});
  }
  MeasureTables m;
  for (size_t i = 0; i < doc->measures.size(); ++i) {
    m.Add(id, static_cast<int64_t>(i) + 1, doc->measures[i]);
  }
  TableRows scores =
      Table("ita_scores",
            {"document_id", "score_no", "indicator", "name", "score", "grade"});
  for (size_t i = 0; i < doc->scores.size(); ++i) {
    const ScoreRecord& s = doc->scores[i];
    scores.Add({Int(id), Int(static_cast<int64_t>(i) + 1), Text(s.indicator),
                OrNull(s.name), OrNull(s.score), OrNull(s.grade)});
  }
  for (TableRows* t : {&issues, &warnings, &m.measures, &m.items, &m.confidence,
                       &m.review, &m.warnings, &m.fiscal_years, &m.runs}) {
    out.push_back(std::move(*t));
  }
  PlanRows(id, *doc, &out);
  out.push_back(std::move(scores));
  std::erase_if(out, [](const TableRows& t) { return t.rows() == 0; });
  return out;
}

std::string IsoUtc(int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace raingan::db
