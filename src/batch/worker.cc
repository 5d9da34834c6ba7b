#include "batch/worker.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "base/file.h"
#include "batch/isolated_extract.h"
#include "output/csv_writer.h"
#include "output/json_writer.h"
#include "pipeline/document_status.h"

namespace raingan::batch {
namespace {

// Writes the document's JSON and its lines of the merged files.
Status WriteDocumentFiles(const Document& doc, const DocumentFiles& files) {
  JsonOptions json;
  RAINGAN_RETURN_IF_ERROR(
      WriteFileAtomic(files.json, DocumentToJson(doc, json)));
  std::string jsonl, csv;
  for (const Measure& m : doc.measures) {
    jsonl += MeasureToJsonLine(doc, m);
    jsonl += '\n';
    csv += MeasureToCsvRow(doc, m);
  }
  RAINGAN_RETURN_IF_ERROR(WriteFileAtomic(files.measures_jsonl, jsonl));
  return WriteFileAtomic(files.measures_csv, csv);
}

}  // namespace

int RunWorker(const Extractor& extractor, const WorkerTask& task) {
  RedirectOutputTo(task.files.log);
  auto start = std::chrono::steady_clock::now();
  BatchResult record;
  record.path = task.path;
  record.sha256 = task.sha256;
  record.settings = task.settings;

  Result<Document> doc =
      ExtractInWorker(extractor, task.path, task.bytes, task.max_memory);

  // The document's status is the Extractor's (pipeline/document_status.h),
  // the one `extract` reports too; only a failure to extract or to write
  // is the worker's own.
  Classification outcome;
  if (doc.ok()) {
    outcome = {doc->status, doc->status_reason};
    record.pages = doc->source.pages;
  } else {
    outcome = {DocStatus::kFailed, doc.status().message()};
  }
  if (outcome.status != DocStatus::kFailed) {
    Status written = WriteDocumentFiles(*doc, task.files);
    if (written.ok()) {
      record.measures = static_cast<int>(doc->measures.size());
      record.output = task.files.json_relative;
    } else {
      // No document file without a record saying it is complete.
      ::unlink(task.files.json.c_str());
      outcome = {DocStatus::kFailed,
                 "cannot write the output: " + written.message()};
    }
  }
  record.status = std::string(DocStatusName(outcome.status));
  record.error = outcome.reason;
  record.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  Status s = WriteFileAtomic(task.files.record, BatchResultToJsonLine(record));
  if (!s.ok()) {
    std::fprintf(stderr, "raingan worker: %s\n", s.message().c_str());
    return kWorkerNoRecord;
  }
  SleepForTestHook("RAINGAN_TEST_LINGER_SECONDS", "linger", task.path);
  return 0;
}

}  // namespace raingan::batch
