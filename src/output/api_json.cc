#include "output/api_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "output/json_internal.h"

namespace raingan {

using json_internal::Ordered;
using json_internal::StringOrNull;

std::string ApiErrorJson(const std::string& message) {
  Ordered j;
  j["error"] = message;
  return json_internal::Dump(j, -1) + "\n";
}

std::string ApiJobJson(const ApiJobView& job, std::string_view document) {
  Ordered j;
  j["id"] = job.id;
  j["name"] = job.name;
  j["status"] = job.status;
  j["progress"] = {{"pages_done", job.pages_done},
                   {"pages_total", job.pages_total},
                   {"ocr_pages_done", job.ocr_done},
                   {"ocr_pages_total", job.ocr_total}};
  j["created"] = StringOrNull(job.created);
  j["started"] = StringOrNull(job.started);
  j["finished"] = StringOrNull(job.finished);
  j["error"] = StringOrNull(job.error);
  if (!document.empty()) {
    Ordered doc = Ordered::parse(document, nullptr, /*allow_exceptions=*/false);
    j["result"] = doc.is_discarded() ? Ordered(nullptr) : doc;
  } else {
    j["result"] = nullptr;
  }
  return json_internal::Dump(j, -1) + "\n";
}

std::string ApiHealthJson(const ApiHealthView& h) {
  Ordered j;
  j["status"] = h.workers_up ? "ok" : "degraded";
  j["version"] = h.version;
  j["workers"] = {{"up", h.workers_up},
                  {"count", h.workers},
                  {"restarts", h.worker_restarts}};
  j["jobs"] = {{"active", h.jobs_active},
               {"running", h.jobs_running},
               {"capacity", h.capacity}};
  j["uptime_seconds"] = std::round(h.uptime_seconds * 10) / 10;
  j["review"] = h.review;
  return json_internal::Dump(j, -1) + "\n";
}

}  // namespace raingan
