#include "cli/batch_command.h"

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iomanip>
#include <iostream>

#include "batch/batch.h"
#include "batch/database_corrections.h"
#include "batch/memory_limit.h"
#include "cli/common_options.h"
#include "db/loader.h"

namespace raingan::cli {

const char kBatchHelp[] =
    "usage: raingan batch INPUT... --out DIR [options]\n"
    "\n"
    "Extracts many reports into DIR, each in its own worker process:\n"
    "  documents/*.json  one JSON per document (the `extract` format)\n"
    "  results.jsonl     one line per input: path, sha256, status (ok,\n"
    "                    partial, failed), error, pages, measures, seconds\n"
    "  measures.csv      one row per measure with its document's columns,\n"
    "                    for Excel and LibreOffice (UTF-8 with BOM)\n"
    "  measures.jsonl    one measure per line with its document's fields\n"
    "INPUTs are files, or directories searched recursively for .txt .md\n"
    ".pdf and image files. Running the same command again resumes: inputs\n"
    "whose output is complete (same content, same settings) are skipped.\n"
    "\n"
    "  -o, --out DIR         output directory (created if needed)\n"
    "  --manifest FILE       also process the paths listed in FILE, one per\n"
    "                        line (\"-\" reads standard input)\n"
    "  --jobs N              documents at a time (default: --cores)\n"
    "  --cores N             cores the batch keeps busy, all documents\n"
    "                        together (default: the cores this process may\n"
    "                        run on). A scanned document's OCR takes the\n"
    "                        cores the other documents leave free, page by\n"
    "                        page; never more busy threads than N. Under\n"
    "                        Slurm: --cores $SLURM_CPUS_PER_TASK\n"
    "  --timeout SECONDS     a document still running after this fails\n"
    "                        (default: 1800; 0 = no limit)\n"
    "  --max-memory SIZE     address space per document, e.g. 2G or 800M; a\n"
    "                        document needing more fails (default: 3/4 of\n"
    "                        RAM / jobs, at least 1G; 0 = no limit)\n"
    "  --shard K/N           process only share K of N (1 <= K <= N); in a\n"
    "                        Slurm array: --shard "
    "$((SLURM_ARRAY_TASK_ID+1))/N.\n"
    "                        The merged files are then named *-K-of-N.*\n"
    "  --db URL              also load each document into a database as it\n"
    "                        is written (see `raingan load --help`); the\n"
    "                        files in DIR stay complete either way\n"
    "  --retry-failed        run inputs that failed in an earlier run again\n"
    "  --force               run every input again\n"
    "  --quiet               print nothing but failed documents\n"
    "  --log-every SECONDS   progress line interval when stderr is not a\n"
    "                        terminal (default: 10)\n";

namespace {

constexpr double kDefaultTimeout = 1800;
constexpr int kExitInterrupted = 130;

volatile std::sig_atomic_t g_stop = 0;

extern "C" void OnStopSignal(int) { g_stop = 1; }

// SIGINT/SIGTERM stop the batch cleanly; no SA_RESTART, so that a wait in
// progress returns and notices.
void InstallStopHandlers() {
  struct sigaction sa {};
  sa.sa_handler = OnStopSignal;
  sigemptyset(&sa.sa_mask);
  ::sigaction(SIGINT, &sa, nullptr);
  ::sigaction(SIGTERM, &sa, nullptr);
}

struct Parsed {
  batch::BatchOptions options;
  std::string db_url;
  bool quiet = false;
  bool memory_given = false;
  double log_every = 10;
};

bool ParseSeconds(const std::string& text, double* value) {
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (text.empty() || end == nullptr || *end != '\0' || !(v >= 0) || v > 1e7) {
    return false;
  }
  *value = v;
  return true;
}

// Returns an empty string on success, else the usage error.
std::string ParseArgs(const std::vector<std::string>& args, Parsed* p) {
  batch::BatchOptions& o = p->options;
  o.cores = CoreCount();
  bool jobs_given = false;
  o.timeout_seconds = kDefaultTimeout;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string error;
    if (ParseCommonOption(args, &i, &o.extract, &error)) {
      if (!error.empty()) return error;
      continue;
    }
    auto value = [&](std::string* out) {
      if (i + 1 >= args.size()) return false;
      *out = args[++i];
      return true;
    };
    std::string v;
    if (a == "-o" || a == "--out") {
      if (!value(&o.out_dir)) return a + " needs a directory";
    } else if (a == "--manifest") {
      if (!value(&v)) return "--manifest needs a file";
      o.inputs.manifests.push_back(v);
    } else if (a == "--jobs") {
      if (!value(&v) || !ParsePositiveInt(v, &o.jobs)) {
        return "--jobs needs a positive number";
      }
      jobs_given = true;
    } else if (a == "--cores") {
      if (!value(&v) || !ParsePositiveInt(v, &o.cores)) {
        return "--cores needs a positive number";
      }
    } else if (a == "--timeout") {
      if (!value(&v) || !ParseSeconds(v, &o.timeout_seconds)) {
        return "--timeout needs a number of seconds (0 = no limit)";
      }
    } else if (a == "--max-memory") {
      if (!value(&v)) return "--max-memory needs a size such as 2G";
      Result<uint64_t> bytes = batch::ParseMemorySize(v);
      if (!bytes.ok()) return bytes.status().message();
      o.max_memory = *bytes;
      p->memory_given = true;
    } else if (a == "--shard") {
      if (!value(&v)) return "--shard needs K/N";
      Result<batch::Shard> shard = batch::ParseShard(v);
      if (!shard.ok()) return shard.status().message();
      o.shard = *shard;
    } else if (a == "--log-every") {
      if (!value(&v) || !ParseSeconds(v, &p->log_every)) {
        return "--log-every needs a number of seconds";
      }
    } else if (a == "--db") {
      if (!value(&p->db_url)) return "--db needs a URL";
    } else if (a == "--retry-failed") {
      o.retry_failed = true;
    } else if (a == "--force") {
      o.force = true;
    } else if (a == "--quiet" || a == "-q") {
      p->quiet = true;
    } else if (a.size() > 1 && a[0] == '-') {
      return "unknown option " + a + " (see raingan batch --help)";
    } else {
      o.inputs.paths.push_back(a);
    }
  }
  if (o.out_dir.empty()) return "no output directory (--out DIR)";
  if (o.inputs.paths.empty() && o.inputs.manifests.empty()) {
    return "no inputs (files, directories or --manifest FILE)";
  }
  if (!jobs_given) o.jobs = o.cores;
  if (!p->memory_given) o.max_memory = batch::DefaultMaxMemory(o.jobs);
  // A document may use every core of the budget when the others leave
  // them free; the budget keeps the sum within --cores.
  o.extract.backend.jobs = o.cores;
  return "";
}

batch::ProgressReporter::Mode ProgressMode(bool quiet) {
  if (quiet) return batch::ProgressReporter::Mode::kQuiet;
  return StderrIsTerminal() ? batch::ProgressReporter::Mode::kTty
                            : batch::ProgressReporter::Mode::kLog;
}

std::string Rate(double count, double seconds) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.2f", seconds > 0 ? count / seconds : 0);
  return buf;
}

