#include "output/json_reader.h"

#include <cctype>
#include <charconv>
#include <limits>
#include <nlohmann/json.hpp>

#include "output/json_writer.h"

namespace raingan {
namespace {

using nlohmann::json;

// Typed reads of a parsed document without exceptions. Every read names
// its key path; the first failure is kept and later reads are no-ops that
// return false, so parsing code reads straight through.
class Reader {
 public:
  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }

  bool Fail(const std::string& path, const std::string& what) {
    if (error_.empty()) error_ = path + ": " + what;
    return false;
  }

  // The member `key` of `obj`, or null when absent.
  const json* Find(const json& obj, const char* key) const {
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
  }

  const json* Object(const json& obj, const char* key, const std::string& path,
                     bool required) {
    const json* v = Find(obj, key);
    if (v == nullptr || v->is_null()) {
      if (required) Fail(path, "missing");
      return nullptr;
    }
    if (!v->is_object()) {
      Fail(path, "expected an object");
      return nullptr;
    }
    return v;
  }

  const json* Array(const json& obj, const char* key, const std::string& path,
                    bool required) {
    const json* v = Find(obj, key);
    if (v == nullptr) {
      if (required) Fail(path, "missing");
      return nullptr;
    }
    if (!v->is_array()) {
      Fail(path, "expected an array");
      return nullptr;
    }
    return v;
  }

  bool Text(const json& obj, const char* key, const std::string& path,
            std::string* out) {
    const json* v = Find(obj, key);
    if (v == nullptr) return Fail(path, "missing");
    if (!v->is_string()) return Fail(path, "expected a string");
    *out = v->get<std::string>();
    return true;
  }

  bool OptText(const json& obj, const char* key, const std::string& path,
               std::optional<std::string>* out) {
    const json* v = Find(obj, key);
    if (v == nullptr || v->is_null()) return true;
    if (!v->is_string()) return Fail(path, "expected a string or null");
    *out = v->get<std::string>();
    return true;
  }

  bool OptInt64(const json& v, const std::string& path,
                std::optional<int64_t>* out) {
    if (v.is_null()) return true;
    if (v.is_number_unsigned() &&
        v.get<uint64_t>() >
            static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      return Fail(path, "integer out of range");
    }
    if (!v.is_number_integer())
      return Fail(path, "expected an integer or null");
    *out = v.get<int64_t>();
    return true;
  }

  bool OptInt(const json& obj, const char* key, const std::string& path,
              std::optional<int>* out) {
    const json* v = Find(obj, key);
    if (v == nullptr) return true;
    std::optional<int64_t> wide;
    if (!OptInt64(*v, path, &wide)) return false;
    if (!wide) return true;
    if (*wide < std::numeric_limits<int>::min() ||
        *wide > std::numeric_limits<int>::max()) {
      return Fail(path, "integer out of range");
    }
    *out = static_cast<int>(*wide);
    return true;
  }

  bool Int(const json& obj, const char* key, const std::string& path,
           int* out) {
    std::optional<int> v;
    if (Find(obj, key) == nullptr) return Fail(path, "missing");
    if (!OptInt(obj, key, path, &v)) return false;
    if (!v) return Fail(path, "expected an integer");
    *out = *v;
    return true;
  }

  bool OptDouble(const json& obj, const char* key, const std::string& path,
                 std::optional<double>* out) {
    const json* v = Find(obj, key);
    if (v == nullptr || v->is_null()) return true;
    if (!v->is_number()) return Fail(path, "expected a number or null");
    *out = v->get<double>();
    return true;
  }

  bool Strings(const json& obj, const char* key, const std::string& path,
               bool required, std::vector<std::string>* out) {
    const json* a = Array(obj, key, path, required);
    if (a == nullptr) return !failed();
    for (size_t i = 0; i < a->size(); ++i) {
      const json& item = (*a)[i];
      if (!item.is_string()) {
        return Fail(path + "[" + std::to_string(i) + "]", "expected a string");
      }
      out->push_back(item.get<std::string>());
    }
    return true;
  }

  bool OptDate(const json& obj, const char* key, const std::string& path,
               std::optional<std::string>* out) {
    if (!OptText(obj, key, path, out)) return false;
    if (*out && !IsIsoDate(**out)) {
      return Fail(path, "expected a date (YYYY-MM-DD) or null");
    }
    return true;
  }

  bool Date(const json& obj, const char* key, const std::string& path,
            std::string* out) {
    if (!Text(obj, key, path, out)) return false;
    if (!IsIsoDate(*out)) return Fail(path, "expected a date (YYYY-MM-DD)");
    return true;
  }

