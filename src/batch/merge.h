// `raingan merge`: the outputs of a sharded batch (--shard K/N, e.g. the
// tasks of a Slurm job array) joined into one output directory, as if one
// machine had run the whole batch.
//
// What is read: in each source directory, the shards' results-K-of-N.jsonl
// (written when the shard's run ends; results.jsonl when the directory
// holds an unsharded batch), and for every document listed there its
// documents/<name>.json and its lines of the merged measure files (the
// per-document files in .raingan/, see batch_dir.h). So a shard whose task
// was killed before it wrote its results counts as not done: run it again
// (it resumes) and merge again.
//
// What is checked before anything is written; any failure writes nothing:
//   - every source has finished: no batch holds its lock;
//   - the shards are one split: the same N everywhere, each K from 1 to N
//     exactly once (a missing shard is named);
//   - no document appears twice (in two shards, or twice in one);
//   - with the batch's inputs given (the same paths and manifests as the
//     batch, e.g. --manifest): every input has a result and no result is
//     for a path outside them;
//   - every document was extracted with the same settings (version,
//     pipeline, models, OCR), so the merged set is one consistent run;
//   - the files a result points to exist.
//
// What is written into the output directory (which may be one of the
// sources: shards that shared one --out are merged in place):
// results.jsonl, measures.jsonl, measures.csv and documents/*.json, in
// the order of the inputs (when given; else in byte order of the paths,
// which is a single batch's order for one directory). Each file is written
// atomically, results.jsonl last. The result depends only on the sources,
// so merging again gives the same bytes (idempotent), and an interrupted
// merge is finished by running it again.
#ifndef RAINGAN_BATCH_MERGE_H_
#define RAINGAN_BATCH_MERGE_H_

#include <string>
#include <vector>

#include "base/result.h"
#include "batch/inputs.h"

namespace raingan::batch {

struct MergeOptions {
  std::vector<std::string> sources;  // batch output directories
  std::string out_dir;
  InputRequest inputs;  // the batch's inputs; none = not checked
};

struct MergeSummary {
  int parts = 0;        // results files read
  int shard_count = 0;  // N; 0 when the sources are unsharded batches
  int documents = 0;
  int ok = 0, partial = 0, failed = 0;
  int measures = 0;
  bool inputs_checked = false;
  std::string dir, results_path, measures_csv_path, measures_jsonl_path;
};

// Errors: InvalidArgument for a check that failed (the message says which
// documents or shards, the first few of them), IoError for files that
// cannot be read or written.
Result<MergeSummary> MergeBatches(const MergeOptions& options);

}  // namespace raingan::batch

#endif  // RAINGAN_BATCH_MERGE_H_