void PrintPlan(const batch::BatchPlan& plan, const batch::BatchOptions& o) {
  std::cerr << "raingan batch: " << plan.inputs.size() << " input"
            << (plan.inputs.size() == 1 ? "" : "s") << " -> " << o.out_dir
            << "/ (" << o.jobs << " at a time on " << o.cores << " core"
            << (o.cores == 1 ? "" : "s");
  if (o.shard.count > 1) {
    std::cerr << "; shard " << o.shard.index << "/" << o.shard.count << ", "
              << plan.outside_shard << " inputs left to other shards";
  }
  std::cerr << ")\n";
  if (plan.ignored_files > 0) {
    std::cerr << "raingan batch: ignored " << plan.ignored_files
              << " file(s) that are not documents by their extension, e.g. "
              << plan.ignored_example << " (name such files explicitly)\n";
  }
}

void PrintList(const char* title, const std::vector<BatchResult>& list,
               int total) {
  if (list.empty()) return;
  std::cout << "  " << title << ":\n";
  for (const BatchResult& r : list) {
    std::cout << "    " << r.path << ": " << r.error << "\n";
  }
  if (total > static_cast<int>(list.size())) {
    std::cout << "    ... and " << total - static_cast<int>(list.size())
              << " more in results.jsonl\n";
  }
}

