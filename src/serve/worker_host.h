// The worker host: the process of `raingan serve` that runs documents.
//
// Why a separate process: the HTTP server is multi-threaded, and fork() is
// only safe from a single-threaded process (process_pool.h). So the server
// starts this host once — by exec'ing its own binary, which is safe from
// any thread — and the host, single-threaded, loads the models and the
// pipeline and forks one worker per document from that loaded state
// (copy-on-write, as a batch does). Each worker runs with the batch's
// limits: a deadline (--timeout) and an address-space cap (--max-memory),
// through the same code as batch workers (batch/isolated_extract.h). A
// worker that crashes, hangs or is killed fails its document, never the
// host; if the host itself dies, the server fails the requests in flight
// and starts a new one (workers.h).
//
// The host runs up to `workers` workers at a time, renders for the review
// page before extractions (a person is waiting for those), and dies with
// the server (PR_SET_PDEATHSIG, and end of file on its socket). Messages:
// protocol.h.
#ifndef RAINGAN_SERVE_WORKER_HOST_H_
#define RAINGAN_SERVE_WORKER_HOST_H_

#include <cstdint>

#include "pipeline/extractor.h"

namespace raingan::serve {

struct HostConfig {
  ExtractOptions extract;  // the defaults; backend.jobs = OCR threads/worker
  int workers = 2;
  double timeout_seconds = 1800;  // per document; <= 0 = none
  uint64_t max_memory = 0;        // per worker; 0 = none
  double render_timeout_seconds = 120;
};

// Serves the server on socket `fd` until it closes it; returns the exit
// status of the host process.
int RunWorkerHost(int fd, const HostConfig& config);

}  // namespace raingan::serve

#endif  // RAINGAN_SERVE_WORKER_HOST_H_
