#include "batch/batch.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>

#include "base/file.h"
#include "base/sha256.h"
#include "batch/atomic_file.h"
#include "batch/core_tokens.h"
#include "batch/isolated_extract.h"
#include "batch/memory_limit.h"
#include "batch/merged_outputs.h"
#include "batch/page_survey.h"
#include "batch/process_pool.h"
#include "batch/worker.h"
#include "output/csv_writer.h"
#include "pipeline/data_dirs.h"

namespace raingan::batch {
namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kMaxListed = 20;  // failures kept for the summary
constexpr double kTickSeconds = 0.2;

// What the parent remembers of one input: a few numbers, not its record.
struct InputState {
  bool done = false;
  int pages = -1;  // from its record
};

// A worker ended by SIGTERM, SIGINT or SIGHUP was stopped from outside:
// Slurm's scancel, pre-emption or time limit signal every process of the
// job, workers included, and so does a user's `kill`. The pool itself only
// ever sends SIGKILL (deadlines, stopping).
bool StoppedFromOutside(const ChildExit& exit) {
  if (exit.timed_out || !WIFSIGNALED(exit.wait_status)) return false;
  int sig = WTERMSIG(exit.wait_status);
  return sig == SIGTERM || sig == SIGINT || sig == SIGHUP;
}

void RemoveIfEmpty(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (text.ok() && text->empty()) ::unlink(path.c_str());
}

class Runner {
 public:
  Runner(BatchPlan plan, const BatchOptions& options,
         ProgressReporter* progress)
      : plan_(std::move(plan)),
        options_(options),
        progress_(progress),
        survey_(plan_.inputs, options.max_memory),
        states_(plan_.inputs.size()),
        start_(Clock::now()) {}

  Result<BatchSummary> Run();

 private:
  bool Stopping() const { return options_.stop && *options_.stop != 0; }
  double Elapsed() const {
    return std::chrono::duration<double>(Clock::now() - start_).count();
  }
  Status StartOrResume(size_t index);
  // The record of an earlier run that makes this input done, if any.
  std::optional<BatchResult> Resumable(const DocumentFiles& files,
                                       const std::string& sha256);
  Status Finish(const ChildExit& exit);
  Status RecordFailure(size_t index, const std::string& sha256,
                       const std::string& error, double seconds);
  void Done(size_t index, const BatchResult& record, bool resumed);
  ProgressSnapshot Snapshot() const;
  // Snapshot() walks every input, so it is only built when shown.
  void ReportProgress() {
    if (progress_ && progress_->Due(Elapsed())) progress_->Update(Snapshot());
  }
  Status WriteMerged();

  struct Running {
    size_t index;
    std::string sha256;
  };
  bool AcceptWrittenRecord(const Running& run);