void PrintSummary(const batch::BatchSummary& s) {
  std::cout << "raingan batch: " << s.inputs << " document"
            << (s.inputs == 1 ? "" : "s") << ": " << s.ok << " ok, "
            << s.partial << " partial, " << s.failed << " failed";
  if (s.resumed > 0)
    std::cout << " (" << s.resumed << " done by an earlier run)";
  std::cout << "\n";
  if (s.processed > 0) {
    std::cout << "  this run: " << s.processed << " documents, "
              << s.processed_pages << " pages in "
              << batch::FormatDuration(s.seconds) << " ("
              << Rate(s.processed, s.seconds) << " documents/s, "
              << Rate(s.processed_pages, s.seconds) << " pages/s)";
    if (s.max_worker_rss_kb > 0) {
      std::cout << "; largest worker " << s.max_worker_rss_kb / 1024
                << " MiB resident";
    }
    std::cout << "\n";
  }
  PrintList("failed", s.failures, s.failed);
  PrintList("partial", s.partials, s.partial);
  if (s.interrupted) {
    std::cout << "  interrupted: " << s.not_run << " document"
              << (s.not_run == 1 ? " was" : "s were")
              << " not processed; run the same command again to finish\n";
  }
  std::cout << "outputs in " << s.dir << "/:\n";
  auto row = [&](const std::string& path, const std::string& what) {
    std::string name = path.substr(std::min(path.size(), s.dir.size() + 1));
    std::cout << "  " << std::left << std::setw(22) << name << " " << what
              << "\n";
  };
  row(s.dir + "/documents/", "one JSON per document");
  row(s.results_path, "one line per input: status, error, pages, measures");
  row(s.measures_csv_path,
      std::to_string(s.measures) + " measures, one row each, for spreadsheets");
  row(s.measures_jsonl_path, "the same measures, one JSON object per line");
}

}  // namespace

int RunBatch(const std::vector<std::string>& args) {
  for (const std::string& a : args) {
    if (a == "-h" || a == "--help") {
      std::cout << kBatchHelp << kCommonOptionsHelp;
      return kExitOk;
    }
  }
  Parsed parsed;
  std::string usage = ParseArgs(args, &parsed);
  if (!usage.empty()) {
    std::cerr << "raingan batch: " << usage << "\n";
    return kExitUsage;
  }
  batch::BatchOptions& options = parsed.options;

  // The database is checked first: a bad URL, a server that is down or a
  // read-only database stops the batch before any document is read.
  std::unique_ptr<db::DocumentLoader> loader;
  if (!parsed.db_url.empty()) {
    loader = std::make_unique<db::DocumentLoader>(parsed.db_url);
    if (!loader->ok()) {
      std::cerr << "raingan batch: --db " << loader->error() << "\n";
      return kExitUsage;
    }
  }

  Result<batch::BatchPlan> plan = batch::PrepareBatch(options);
  if (!plan.ok()) {
    std::cerr << "raingan batch: " << plan.status().message() << "\n";
    return kExitUsage;
  }
  if (!parsed.quiet) PrintPlan(*plan, options);

  InstallStopHandlers();
  options.stop = &g_stop;
  batch::ProgressReporter progress(ProgressMode(parsed.quiet), std::cerr,
                                   parsed.log_every);
  db::LoadTotals loaded;
  if (loader) {
    // Reviewers' corrections of an earlier run go into the database too.
    db::AmendmentFor amendment_for =
        batch::CorrectionsAmendments(options.out_dir);
    options.on_document = [&, amendment_for](const BatchResult& record,
                                             const std::string& json_path) {
      Result<db::LoadAction> action =
          loader->Load(record, json_path, amendment_for(record));
      if (action.ok()) {
        loaded.Count(*action);
        return;
      }
      ++loaded.failed;
      progress.Failed(record.path,
                      "not loaded into the database (its files are "
                      "complete): " +
                          action.status().message());
    };
  }
  Result<batch::BatchSummary> summary =
      batch::RunBatch(std::move(plan).value(), options, &progress);
  if (!summary.ok()) {
    std::cerr << "raingan batch: " << summary.status().message() << "\n";
    return kExitFailed;
  }
  if (!parsed.quiet) PrintSummary(*summary);
  if (loader && (!parsed.quiet || loaded.failed > 0)) {
    std::cout << "database " << loader->url() << ": " << loaded.inserted
              << " inserted, " << loaded.replaced << " replaced, "
              << loaded.unchanged << " unchanged, " << loaded.failed
              << " failed";
    if (loaded.failed > 0) {
      std::cout << "; `raingan load " << options.out_dir
                << " --db URL` loads the rest later";
    }
    std::cout << "\n";
  }
  if (summary->interrupted) return kExitInterrupted;
  return summary->failed > 0 || loaded.failed > 0 ? kExitFailed : kExitOk;
}

}  // namespace raingan::cli
