// `raingan merge`: joins the output directories of a sharded batch into one
// (batch/merge.h).
#ifndef RAINGAN_CLI_MERGE_COMMAND_H_
#define RAINGAN_CLI_MERGE_COMMAND_H_

#include <string>
#include <vector>

namespace raingan::cli {

int RunMerge(const std::vector<std::string>& args);

extern const char kMergeHelp[];

}  // namespace raingan::cli

#endif  // RAINGAN_CLI_MERGE_COMMAND_H_
