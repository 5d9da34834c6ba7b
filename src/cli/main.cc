// raingan: Thai local-government integrity reports → normalized JSON.
//
// Subcommands live in src/cli/*_command.cc; this file only dispatches.
#include <iostream>
#include <string>
#include <vector>

#include "cli/batch_command.h"
#include "cli/common_options.h"
#include "cli/extract_command.h"
#include "cli/load_command.h"
#include "cli/merge_command.h"
#include "cli/serve_command.h"
#include "cli/version_command.h"
#include "pipeline/registry.h"

namespace {

const char kHelp[] =
    "raingan " RAINGAN_VERSION
    " — Thai integrity reports (ITA measures, anti-corruption plans) to JSON\n"
    "\n"
    "usage: raingan COMMAND [options]\n"
    "\n"
    "commands:\n"
    "  extract FILE [-o OUT.json]   one document to JSON\n"
    "  batch INPUT... --out DIR     many documents (files, directories),\n"
    "                               resumable, in worker processes\n"
    "  load OUT --db URL            a batch's output into SQLite or\n"
    "                               PostgreSQL\n"
    "  merge DIR... [--out OUT]     join the outputs of a sharded batch\n"
    "  serve [--data DIR]           HTTP API, and a review page for OCR\n"
    "                               corrections over a batch directory\n"
    "  stages                       list the stages a pipeline may use\n"
    "  version                      print the versions of raingan and the\n"
    "                               libraries it runs with\n"
    "\n"
    "Run `raingan COMMAND --help` for a command's options.\n"
    "Exit status: 0 ok, 1 an input could not be processed, 2 usage error.\n";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << kHelp;
    return raingan::cli::kExitUsage;
  }
  std::string command = args.front();
  args.erase(args.begin());
  if (command == "extract") return raingan::cli::RunExtract(args);
  if (command == "batch") return raingan::cli::RunBatch(args);
  if (command == "load") return raingan::cli::RunLoad(args);
  if (command == "merge") return raingan::cli::RunMerge(args);
  if (command == "serve") return raingan::cli::RunServe(args);
  if (command == "stages") {
    for (const std::string& name : raingan::StageNames()) {
      std::cout << name << "\n";
    }
    return raingan::cli::kExitOk;
  }
  if (command == "version" || command == "--version") {
    return raingan::cli::RunVersion(args);
  }
  if (command == "help" || command == "-h" || command == "--help") {
    std::cout << kHelp;
    return raingan::cli::kExitOk;
  }
  std::cerr << "raingan: unknown command '" << command << "'\n\n" << kHelp;
  return raingan::cli::kExitUsage;
}
