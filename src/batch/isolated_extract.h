// The parts of extracting one document in a forked worker process that
// every kind of worker shares — batch workers (worker.h) and the workers
// of `raingan serve` (src/serve/) — so that a document fails the same way,
// with the same reason, wherever it runs.
//
// Memory: the worker caps its own address space (RLIMIT_AS, soft limit)
// at `max_memory`. An allocation beyond it fails inside the worker: C++
// code throws std::bad_alloc, which is caught here; the cap is lifted so
// that the failure can still be written, and the reason says "out of
// memory". C libraries that get NULL from malloc may instead report some
// other error or crash: the reason then gets the limit added (from the
// worker's peak address space), or the parent reports the crash.
//
// Test hook: when the environment variable RAINGAN_TEST_HANG_SECONDS is
// set and the input's file name contains "hang", the worker sleeps that
// many seconds before extracting. Tests use it to make a document that
// hangs; nothing else reads it.
#ifndef RAINGAN_BATCH_ISOLATED_EXTRACT_H_
#define RAINGAN_BATCH_ISOLATED_EXTRACT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"
#include "batch/process_pool.h"
#include "model/document.h"
#include "pipeline/extractor.h"

namespace raingan::batch {

// Standard output and error to `log` (libraries print there), standard
// input from /dev/null. For the child, first thing after fork.
void RedirectOutputTo(const std::string& log);

// Extracts `bytes` (recorded as `path`) within `max_memory` bytes of
// address space (0 = no cap), reporting pages read and OCRed to `progress`
// (base/progress.h; empty: no reports). Never throws.
Result<Document> ExtractInWorker(const Extractor& extractor,
                                 const std::string& path,
                                 std::string_view bytes, uint64_t max_memory,
                                 const ProgressCallback& progress = nullptr);

// The last non-empty line a worker printed to `log` (at most 300 bytes),
// e.g. "terminate called after ..."; "" if none.
std::string LastLogLine(const std::string& log);

// Test hooks: when the environment variable `env_var` is set and the file
// name of `path` holds `marker`, sleeps that many seconds (tests use it to
// hold a worker at one moment: RAINGAN_TEST_HANG_SECONDS before the
// extraction, RAINGAN_TEST_LINGER_SECONDS after the record is written).
void SleepForTestHook(const char* env_var, std::string_view marker,
                      const std::string& path);

// Why a worker that did not end cleanly ended, for the parent: "" for a
// clean exit; else DescribeExit()'s reason with the last line the worker
// printed to `log` (e.g. "terminate called after ...") and, when that line
// speaks of memory and a cap was set, that the cap was reached.
std::string WorkerFailure(const ChildExit& exit, double timeout_seconds,
                          const std::string& log, uint64_t max_memory);

}  // namespace raingan::batch

#endif  // RAINGAN_BATCH_ISOLATED_EXTRACT_H_
