// BatchDir: the layout of a batch's output directory, and its lock.
//
//   DIR/documents/<name>.json        one per document: the output contract
//                                    (schema/raingan-output.schema.json)
//   DIR/results<S>.jsonl             one line per input (BatchResult)
//   DIR/measures<S>.csv              one row per measure (output/csv_writer.h)
//   DIR/measures<S>.jsonl            one measure per line, with document fields
//   DIR/.raingan/<name>.result.json  the document's record: the line of
//                                    results.jsonl. Written last, so its
//                                    presence means the document's other
//                                    files are complete.
//   DIR/.raingan/<name>.measures.jsonl, .measures.csv
//                                    the document's lines of the merged files
//   DIR/.raingan/<name>.log          what the worker printed (libraries'
//                                    messages), kept only when not empty
//   DIR/.raingan/lock<S>             held while a batch runs
//   DIR/.raingan/cores<S>            the id of the batch's core tokens
//                                    (core_tokens.h), while it runs
//
// <S> is the shard suffix ("-3-of-8", or empty). <name> is the input's
// file name plus 8 hex digits of the SHA-256 of its path, so two inputs
// with the same file name in different directories never collide and a
// rerun finds its previous files.
//
// The per-document files are the source of truth: the merged files are
// rebuilt from them at the end of every run, so a run killed at any point
// cannot leave a document twice or half in them.
#ifndef RAINGAN_BATCH_BATCH_DIR_H_
#define RAINGAN_BATCH_BATCH_DIR_H_

#include <string>
#include <string_view>

#include "base/result.h"
#include "output/json_writer.h"

namespace raingan::batch {

struct DocumentFiles {
  std::string name;           // <name>
  std::string json;           // DIR/documents/<name>.json
  std::string json_relative;  // documents/<name>.json
  std::string record;
  std::string measures_jsonl;
  std::string measures_csv;
  std::string log;
};

class BatchDir {
 public:
  // Creates DIR and its subdirectories as needed and takes the lock for
  // `shard_suffix`; fails if another batch holds it.
  static Result<BatchDir> Open(const std::string& dir,
                               const std::string& shard_suffix);

  BatchDir(BatchDir&& other) noexcept;
  BatchDir& operator=(BatchDir&& other) noexcept;
  BatchDir(const BatchDir&) = delete;
  BatchDir& operator=(const BatchDir&) = delete;
  ~BatchDir();  // releases the lock

  const std::string& dir() const { return dir_; }
  DocumentFiles FilesFor(std::string_view input_path) const;
  std::string ResultsPath() const;
  std::string MeasuresCsvPath() const;
  std::string MeasuresJsonlPath() const;
  std::string CoreTokensRecordPath() const;

  // The record a previous run left for this document, if any and readable.
  Result<BatchResult> ReadRecord(const DocumentFiles& files) const;
  // True when the record's document files are all present.
  bool OutputsPresent(const DocumentFiles& files) const;
  // Removes a previous run's files for this document, the record first so
  // that an interruption never leaves a record without its files.
  Status Clear(const DocumentFiles& files) const;

 private:
  BatchDir(std::string dir, std::string suffix, int lock_fd)
      : dir_(std::move(dir)), suffix_(std::move(suffix)), lock_fd_(lock_fd) {}

  std::string dir_;
  std::string suffix_;
  int lock_fd_ = -1;
};

// The files of the document read from `input_path` in the batch directory
// `dir` (BatchDir::FilesFor without opening the directory).
DocumentFiles DocumentFilesIn(const std::string& dir,
                              std::string_view input_path);

// True while a batch holds the lock of `dir` for `shard_suffix`.
bool BatchRunning(const std::string& dir, const std::string& shard_suffix);

// "<file name>.<8 hex digits>": see the layout above. The file name is cut
// (at a UTF-8 boundary) to keep whole names within file-system limits.
std::string DocumentName(std::string_view input_path);

}  // namespace raingan::batch

#endif  // RAINGAN_BATCH_BATCH_DIR_H_
