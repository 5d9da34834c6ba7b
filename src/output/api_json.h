// The JSON bodies of raingan's HTTP API (schema/raingan-api.openapi.yaml)
// that are not the document itself: errors, jobs and health.
#ifndef RAINGAN_OUTPUT_API_JSON_H_
#define RAINGAN_OUTPUT_API_JSON_H_

#include <string>
#include <string_view>

namespace raingan {

// {"error": message}
std::string ApiErrorJson(const std::string& message);

struct ApiJobView {
  std::string id, name;
  std::string status;                   // "queued" "running" "done" "failed"
  int pages_done = 0, pages_total = 0;  // total 0 = unpaged or not known yet
  int ocr_done = 0, ocr_total = 0;
  std::string error;                       // when failed
  std::string created, started, finished;  // ISO 8601 UTC; empty = null
};

// The job; `document` (the extracted JSON document, when done) is
// embedded as "result". Text that is not JSON is embedded as null.
std::string ApiJobJson(const ApiJobView& job, std::string_view document);

struct ApiHealthView {
  std::string version;
  bool workers_up = false;
  int workers = 0;          // documents at a time
  int worker_restarts = 0;  // worker hosts started again after dying
  int jobs_active = 0;      // queued or running
  int jobs_running = 0;
  int capacity = 0;  // active jobs accepted before 429
  double uptime_seconds = 0;
  bool review = false;  // a review directory (--data) is served
};

std::string ApiHealthJson(const ApiHealthView& health);

}  // namespace raingan

#endif  // RAINGAN_OUTPUT_API_JSON_H_
