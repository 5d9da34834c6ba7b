#include "cli/merge_command.h"

#include <iomanip>
#include <iostream>

#include "batch/merge.h"
#include "cli/common_options.h"

namespace raingan::cli {

const char kMergeHelp[] =
    "usage: raingan merge DIR... [--out OUT] [--manifest FILE] [--inputs "
    "PATH]\n"
    "\n"
    "Joins the outputs of a sharded batch (raingan batch --shard K/N, e.g.\n"
    "the tasks of a Slurm job array) into one set in OUT: results.jsonl,\n"
    "measures.jsonl, measures.csv and documents/*.json, as one machine\n"
    "running the whole batch would have written them. DIRs are the shards'\n"
    "--out directories (shards that shared one directory: name it once and\n"
    "leave out --out to merge in place).\n"
    "\n"
    "Checks first, and writes nothing if a check fails: every shard 1..N has\n"
    "finished, no document appears twice, and, given the batch's inputs,\n"
    "every input has a result and no result is for another file. Merging\n"
    "again gives the same files.\n"
    "\n"
    "  -o, --out OUT     where to write (default: the one DIR given)\n"
    "  --manifest FILE   the batch's manifest: check the results against it\n"
    "  --inputs PATH     a file or directory the batch was given, spelled as\n"
    "                    it was given to the batch (repeatable)\n"
    "\n"
    "Exit status: 0 merged, 1 a check failed or a file could not be read or\n"
    "written (the message says which), 2 usage error.\n";

namespace {

std::string ParseArgs(const std::vector<std::string>& args,
                      batch::MergeOptions* o) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= args.size()) return false;
      *out = args[++i];
      return true;
    };
    std::string v;
    if (a == "-o" || a == "--out") {
      if (!value(&o->out_dir)) return a + " needs a directory";
    } else if (a == "--manifest") {
      if (!value(&v)) return "--manifest needs a file";
      o->inputs.manifests.push_back(v);
    } else if (a == "--inputs") {
      if (!value(&v)) return "--inputs needs a file or directory";
      o->inputs.paths.push_back(v);
    } else if (a.size() > 1 && a[0] == '-') {
      return "unknown option " + a + " (see raingan merge --help)";
    } else {
      o->sources.push_back(a);
    }
  }
  if (o->sources.empty()) return "no batch directories to merge";
  if (o->out_dir.empty()) {
    if (o->sources.size() > 1) {
      return "several directories need --out OUT for the merged set";
    }
    o->out_dir = o->sources.front();
  }
  return "";
}

void PrintSummary(const batch::MergeSummary& s) {
  std::cout << "raingan merge: ";
  if (s.shard_count > 0) {
    std::cout << s.shard_count << " shard" << (s.shard_count == 1 ? "" : "s");
  } else {
    std::cout << s.parts << " batch" << (s.parts == 1 ? "" : "es");
  }
  std::cout << ", " << s.documents << " documents: " << s.ok << " ok, "
            << s.partial << " partial, " << s.failed << " failed; "
            << s.measures << " measures; "
            << (s.inputs_checked ? "every input once"
                                 : "no document twice (inputs not checked)")
            << "\n";
  std::cout << "outputs in " << s.dir << "/:\n";
  auto row = [&](const std::string& path, const std::string& what) {
    std::string name = path.substr(std::min(path.size(), s.dir.size() + 1));
    std::cout << "  " << std::left << std::setw(22) << name << " " << what
              << "\n";
  };
  row(s.dir + "/documents/", "one JSON per document");
  row(s.results_path, "one line per input");
  row(s.measures_csv_path, "one row per measure");
  row(s.measures_jsonl_path, "one JSON object per measure");
}

}  // namespace

int RunMerge(const std::vector<std::string>& args) {
  for (const std::string& a : args) {
    if (a == "-h" || a == "--help") {
      std::cout << kMergeHelp;
      return kExitOk;
    }
  }
  batch::MergeOptions options;
  std::string usage = ParseArgs(args, &options);
  if (!usage.empty()) {
    std::cerr << "raingan merge: " << usage << "\n";
    return kExitUsage;
  }
  Result<batch::MergeSummary> summary = batch::MergeBatches(options);
  if (!summary.ok()) {
    std::cerr << "raingan merge: " << summary.status().message() << "\n";
    return kExitFailed;
  }
  PrintSummary(*summary);
  return kExitOk;
}

}  // namespace raingan::cli
