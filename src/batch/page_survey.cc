#include "batch/page_survey.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "backends/backend.h"
#include "base/file.h"
#include "batch/memory_limit.h"
#include "pdf/pdf_document.h"

namespace raingan::batch {
namespace {

// Enough for every magic number SniffFormat looks at.
constexpr size_t kHeadBytes = 1024;

std::string ReadHead(const std::string& path) {
  std::string head(kHeadBytes, '\0');
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return "";
  ssize_t n = ::read(fd, head.data(), head.size());
  ::close(fd);
  head.resize(n > 0 ? static_cast<size_t>(n) : 0);
  return head;
}

void WriteLine(int fd, size_t index, int pages) {
  char line[64];
  int n = std::snprintf(line, sizeof(line), "%zu %d\n", index, pages);
  // Short lines to a pipe are written whole (PIPE_BUF).
  while (::write(fd, line, static_cast<size_t>(n)) < 0 && errno == EINTR) {
  }
}

// The body of the survey child.
int Survey(const std::vector<std::string>& paths, size_t from, int fd,
           uint64_t max_memory) {
  int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (null >= 0) {
    ::dup2(null, STDOUT_FILENO);
    ::dup2(null, STDERR_FILENO);
    ::close(null);
  }
  MemoryCap cap(max_memory);
  for (size_t i = from; i < paths.size(); ++i) {
    // A file that hangs Poppler ends the child by SIGALRM; the parent
    // restarts the survey after it.
    ::alarm(PageSurvey::kSecondsPerFile);
    WriteLine(fd, i, CountPages(paths[i]));
  }
  ::alarm(0);
  return 0;
}

}  // namespace

int CountPages(const std::string& path) {
  std::string head = ReadHead(path);
  switch (SniffFormat(head, path)) {
    case InputFormat::kImage:
      return 1;
    case InputFormat::kPdf: {
      Result<std::string> bytes = ReadFile(path);
      if (!bytes.ok()) return -1;
      Result<pdf::PdfDocument> pdf = pdf::PdfDocument::Open(*bytes);
      return pdf.ok() ? pdf->page_count() : -1;
    }
    case InputFormat::kText:
    case InputFormat::kUnknown:
      return -1;
  }
  return -1;
}

PageSurvey::PageSurvey(std::vector<std::string> paths, uint64_t max_memory)
    : paths_(std::move(paths)),
      pages_(paths_.size(), kNotCounted),
      max_memory_(max_memory) {}

PageSurvey::~PageSurvey() { CloseReader(); }

void PageSurvey::CloseReader() {
  if (read_fd_ >= 0) ::close(read_fd_);
  read_fd_ = -1;
  partial_line_.clear();
}

Status PageSurvey::Start(ProcessPool* pool) {
  if (finished()) return Status::Ok();
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    return Status::IoError(std::string("cannot create a pipe: ") +
                           std::strerror(errno));
  }
  size_t from = next_;
  int write_fd = fds[1];
  Result<int> id = pool->Start(
      [this, from, write_fd] {
        return Survey(paths_, from, write_fd, max_memory_);
      },
      /*timeout_seconds=*/0);
  ::close(fds[1]);
  if (!id.ok()) {
    ::close(fds[0]);
    return id.status();
  }
  ::fcntl(fds[0], F_SETFL, O_NONBLOCK);
  read_fd_ = fds[0];
  child_id_ = *id;
  return Status::Ok();
}

void PageSurvey::Collect() {
  if (read_fd_ < 0) return;
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(read_fd_, buf, sizeof(buf));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // EAGAIN: nothing more now; 0: the child is gone
    partial_line_.append(buf, static_cast<size_t>(n));
    size_t eol;
    while ((eol = partial_line_.find('\n')) != std::string::npos) {
      size_t index = 0;
      int pages = -1;
      if (std::sscanf(partial_line_.c_str(), "%zu %d", &index, &pages) == 2 &&
          index < pages_.size()) {
        pages_[index] = pages;
        next_ = index + 1;
      }
      partial_line_.erase(0, eol + 1);
    }
  }
}

bool PageSurvey::OnExit(const ChildExit& exit, ProcessPool* pool) {
  if (child_id_ == 0 || exit.id != child_id_) return false;
  child_id_ = 0;
  Collect();
  CloseReader();
  if (!finished()) {
    // The child died on input next_: leave it uncounted and go on.
    pages_[next_] = -1;
    ++next_;
    if (!Start(pool).ok()) next_ = paths_.size();
  }
  return true;
}

}  // namespace raingan::batch
