// Options shared by `extract` and `batch`, and their parsing.
#ifndef RAINGAN_CLI_COMMON_OPTIONS_H_
#define RAINGAN_CLI_COMMON_OPTIONS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/extractor.h"

namespace raingan::cli {

// Exit codes of every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;

// Tries to consume a shared option at args[*i] (advancing *i past its
// value). Returns true if consumed; on a bad value sets *error.
bool ParseCommonOption(const std::vector<std::string>& args, size_t* i,
                       ExtractOptions* options, std::string* error);

// Help text for the shared options.
extern const char kCommonOptionsHelp[];

// Parses a positive integer option value; false if malformed.
bool ParsePositiveInt(const std::string& text, int* value);

// True when stderr is a terminal that understands "\r\033[K" (TERM is not
// "dumb"), for progress lines; its width in *columns (0 if unknown).
bool StderrIsTerminal(int* columns = nullptr);

// Parses a pixel count: digits, optionally followed by M (millions).
bool ParsePixelCount(const std::string& text, int64_t* value);

// Number of online CPU cores (at least 1).
int CoreCount();

}  // namespace raingan::cli

#endif  // RAINGAN_CLI_COMMON_OPTIONS_H_
