#include "cli/load_command.h"

#include <chrono>
#include <cstdio>
#include <iostream>

#include "batch/database_corrections.h"
#include "cli/common_options.h"
#include "db/loader.h"

namespace raingan::cli {

const char kDatabaseUrlHelp[] =
    "  --db URL              sqlite:PATH (an SQLite file, created if\n"
    "                        needed) or postgresql://USER@HOST:PORT/DBNAME\n"
    "                        (tables: schema/raingan.sql, created if absent)\n";

const char kLoadHelp[] =
    "usage: raingan load OUT --db URL [--quiet]\n"
    "\n"
    "Loads the batch output directory OUT (made by `raingan batch --out\n"
    "OUT`: results.jsonl and documents/*.json) into a database, one\n"
    "transaction per document. Loading again adds nothing; a document\n"
    "extracted again with other settings replaces its rows. A load that is\n"
    "interrupted leaves the database as it was for the document in\n"
    "progress: run it again to finish.\n"
    "\n";

namespace {

std::string PerThousand(double seconds, int64_t measures) {
  if (measures <= 0) return "";
  char buf[64];
  std::snprintf(buf, sizeof(buf), " (%.3f s per 1,000 measures)",
                seconds * 1000.0 / static_cast<double>(measures));
  return buf;
}

}  // namespace

int RunLoad(const std::vector<std::string>& args) {
  std::string dir, url;
  bool quiet = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << kLoadHelp << kDatabaseUrlHelp
                << "  --quiet               print only failures\n";
      return kExitOk;
    }
    if (a == "--db") {
      if (i + 1 >= args.size()) {
        std::cerr << "raingan load: --db needs a URL\n";
        return kExitUsage;
      }
      url = args[++i];
    } else if (a == "--quiet" || a == "-q") {
      quiet = true;
    } else if (a.size() > 1 && a[0] == '-') {
      std::cerr << "raingan load: unknown option " << a
                << " (see raingan load --help)\n";
      return kExitUsage;
    } else if (dir.empty()) {
      dir = a;
    } else {
      std::cerr << "raingan load: one batch output directory at a time (" << dir
                << ", " << a << ")\n";
      return kExitUsage;
    }
  }
  if (dir.empty()) {
    std::cerr << "raingan load: no batch output directory (raingan load OUT "
                 "--db URL)\n";
    return kExitUsage;
  }
  if (url.empty()) {
    std::cerr << "raingan load: no database (--db sqlite:PATH or --db "
                 "postgresql://...)\n";
    return kExitUsage;
  }
  // The directory first: a mistyped one must not create a database file.
  if (Result<std::vector<std::string>> files = db::BatchResultFiles(dir);
      !files.ok()) {
    std::cerr << "raingan load: " << files.status().message() << "\n";
    return kExitUsage;
  }
  auto start = std::chrono::steady_clock::now();
  db::DocumentLoader loader(url);
  if (!loader.ok()) {
    std::cerr << "raingan load: " << loader.error() << "\n";
    return kExitUsage;
  }
  // With the reviewers' corrections (DIR/corrections.jsonl) applied.
  Result<db::LoadTotals> totals = db::LoadBatchOutput(
      dir, &loader,
      [](const std::string& path, const std::string& error) {
        std::cerr << "raingan load: FAILED " << path << ": " << error << "\n";
      },
      batch::CorrectionsAmendments(dir));
  if (!totals.ok()) {
    std::cerr << "raingan load: " << totals.status().message() << "\n";
    return kExitUsage;
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  const db::LoadTotals& t = *totals;
  if (!quiet) {
    char took[32];
    std::snprintf(took, sizeof(took), "%.2f", seconds);
    std::cout << "raingan load: " << dir << " -> " << loader.url() << ": "
              << t.inserted << " inserted, " << t.replaced << " replaced, "
              << t.unchanged << " unchanged, " << t.failed << " failed; "
              << t.measures << " measures, " << t.rows << " rows written in "
              << took << " s" << PerThousand(seconds, t.measures) << "\n";
  }
  return t.failed > 0 ? kExitFailed : kExitOk;
}

}  // namespace raingan::cli
