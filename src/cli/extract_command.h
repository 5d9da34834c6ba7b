// `raingan extract FILE [-o OUT.json] [options]`: one document to JSON.
#ifndef RAINGAN_CLI_EXTRACT_COMMAND_H_
#define RAINGAN_CLI_EXTRACT_COMMAND_H_

#include <string>
#include <vector>

namespace raingan::cli {

// Exit status: 0 extracted, status ok or partial (warnings allowed; a
// partial document's JSON says "status": "partial" and why, and stderr
// names the unread pages); 1 the input could not be processed or nothing
// in it was read (status failed: no JSON; the reason on stderr, naming the
// file), 2 usage or configuration error. The same statuses as `batch`.
int RunExtract(const std::vector<std::string>& args);

extern const char kExtractHelp[];

}  // namespace raingan::cli

#endif  // RAINGAN_CLI_EXTRACT_COMMAND_H_