  // A bbox: null or [x0, y0, x1, y1].
  bool OptBBox(const json& obj, const char* key, const std::string& path,
               std::optional<BBox>* out) {
    const json* v = Find(obj, key);
    if (v == nullptr || v->is_null()) return true;
    if (!v->is_array() || v->size() != 4) {
      return Fail(path, "expected [x0, y0, x1, y1] or null");
    }
    double c[4];
    for (size_t i = 0; i < 4; ++i) {
      if (!(*v)[i].is_number()) return Fail(path, "expected numbers");
      c[i] = (*v)[i].get<double>();
    }
    *out = BBox{c[0], c[1], c[2], c[3]};
    return true;
  }

  // {"2566": 100, "2567": null, ...} in the JSON's (ascending) order.
  bool YearAmounts(const json& obj, const char* key, const std::string& path,
                   std::vector<std::pair<int, std::optional<int64_t>>>* out) {
    const json* m = Object(obj, key, path, /*required=*/false);
    if (m == nullptr) return !failed();
    for (const auto& [year_text, amount] : m->items()) {
      std::string item_path = path + "." + year_text;
      int year = 0;
      auto [end, ec] = std::from_chars(
          year_text.data(), year_text.data() + year_text.size(), year);
      if (ec != std::errc() || end != year_text.data() + year_text.size()) {
        return Fail(item_path, "expected a year as the key");
      }
      std::optional<int64_t> value;
      if (!OptInt64(amount, item_path, &value)) return false;
      out->emplace_back(year, value);
    }
    return true;
  }

  bool Provenance(const json& obj, const std::string& path,
                  ProvenanceRecord* out) {
    const json* p = Object(obj, "provenance", path + ".provenance", false);
    if (p == nullptr) return !failed();
    std::string at = path + ".provenance";
    return OptInt(*p, "page", at + ".page", &out->page) &&
           OptInt(*p, "line", at + ".line", &out->line) &&
           OptBBox(*p, "bbox", at + ".bbox", &out->bbox);
  }

 private:
  static bool IsIsoDate(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
      if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    }
    return true;
  }

  std::string error_;
};

