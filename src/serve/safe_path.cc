#include "serve/safe_path.h"

#include <sys/stat.h>

#include <climits>
#include <cstdlib>

namespace raingan::serve {
namespace {

bool SegmentOk(const std::string& segment) {
  if (segment.empty() || segment == "." || segment == "..") return false;
  for (unsigned char c : segment) {
    if (c < 0x20 || c == 0x7F || c == '\\') return false;
  }
  return true;
}

Result<std::string> RealPath(const std::string& path) {
  char* real = ::realpath(path.c_str(), nullptr);
  if (real == nullptr) return Status::NotFound("not found");
  std::string out = real;
  std::free(real);
  return out;
}

}  // namespace

bool IsPlainName(const std::string& name) {
  return name.find('/') == std::string::npos && SegmentOk(name);
}

Result<std::string> ResolveWithin(const std::string& root,
                                  const std::string& relative) {
  const Status refused = Status::NotFound("not found");
  if (relative.empty() || relative.front() == '/' ||
      relative.size() > PATH_MAX) {
    return refused;
  }
  size_t start = 0;
  while (start <= relative.size()) {
    size_t slash = relative.find('/', start);
    if (slash == std::string::npos) slash = relative.size();
    if (!SegmentOk(relative.substr(start, slash - start))) return refused;
    start = slash + 1;
  }
  Result<std::string> real_root = RealPath(root);
  if (!real_root.ok()) return refused;
  Result<std::string> real = RealPath(*real_root + "/" + relative);
  if (!real.ok()) return refused;
  const std::string prefix =
      *real_root == "/" ? std::string("/") : *real_root + "/";
  if (real->compare(0, prefix.size(), prefix) != 0) return refused;
  struct stat st;
  if (::stat(real->c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return refused;
  return real;
}

}  // namespace raingan::serve
