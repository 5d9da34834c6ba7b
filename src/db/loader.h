// Loading a batch's output into a database (schema/raingan.sql): the
// documents its results.jsonl records, each with its document JSON.
//
// Per document, idempotent and atomic:
//   - a document is its input's (sha256, source path); its rows carry the
//     id DocumentId() derives from them;
//   - if the database already holds it with the same settings, status,
//     error and JSON (by SHA-256 of the file), nothing is written
//     ("unchanged"): a rerun, a resumed batch or a merged shard adds no
//     row;
//   - otherwise its old rows, if any, are deleted and the new ones
//     inserted in one transaction ("replaced" / "inserted"), so a reader
//     sees all of a document's rows or none, and a load killed at any
//     point (kill -9, a lost server) leaves the previous state; the next
//     load completes it.
// Two loaders writing the same database take turns per document
// (BeginWrite's lock), so shards of one batch can load in parallel.
//
// The batch's files are the source of truth: the loader only reads them.
//
// Test hook: with RAINGAN_TEST_DB_PAUSE_AFTER=N and
// RAINGAN_TEST_DB_PAUSE_FILE=PATH in the environment, the loader, while
// writing the (N+1)-th document it writes, creates PATH after inserting the
// document's measures (inside the open transaction) and waits until PATH
// is removed (at most 120 s). Tests use it to kill a load, or stop the
// server, in the middle of a document; nothing else reads them.
#ifndef RAINGAN_DB_LOADER_H_
#define RAINGAN_DB_LOADER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "db/database.h"
#include "output/json_reader.h"
#include "output/json_writer.h"

namespace raingan::db {

enum class LoadAction { kInserted, kReplaced, kUnchanged };

// A change made to a document after it is read and before its rows are
// made: the reviewers' corrections (batch/corrections.h), which the
// batch's files keep beside the document rather than in it. `digest`
// names the change (empty: none), so that loading a document again with
// the same change is "unchanged" and with another one "replaced".
struct Amendment {
  std::string digest;
  std::function<void(DocumentRecord*)> apply;
};
// The amendment of the document a results.jsonl line records.
using AmendmentFor = std::function<Amendment(const BatchResult& record)>;

struct LoadTotals {
  int inserted = 0;
  int replaced = 0;
  int unchanged = 0;
  int failed = 0;
  int64_t measures = 0;  // of the documents inserted or replaced
  int64_t rows = 0;      // rows written, all tables
  void Count(LoadAction action);
};

class DocumentLoader {
 public:
  // Connects to the database `url` names (database.h) and prepares it
  // (PrepareSchema). Check ok(): every error of a bad URL, a server that
  // is down, a read-only or foreign database is reported here.
  explicit DocumentLoader(std::string_view url);

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  const std::string& url() const { return db_.url(); }

  // Loads one input of a batch: `record` is its line of results.jsonl and
  // `json_path` the document JSON its `output` names (not read for a
  // failed input, which gets only its documents row). An error is this
  // document's (unreadable or damaged JSON, a database error); the
  // connection is restored, if the server allows, before the next one.
  Result<LoadAction> Load(const BatchResult& record,
                          const std::string& json_path,
                          const Amendment& amendment = {});

  // Rows written by this loader so far.
  int64_t rows_written() const { return rows_written_; }
  int64_t measures_written() const { return measures_written_; }

  Database& database() { return db_; }

 private:
  struct Stored;
  Result<std::optional<Stored>> ReadStored(int64_t id);
  void TestPause();

  Database db_;
  std::string error_;
  int documents_written_ = 0;
  int64_t rows_written_ = 0;
  int64_t measures_written_ = 0;
};

// The results files of the batch output directory DIR: results.jsonl,
// then the shard files results-K-of-N.jsonl by name. An error when DIR is
// not a batch output directory.
Result<std::vector<std::string>> BatchResultFiles(const std::string& dir);

// `raingan load DIR`: every input recorded in DIR/results.jsonl and in the
// shard files DIR/results-K-of-N.jsonl, in their order (an input recorded
// twice is loaded once). A document that cannot be loaded goes to
// `on_failure` (its path and why) and is counted; the others are still
// loaded. The error is DIR's: not a batch output directory.
// `amendment_for`, if given, supplies each document's amendment.
Result<LoadTotals> LoadBatchOutput(
    const std::string& dir, DocumentLoader* loader,
    const std::function<void(const std::string& path,
                             const std::string& error)>& on_failure,
    const AmendmentFor& amendment_for = nullptr);

}  // namespace raingan::db

#endif  // RAINGAN_DB_LOADER_H_
