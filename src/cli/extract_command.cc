#include "cli/extract_command.h"

#include <filesystem>
#include <iostream>

#include "base/file.h"
#include "cli/common_options.h"
#include "cli/extract_progress.h"
#include "output/json_writer.h"
#include "pipeline/extractor.h"

namespace raingan::cli {

const char kExtractHelp[] =
    "usage: raingan extract FILE [-o OUT.json] [options]\n"
    "\n"
    "Extracts the measures of one report (text export, PDF with or without\n"
    "a text layer, or a scanned image) and writes one JSON document\n"
    "(schema/raingan-output.schema.json). FILE \"-\" reads standard input.\n"
    "\n"
    "  -o, --output FILE     write the JSON to FILE (atomically: a reader\n"
    "                        never sees half a file); default: stdout\n"
    "  --layout              add the page layout (blocks, table cells, "
    "bboxes)\n"
    "  --compact             one line of JSON instead of indented\n"
    "  --jobs N              threads for OCR of scanned pages (default: "
    "cores)\n"
    "  -q, --quiet           no progress line (shown on a terminal only:\n"
    "                        pages read and OCRed, elapsed time, ETA)\n";

int RunExtract(const std::vector<std::string>& args) {
  ExtractOptions options;
  options.backend.jobs = CoreCount();
  JsonOptions json;
  std::string input, output;
  bool quiet = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string error;
    if (a == "-h" || a == "--help") {
      std::cout << kExtractHelp << kCommonOptionsHelp;
      return kExitOk;
    }
    if (ParseCommonOption(args, &i, &options, &error)) {
      if (!error.empty()) {
        std::cerr << "raingan extract: " << error << "\n";
        return kExitUsage;
      }
      continue;
    }
    if (a == "-o" || a == "--output") {
      if (i + 1 >= args.size()) {
        std::cerr << "raingan extract: " << a << " needs a file name\n";
        return kExitUsage;
      }
      output = args[++i];
    } else if (a == "--layout") {
      json.layout = true;
    } else if (a == "--compact") {
      json.indent = -1;
    } else if (a == "-q" || a == "--quiet") {
      quiet = true;
    } else if (a == "--jobs") {
      if (i + 1 >= args.size() ||
          !ParsePositiveInt(args[i + 1], &options.backend.jobs)) {
        std::cerr << "raingan extract: --jobs needs a positive number\n";
        return kExitUsage;
      }
      ++i;
    } else if (a.size() > 1 && a[0] == '-') {
      std::cerr << "raingan extract: unknown option " << a
                << " (see raingan extract --help)\n";
      return kExitUsage;
    } else if (input.empty()) {
      input = a;
    } else {
      std::cerr << "raingan extract: one input file at a time (got '" << input
                << "' and '" << a << "'); use raingan batch for many\n";
      return kExitUsage;
    }
  }
  if (input.empty()) {
    std::cerr << "raingan extract: no input file\n" << kExtractHelp;
    return kExitUsage;
  }
  options.backend.jobs = std::min(options.backend.jobs, CoreCount());

  Result<Extractor> extractor = Extractor::Create(options);
  if (!extractor.ok()) {
    // Models or pipeline missing/invalid: a configuration (usage) error.
    std::cerr << "raingan extract: " << extractor.status().message() << "\n";
    return kExitUsage;
  }
  int columns = 0;
  const bool terminal = !quiet && StderrIsTerminal(&columns);
  ExtractProgressDisplay display(
      std::cerr,
      input == "-" ? "stdin" : std::filesystem::path(input).filename().string(),
      terminal, columns);
  Result<Document> doc = extractor->Extract(input, display.Callback());
  display.Finish();
  if (!doc.ok()) {
    std::cerr << "raingan: " << input << ": " << doc.status().message() << "\n";
    return kExitFailed;
  }
  // Nothing was read: failed, as `batch` reports it, and no JSON.
  if (doc->status == DocStatus::kFailed) {
    std::cerr << "raingan: " << input << ": " << doc->status_reason << "\n";
    return kExitFailed;
  }
  // partial: the JSON says so ("status", "status_reason"); stderr too.
  if (doc->status == DocStatus::kPartial) {
    std::cerr << "raingan: " << input << ": partial: " << doc->status_reason
              << "\n";
  }
  std::string text = DocumentToJson(*doc, json);
  if (output.empty() || output == "-") {
    std::cout << text;
    std::cout.flush();
    return std::cout ? kExitOk : kExitFailed;
  }
  Status s = WriteFileAtomic(output, text);
  if (!s.ok()) {
    std::cerr << "raingan: " << input << ": " << s.message() << "\n";
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace raingan::cli
