#include "batch/batch_dir.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "base/file.h"
#include "base/sha256.h"

namespace raingan::batch {
namespace {

constexpr char kDocumentsDir[] = "documents";
constexpr char kStateDir[] = ".raingan";
// NAME_MAX is 255 bytes; leave room for ".<hash>.measures.jsonl.tmp.<pid>".
constexpr size_t kMaxBaseName = 180;

Status MakeDir(const std::string& path) {
  if (::mkdir(path.c_str(), 0755) == 0 || errno == EEXIST) {
    struct stat st;
    if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      return Status::Ok();
    }
    return Status::IoError(path + " exists and is not a directory");
  }
  return Status::IoError("cannot create directory " + path + ": " +
                         std::strerror(errno));
}

Status MakeDirs(const std::string& path) {
  for (size_t i = 1; i <= path.size(); ++i) {
    if (i == path.size() || path[i] == '/') {
      RAINGAN_RETURN_IF_ERROR(MakeDir(path.substr(0, i)));
    }
  }
  return Status::Ok();
}

Status Remove(const std::string& path) {
  if (::unlink(path.c_str()) == 0 || errno == ENOENT) return Status::Ok();
  return Status::IoError("cannot remove " + path + ": " + std::strerror(errno));
}

// Cuts `s` to at most `max` bytes without splitting a UTF-8 sequence.
std::string_view CutUtf8(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) {
    --end;
  }
  return s.substr(0, end);
}

}  // namespace

std::string DocumentName(std::string_view input_path) {
  size_t slash = input_path.find_last_of('/');
  std::string_view base = slash == std::string_view::npos
                              ? input_path
                              : input_path.substr(slash + 1);
  if (base.empty() || base == "." || base == "..") base = "input";
  return std::string(CutUtf8(base, kMaxBaseName)) + "." +
         Sha256Hex(input_path).substr(0, 8);
}

Result<BatchDir> BatchDir::Open(const std::string& dir,
                                const std::string& shard_suffix) {
  if (dir.empty()) return Status::InvalidArgument("no output directory");
  std::string root =
      dir.size() > 1 && dir.back() == '/' ? dir.substr(0, dir.size() - 1) : dir;
  RAINGAN_RETURN_IF_ERROR(MakeDirs(root));
  RAINGAN_RETURN_IF_ERROR(MakeDir(root + "/" + kDocumentsDir));
  RAINGAN_RETURN_IF_ERROR(MakeDir(root + "/" + kStateDir));

  std::string lock = root + "/" + kStateDir + "/lock" + shard_suffix;
  int fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Status::IoError("cannot create " + lock + ": " +
                           std::strerror(errno));
  }
  // flock: released by the kernel when the holder dies, even by kill -9,
  // so a crashed run never blocks the rerun.
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return Status::InvalidArgument(
        "another raingan batch is writing to " + root +
        " (wait for it to finish, or choose another --out)");
  }
  return BatchDir(std::move(root), shard_suffix, fd);
}

BatchDir::BatchDir(BatchDir&& other) noexcept
    : dir_(std::move(other.dir_)),
      suffix_(std::move(other.suffix_)),
      lock_fd_(std::exchange(other.lock_fd_, -1)) {}

BatchDir& BatchDir::operator=(BatchDir&& other) noexcept {
  if (this != &other) {
    if (lock_fd_ >= 0) ::close(lock_fd_);
    dir_ = std::move(other.dir_);
    suffix_ = std::move(other.suffix_);
    lock_fd_ = std::exchange(other.lock_fd_, -1);
  }
  return *this;
}

BatchDir::~BatchDir() {
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

DocumentFiles BatchDir::FilesFor(std::string_view input_path) const {
  return DocumentFilesIn(dir_, input_path);
}

DocumentFiles DocumentFilesIn(const std::string& dir,
                              std::string_view input_path) {
  DocumentFiles f;
  f.name = DocumentName(input_path);
  f.json_relative = std::string(kDocumentsDir) + "/" + f.name + ".json";
  f.json = dir + "/" + f.json_relative;
  std::string state = dir + "/" + kStateDir + "/" + f.name;
  f.record = state + ".result.json";
  f.measures_jsonl = state + ".measures.jsonl";
  f.measures_csv = state + ".measures.csv";
  f.log = state + ".log";
  return f;
}

bool BatchRunning(const std::string& dir, const std::string& shard_suffix) {
  std::string lock = dir + "/" + kStateDir + "/lock" + shard_suffix;
  int fd = ::open(lock.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;  // no batch ever ran there
  bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  ::close(fd);  // releases it if we got it
  return held;
}

std::string BatchDir::ResultsPath() const {
  return dir_ + "/results" + suffix_ + ".jsonl";
}
std::string BatchDir::MeasuresCsvPath() const {
  return dir_ + "/measures" + suffix_ + ".csv";
}
std::string BatchDir::MeasuresJsonlPath() const {
  return dir_ + "/measures" + suffix_ + ".jsonl";
}

std::string BatchDir::CoreTokensRecordPath() const {
  return dir_ + "/" + kStateDir + "/cores" + suffix_;
}

Result<BatchResult> BatchDir::ReadRecord(const DocumentFiles& files) const {
  Result<std::string> text = ReadFile(files.record);
  if (!text.ok()) return text.status().WithContext(files.record);
  Result<BatchResult> record = BatchResultFromJson(*text);
  if (!record.ok()) return record.status().WithContext(files.record);
  return record;
}

bool BatchDir::OutputsPresent(const DocumentFiles& files) const {
  return PathExists(files.json) && PathExists(files.measures_jsonl) &&
         PathExists(files.measures_csv);
}

Status BatchDir::Clear(const DocumentFiles& files) const {
  for (const std::string* path :
       {&files.record, &files.json, &files.measures_jsonl, &files.measures_csv,
        &files.log}) {
    RAINGAN_RETURN_IF_ERROR(Remove(*path));
  }
  return Status::Ok();
}

}  // namespace raingan::batch
