#include "batch/merge.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "base/file.h"
#include "batch/atomic_file.h"
#include "batch/batch_dir.h"
#include "batch/shard.h"
#include "model/document.h"
#include "output/csv_writer.h"
#include "output/json_writer.h"

namespace raingan::batch {
namespace {

constexpr size_t kMaxNamed = 5;  // documents or shards named in an error

// One results file of one source directory.
struct Part {
  std::string dir;
  std::optional<Shard> shard;  // none: an unsharded batch's results.jsonl
  std::string results;         // its path
  std::string Name() const {
    return shard ? "shard " + std::to_string(shard->index) + "/" +
                       std::to_string(shard->count) + " in " + dir
                 : dir;
  }
};

// One document to merge: its record and the part it came from.
struct Entry {
  BatchResult record;
  size_t part;
};

std::string StripSlash(std::string dir) {
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir;
}

// "results-3-of-8.jsonl" -> shard 3/8.
std::optional<Shard> ShardOfResultsName(const std::string& name) {
  const std::string prefix = "results-", middle = "-of-", suffix = ".jsonl";
  if (!name.starts_with(prefix) || !name.ends_with(suffix)) return std::nullopt;
  std::string core =
      name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
  size_t of = core.find(middle);
  if (of == std::string::npos) return std::nullopt;
  Result<Shard> shard =
      ParseShard(core.substr(0, of) + "/" + core.substr(of + middle.size()));
  if (!shard.ok() || "results" + ShardSuffix(*shard) + ".jsonl" != name) {
    return std::nullopt;  // "results-03-of-8": not a name a batch writes
  }
  return *shard;
}

Result<std::vector<Part>> FindParts(const std::string& dir) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) {
    return PathExists(dir) ? Status::IoError("cannot read the directory " + dir)
                           : Status::NotFound(dir + ": no such directory");
  }
  std::vector<Part> parts;
  bool whole = false;
  while (const dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    if (name == "results.jsonl") whole = true;
    if (std::optional<Shard> shard = ShardOfResultsName(name)) {
      parts.push_back(Part{dir, shard, dir + "/" + name});
    }
  }
  ::closedir(d);
  // Shards that shared this directory win over the results.jsonl an
  // earlier merge in place wrote beside them.
  if (parts.empty() && whole) {
    parts.push_back(Part{dir, std::nullopt, dir + "/results.jsonl"});
  }
  if (parts.empty()) {
    return Status::InvalidArgument(
        dir +
        " holds no batch results (results.jsonl or results-K-of-N.jsonl);"
        " has its batch run to the end?");
  }
  std::sort(parts.begin(), parts.end(), [](const Part& a, const Part& b) {
    return a.shard->index < b.shard->index;
  });
  return parts;
}

// The shards form one split: the same N, each K once.
Status CheckSplit(const std::vector<Part>& parts, int* shard_count) {
  *shard_count = 0;
  const bool sharded = parts.front().shard.has_value();
  std::map<int, const Part*> by_index;
  for (const Part& p : parts) {
    if (p.shard.has_value() != sharded) {
      return Status::InvalidArgument(
          "cannot merge an unsharded batch (" + p.dir +
          "/results.jsonl) with shards of one (" +
          (sharded ? p.dir : parts.front().dir) + ")");
    }
    if (!sharded) continue;
    if (*shard_count == 0) *shard_count = p.shard->count;
    if (p.shard->count != *shard_count) {
      return Status::InvalidArgument(
          "the shards are not one split: " + parts.front().Name() + " and " +
          p.Name() + " (each task of an array must be given the same N)");
    }
    auto [it, fresh] = by_index.emplace(p.shard->index, &p);
    if (!fresh) {
      return Status::InvalidArgument("shard " + std::to_string(p.shard->index) +
                                     "/" + std::to_string(p.shard->count) +
                                     " has results in both " + it->second->dir +
                                     " and " + p.dir);
    }
  }
  if (!sharded) return Status::Ok();
  std::string missing;
  int n_missing = 0;
  for (int k = 1; k <= *shard_count; ++k) {
    if (by_index.count(k)) continue;
    if (++n_missing <= static_cast<int>(kMaxNamed)) {
      missing += (missing.empty() ? "" : ", ") + std::to_string(k);
    }
  }
  if (n_missing > 0) {
    return Status::InvalidArgument(
        std::to_string(n_missing) + " of " + std::to_string(*shard_count) +
        " shards have no results (shard " + missing +
        (n_missing > static_cast<int>(kMaxNamed) ? ", ..." : "") +
        "): run them (a rerun resumes) and merge again");
  }
  return Status::Ok();
}

