#include "batch/inputs.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <system_error>

#include "base/file.h"
#include "base/text.h"

namespace raingan::batch {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kDocumentExtensions[] = {
    "txt",  "text", "md",  "pdf",  "png", "jpg", "jpeg", "tif",
    "tiff", "bmp",  "gif", "webp", "pnm", "pgm", "ppm",  "pbm",
};

bool IsHidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name.front() == '.';
}

class Collector {
 public:
  explicit Collector(const std::string& exclude_dir) {
    std::error_code ec;
    if (!exclude_dir.empty() && fs::is_directory(exclude_dir, ec)) {
      exclude_ = exclude_dir;
    }
  }

  // `where` prefixes errors ("LIST:12: ").
  Status Add(const std::string& raw, const std::string& where) {
    std::string path = NormalizePath(raw);
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      return Status::NotFound(where + "no such file or directory: " + raw);
    }
    if (fs::is_directory(st)) return Walk(path, where);
    Take(path);
    return Status::Ok();
  }

  InputList Finish() { return std::move(list_); }

 private:
  void Take(const std::string& path) {
    if (seen_.insert(path).second) list_.paths.push_back(path);
  }

  bool Excluded(const fs::path& dir) {
    if (exclude_.empty()) return false;
    std::error_code ec;
    return fs::equivalent(dir, exclude_, ec) && !ec;
  }

  Status Walk(const std::string& root, const std::string& where) {
    std::error_code ec;
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(root, ec), end;
    if (ec) {
      return Status::IoError(where + "cannot read directory " + root + ": " +
                             ec.message());
    }
    if (Excluded(root)) return Status::Ok();
    for (; it != end; it.increment(ec)) {
      if (ec) {
        return Status::IoError(where + "cannot read directory " + root + ": " +
                               ec.message());
      }
      const fs::path& p = it->path();
      bool is_dir = it->is_directory(ec);
      if (IsHidden(p) || (is_dir && Excluded(p))) {
        if (is_dir) it.disable_recursion_pending();
        continue;
      }
      if (is_dir || !it->is_regular_file(ec)) continue;
      std::string path = NormalizePath(p.string());
      if (HasDocumentExtension(path)) {
        found.push_back(std::move(path));
      } else if (list_.ignored++ == 0) {
        list_.ignored_example = path;
      }
    }
    // Directory order is whatever the file system returns; sorting makes
    // the batch (and so --shard and resume) independent of it.
    std::sort(found.begin(), found.end());
    for (const std::string& path : found) Take(path);
    return Status::Ok();
  }

  std::string exclude_;
  std::set<std::string> seen_;
  InputList list_;
};

}  // namespace

bool HasDocumentExtension(std::string_view path) {
  size_t dot = path.find_last_of('.');
  size_t slash = path.find_last_of('/');
  if (dot == std::string_view::npos ||
      (slash != std::string_view::npos && dot < slash)) {
    return false;
  }
  std::string ext(path.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return std::find(std::begin(kDocumentExtensions),
                   std::end(kDocumentExtensions),
                   ext) != std::end(kDocumentExtensions);
}

std::string NormalizePath(std::string_view path) {
  if (path.empty()) return "";
  std::string normal = fs::path(path).lexically_normal().string();
  // "dir/" names the same directory as "dir"; keep "/" itself.
  if (normal.size() > 1 && normal.back() == '/') normal.pop_back();
  return normal;
}

Result<InputList> CollectInputs(const InputRequest& request) {
  Collector collector(request.exclude_dir);
  for (const std::string& path : request.paths) {
    RAINGAN_RETURN_IF_ERROR(collector.Add(path, ""));
  }
  for (const std::string& manifest : request.manifests) {
    Result<std::string> text = ReadFile(manifest);
    if (!text.ok()) return text.status().WithContext("manifest " + manifest);
    std::string_view rest = *text;
    int line_number = 0;
    while (!rest.empty()) {
      size_t eol = rest.find('\n');
      std::string_view line = TrimAsciiSpace(rest.substr(0, eol));
      rest = eol == std::string_view::npos ? "" : rest.substr(eol + 1);
      ++line_number;
      if (line.empty() || line.front() == '#') continue;
      RAINGAN_RETURN_IF_ERROR(
          collector.Add(std::string(line),
                        manifest + ":" + std::to_string(line_number) + ": "));
    }
  }
  return collector.Finish();
}

}  // namespace raingan::batch