  BatchPlan plan_;
  const BatchOptions& options_;
  ProgressReporter* progress_;
  ProcessPool pool_;
  PageSurvey survey_;
  std::vector<InputState> states_;
  std::map<int, Running> running_;  // by child id
  size_t next_ = 0;
  double work_this_run_ = 0;  // see Snapshot()
  BatchSummary summary_;
  Clock::time_point start_;
};

Result<BatchSummary> Runner::Run() {
  summary_.inputs = static_cast<int>(plan_.inputs.size());
  // Without the survey the totals stay unknown; the batch itself is fine.
  if (!plan_.inputs.empty()) (void)survey_.Start(&pool_);
  const size_t jobs = static_cast<size_t>(std::max(1, options_.jobs));
  while (!Stopping()) {
    while (running_.size() < jobs && next_ < plan_.inputs.size() &&
           !Stopping()) {
      RAINGAN_RETURN_IF_ERROR(StartOrResume(next_++));
      // A rerun may skip thousands of inputs here without waiting once.
      ReportProgress();
    }
    if (running_.empty() && next_ >= plan_.inputs.size()) break;
    for (const ChildExit& exit : pool_.Wait(kTickSeconds)) {
      if (survey_.OnExit(exit, &pool_)) continue;
      RAINGAN_RETURN_IF_ERROR(Finish(exit));
    }
    survey_.Collect();
    ReportProgress();
  }
  pool_.KillAll();  // the workers still running after a stop; the survey
  // A worker killed between writing its record and being reaped had
  // finished its document: it belongs in the merged files.
  for (const auto& [id, run] : running_) AcceptWrittenRecord(run);
  running_.clear();
  // The other killed workers' documents have no record: the next run does
  // them.
  summary_.not_run =
      summary_.inputs - summary_.ok - summary_.partial - summary_.failed;
  summary_.interrupted = summary_.not_run > 0;
  if (progress_) {
    progress_->Update(Snapshot(), /*force=*/true);
    progress_->Finish();
  }
  RAINGAN_RETURN_IF_ERROR(WriteMerged());
  summary_.seconds = Elapsed();
  summary_.dir = plan_.dir->dir();
  summary_.results_path = plan_.dir->ResultsPath();
  summary_.measures_csv_path = plan_.dir->MeasuresCsvPath();
  summary_.measures_jsonl_path = plan_.dir->MeasuresJsonlPath();
  return summary_;
}

std::optional<BatchResult> Runner::Resumable(const DocumentFiles& files,
                                             const std::string& sha256) {
  if (options_.force) return std::nullopt;
  Result<BatchResult> prev = plan_.dir->ReadRecord(files);
  if (!prev.ok() || prev->sha256 != sha256 ||
      prev->settings != plan_.settings) {
    return std::nullopt;
  }
  std::optional<DocStatus> status = ParseDocStatus(prev->status);
  bool done = status == DocStatus::kFailed ? !options_.retry_failed
              : status.has_value()         ? plan_.dir->OutputsPresent(files)
                                           : false;
  if (!done) return std::nullopt;
  return std::move(prev).value();
}

Status Runner::StartOrResume(size_t index) {
  const std::string& path = plan_.inputs[index];
  DocumentFiles files = plan_.dir->FilesFor(path);
  Result<std::string> bytes = ReadFile(path);
  if (!bytes.ok()) {
    RAINGAN_RETURN_IF_ERROR(plan_.dir->Clear(files));
    return RecordFailure(
        index, "", "cannot read the file: " + bytes.status().message(), 0);
  }
  std::string sha256 = Sha256Hex(*bytes);
  if (std::optional<BatchResult> prev = Resumable(files, sha256)) {
    Done(index, *prev, /*resumed=*/true);
    return Status::Ok();
  }
  RAINGAN_RETURN_IF_ERROR(plan_.dir->Clear(files));
  WorkerTask task;
  task.path = path;
  task.sha256 = sha256;
  task.bytes = *bytes;
  task.files = files;
  task.settings = plan_.settings;
  task.max_memory = options_.max_memory;
  const Extractor& extractor = *plan_.extractor;
  CoreBudget* cores = plan_.cores.get();
  Result<int> id = pool_.Start(
      [&task, &extractor, cores] {
        // The worker's own thread runs on a core of the budget; the kernel
        // gives it back when the worker exits, however it exits.
        if (cores != nullptr) cores->Take(/*max_wait_seconds=*/-1);
        return RunWorker(extractor, task);
      },
      options_.timeout_seconds);
  if (!id.ok()) return id.status();
  running_[*id] = Running{index, std::move(sha256)};
  return Status::Ok();
}

Status Runner::Finish(const ChildExit& exit) {
  auto it = running_.find(exit.id);
  if (it == running_.end()) return Status::Ok();
  Running run = std::move(it->second);
  running_.erase(it);
  const std::string& path = plan_.inputs[run.index];
  DocumentFiles files = plan_.dir->FilesFor(path);
  if (exit.max_rss_kb > summary_.max_worker_rss_kb) {
    summary_.max_worker_rss_kb = exit.max_rss_kb;
    summary_.max_worker_path = path;
  }

  if (StoppedFromOutside(exit)) {
    if (AcceptWrittenRecord(run)) return Status::Ok();
    // Not the document's fault: leave it without a record, for the next
    // run (it counts as not run).
    RemoveIfEmpty(files.log);
    return plan_.dir->Clear(files);
  }
  std::string abnormal = WorkerFailure(exit, options_.timeout_seconds,
                                       files.log, options_.max_memory);
  if (abnormal.empty()) {
    Result<BatchResult> record = plan_.dir->ReadRecord(files);
    if (record.ok() && record->sha256 == run.sha256) {
      RemoveIfEmpty(files.log);
      Done(run.index, *record, /*resumed=*/false);
      return Status::Ok();
    }
    abnormal = "the worker ended without writing its result";
    std::string last = LastLogLine(files.log);
    if (!last.empty()) abnormal += "; its last message: " + last;
  }
  RemoveIfEmpty(files.log);
  return RecordFailure(run.index, run.sha256, abnormal, exit.seconds);
}

// A worker writes its record last and atomically, after the document's
// files: with the record on disk (and those files) the document is done,
// however the worker ended afterwards.
bool Runner::AcceptWrittenRecord(const Running& run) {
  DocumentFiles files = plan_.dir->FilesFor(plan_.inputs[run.index]);
  Result<BatchResult> record = plan_.dir->ReadRecord(files);
  if (!record.ok() || record->sha256 != run.sha256) return false;
  std::optional<DocStatus> status = ParseDocStatus(record->status);
  if (!status) return false;
  if (*status != DocStatus::kFailed && !plan_.dir->OutputsPresent(files)) {
    return false;
  }
  RemoveIfEmpty(files.log);
  Done(run.index, *record, /*resumed=*/false);
  return true;
}

// Writes the record of a document that has no worker result (crash,
// timeout, unreadable input), after removing any half-written files.
Status Runner::RecordFailure(size_t index, const std::string& sha256,
                             const std::string& error, double seconds) {
  const std::string& path = plan_.inputs[index];
  DocumentFiles files = plan_.dir->FilesFor(path);
  for (const std::string* f : {&files.record, &files.json,
                               &files.measures_jsonl, &files.measures_csv}) {
    ::unlink(f->c_str());
  }
  BatchResult record;
  record.path = path;
  record.sha256 = sha256;
  record.status = std::string(DocStatusName(DocStatus::kFailed));
  record.error = error;
  record.seconds = seconds;
  record.settings = plan_.settings;
  RAINGAN_RETURN_IF_ERROR(
      WriteFileAtomic(files.record, BatchResultToJsonLine(record)));
  Done(index, record, /*resumed=*/false);
  return Status::Ok();
}

void Runner::Done(size_t index, const BatchResult& record, bool resumed) {
  InputState& state = states_[index];
  state.done = true;
  state.pages = record.pages;
  DocStatus status = ParseDocStatus(record.status).value_or(DocStatus::kFailed);
  if (resumed) ++summary_.resumed;
  if (!resumed) {
    ++summary_.processed;
    summary_.processed_pages += std::max(0, record.pages);
    work_this_run_ += std::max(1, record.pages);
  }
  switch (status) {
    case DocStatus::kOk:
      ++summary_.ok;
      break;
    case DocStatus::kPartial:
      ++summary_.partial;
      if (summary_.partials.size() < kMaxListed) {
        summary_.partials.push_back(record);
      }
      break;
    case DocStatus::kFailed:
      ++summary_.failed;
      if (summary_.failures.size() < kMaxListed) {
        summary_.failures.push_back(record);
      }
      if (!resumed && progress_) progress_->Failed(record.path, record.error);
      break;
  }
  if (status != DocStatus::kFailed) {
    summary_.pages += std::max(0, record.pages);
    summary_.measures += record.measures;
  }
  if (options_.on_document) {
    options_.on_document(record, plan_.dir->FilesFor(plan_.inputs[index]).json);
  }
}

ProgressSnapshot Runner::Snapshot() const {
  ProgressSnapshot s;
  s.docs_total = summary_.inputs;
  s.docs_done = summary_.ok + summary_.partial + summary_.failed;
  s.docs_resumed = summary_.resumed;
  s.failed = summary_.failed;
  s.docs_this_run = summary_.processed;
  s.pages_this_run = summary_.processed_pages;
  s.elapsed = Elapsed();
  s.pages_final = survey_.finished();
  // Work units: a document weighs its pages, an unpaged one 1; inputs not
  // counted yet weigh the mean of those counted.
  double counted_units = 0;
  int counted = 0, uncounted_left = 0;
  for (size_t i = 0; i < states_.size(); ++i) {
    const InputState& st = states_[i];
    int pages = st.done ? st.pages : survey_.pages(i);
    if (st.done) s.pages_done += std::max(0, pages);
    if (pages == PageSurvey::kNotCounted) {
      s.pages_final = false;
      ++uncounted_left;
      continue;
    }
    s.pages_total += std::max(0, pages);
    double units = std::max(1, pages);
    counted_units += units;
    ++counted;
    if (!st.done) s.work_left += units;
  }
  s.work_left += uncounted_left * (counted > 0 ? counted_units / counted : 1);
  s.work_this_run = work_this_run_;
  return s;
}

Status Runner::WriteMerged() {
  std::vector<std::string> done;
  for (size_t i = 0; i < plan_.inputs.size(); ++i) {
    if (states_[i].done) done.push_back(plan_.inputs[i]);
  }
  Result<MergeStats> merged = WriteMergedOutputs(*plan_.dir, done);
  return merged.ok() ? Status::Ok() : merged.status();
}

}  // namespace

