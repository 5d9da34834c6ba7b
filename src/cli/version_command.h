// `raingan version`: raingan's version and those of the libraries it runs
// with, each asked of the library at run time (what a bug report needs:
// the packages installed may not be those raingan was built against).
#ifndef RAINGAN_CLI_VERSION_COMMAND_H_
#define RAINGAN_CLI_VERSION_COMMAND_H_

#include <string>
#include <vector>

namespace raingan::cli {

// Prints to stdout; always exit status 0 (a language whose data Tesseract
// cannot load is printed as such, with the package to install).
int RunVersion(const std::vector<std::string>& args);

}  // namespace raingan::cli

#endif  // RAINGAN_CLI_VERSION_COMMAND_H_
