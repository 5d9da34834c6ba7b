// `raingan batch`: many documents into one output directory, the way a
// provincial office runs it over years of archives.
//
// How a run goes:
//   1. PrepareBatch: collect the inputs (inputs.h) and keep this shard's
//      (shard.h), load the models and the pipeline once, and open (lock)
//      the output directory (batch_dir.h). Any error here is the user's to
//      fix and stops the batch before any document is read.
//   2. RunBatch: for each input in order, read it and hash it (SHA-256).
//      If the directory already holds its record for the same bytes and
//      settings with all its files, it is done: skip it (resume). Failed
//      documents are skipped too unless retry_failed; `force` redoes
//      everything. Otherwise fork a worker (worker.h) to extract it, at
//      most `jobs` at a time, each with a deadline and a memory cap;
//      a worker that crashes, overruns or is killed makes its document
//      `failed` with the reason (pipeline/document_status.h), never the
//      batch — except a worker stopped by SIGTERM, SIGINT or SIGHUP (a
//      scheduler stopping the job, a user's kill): its document is left for
//      the next run, as if the batch had been interrupted.
//      Meanwhile a page survey (page_survey.h) counts pages for progress.
//   3. Rebuild results.jsonl, measures.csv and measures.jsonl from the
//      per-document files, atomically, in input order.
//
// Why this survives kill -9: every per-document file is written atomically
// and the record last, and the merged files are only ever rebuilt whole
// from the records. A rerun of the same command redoes exactly the
// documents without a complete record, so nothing is lost or duplicated.
//
// Memory: the parent keeps per input only its path and a few numbers;
// documents live in their workers, and the merged files are streamed. So
// memory grows with --jobs (and the largest document), not the batch.
//
// Cores: the batch keeps a budget of `cores` tokens shared by all its
// workers (core_tokens.h). A worker takes one for itself; its OCR takes
// one more per extra thread, page by page, up to extract.backend.jobs
// threads. So the busy threads never outnumber the cores, and a long scan
// left alone at the end of a batch gets every core back.
#ifndef RAINGAN_BATCH_BATCH_H_
#define RAINGAN_BATCH_BATCH_H_

#include <csignal>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/core_budget.h"
#include "base/result.h"
#include "batch/batch_dir.h"
#include "batch/inputs.h"
#include "batch/progress.h"
#include "batch/shard.h"
#include "output/json_writer.h"
#include "pipeline/extractor.h"

namespace raingan::batch {

struct BatchOptions {
  InputRequest inputs;
  std::string out_dir;
  int jobs = 1;                // worker processes at a time
  int cores = 1;               // busy threads at a time, all workers together
  double timeout_seconds = 0;  // per document; <= 0 = none
  uint64_t max_memory = 0;     // address space per worker; 0 = none
  Shard shard;
  bool force = false;         // redo documents an earlier run completed
  bool retry_failed = false;  // redo documents an earlier run failed
  ExtractOptions extract;     // backend.jobs = most OCR threads per worker
  // Set (by a signal handler) to stop: running workers are killed, their
  // documents left for the next run, and the merged files written.
  const volatile std::sig_atomic_t* stop = nullptr;
  // Called in the batch's own process for every input once it is done —
  // just extracted, or found complete from an earlier run — with its
  // record (its line of results.jsonl) and the path of its document JSON
  // (which exists unless the record says failed). `raingan batch --db`
  // loads the document into a database here. It must not throw; whatever
  // it does, the batch's files are already complete.
  std::function<void(const BatchResult& record, const std::string& json_path)>
      on_document;
};

// What PrepareBatch decided; RunBatch consumes it.
struct BatchPlan {
  std::vector<std::string> inputs;  // this shard's, in order
  int outside_shard = 0;            // inputs left to other shards
  int ignored_files = 0;            // see InputList
  std::string ignored_example;
  std::unique_ptr<Extractor> extractor;
  std::unique_ptr<BatchDir> dir;
  std::string settings;  // recorded with each document (resume check)
  std::shared_ptr<CoreBudget> cores;  // shared with the workers
};

struct BatchSummary {
  int inputs = 0;
  int ok = 0, partial = 0, failed = 0;
  int resumed = 0;  // of those, completed by an earlier run
  int not_run = 0;  // left for the next run (interrupted)
  bool interrupted = false;
  int processed = 0;  // documents extracted by this run
  int processed_pages = 0;
  int pages = 0;               // pages of all ok/partial documents
  int measures = 0;            // of all ok/partial documents
  double seconds = 0;          // wall-clock time of this run
  long max_worker_rss_kb = 0;  // the largest worker of this run
  std::string max_worker_path;
  // The first failed (and partial) documents, for the summary; all of
  // them are in results.jsonl.
  std::vector<BatchResult> failures;
  std::vector<BatchResult> partials;
  std::string dir, results_path, measures_csv_path, measures_jsonl_path;
};

// Step 1. Errors are configuration or usage errors (missing input, no
// document at all in the inputs, bad models or pipeline, directory locked
// by another batch). A shard may be empty: that is not an error.
Result<BatchPlan> PrepareBatch(const BatchOptions& options);

// Steps 2 and 3. Errors are I/O errors of the output directory; documents
// that fail are in the summary, not errors. `progress` may be null.
Result<BatchSummary> RunBatch(BatchPlan plan, const BatchOptions& options,
                              ProgressReporter* progress);

// The settings a document's output depends on besides its bytes: the
// options by name, plus `contents` (ContentFingerprint()).
std::string SettingsFingerprint(const ExtractOptions& options,
                                std::string_view contents = {});

// SHA-256 of the pipeline file's text and of every file in the models
// directory (name and bytes, in name order), so an edited models/*.tsv or
// pipeline file makes a resumed batch extract again. The whole directory,
// not only the files the stages read: it is 16 small files, and a file no
// stage reads today may be read by the next one. Errors: a models
// directory that cannot be listed or a file in it that cannot be read.
Result<std::string> ContentFingerprint(const std::string& models_dir,
                                       const Extractor& extractor);

}  // namespace raingan::batch

#endif  // RAINGAN_BATCH_BATCH_H_