Status ReadPart(const Part& part, size_t index, std::vector<Entry>* entries) {
  std::ifstream in(part.results);
  if (!in) return Status::IoError("cannot read " + part.results);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    Result<BatchResult> record = BatchResultFromJson(line);
    if (!record.ok()) {
      return Status::BadInput(part.results + ", line " +
                              std::to_string(number) + ": " +
                              record.status().message());
    }
    entries->push_back(Entry{std::move(record).value(), index});
  }
  if (in.bad()) return Status::IoError("cannot read " + part.results);
  return Status::Ok();
}

// "a, b, c and 4 more".
std::string Listed(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size() && i < kMaxNamed; ++i) {
    out += (i ? ", " : "") + items[i];
  }
  if (items.size() > kMaxNamed) {
    out += " and " + std::to_string(items.size() - kMaxNamed) + " more";
  }
  return out;
}

Status CheckUnique(const std::vector<Entry>& entries,
                   const std::vector<Part>& parts) {
  std::unordered_map<std::string, size_t> first;  // path -> entry
  std::vector<std::string> twice;
  for (size_t i = 0; i < entries.size(); ++i) {
    auto [it, fresh] = first.emplace(entries[i].record.path, i);
    if (fresh) continue;
    const Part& a = parts[entries[it->second].part];
    const Part& b = parts[entries[i].part];
    twice.push_back(entries[i].record.path + " (" + a.Name() +
                    (&a == &b ? ", twice" : " and " + b.Name()) + ")");
  }
  if (twice.empty()) return Status::Ok();
  return Status::InvalidArgument(
      std::to_string(twice.size()) +
      " documents appear more than once: " + Listed(twice));
}

// Orders `entries` as the inputs are (when given), checking that they
// match them one to one; else by path.
Status OrderByInputs(const MergeOptions& options, std::vector<Entry>* entries,
                     bool* checked) {
  *checked = !options.inputs.paths.empty() || !options.inputs.manifests.empty();
  if (!*checked) {
    std::sort(entries->begin(), entries->end(),
              [](const Entry& a, const Entry& b) {
                return a.record.path < b.record.path;
              });
    return Status::Ok();
  }
  InputRequest request = options.inputs;
  request.exclude_dir = options.out_dir;
  RAINGAN_ASSIGN_OR_RETURN(InputList inputs, CollectInputs(request));
  std::unordered_map<std::string, size_t> order;
  for (size_t i = 0; i < inputs.paths.size(); ++i) {
    order.emplace(inputs.paths[i], i);
  }
  std::vector<std::string> outside;
  std::vector<bool> seen(inputs.paths.size(), false);
  for (const Entry& e : *entries) {
    auto it = order.find(e.record.path);
    if (it == order.end()) {
      outside.push_back(e.record.path);
    } else {
      seen[it->second] = true;
    }
  }
  std::vector<std::string> missing;
  for (size_t i = 0; i < seen.size(); ++i) {
    if (!seen[i]) missing.push_back(inputs.paths[i]);
  }
  if (!missing.empty()) {
    return Status::InvalidArgument(
        std::to_string(missing.size()) + " of " +
        std::to_string(inputs.paths.size()) +
        " inputs have no result in any shard: " + Listed(missing) +
        " (run their shards again: a rerun resumes; then merge again)");
  }
  if (!outside.empty()) {
    return Status::InvalidArgument(
        std::to_string(outside.size()) +
        " results are for documents that are not among the inputs: " +
        Listed(outside) +
        " (were the shards given other inputs, or spelled another way?)");
  }
  std::sort(entries->begin(), entries->end(),
            [&](const Entry& a, const Entry& b) {
              return order.at(a.record.path) < order.at(b.record.path);
            });
  return Status::Ok();
}

Status CheckSettings(const std::vector<Entry>& entries) {
  for (const Entry& e : entries) {
    if (e.record.settings == entries.front().record.settings) continue;
    return Status::InvalidArgument(
        "the documents were not extracted with the same settings: " +
        entries.front().record.path + " with \"" +
        entries.front().record.settings + "\", " + e.record.path + " with \"" +
        e.record.settings +
        "\" (run the shards again with the same raingan,"
        " pipeline, models and OCR options)");
  }
  return Status::Ok();
}

bool HasMeasures(const BatchResult& record) {
  return ParseDocStatus(record.status).value_or(DocStatus::kFailed) !=
         DocStatus::kFailed;
}

Status CheckFiles(const std::vector<Entry>& entries,
                  const std::vector<Part>& parts) {
  for (const Entry& e : entries) {
    if (!HasMeasures(e.record)) continue;
    const std::string& dir = parts[e.part].dir;
    DocumentFiles files = DocumentFilesIn(dir, e.record.path);
    for (const std::string* f :
         {&files.json, &files.measures_jsonl, &files.measures_csv}) {
      if (!PathExists(*f)) {
        return Status::InvalidArgument(
            parts[e.part].Name() + " lists " + e.record.path + " as " +
            e.record.status + " but " + *f +
            " is missing (run that shard again with --force for it, or"
            " remove the directory's .raingan/ record)");
      }
    }
  }
  return Status::Ok();
}

