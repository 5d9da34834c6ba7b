// The merged outputs of a batch directory — results<S>.jsonl,
// measures<S>.csv and measures<S>.jsonl (batch_dir.h) — built from the
// per-document files, with the reviewers' corrections (corrections.h)
// applied and marked.
//
// A document without corrections contributes its worker's lines as they
// are. A document with corrections is read back from documents/<name>.json
// (output/document_from_json.h), corrected, and written again, each measure
// with the list of its corrected fields ("corrected" in measures.jsonl, the
// "corrected" column of measures.csv). If its JSON cannot be read, its
// uncorrected lines are used and the document is counted as unreadable.
//
// Both files are written atomically, results.jsonl last: whoever sees it
// sees the other two complete. The batch calls this at the end of every
// run; `raingan serve` calls RebuildMergedOutputs after each correction.
#ifndef RAINGAN_BATCH_MERGED_OUTPUTS_H_
#define RAINGAN_BATCH_MERGED_OUTPUTS_H_

#include <string>
#include <vector>

#include "base/result.h"
#include "batch/batch_dir.h"

namespace raingan::batch {

struct MergeStats {
  int documents = 0;            // records merged
  int corrected_documents = 0;  // of those, with a correction applied
  int corrections_applied = 0;
  int corrections_stale = 0;  // see corrections.h
  int bad_correction_lines = 0;
  int unreadable = 0;  // corrected documents merged uncorrected
};

// `inputs`: the inputs to merge, in order, each with a record in `dir`.
Result<MergeStats> WriteMergedOutputs(const BatchDir& dir,
                                      const std::vector<std::string>& inputs);

// For a batch directory that no batch is writing to: for every set of
// merged files in it (results.jsonl, results-K-of-N.jsonl), takes that
// set's lock, reads its inputs from its results file and writes the set
// again. Fails with InvalidArgument when a batch holds a lock (it will
// apply the corrections itself when it finishes).
Result<MergeStats> RebuildMergedOutputs(const std::string& dir);

// The shard suffixes ("" or "-K-of-N") of the results files in `dir`.
std::vector<std::string> MergedSetSuffixes(const std::string& dir);

}  // namespace raingan::batch

#endif  // RAINGAN_BATCH_MERGED_OUTPUTS_H_
