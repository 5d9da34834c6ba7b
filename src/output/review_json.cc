#include "output/review_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "output/correction_json.h"
#include "output/json_internal.h"

namespace raingan {
namespace {

using json_internal::Ordered;
using json_internal::StringOrNull;
using json_internal::Strings;

Ordered IntOrNull(int v, bool known) {
  return known ? Ordered(v) : Ordered(nullptr);
}

double Round3(double v) { return std::round(v * 1000) / 1000; }

Ordered Value(FieldKind kind, const std::vector<std::string>& v) {
  if (kind == FieldKind::kList) return Strings(v);
  if (v.empty()) return nullptr;
  if (kind == FieldKind::kMoney) return Ordered(std::stoll(v.front()));
  return v.front();
}

std::string_view KindName(FieldKind kind) {
  switch (kind) {
    case FieldKind::kList:
      return "list";
    case FieldKind::kDate:
      return "date";
    case FieldKind::kMoney:
      return "money";
    case FieldKind::kText:
      break;
  }
  return "text";
}

Ordered EntryJson(const ReviewQueueEntry& e) {
  Ordered j;
  j["document"] = e.document;
  j["record"] = e.record;
  j["measure_id"] = StringOrNull(e.measure_id);
  j["measure"] = e.measure;
  j["score"] = Round3(e.score);
  j["fields"] = Strings(e.fields);
  j["reasons"] = Strings(e.reasons);
  j["mark"] = std::string(ReviewMarkName(e.mark));
  j["corrected"] = e.corrected;
  return j;
}

}  // namespace

std::string ReviewDocumentsJson(const std::vector<ReviewDocumentView>& docs) {
  Ordered list = Ordered::array();
  for (const ReviewDocumentView& d : docs) {
    Ordered j;
    j["name"] = d.name;
    j["path"] = d.path;
    j["status"] = d.status;
    j["error"] = StringOrNull(d.error);
    j["format"] = StringOrNull(d.format);
    j["title"] = StringOrNull(d.title);
    j["organization"] = StringOrNull(d.organization);
    j["province"] = StringOrNull(d.province);
    j["fiscal_year"] = IntOrNull(d.fiscal_year, d.fiscal_year > 0);
    j["pages"] = IntOrNull(d.pages, d.pages >= 0);
    j["measures"] = d.measures;
    j["to_check"] = d.to_check;
    j["checked"] = d.checked;
    j["flagged"] = d.flagged;
    j["corrected"] = d.corrected;
    list.push_back(j);
  }
  return json_internal::Dump(Ordered{{"documents", list}}, -1) + "\n";
}

std::string ReviewQueueJson(const std::vector<ReviewQueueEntry>& queue,
                            double review_below, bool pipeline_review) {
  Ordered list = Ordered::array();
  for (const ReviewQueueEntry& e : queue) list.push_back(EntryJson(e));
  Ordered j;
  j["review_below"] = review_below;
  j["decided_by"] = pipeline_review ? "pipeline" : "server";
  j["queue"] = list;
  return json_internal::Dump(j, -1) + "\n";
}

std::string ReviewRecordJson(const ReviewRecordView& r) {
  Ordered j = EntryJson(r.entry);
  j["records_in_document"] = r.records_in_document;
  j["source"] = {{"path", r.source_path}, {"format", r.source_format}};
  j["title"] = StringOrNull(r.title);
  j["organization"] = StringOrNull(r.organization);
  j["fiscal_year"] = IntOrNull(r.fiscal_year, r.fiscal_year > 0);
  Ordered bbox = nullptr;
  if (!r.bbox.empty()) {
    bbox = Ordered::array({r.bbox.x0, r.bbox.y0, r.bbox.x1, r.bbox.y1});
  }
  j["provenance"] = {{"page", IntOrNull(r.page, r.page > 0)},
                     {"line", IntOrNull(r.line, r.line > 0)},
                     {"bbox", bbox}};
  j["has_image"] = r.has_image;
  Ordered fields = Ordered::array();
  for (const ReviewFieldView& f : r.fields) {
    Ordered o;
    o["name"] = f.name;
    o["kind"] = std::string(KindName(f.kind));
    o["value"] = Value(f.kind, f.value);
    o["extracted"] = Value(f.kind, f.extracted);
    o["confidence"] =
        f.confidence ? Ordered(Round3(*f.confidence)) : Ordered(nullptr);
    o["corrected"] = f.corrected;
    o["to_check"] = f.to_check;
    fields.push_back(o);
  }
  j["fields"] = fields;
  j["warnings"] = Strings(r.warnings);
  return json_internal::Dump(j, -1) + "\n";
}

std::string ReviewStatusJson(const ReviewStatusView& s) {
  Ordered j;
  j["corrections"] = s.corrections;
  j["unreadable_lines"] = s.bad_lines;
  j["saved"] = s.saved;
  j["rebuilt"] = s.rebuilt;
  j["rebuilding"] = s.rebuilding;
  j["error"] = StringOrNull(s.error);
  j["applied"] = s.applied;
  j["stale"] = s.stale;
  j["database"] = StringOrNull(s.database);
  return json_internal::Dump(j, -1) + "\n";
}

}  // namespace raingan
