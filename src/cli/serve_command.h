// `raingan serve`: the HTTP API and the review page (src/serve/).
#ifndef RAINGAN_CLI_SERVE_COMMAND_H_
#define RAINGAN_CLI_SERVE_COMMAND_H_

#include <string>
#include <vector>

namespace raingan::cli {

int RunServe(const std::vector<std::string>& args);

}  // namespace raingan::cli

#endif  // RAINGAN_CLI_SERVE_COMMAND_H_
