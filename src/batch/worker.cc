#include "batch/worker.h"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <thread>

#include "base/file.h"
#include "batch/document_status.h"
#include "batch/memory_limit.h"
#include "output/csv_writer.h"
#include "output/json_writer.h"

namespace raingan::batch {
namespace {

void RedirectOutput(const std::string& log) {
  int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd >= 0) {
    ::dup2(fd, STDOUT_FILENO);
    ::dup2(fd, STDERR_FILENO);
    ::close(fd);
  }
  int null = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (null >= 0) {
    ::dup2(null, STDIN_FILENO);
    ::close(null);
  }
}

void TestHookHang(const std::string& path) {
  const char* seconds = std::getenv("RAINGAN_TEST_HANG_SECONDS");
  size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (seconds == nullptr || name.find("hang") == std::string::npos) return;
  std::this_thread::sleep_for(
      std::chrono::duration<double>(std::atof(seconds)));
}

Result<Document> Extract(const Extractor& extractor, const WorkerTask& task,
                         MemoryCap* cap) {
  try {
    return extractor.ExtractBytes(task.path, task.bytes);
  } catch (const std::bad_alloc&) {
    // Unwinding freed the document; lift the cap so the record can be
    // written whatever is left.
    cap->Lift();
    if (task.max_memory == 0) return Status::BadInput("out of memory");
    return Status::BadInput(
        "out of memory: the document needs more than "
        "the --max-memory limit of " +
        FormatMiB(task.max_memory));
  } catch (const std::exception& e) {
    // Extract() promises not to throw; if a library breaks that promise
    // the document fails instead of the worker.
    return Status::Internal(std::string("internal error: ") + e.what());
  }
}

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
  RedirectOutput(task.files.log);
  auto start = std::chrono::steady_clock::now();
  BatchResult record;
  record.path = task.path;
  record.sha256 = task.sha256;
  record.settings = task.settings;

  MemoryCap cap(task.max_memory);
  TestHookHang(task.path);
  Result<Document> doc = Extract(extractor, task, &cap);
  cap.Lift();

  Classification outcome;
  if (doc.ok()) {
    outcome = Classify(*doc, task.ocr_allowed);
    record.pages = doc->source.pages;
  } else {
    outcome = {DocStatus::kFailed, doc.status().message()};
    // A C library may report a failed allocation as some other error.
    bool said = outcome.reason.rfind("out of memory", 0) == 0;
    if (!said && task.max_memory > 0 &&
        PeakAddressSpace() >= task.max_memory / 10 * 9) {
      outcome.reason +=
          " (out of memory: the worker reached its --max-memory limit of " +
          FormatMiB(task.max_memory) + ")";
    }
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
  return 0;
}

}  // namespace raingan::batch
