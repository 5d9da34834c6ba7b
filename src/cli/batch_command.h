// `raingan batch INPUT... --out DIR [options]`: many documents, in worker
// processes, resumable (see src/batch/batch.h for how it works).
#ifndef RAINGAN_CLI_BATCH_COMMAND_H_
#define RAINGAN_CLI_BATCH_COMMAND_H_

#include <string>
#include <vector>

namespace raingan::cli {

// Exit status: 0 every input ok or partial, 1 some input failed (all the
// others were still processed) or the output directory could not be
// written, 2 usage or configuration error (nothing was processed), 130
// interrupted (Ctrl-C or SIGTERM; rerun to finish).
int RunBatch(const std::vector<std::string>& args);

extern const char kBatchHelp[];

}  // namespace raingan::cli

#endif  // RAINGAN_CLI_BATCH_COMMAND_H_