std::string SettingsFingerprint(const ExtractOptions& options,
                                std::string_view contents) {
  const BackendOptions& b = options.backend;
  std::string ocr = !b.allow_ocr ? "off" : b.force_ocr ? "every page" : "on";
  std::string settings =
      std::string("raingan ") + RAINGAN_VERSION + "; pipeline " +
      options.pipeline + "; models " +
      (options.models_dir.empty() ? DefaultModelsDir() : options.models_dir) +
      "; ocr " + ocr + " at " + std::to_string(b.ocr_dpi) + " dpi";
  // Only limits other than the defaults are named, so outputs made before
  // limits existed still resume; raising a limit re-runs what it refused.
  const image::SizeLimits defaults;
  if (b.limits.max_pixels != defaults.max_pixels ||
      b.limits.max_pages != defaults.max_pages) {
    settings += "; limits " + std::to_string(b.limits.max_pixels) + " px, " +
                std::to_string(b.limits.max_pages) + " pages";
  }
  if (!contents.empty()) settings += "; " + std::string(contents);
  if (options.review_below != kDefaultReviewBelow) {
    settings += "; review below " + std::to_string(options.review_below);
  }
  return settings;
}

Result<std::string> ContentFingerprint(const std::string& models_dir,
                                       const Extractor& extractor) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::string> names;
  for (fs::directory_iterator it(models_dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->is_regular_file(ec)) names.push_back(it->path().filename());
  }
  if (ec) {
    return Status::IoError("cannot list the models directory " + models_dir +
                           ": " + ec.message());
  }
  std::sort(names.begin(), names.end());
  std::string all;
  for (const std::string& name : names) {
    RAINGAN_ASSIGN_OR_RETURN(std::string bytes,
                             ReadFile(models_dir + "/" + name));
    // Length-prefixed, so moving bytes between files changes the digest.
    all += name + '\0' + std::to_string(bytes.size()) + '\0' + bytes;
  }
  return "pipeline file sha256 " + extractor.pipeline().sha256() +
         "; models sha256 " + Sha256Hex(all);
}

