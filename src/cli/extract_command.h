// `raingan extract FILE [-o OUT.json] [options]`: one document to JSON.
#ifndef RAINGAN_CLI_EXTRACT_COMMAND_H_
#define RAINGAN_CLI_EXTRACT_COMMAND_H_

#include <string>
#include <vector>

namespace raingan::cli {

// Exit status: 0 extracted (warnings allowed), 1 the input could not be
// processed (reason on stderr, naming the file), 2 usage error.
int RunExtract(const std::vector<std::string>& args);

extern const char kExtractHelp[];

}  // namespace raingan::cli

#endif  // RAINGAN_CLI_EXTRACT_COMMAND_H_
