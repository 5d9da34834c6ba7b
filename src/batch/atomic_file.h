// AtomicFile: a file written in pieces that appears all at once.
//
// base/file.h's WriteFileAtomic needs the whole content in memory; the
// batch's merged outputs (measures.jsonl, measures.csv) grow with the
// number of documents, so they are streamed through this instead: bytes go
// to "<path>.tmp.<pid>" and Commit() flushes (fsync) and renames it over
// `path`. Until Commit() succeeds, readers see the previous file (or none);
// an AtomicFile destroyed uncommitted removes its temporary file.
#ifndef RAINGAN_BATCH_ATOMIC_FILE_H_
#define RAINGAN_BATCH_ATOMIC_FILE_H_

#include <string>
#include <string_view>

#include "base/result.h"

namespace raingan::batch {

class AtomicFile {
 public:
  static Result<AtomicFile> Create(const std::string& path);

  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&& other) noexcept;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  Status Append(std::string_view data);
  // Appends the whole content of the file at `path`.
  Status AppendFileContents(const std::string& path);
  // Makes the content visible under the final path. Call once.
  Status Commit();

 private:
  AtomicFile(std::string path, std::string tmp, int fd)
      : path_(std::move(path)), tmp_(std::move(tmp)), fd_(fd) {}
  void Abandon();

  std::string path_;
  std::string tmp_;
  int fd_ = -1;
};

// Writes all of `data` to `fd`, retrying short writes and EINTR.
Status WriteAllToFd(int fd, std::string_view data);

}  // namespace raingan::batch

#endif  // RAINGAN_BATCH_ATOMIC_FILE_H_
