// What `raingan serve` is started with (cli/serve_command.cc parses it).
#ifndef RAINGAN_SERVE_SERVE_OPTIONS_H_
#define RAINGAN_SERVE_SERVE_OPTIONS_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "pipeline/extractor.h"

namespace raingan::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";  // localhost only unless asked
  int port = 8080;                 // 0 = any free port (printed at start)
  std::string data_dir;            // a batch directory to review; "" = none
  std::string db_url;              // corrected documents are loaded here
  std::string sources_dir;         // relative source paths; "" = cwd
  std::string web_dir;             // the review page; "" = installed copy
  std::string fonts_dir = "/usr/share/fonts/truetype/tlwg";
  int workers = 2;                     // documents at a time
  int queue = 8;                       // more waiting before 429
  double timeout_seconds = 1800;       // per document, as `batch --timeout`
  uint64_t max_memory = 0;             // per worker, as `batch --max-memory`
  size_t max_body = size_t{64} << 20;  // largest upload
  double review_below = 0.6;           // see serve/review_queue.h
  int review_dpi = 100;                // page images of the review page
  double keep_jobs_seconds = 3600;     // finished jobs' results
  int keep_jobs = 1000;
  ExtractOptions extract;  // defaults for every request
  std::string exe;         // this binary (for the worker host)
};

}  // namespace raingan::serve

#endif  // RAINGAN_SERVE_SERVE_OPTIONS_H_
