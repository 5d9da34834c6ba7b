#include "batch/merged_outputs.h"

#include <dirent.h>

#include <algorithm>
#include <map>
#include <set>

#include "base/file.h"
#include "batch/atomic_file.h"
#include "batch/corrections.h"
#include "model/document.h"
#include "output/csv_writer.h"
#include "output/document_from_json.h"
#include "output/json_writer.h"

namespace raingan::batch {
namespace {

// The corrected lines of one document, or false to use its worker's.
bool CorrectedLines(const DocumentFiles& files,
                    const std::vector<Correction>& corrections,
                    std::string* jsonl, std::string* csv, MergeStats* stats) {
  Result<std::string> text = ReadFile(files.json);
  Result<ReadDocument> read =
      text.ok() ? DocumentFromJson(*text) : Result<ReadDocument>(text.status());
  if (!read.ok()) {
    ++stats->unreadable;
    return false;
  }
  Document& doc = read->doc;
  AppliedCorrections applied = ApplyCorrections(corrections, files.name, &doc);
  stats->corrections_applied += applied.applied;
  stats->corrections_stale += applied.stale;
  if (applied.applied > 0) ++stats->corrected_documents;
  for (size_t i = 0; i < doc.measures.size(); ++i) {
    *jsonl += MeasureToJsonLine(doc, doc.measures[i], applied.corrected[i]);
    *jsonl += '\n';
    *csv += MeasureToCsvRow(doc, doc.measures[i], applied.corrected[i]);
  }
  return true;
}

}  // namespace

Result<MergeStats> WriteMergedOutputs(const BatchDir& dir,
                                      const std::vector<std::string>& inputs) {
  MergeStats stats;
  // Corrections are grouped by document; an unreadable log merges nothing
  // corrected rather than failing the batch.
  std::map<std::string, std::vector<Correction>> by_document;
  Result<CorrectionLog> log = ReadCorrections(CorrectionsPath(dir.dir()));
  if (log.ok()) {
    stats.bad_correction_lines = log->bad_lines;
    for (Correction& c : log->corrections) {
      by_document[c.document].push_back(std::move(c));
    }
  }
  RAINGAN_ASSIGN_OR_RETURN(AtomicFile results,
                           AtomicFile::Create(dir.ResultsPath()));
  RAINGAN_ASSIGN_OR_RETURN(AtomicFile csv,
                           AtomicFile::Create(dir.MeasuresCsvPath()));
  RAINGAN_ASSIGN_OR_RETURN(AtomicFile jsonl,
                           AtomicFile::Create(dir.MeasuresJsonlPath()));
  RAINGAN_RETURN_IF_ERROR(csv.Append(MeasuresCsvHeader()));
  for (const std::string& input : inputs) {
    DocumentFiles files = dir.FilesFor(input);
    // Read back from disk rather than kept in memory since the document
    // finished: the merged files must not cost memory per input.
    RAINGAN_ASSIGN_OR_RETURN(BatchResult record, dir.ReadRecord(files));
    RAINGAN_RETURN_IF_ERROR(results.Append(BatchResultToJsonLine(record)));
    RAINGAN_RETURN_IF_ERROR(results.Append("\n"));
    ++stats.documents;
    if (ParseDocStatus(record.status) == DocStatus::kFailed) continue;
    auto corrections = by_document.find(files.name);
    std::string jsonl_lines, csv_rows;
    if (corrections != by_document.end() &&
        CorrectedLines(files, corrections->second, &jsonl_lines, &csv_rows,
                       &stats)) {
      RAINGAN_RETURN_IF_ERROR(jsonl.Append(jsonl_lines));
      RAINGAN_RETURN_IF_ERROR(csv.Append(csv_rows));
      continue;
    }
    RAINGAN_RETURN_IF_ERROR(jsonl.AppendFileContents(files.measures_jsonl));
    RAINGAN_RETURN_IF_ERROR(csv.AppendFileContents(files.measures_csv));
  }
  RAINGAN_RETURN_IF_ERROR(jsonl.Commit());
  RAINGAN_RETURN_IF_ERROR(csv.Commit());
  // results.jsonl last: whoever sees it sees the other two complete.
  RAINGAN_RETURN_IF_ERROR(results.Commit());
  return stats;
}

std::vector<std::string> MergedSetSuffixes(const std::string& dir) {
  std::vector<std::string> suffixes;
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return suffixes;
  while (struct dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    const std::string head = "results", tail = ".jsonl";
    if (name.size() < head.size() + tail.size() || name.rfind(head, 0) != 0 ||
        name.compare(name.size() - tail.size(), tail.size(), tail) != 0) {
      continue;
    }
    std::string suffix =
        name.substr(head.size(), name.size() - head.size() - tail.size());
    if (suffix.empty() || suffix.rfind("-", 0) == 0) {
      suffixes.push_back(suffix);
    }
  }
  ::closedir(d);
  std::sort(suffixes.begin(), suffixes.end());
  return suffixes;
}

Result<MergeStats> RebuildMergedOutputs(const std::string& dir) {
  MergeStats total;
  for (const std::string& suffix : MergedSetSuffixes(dir)) {
    RAINGAN_ASSIGN_OR_RETURN(BatchDir batch_dir, BatchDir::Open(dir, suffix));
    RAINGAN_ASSIGN_OR_RETURN(std::string text,
                             ReadFile(batch_dir.ResultsPath()));
    std::vector<std::string> inputs;
    std::set<std::string> seen;
    size_t start = 0;
    while (start < text.size()) {
      size_t eol = text.find('\n', start);
      if (eol == std::string::npos) eol = text.size();
      Result<BatchResult> r = BatchResultFromJson(
          std::string_view(text).substr(start, eol - start));
      start = eol + 1;
      // A record without its files (removed by hand) is left out rather
      // than failing every later rebuild.
      if (!r.ok() || !seen.insert(r->path).second ||
          !PathExists(batch_dir.FilesFor(r->path).record)) {
        continue;
      }
      inputs.push_back(r->path);
    }
    RAINGAN_ASSIGN_OR_RETURN(MergeStats stats,
                             WriteMergedOutputs(batch_dir, inputs));
    total.documents += stats.documents;
    total.corrected_documents += stats.corrected_documents;
    total.corrections_applied += stats.corrections_applied;
    total.corrections_stale += stats.corrections_stale;
    total.bad_correction_lines = stats.bad_correction_lines;
    total.unreadable += stats.unreadable;
  }
  return total;
}

}  // namespace raingan::batch