Result<BatchPlan> PrepareBatch(const BatchOptions& options) {
  BatchPlan plan;
  InputRequest request = options.inputs;
  request.exclude_dir = options.out_dir;
  RAINGAN_ASSIGN_OR_RETURN(InputList list, CollectInputs(request));
  plan.ignored_files = list.ignored;
  plan.ignored_example = list.ignored_example;
  if (list.paths.empty()) {
    // Most likely a wrong directory; say what was there instead.
    std::string why = list.ignored == 0 ? ""
                                        : " (" + std::to_string(list.ignored) +
                                              " other files, e.g. " +
                                              list.ignored_example + ")";
    return Status::InvalidArgument("no documents found in the inputs" + why);
  }
  std::map<std::string, std::string> names;  // document name -> input
  for (std::string& path : list.paths) {
    if (!InShard(path, options.shard)) {
      ++plan.outside_shard;
      continue;
    }
    auto [it, fresh] = names.emplace(DocumentName(path), path);
    if (!fresh) {
      return Status::InvalidArgument("inputs " + it->second + " and " + path +
                                     " would share the output name " +
                                     it->first + "; rename one of them");
    }
    plan.inputs.push_back(std::move(path));
  }
  RAINGAN_ASSIGN_OR_RETURN(std::shared_ptr<CoreTokens> cores,
                           CoreTokens::Create(options.cores));
  ExtractOptions extract = options.extract;
  extract.backend.core_budget = cores;
  RAINGAN_ASSIGN_OR_RETURN(Extractor extractor, Extractor::Create(extract));
  plan.extractor = std::make_unique<Extractor>(std::move(extractor));
  RAINGAN_ASSIGN_OR_RETURN(
      BatchDir dir,
      BatchDir::Open(options.out_dir, ShardSuffix(options.shard)));
  plan.dir = std::make_unique<BatchDir>(std::move(dir));
  RAINGAN_RETURN_IF_ERROR(cores->KeepRecord(plan.dir->CoreTokensRecordPath()));
  plan.cores = std::move(cores);
  const std::string models_dir = options.extract.models_dir.empty()
                                     ? DefaultModelsDir()
                                     : options.extract.models_dir;
  RAINGAN_ASSIGN_OR_RETURN(std::string contents,
                           ContentFingerprint(models_dir, *plan.extractor));
  plan.settings = SettingsFingerprint(options.extract, contents);
  return plan;
}

Result<BatchSummary> RunBatch(BatchPlan plan, const BatchOptions& options,
                              ProgressReporter* progress) {
  if (!plan.extractor || !plan.dir) {
    return Status::InvalidArgument("RunBatch needs a plan from PrepareBatch");
  }
  Runner runner(std::move(plan), options, progress);
  return runner.Run();
}

}  // namespace raingan::batch
