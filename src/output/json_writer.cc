#include "output/json_writer.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "output/json_internal.h"

// Every field written here is read back by json_reader.cc (the merged
// outputs are rebuilt from documents/*.json when corrections are applied);
// a field added here must be added there too, or corrected documents lose
// it. tests/output/json_reader_test.cc checks the round trip.

namespace raingan {
namespace {

using nlohmann::json;
using ordered = nlohmann::ordered_json;

ordered StringOrNull(const std::string& s) {
  return s.empty() ? ordered(nullptr) : ordered(s);
}

ordered IntOrNull(int v, bool known) {
  return known ? ordered(v) : ordered(nullptr);
}

ordered Strings(const std::vector<std::string>& v) {
  ordered a = ordered::array();
  for (const std::string& s : v) a.push_back(s);
  return a;
}

ordered BBoxJson(const BBox& b) {
  if (b.empty()) return nullptr;
  auto r = [](double v) { return std::round(v * 10) / 10; };
  return ordered::array({r(b.x0), r(b.y0), r(b.x1), r(b.y1)});
}

double Round3(double v) { return std::round(v * 1000) / 1000; }

ordered SourceJson(const SourceInfo& s) {
  ordered j;
  j["path"] = s.path;
  j["sha256"] = s.sha256;
  j["format"] = std::string(SourceFormatName(s.format));
  j["pages"] = IntOrNull(s.pages, s.pages >= 0);
  return j;
}

ordered DocumentInfoJson(const DocumentInfo& info) {
  ordered j;
  j["kind"] = std::string(DocumentKindName(info.kind));
  j["title"] = StringOrNull(info.title);
  j["organization"] = {{"name", StringOrNull(info.organization.name)},
                       {"district", StringOrNull(info.organization.district)},
                       {"province", StringOrNull(info.organization.province)}};
  j["fiscal_year"] = {
      {"be", IntOrNull(info.fiscal_year.be, info.fiscal_year.be > 0)},
      {"be_end",
       IntOrNull(info.fiscal_year.be_end, info.fiscal_year.be_end > 0)}};
  return j;
}

ordered MeasureJson(const Measure& m) {
  ordered j;
  j["id"] = StringOrNull(m.id);
  j["section"] = StringOrNull(m.section);
  j["measure"] = m.measure;
  j["method"] = Strings(m.method);
  j["owner"] = Strings(m.owner);
  ordered period;
  period["text"] = StringOrNull(m.period.text);
  period["start"] = m.period.start ? ordered(m.period.start->Iso()) : nullptr;
  period["end"] = m.period.end ? ordered(m.period.end->Iso()) : nullptr;
  period["fiscal_years"] = m.period.fiscal_years;
  if (!m.period.runs.empty()) {
    // Only periods read from ticked month columns have runs.
    ordered runs = ordered::array();
    for (const PeriodRun& run : m.period.runs) {
      ordered r;
      r["start"] = run.start.Iso();
      r["end"] = run.end.Iso();
      runs.push_back(r);
    }
    period["runs"] = runs;
  }
  j["period"] = period;
  j["output"] = Strings(m.output);
  j["outcome"] = Strings(m.outcome);
  if (m.has_recommendation) j["recommendation"] = Strings(m.recommendation);
  if (m.budget_baht.has_value()) j["budget_baht"] = *m.budget_baht;
  if (!m.extra.empty()) {
    ordered extra = ordered::object();
    for (const auto& [k, v] : m.extra) extra[k] = Strings(v);
    j["extra"] = extra;
  }
  ordered prov;
  prov["page"] = IntOrNull(m.prov.page, m.prov.page > 0);
  prov["line"] = IntOrNull(m.prov.line, m.prov.line > 0);
  prov["table"] = m.table;
  prov["row"] = m.row;
  prov["bbox"] = BBoxJson(m.prov.bbox);
  prov["table_kind"] = StringOrNull(m.table_kind);
  j["provenance"] = prov;
  j["confidence"] = Round3(m.confidence);
  if (!m.field_confidence.empty()) {
    ordered fields = ordered::object();
    for (const auto& [field, c] : m.field_confidence) fields[field] = Round3(c);
    j["field_confidence"] = fields;
  }
  j["warnings"] = Strings(m.warnings);
  ordered review = ordered::array();
  for (const ReviewItem& r : m.review) {
    review.push_back({{"field", r.field}, {"reason", StringOrNull(r.reason)}});
  }
  j["review"] = review;
  return j;
}

ordered YearMap(const std::map<int, std::optional<int64_t>>& m) {
  ordered j = ordered::object();
  for (const auto& [year, v] : m) {
    j[std::to_string(year)] = v ? ordered(*v) : ordered(nullptr);
  }
  return j;
}

ordered PlanJson(const PlanData& plan) {
  ordered j;
  ordered lines = ordered::array();
  for (const BudgetLine& b : plan.budget_lines) {
    ordered l;
    l["dimension"] = b.dimension;
    l["mission"] = StringOrNull(b.mission);
    l["project"] = b.project;
    l["by_year"] = YearMap(b.by_year);
    l["remark"] = StringOrNull(b.remark);
    l["measure_id"] = StringOrNull(b.measure_id);
    l["provenance"] = {{"page", IntOrNull(b.prov.page, b.prov.page > 0)},
                       {"line", IntOrNull(b.prov.line, b.prov.line > 0)},
                       {"bbox", BBoxJson(b.prov.bbox)}};
    lines.push_back(l);
  }
  j["budget_lines"] = lines;
  ordered totals = ordered::array();
  for (const BudgetTotal& t : plan.budget_totals) {
    ordered o;
    o["dimension"] = t.dimension == 0 ? ordered("all") : ordered(t.dimension);
    o["stated"] = YearMap(t.stated);
    ordered computed = ordered::object();
    for (const auto& [year, v] : t.computed) computed[std::to_string(year)] = v;
    o["computed"] = computed;
    totals.push_back(o);
  }
  j["budget_totals"] = totals;
  ordered risks = ordered::array();
  for (const RiskRow& r : plan.risks) {
    ordered o;
    o["seq"] = r.seq;
    o["step"] = r.step;
    o["risks"] = Strings(r.risks);
    o["risk_score"] = StringOrNull(r.risk_score);
    o["controls"] = Strings(r.controls);
    o["provenance"] = {{"page", IntOrNull(r.prov.page, r.prov.page > 0)},
                       {"line", IntOrNull(r.prov.line, r.prov.line > 0)}};
    risks.push_back(o);
  }
  j["risks"] = risks;
  return j;
}

ordered ParagraphJson(const Paragraph& p) {
  ordered j;
  j["text"] = p.text;
  if (p.heading) j["heading"] = true;
  if (p.list_item) j["list_item"] = true;
  if (p.confidence < 1.0) j["confidence"] = Round3(p.confidence);
  j["line"] = IntOrNull(p.prov.line, p.prov.line > 0);
  j["bbox"] = BBoxJson(p.prov.bbox);
  return j;
}

ordered LayoutJson(const Document& doc) {
  ordered pages = ordered::array();
  for (const Page& page : doc.pages) {
    ordered p;
    p["number"] = IntOrNull(page.number, page.number > 0);
    p["width"] = page.width;
    p["height"] = page.height;
    p["ocr"] = page.ocr;
    p["quality"] = {{"chars", page.quality.chars},
                    {"pua", page.quality.pua},
                    {"split_sara_am", page.quality.split_sara_am},
                    {"replacement", page.quality.replacement},
                    {"needs_ocr", page.quality.needs_ocr},
                    {"reason", StringOrNull(page.quality.reason)}};
    ordered blocks = ordered::array();
    for (const Block& b : page.blocks) {
      if (b.type == BlockType::kParagraph) {
        ordered o = ParagraphJson(b.text);
        o["type"] = "paragraph";
        blocks.push_back(o);
        continue;
      }
      ordered t;
      t["type"] = "table";
      t["columns"] = b.table.columns;
      t["kind"] = TableKindName(b.table.kind);
      t["line"] = IntOrNull(b.table.prov.line, b.table.prov.line > 0);
      t["bbox"] = BBoxJson(b.table.prov.bbox);
      ordered rows = ordered::array();
      for (const TableRow& r : b.table.rows) {
        ordered row;
        row["bbox"] = BBoxJson(r.prov.bbox);
        ordered cells = ordered::array();
        for (const Cell& c : r.cells) {
          ordered cell;
          cell["text"] = c.Text();
          if (c.row_span > 1) cell["row_span"] = c.row_span;
          if (c.col_span > 1) cell["col_span"] = c.col_span;
          if (c.covered) cell["covered"] = true;
          cell["bbox"] = BBoxJson(c.prov.bbox);
          ordered paras = ordered::array();
          for (const Paragraph& q : c.paragraphs)
            paras.push_back(ParagraphJson(q));
          cell["paragraphs"] = paras;
          cells.push_back(cell);
        }
        row["cells"] = cells;
        rows.push_back(row);
      }
      t["rows"] = rows;
      blocks.push_back(t);
    }
    p["blocks"] = blocks;
    pages.push_back(p);
  }
  return ordered{{"pages", pages}};
}

std::string Dump(const ordered& j, int indent) {
  return j.dump(indent, ' ', /*ensure_ascii=*/false,
                json::error_handler_t::replace);
}

}  // namespace

namespace json_internal {

Ordered StringOrNull(const std::string& s) { return raingan::StringOrNull(s); }
Ordered Strings(const std::vector<std::string>& v) {
  return raingan::Strings(v);
}
Ordered MeasureJson(const Measure& m) { return raingan::MeasureJson(m); }
Ordered DocumentInfoJson(const DocumentInfo& info) {
  return raingan::DocumentInfoJson(info);
}
std::string Dump(const Ordered& j, int indent) {
  return raingan::Dump(j, indent);
}

}  // namespace json_internal

std::string DocumentToJson(const Document& doc, const JsonOptions& options) {
  ordered j;
  j["schema_version"] = kSchemaVersion;
  j["source"] = SourceJson(doc.source);
  j["status"] = std::string(DocStatusName(doc.status));
  j["status_reason"] = StringOrNull(doc.status_reason);
  j["document"] = DocumentInfoJson(doc.info);
  ordered measures = ordered::array();
  for (const Measure& m : doc.measures) measures.push_back(MeasureJson(m));
  j["measures"] = measures;
  if (doc.info.kind == DocumentKind::kAnticorruptionPlan ||
      !doc.plan.budget_lines.empty() || !doc.plan.risks.empty()) {
    j["plan"] = PlanJson(doc.plan);
  }
  if (!doc.scores.empty()) {
    ordered scores = ordered::array();
    for (const Score& s : doc.scores) {
      ordered o;
      o["indicator"] = s.indicator;
      o["name"] = StringOrNull(s.name);
      o["score"] = s.score ? ordered(*s.score) : ordered(nullptr);
      o["grade"] = StringOrNull(s.grade);
      scores.push_back(o);
    }
    j["scores"] = scores;
  }
  j["warnings"] = Strings(doc.warnings());
  ordered issues = ordered::array();
  for (const Issue& i : doc.issues) {
    ordered o;
    o["code"] = i.code;
    o["stage"] = i.stage;
    o["page"] = IntOrNull(i.page, i.page > 0);
    o["message"] = i.message;
    issues.push_back(o);
  }
  j["issues"] = issues;
  if (options.layout) j["layout"] = LayoutJson(doc);
  std::string out = Dump(j, options.indent);
  out.push_back('\n');
  return out;
}

std::string MeasureToJsonLine(const Document& doc, const Measure& m,
                              const std::vector<std::string>& corrected) {
  ordered j;
  j["source"] = {{"path", doc.source.path}, {"sha256", doc.source.sha256}};
  j["document"] = DocumentInfoJson(doc.info);
  j["measure"] = MeasureJson(m);
  j["corrected"] = Strings(corrected);
  return Dump(j, -1);
}

std::string BatchResultToJsonLine(const BatchResult& r) {
  ordered j;
  j["path"] = r.path;
  j["sha256"] = r.sha256;
  j["status"] = r.status;
  j["error"] = StringOrNull(r.error);
  j["pages"] = IntOrNull(r.pages, r.pages >= 0);
  j["measures"] = r.measures;
  j["seconds"] = Round3(r.seconds);
  j["output"] = StringOrNull(r.output);
  j["settings"] = r.settings;
  return Dump(j, -1);
}

Result<BatchResult> BatchResultFromJson(std::string_view text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::BadInput("not a JSON object");
  }
  // Typed reads without exceptions: a missing or mistyped key fails.
  auto text_of = [&](const char* key, bool nullable, std::string* out) {
    auto it = j.find(key);
    if (it == j.end()) return false;
    if (it->is_null() && nullable) return true;
    if (!it->is_string()) return false;
    *out = it->get<std::string>();
    return true;
  };
  BatchResult r;
  bool ok =
      text_of("path", false, &r.path) && text_of("sha256", false, &r.sha256) &&
      text_of("status", false, &r.status) && text_of("error", true, &r.error) &&
      text_of("output", true, &r.output) &&
      text_of("settings", false, &r.settings);
  auto pages = j.find("pages");
  auto measures = j.find("measures");
  auto seconds = j.find("seconds");
  ok = ok && pages != j.end() &&
       (pages->is_null() || pages->is_number_integer()) &&
       measures != j.end() && measures->is_number_integer() &&
       seconds != j.end() && seconds->is_number();
  if (!ok) return Status::BadInput("incomplete batch result record");
  if (pages->is_number_integer()) r.pages = pages->get<int>();
  r.measures = measures->get<int>();
  r.seconds = seconds->get<double>();
  return r;
}

}  // namespace raingan
