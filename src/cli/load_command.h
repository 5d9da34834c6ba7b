// `raingan load OUT --db URL`: an existing batch output directory into a
// database (src/db/loader.h).
#ifndef RAINGAN_CLI_LOAD_COMMAND_H_
#define RAINGAN_CLI_LOAD_COMMAND_H_

#include <string>
#include <vector>

namespace raingan::cli {

// Exit status: 0 every document loaded (or already there), 1 some could
// not be (each named on stderr with the reason; the others are loaded),
// 2 usage error, or a database that cannot be used (bad URL, server down,
// read-only) — reported before any document is read.
int RunLoad(const std::vector<std::string>& args);

extern const char kLoadHelp[];

// The --db lines of the help texts of `load` and `batch`.
extern const char kDatabaseUrlHelp[];

}  // namespace raingan::cli

#endif  // RAINGAN_CLI_LOAD_COMMAND_H_
