// Turning a name from a request (or from a batch's records) into a file
// inside a directory the server chose — web pages, fonts, a batch's
// documents and page images — or into nothing.
//
// Refused before the file system is asked: an empty name, an absolute one,
// any "." or ".." segment, empty segments ("a//b"), backslashes, NUL and
// other control bytes. Request paths arrive percent-decoded (http/), so
// "%2e%2e" and "%2F" are checked as the ".." and "/" they stand for. Then
// the real path of the file (symbolic links resolved) must lie inside the
// real path of the root, so a link pointing out of the tree is refused
// like a "..", and the file must be a regular file.
#ifndef RAINGAN_SERVE_SAFE_PATH_H_
#define RAINGAN_SERVE_SAFE_PATH_H_

#include <string>

#include "base/result.h"

namespace raingan::serve {

// The real path of `root`/`relative`. NotFound for anything refused, so a
// caller cannot tell a refused name from a missing file (nor can a client).
Result<std::string> ResolveWithin(const std::string& root,
                                  const std::string& relative);

// Whether `name` is acceptable as a single path segment (no "/").
bool IsPlainName(const std::string& name);

}  // namespace raingan::serve

#endif  // RAINGAN_SERVE_SAFE_PATH_H_
