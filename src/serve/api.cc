#include "serve/api.h"

#include <unistd.h>

#include <cmath>
#include <ctime>
#include <set>

#include "base/file.h"
#include "output/api_json.h"
#include "pipeline/data_dirs.h"
#include "pipeline/pipeline.h"
#include "serve/safe_path.h"

namespace raingan::serve {
namespace {

const char* const kOptionNames[] = {"name",     "ocr",    "ocr_dpi",
                                    "pipeline", "layout", "compact"};

void Json(int status, std::string body, http::Response* res) {
  res->status = status;
  res->content_type = "application/json";
  res->body = std::move(body);
}

void Error(int status, const std::string& message, http::Response* res) {
  Json(status, ApiErrorJson(message), res);
}

bool ParseFlag(const std::string& v, bool* out) {
  if (v == "1" || v == "true" || v == "yes" || v.empty()) {
    *out = true;
  } else if (v == "0" || v == "false" || v == "no") {
    *out = false;
  } else {
    return false;
  }
  return true;
}

// The name recorded as source.path: printable, at most 1 KiB.
std::string CleanName(const std::string& raw) {
  std::string name;
  for (unsigned char c : raw) {
    if (c >= 0x20 && c != 0x7F) name.push_back(static_cast<char>(c));
    if (name.size() >= 1024) break;
  }
  return name.empty() ? "upload" : name;
}

ApiJobView View(const JobSnapshot& job) {
  ApiJobView v;
  v.id = job.id;
  v.name = job.name;
  v.status = std::string(JobStateName(job.state));
  v.pages_done = job.progress.pages_done;
  v.pages_total = job.progress.pages_total;
  v.ocr_done = job.progress.ocr_done;
  v.ocr_total = job.progress.ocr_total;
  v.error = job.state == JobState::kFailed ? job.name + ": " + job.error : "";
  v.created = IsoTime(job.created);
  v.started = IsoTime(job.started);
  v.finished = IsoTime(job.finished);
  return v;
}

}  // namespace

std::string IsoTime(double unix_seconds) {
  if (unix_seconds <= 0) return "";
  std::time_t t = static_cast<std::time_t>(std::floor(unix_seconds));
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

struct Api::Upload {
  std::string name, bytes;
  std::string pipeline, ocr;
  int dpi = 300;
  bool layout = false, compact = false;
};

Api::Api(const ServeOptions& options, std::string spool_dir, Workers* workers,
         JobTable* jobs)
    : options_(options),
      spool_(std::move(spool_dir)),
      workers_(workers),
      jobs_(jobs),
      started_(UnixNow()) {}

void Api::RemoveSpooled(const std::string& spool_dir, const std::string& id) {
  for (const char* ext : {".in", ".json", ".error", ".log"}) {
    ::unlink((spool_dir + "/" + id + ext).c_str());
  }
}

void Api::Register(http::Server* server) {
  server->Route("POST", "/v1/extract",
                [this](const http::Request& req, http::Response* res) {
                  Extract(req, res, /*wait=*/true);
                });
  server->Route("POST", "/v1/jobs",
                [this](const http::Request& req, http::Response* res) {
                  Extract(req, res, /*wait=*/false);
                });
  server->RoutePrefix(
      "GET", "/v1/jobs/",
      [this](const http::Request& req, http::Response* res) { Job(req, res); });
  server->RoutePrefix("DELETE", "/v1/jobs/",
                      [this](const http::Request& req, http::Response* res) {
                        DeleteJob(req, res);
                      });
  server->Route("GET", "/v1/health",
                [this](const http::Request& req, http::Response* res) {
                  Health(req, res);
                });
}

void Api::Extract(const http::Request& req, http::Response* res, bool wait) {
  static const std::set<std::string> kKnown(std::begin(kOptionNames),
                                            std::end(kOptionNames));
  for (const auto& [key, value] : req.params) {
    if (!kKnown.count(key)) {
      return Error(400,
                   "unknown option '" + key +
                       "'; options are name, ocr (on|off|force), ocr_dpi, "
                       "pipeline, layout, compact",
                   res);
    }
  }
  Upload up;
  const BackendOptions& defaults = options_.extract.backend;
  up.pipeline = req.Param("pipeline", options_.extract.pipeline);
  up.ocr = req.Param("ocr", !defaults.allow_ocr  ? "off"
                            : defaults.force_ocr ? "force"
                                                 : "on");
  up.dpi = defaults.ocr_dpi;
  if (up.ocr != "on" && up.ocr != "off" && up.ocr != "force") {
    return Error(400, "ocr must be on, off or force", res);
  }
  if (req.HasParam("ocr_dpi")) {
    std::string v = req.Param("ocr_dpi");
    char* end = nullptr;
    long dpi = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || dpi < 50 || dpi > 600) {
      return Error(400, "ocr_dpi must be a number from 50 to 600", res);
    }
    up.dpi = static_cast<int>(dpi);
  }
  if (req.HasParam("pipeline")) {
    // Only the installed pipelines: a request never names a file.
    std::string dir = options_.extract.pipelines_dir.empty()
                          ? DefaultPipelinesDir()
                          : options_.extract.pipelines_dir;
    bool plain = IsPlainName(up.pipeline) &&
                 up.pipeline.find_first_not_of(
                     "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                     "0123456789_-") == std::string::npos;
    if (!plain || !ResolveWithin(dir, up.pipeline + ".json").ok()) {
      return Error(400, "no pipeline named '" + up.pipeline + "'", res);
    }
  }
  if ((req.HasParam("layout") && !ParseFlag(req.Param("layout"), &up.layout)) ||
      (req.HasParam("compact") &&
       !ParseFlag(req.Param("compact"), &up.compact))) {
    return Error(400, "layout and compact are 0 or 1", res);
  }
  std::string name;
  if (!req.parts.empty()) {
    const http::Part* file = req.FindPart("file");
    if (file == nullptr) {
      for (const http::Part& p : req.parts) {
        if (!p.filename.empty()) file = &p;
      }
    }
    if (file == nullptr) {
      return Error(400, "the multipart body has no part named \"file\"", res);
    }
    name = file->filename;
    up.bytes = file->content;
  } else {
    up.bytes = req.body;
  }
  up.name = CleanName(req.HasParam("name") ? req.Param("name") : name);

  std::optional<std::string> id = jobs_->Admit(up.name);
  if (!id) {
    res->SetHeader("Retry-After", "2");
    return Error(429,
                 "busy: " + std::to_string(jobs_->capacity()) +
                     " documents are already queued or running; retry later",
                 res);
  }
  const std::string input = spool_ + "/" + *id + ".in";
  Status spooled = WriteFileAtomic(input, up.bytes);
  if (!spooled.ok()) {
    jobs_->Finished(*id, TaskEnd::kLost, "cannot spool the upload");
    jobs_->Remove(*id);
    return Error(503, "cannot keep the upload: " + spooled.message(), res);
  }
  JobTable* jobs = jobs_;
  std::string job_id = *id;
  TaskCallbacks callbacks;
  callbacks.on_started = [jobs, job_id] { jobs->Started(job_id); };
  callbacks.on_progress = [jobs, job_id](const TaskProgress& p) {
    jobs->Progress(job_id, p);
  };
  callbacks.on_done = [jobs, job_id](TaskEnd end, const std::string& why) {
    jobs->Finished(job_id, end, why);
  };
  workers_->Submit({"extract", job_id, input, up.name, up.pipeline, up.ocr,
                    std::to_string(up.dpi), up.layout ? "1" : "0",
                    up.compact ? "-1" : "2", spool_},
                   callbacks);
  if (!wait) {
    std::optional<JobSnapshot> job = jobs_->Get(job_id);
    res->SetHeader("Location", "/v1/jobs/" + job_id);
    return Json(202, ApiJobJson(job ? View(*job) : ApiJobView{}, ""), res);
  }
  std::optional<JobSnapshot> job = jobs_->WaitFinished(job_id);
  if (job && job->state == JobState::kDone) {
    Result<std::string> doc = ReadFile(spool_ + "/" + job_id + ".json");
    if (doc.ok()) {
      Json(200, std::move(doc).value(), res);
    } else {
      Error(500, "the result was lost: " + doc.status().message(), res);
    }
  } else if (job) {
    Error(job->lost ? 503 : 422, up.name + ": " + job->error, res);
  } else {
    Error(500, "the job was lost", res);
  }
  jobs_->Remove(job_id);
}

void Api::Job(const http::Request& req, http::Response* res) {
  std::string rest = req.path.substr(std::string("/v1/jobs/").size());
  bool result_only = false;
  const std::string suffix = "/result";
  if (rest.size() > suffix.size() &&
      rest.compare(rest.size() - suffix.size(), suffix.size(), suffix) == 0) {
    rest.resize(rest.size() - suffix.size());
    result_only = true;
  }
  std::optional<JobSnapshot> job =
      IsPlainName(rest) ? jobs_->Get(rest) : std::nullopt;
  if (!job) return Error(404, "no job " + rest + " (or it expired)", res);
  std::string doc;
  if (job->state == JobState::kDone) {
    Result<std::string> text = ReadFile(spool_ + "/" + job->id + ".json");
    if (!text.ok()) return Error(404, "the job's result expired", res);
    doc = std::move(text).value();
  }
  if (!result_only) return Json(200, ApiJobJson(View(*job), doc), res);
  if (job->state == JobState::kDone) return Json(200, std::move(doc), res);
  if (job->state == JobState::kFailed) {
    return Error(job->lost ? 503 : 422, job->name + ": " + job->error, res);
  }
  res->SetHeader("Retry-After", "1");
  Error(409, "the job is " + std::string(JobStateName(job->state)), res);
}

void Api::DeleteJob(const http::Request& req, http::Response* res) {
  std::string id = req.path.substr(std::string("/v1/jobs/").size());
  std::optional<JobSnapshot> job =
      IsPlainName(id) ? jobs_->Get(id) : std::nullopt;
  if (!job) return Error(404, "no job " + id, res);
  if (job->state == JobState::kQueued || job->state == JobState::kRunning) {
    workers_->Cancel(id);
    return Json(202, ApiJobJson(View(*job), ""), res);
  }
  jobs_->Remove(id);
  res->status = 204;
  res->content_type = "application/json";
}

void Api::Health(const http::Request&, http::Response* res) {
  ApiHealthView h;
  h.version = RAINGAN_VERSION;
  h.workers_up = workers_->up();
  h.workers = options_.workers;
  h.worker_restarts = workers_->restarts();
  h.jobs_active = jobs_->active();
  h.jobs_running = jobs_->running();
  h.capacity = jobs_->capacity();
  h.uptime_seconds = UnixNow() - started_;
  h.review = !options_.data_dir.empty();
  Json(h.workers_up ? 200 : 503, ApiHealthJson(h), res);
}

}  // namespace raingan::serve
