// The HTTP API for other systems (schema/raingan-api.openapi.yaml):
//
//   POST /v1/extract        the document as the body (raw, or multipart
//                           part "file"); options as query parameters.
//                           200: the JSON `raingan extract` writes;
//                           422: {"error": "<name>: <reason>"}, the text the
//                           CLI prints after "raingan: "; 413: body over
//                           --max-body; 429: --workers + --queue documents
//                           already queued or running (Retry-After).
//   POST /v1/jobs           the same, answered at once: 202 and the job.
//   GET  /v1/jobs/{id}      status (queued, running, done, failed),
//                           progress in pages, and the result when done.
//   GET  /v1/jobs/{id}/result   the document alone.
//   DELETE /v1/jobs/{id}    cancels a job or forgets a finished one.
//   GET  /v1/health         workers up, jobs active, capacity.
//
// Query options: name (the file name recorded as source.path), ocr
// (on|off|force), ocr_dpi (50..600), pipeline (a name in pipelines/),
// layout (0/1), compact (0/1). Anything else is a 400 that lists them.
// Uploads are spooled to files and run by the worker host (workers.h):
// each in its own process with the batch's time and memory limits.
#ifndef RAINGAN_SERVE_API_H_
#define RAINGAN_SERVE_API_H_

#include <string>

#include "http/server.h"
#include "serve/jobs.h"
#include "serve/serve_options.h"
#include "serve/workers.h"

namespace raingan::serve {

class Api {
 public:
  Api(const ServeOptions& options, std::string spool_dir, Workers* workers,
      JobTable* jobs);
  void Register(http::Server* server);

  // Removes a job's spooled files (JobTable's on_expire).
  static void RemoveSpooled(const std::string& spool_dir,
                            const std::string& id);

 private:
  struct Upload;
  void Extract(const http::Request& req, http::Response* res, bool wait);
  void Job(const http::Request& req, http::Response* res);
  void DeleteJob(const http::Request& req, http::Response* res);
  void Health(const http::Request& req, http::Response* res);

  const ServeOptions& options_;
  std::string spool_;
  Workers* workers_;
  JobTable* jobs_;
  double started_;
};

// "2025-01-31T08:15:00Z" for a Unix time; "" for 0.
std::string IsoTime(double unix_seconds);

}  // namespace raingan::serve

#endif  // RAINGAN_SERVE_API_H_