std::string At(const std::string& path, size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

// The list fields a measure always has, then the optional one, in the
// order the writer emits them.
constexpr const char* kListFields[] = {"method", "owner", "output", "outcome"};

void ReadMeasure(Reader& r, const json& j, const std::string& path,
                 MeasureRecord* m) {
  if (!j.is_object()) {
    r.Fail(path, "expected an object");
    return;
  }
  r.OptText(j, "id", path + ".id", &m->id);
  r.OptText(j, "section", path + ".section", &m->section);
  r.Text(j, "measure", path + ".measure", &m->measure);
  for (const char* field : kListFields) {
    ListRecord list{field, {}};
    r.Strings(j, field, path + "." + field, /*required=*/true, &list.items);
    m->lists.push_back(std::move(list));
  }
  if (r.Find(j, "recommendation") != nullptr) {
    ListRecord list{"recommendation", {}};
    r.Strings(j, "recommendation", path + ".recommendation", true, &list.items);
    m->lists.push_back(std::move(list));
  }
  if (const json* extra = r.Object(j, "extra", path + ".extra", false)) {
    for (const auto& [name, items] : extra->items()) {
      ListRecord list{"extra." + name, {}};
      r.Strings(*extra, name.c_str(), path + ".extra." + name, true,
                &list.items);
      m->lists.push_back(std::move(list));
    }
  }
  std::string period_path = path + ".period";
  if (const json* period = r.Object(j, "period", period_path, true)) {
    r.OptText(*period, "text", period_path + ".text", &m->period_text);
    r.OptDate(*period, "start", period_path + ".start", &m->period_start);
    r.OptDate(*period, "end", period_path + ".end", &m->period_end);
    if (const json* years = r.Array(*period, "fiscal_years",
                                    period_path + ".fiscal_years", false)) {
      for (size_t i = 0; i < years->size(); ++i) {
        if (!(*years)[i].is_number_integer()) {
          r.Fail(At(period_path + ".fiscal_years", i), "expected a year");
          break;
        }
        m->period_fiscal_years.push_back((*years)[i].get<int>());
      }
    }
    if (const json* runs =
            r.Array(*period, "runs", period_path + ".runs", false)) {
      for (size_t i = 0; i < runs->size(); ++i) {
        std::string run_path = At(period_path + ".runs", i);
        const json& run = (*runs)[i];
        if (!run.is_object()) {
          r.Fail(run_path, "expected an object");
          break;
        }
        PeriodRunRecord rec;
        r.Date(run, "start", run_path + ".start", &rec.start);
        r.Date(run, "end", run_path + ".end", &rec.end);
        m->period_runs.push_back(std::move(rec));
      }
    }
  }
  if (const json* budget = r.Find(j, "budget_baht")) {
    r.OptInt64(*budget, path + ".budget_baht", &m->budget_baht);
  }
  r.Provenance(j, path, &m->provenance);
  if (const json* prov =
          r.Object(j, "provenance", path + ".provenance", true)) {
    std::string at = path + ".provenance";
    r.Int(*prov, "table", at + ".table", &m->table);
    r.Int(*prov, "row", at + ".row", &m->row);
    r.OptText(*prov, "table_kind", at + ".table_kind", &m->table_kind);
  }
  std::optional<double> confidence;
  r.OptDouble(j, "confidence", path + ".confidence", &confidence);
  if (confidence) m->confidence = *confidence;
  if (const json* fields =
          r.Object(j, "field_confidence", path + ".field_confidence", false)) {
    for (const auto& [field, value] : fields->items()) {
      if (!value.is_number()) {
        r.Fail(path + ".field_confidence." + field, "expected a number");
        break;
      }
      m->field_confidence[field] = value.get<double>();
    }
  }
  r.Strings(j, "warnings", path + ".warnings", /*required=*/false,
            &m->warnings);
  if (const json* review = r.Array(j, "review", path + ".review", false)) {
    m->review_present = true;
    for (size_t i = 0; i < review->size(); ++i) {
      std::string item_path = At(path + ".review", i);
      const json& item = (*review)[i];
      if (!item.is_object()) {
        r.Fail(item_path, "expected an object");
        break;
      }
      ReviewRecord rec;
      r.Text(item, "field", item_path + ".field", &rec.field);
      r.OptText(item, "reason", item_path + ".reason", &rec.reason);
      m->review.push_back(std::move(rec));
    }
  }
}

void ReadPlan(Reader& r, const json& plan, DocumentRecord* doc) {
  if (const json* lines =
          r.Array(plan, "budget_lines", "plan.budget_lines", false)) {
    for (size_t i = 0; i < lines->size() && !r.failed(); ++i) {
      std::string path = At("plan.budget_lines", i);
      const json& j = (*lines)[i];
      if (!j.is_object()) {
        r.Fail(path, "expected an object");
        break;
      }
      BudgetLineRecord b;
      r.Int(j, "dimension", path + ".dimension", &b.dimension);
      r.OptText(j, "mission", path + ".mission", &b.mission);
      r.Text(j, "project", path + ".project", &b.project);
      r.YearAmounts(j, "by_year", path + ".by_year", &b.by_year);
      r.OptText(j, "remark", path + ".remark", &b.remark);
      r.OptText(j, "measure_id", path + ".measure_id", &b.measure_id);
      r.Provenance(j, path, &b.provenance);
      doc->budget_lines.push_back(std::move(b));
    }
  }
  if (const json* totals =
          r.Array(plan, "budget_totals", "plan.budget_totals", false)) {
    for (size_t i = 0; i < totals->size() && !r.failed(); ++i) {
      std::string path = At("plan.budget_totals", i);
      const json& j = (*totals)[i];
      if (!j.is_object()) {
        r.Fail(path, "expected an object");
        break;
      }
      BudgetTotalRecord t;
      const json* dim = r.Find(j, "dimension");
      if (dim != nullptr && dim->is_number_integer()) {
        t.dimension = dim->get<int>();
      } else if (dim == nullptr || !dim->is_string() ||
                 dim->get<std::string>() != "all") {
        r.Fail(path + ".dimension", "expected a number or \"all\"");
      }
      r.YearAmounts(j, "stated", path + ".stated", &t.stated);
      std::vector<std::pair<int, std::optional<int64_t>>> computed;
      r.YearAmounts(j, "computed", path + ".computed", &computed);
      for (const auto& [year, v] : computed) {
        if (!v) {
          r.Fail(path + ".computed." + std::to_string(year),
                 "expected an integer");
          break;
        }
        t.computed.emplace_back(year, *v);
      }
      doc->budget_totals.push_back(std::move(t));
    }
  }
  if (const json* risks = r.Array(plan, "risks", "plan.risks", false)) {
    for (size_t i = 0; i < risks->size() && !r.failed(); ++i) {
      std::string path = At("plan.risks", i);
      const json& j = (*risks)[i];
      if (!j.is_object()) {
        r.Fail(path, "expected an object");
        break;
      }
      RiskRecord k;
      r.Int(j, "seq", path + ".seq", &k.seq);
      r.Text(j, "step", path + ".step", &k.step);
      r.Strings(j, "risks", path + ".risks", true, &k.risks);
      r.OptText(j, "risk_score", path + ".risk_score", &k.risk_score);
      r.Strings(j, "controls", path + ".controls", true, &k.controls);
      r.Provenance(j, path, &k.provenance);
      doc->risks.push_back(std::move(k));
    }
  }
}

}  // namespace