bool SameFile(const std::string& a, const std::string& b) {
  struct stat sa, sb;
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

// Copies a document's JSON unless it is already there with these bytes
// (a merge in place, or a merge run again).
Status CopyDocument(const std::string& from, const std::string& to) {
  if (SameFile(from, to)) return Status::Ok();
  Result<std::string> bytes = ReadFile(from);
  if (!bytes.ok()) return bytes.status().WithContext(from);
  Result<std::string> existing = ReadFile(to);
  if (existing.ok() && *existing == *bytes) return Status::Ok();
  return WriteFileAtomic(to, *bytes).WithContext(to);
}

}  // namespace

Result<MergeSummary> MergeBatches(const MergeOptions& options) {
  if (options.sources.empty()) {
    return Status::InvalidArgument("no batch directories to merge");
  }
  if (options.out_dir.empty()) {
    return Status::InvalidArgument("no output directory");
  }
  std::vector<Part> parts;
  std::set<std::string> seen_dirs;
  for (const std::string& source : options.sources) {
    std::string dir = StripSlash(source);
    if (!seen_dirs.insert(dir).second) continue;  // named twice
    RAINGAN_ASSIGN_OR_RETURN(std::vector<Part> found, FindParts(dir));
    for (Part& p : found) parts.push_back(std::move(p));
  }
  MergeSummary summary;
  summary.parts = static_cast<int>(parts.size());
  RAINGAN_RETURN_IF_ERROR(CheckSplit(parts, &summary.shard_count));
  for (const Part& p : parts) {
    Shard shard = p.shard.value_or(Shard{});
    if (BatchRunning(p.dir, ShardSuffix(shard))) {
      return Status::InvalidArgument(
          p.Name() + " is still running; merge when it has finished");
    }
  }

  std::vector<Entry> entries;
  for (size_t i = 0; i < parts.size(); ++i) {
    RAINGAN_RETURN_IF_ERROR(ReadPart(parts[i], i, &entries));
  }
  RAINGAN_RETURN_IF_ERROR(CheckUnique(entries, parts));
  RAINGAN_RETURN_IF_ERROR(
      OrderByInputs(options, &entries, &summary.inputs_checked));
  if (!entries.empty()) RAINGAN_RETURN_IF_ERROR(CheckSettings(entries));
  RAINGAN_RETURN_IF_ERROR(CheckFiles(entries, parts));

  // Every check passed: write. The lock keeps an unsharded batch (or
  // another merge) out of the directory meanwhile.
  RAINGAN_ASSIGN_OR_RETURN(BatchDir out,
                           BatchDir::Open(StripSlash(options.out_dir), ""));
  RAINGAN_ASSIGN_OR_RETURN(AtomicFile results,
                           AtomicFile::Create(out.ResultsPath()));
  RAINGAN_ASSIGN_OR_RETURN(AtomicFile csv,
                           AtomicFile::Create(out.MeasuresCsvPath()));
  RAINGAN_ASSIGN_OR_RETURN(AtomicFile jsonl,
                           AtomicFile::Create(out.MeasuresJsonlPath()));
  RAINGAN_RETURN_IF_ERROR(csv.Append(MeasuresCsvHeader()));
  for (const Entry& e : entries) {
    const BatchResult& r = e.record;
    RAINGAN_RETURN_IF_ERROR(results.Append(BatchResultToJsonLine(r)));
    RAINGAN_RETURN_IF_ERROR(results.Append("\n"));
    ++summary.documents;
    DocStatus status = ParseDocStatus(r.status).value_or(DocStatus::kFailed);
    summary.ok += status == DocStatus::kOk;
    summary.partial += status == DocStatus::kPartial;
    summary.failed += status == DocStatus::kFailed;
    if (!HasMeasures(r)) continue;
    summary.measures += r.measures;
    DocumentFiles from = DocumentFilesIn(parts[e.part].dir, r.path);
    DocumentFiles to = out.FilesFor(r.path);
    RAINGAN_RETURN_IF_ERROR(CopyDocument(from.json, to.json));
    RAINGAN_RETURN_IF_ERROR(jsonl.AppendFileContents(from.measures_jsonl));
    RAINGAN_RETURN_IF_ERROR(csv.AppendFileContents(from.measures_csv));
  }
  RAINGAN_RETURN_IF_ERROR(jsonl.Commit());
  RAINGAN_RETURN_IF_ERROR(csv.Commit());
  RAINGAN_RETURN_IF_ERROR(results.Commit());  // last, as in a batch
  summary.dir = out.dir();
  summary.results_path = out.ResultsPath();
  summary.measures_csv_path = out.MeasuresCsvPath();
  summary.measures_jsonl_path = out.MeasuresJsonlPath();
  return summary;
}

}  // namespace raingan::batch
