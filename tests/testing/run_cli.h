// Running the raingan binary from tests, as a user would.
#ifndef RAINGAN_TESTS_TESTING_RUN_CLI_H_
#define RAINGAN_TESTS_TESTING_RUN_CLI_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace raingan::testing {

struct CommandResult {
  int exit_code = -1;   // 128+N when killed by signal N
  std::string out;      // standard output
  std::string err;      // standard error (what the terminal showed, for
                        // RunRainganOnTerminal)
  long max_rss_kb = 0;  // the child's peak resident memory (getrusage)
  double seconds = 0;   // wall time from start to exit
};

// Runs `program` with `args` (no shell), capturing both streams; `input`
// is written to its standard input.
CommandResult RunCommand(const std::string& program,
                         const std::vector<std::string>& args,
                         const std::string& input = "");

// Runs build/raingan.
CommandResult RunRaingan(const std::vector<std::string>& args,
                         const std::string& input = "");

// Runs build/raingan with its standard error on a pseudo-terminal (openpty,
// `columns` wide, TERM=xterm), as a person at a terminal would see it;
// stdout is a pipe, stdin /dev/null. `err` is the terminal's output (the
// terminal turns "\n" into "\r\n").
CommandResult RunRainganOnTerminal(const std::vector<std::string>& args,
                                   int columns = 120);

// Paths of the repository's files.
std::string SourcePath(const std::string& relative);
std::string TestDataPath(const std::string& relative);
// A fresh empty directory under the system temp dir.
std::string MakeTempDir();

nlohmann::json ReadJsonFile(const std::string& path);

}  // namespace raingan::testing

#endif  // RAINGAN_TESTS_TESTING_RUN_CLI_H_
