// `raingan serve`: the HTTP API (api.h) and, with --data, the review page
// (review.h), on one server bound to localhost unless told otherwise.
//
// Start-up: the worker host is started and loads the models and pipeline
// first (a bad --models or --pipeline stops here, exit 2); then the port
// is bound and one line goes to standard output:
//   raingan serve: listening on http://127.0.0.1:8080/ (2 workers, ...)
// (with --listen HOST:0 it names the port the system chose, which is how
// the tests find it). SIGINT/SIGTERM stop the server: requests in progress
// finish, workers are killed, the spool is removed.
#ifndef RAINGAN_SERVE_SERVER_H_
#define RAINGAN_SERVE_SERVER_H_

#include "serve/serve_options.h"
#include "serve/worker_host.h"

namespace raingan::serve {

// Returns the process exit status: 0 after a clean stop, 2 for a
// configuration error (bad option values, models, port in use).
int RunServer(const ServeOptions& options,
              const std::vector<std::string>& host_args);

}  // namespace raingan::serve

#endif  // RAINGAN_SERVE_SERVER_H_
