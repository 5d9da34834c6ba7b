// The work of one document inside a batch worker process (see
// process_pool.h): extract, then write the document's files, the record
// last (batch_dir.h), so the record's presence means the rest is complete.
//
// The worker caps its own address space at the batch's --max-memory and
// fails a document that needs more as "out of memory"; see
// isolated_extract.h, which it shares with the workers of `raingan serve`
// (as it does the RAINGAN_TEST_HANG_SECONDS test hook).
#ifndef RAINGAN_BATCH_WORKER_H_
#define RAINGAN_BATCH_WORKER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "batch/batch_dir.h"
#include "pipeline/extractor.h"

namespace raingan::batch {

// Exit status of a worker that could not write its record (the parent then
// records the document as failed, with the worker's log).
inline constexpr int kWorkerNoRecord = 3;

struct WorkerTask {
  std::string path;         // as collected (inputs.h)
  std::string sha256;       // of `bytes`
  std::string_view bytes;   // the input, read by the parent before fork
  DocumentFiles files;      // where to write
  std::string settings;     // copied into the record (resume check)
  uint64_t max_memory = 0;  // address-space cap in bytes; 0 = none
};

// Runs in the forked child; returns its exit status (0: record written).
// Standard output and error are redirected to files.log first, so library
// messages do not garble the parent's progress display.
int RunWorker(const Extractor& extractor, const WorkerTask& task);

}  // namespace raingan::batch

#endif  // RAINGAN_BATCH_WORKER_H_