Result<DocumentRecord> DocumentRecordFromJson(std::string_view text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    return Status::BadInput("not valid JSON (truncated or damaged?)");
  }
  if (!j.is_object()) return Status::BadInput("not a JSON object");
  Reader r;
  DocumentRecord doc;
  r.Text(j, "schema_version", "schema_version", &doc.schema_version);
  if (!r.failed() && doc.schema_version != kSchemaVersion) {
    return Status::Unsupported("schema_version \"" + doc.schema_version +
                               "\" is not the \"" + kSchemaVersion +
                               "\" this raingan reads");
  }
  if (const json* source = r.Object(j, "source", "source", true)) {
    r.Text(*source, "path", "source.path", &doc.source_path);
    r.Text(*source, "sha256", "source.sha256", &doc.sha256);
    r.Text(*source, "format", "source.format", &doc.format);
    r.OptInt(*source, "pages", "source.pages", &doc.pages);
  }
  if (const json* info = r.Object(j, "document", "document", true)) {
    r.Text(*info, "kind", "document.kind", &doc.kind);
    r.OptText(*info, "title", "document.title", &doc.title);
    if (const json* org =
            r.Object(*info, "organization", "document.organization", false)) {
      r.OptText(*org, "name", "document.organization.name", &doc.organization);
      r.OptText(*org, "district", "document.organization.district",
                &doc.district);
      r.OptText(*org, "province", "document.organization.province",
                &doc.province);
    }
    if (const json* fy =
            r.Object(*info, "fiscal_year", "document.fiscal_year", false)) {
      r.OptInt(*fy, "be", "document.fiscal_year.be", &doc.fiscal_year_be);
      r.OptInt(*fy, "be_end", "document.fiscal_year.be_end",
               &doc.fiscal_year_be_end);
    }
  }
  r.OptText(j, "status", "status", &doc.status);
  r.OptText(j, "status_reason", "status_reason", &doc.status_reason);
  if (const json* measures = r.Array(j, "measures", "measures", true)) {
    doc.measures.resize(measures->size());
    for (size_t i = 0; i < measures->size() && !r.failed(); ++i) {
      ReadMeasure(r, (*measures)[i], At("measures", i), &doc.measures[i]);
    }
  }
  if (const json* plan = r.Object(j, "plan", "plan", false)) {
    ReadPlan(r, *plan, &doc);
  }
  if (const json* scores = r.Array(j, "scores", "scores", false)) {
    for (size_t i = 0; i < scores->size() && !r.failed(); ++i) {
      std::string path = At("scores", i);
      const json& s = (*scores)[i];
      if (!s.is_object()) {
        r.Fail(path, "expected an object");
        break;
      }
      ScoreRecord rec;
      r.Text(s, "indicator", path + ".indicator", &rec.indicator);
      r.OptText(s, "name", path + ".name", &rec.name);
      r.OptDouble(s, "score", path + ".score", &rec.score);
      r.OptText(s, "grade", path + ".grade", &rec.grade);
      doc.scores.push_back(std::move(rec));
    }
  }
  r.Strings(j, "warnings", "warnings", /*required=*/true, &doc.warnings);
  if (const json* issues = r.Array(j, "issues", "issues", false)) {
    for (size_t i = 0; i < issues->size() && !r.failed(); ++i) {
      std::string path = At("issues", i);
      const json& s = (*issues)[i];
      if (!s.is_object()) {
        r.Fail(path, "expected an object");
        break;
      }
      IssueRecord rec;
      r.Text(s, "code", path + ".code", &rec.code);
      r.OptText(s, "stage", path + ".stage", &rec.stage);
      r.OptInt(s, "page", path + ".page", &rec.page);
      r.Text(s, "message", path + ".message", &rec.message);
      doc.issues.push_back(std::move(rec));
    }
  }
  if (r.failed()) return Status::BadInput(r.error());
  return doc;
}

}  // namespace raingan
