// Whole-file reads and crash-safe writes.
#ifndef RAINGAN_BASE_FILE_H_
#define RAINGAN_BASE_FILE_H_

#include <string>
#include <string_view>

#include "base/result.h"

namespace raingan {

// Reads the whole file. "-" reads standard input. Error messages give the
// reason only ("no such file"); callers prefix the path they know.
Result<std::string> ReadFile(const std::string& path);

// Writes `data` to `path` atomically: a temporary file in the same directory
// is written, flushed (fsync) and renamed over `path`, so a reader (or a
// crash) never sees a half-written file.
Status WriteFileAtomic(const std::string& path, std::string_view data);

// True if `path` names an existing regular file or directory.
bool PathExists(const std::string& path);

}  // namespace raingan

#endif  // RAINGAN_BASE_FILE_H_
