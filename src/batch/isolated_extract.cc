#include "batch/isolated_extract.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <new>
#include <thread>

#include "base/file.h"
#include "batch/memory_limit.h"

namespace raingan::batch {

void SleepForTestHook(const char* env_var, std::string_view marker,
                      const std::string& path) {
  const char* seconds = std::getenv(env_var);
  size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (seconds == nullptr || name.find(marker) == std::string::npos) return;
  std::this_thread::sleep_for(
      std::chrono::duration<double>(std::atof(seconds)));
}

std::string LastLogLine(const std::string& log) {
  Result<std::string> text = ReadFile(log);
  if (!text.ok()) return "";
  std::string_view s = *text;
  while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
    s.remove_suffix(1);
  size_t eol = s.find_last_of('\n');
  std::string_view line = eol == std::string_view::npos ? s : s.substr(eol + 1);
  if (line.size() > 300) line = line.substr(0, 300);
  return std::string(line);
}

namespace {

// C libraries abort on allocation failure with a message of their own
// (Poppler: "Out of memory"; libstdc++: "... 'std::bad_alloc'").
bool MentionsOutOfMemory(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  for (const char* sign : {"out of memory", "bad_alloc", "cannot allocate",
                           "memory allocation failed"}) {
    if (text.find(sign) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

void RedirectOutputTo(const std::string& log) {
  int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd >= 0) {
    ::dup2(fd, STDOUT_FILENO);
    ::dup2(fd, STDERR_FILENO);
    ::close(fd);
  }
  int null = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (null >= 0) {
    ::dup2(null, STDIN_FILENO);
    ::close(null);
  }
}

Result<Document> ExtractInWorker(const Extractor& extractor,
                                 const std::string& path,
                                 std::string_view bytes, uint64_t max_memory,
                                 const ProgressCallback& progress) {
  MemoryCap cap(max_memory);
  SleepForTestHook("RAINGAN_TEST_HANG_SECONDS", "hang", path);
  Result<Document> doc = [&]() -> Result<Document> {
    try {
      return extractor.ExtractBytes(path, bytes, progress);
    } catch (const std::bad_alloc&) {
      // Unwinding freed the document; lift the cap so the failure can be
      // written whatever is left.
      cap.Lift();
      if (max_memory == 0) return Status::BadInput("out of memory");
      return Status::BadInput(
          "out of memory: the document needs more than "
          "the --max-memory limit of " +
          FormatMiB(max_memory));
    } catch (const std::exception& e) {
      // Extract() promises not to throw; if a library breaks that promise
      // the document fails instead of the worker.
      return Status::Internal(std::string("internal error: ") + e.what());
    }
  }();
  cap.Lift();
  if (doc.ok()) return doc;
  std::string reason = doc.status().message();
  // A C library may report a failed allocation as some other error.
  bool said = reason.rfind("out of memory", 0) == 0;
  if (!said && max_memory > 0 && PeakAddressSpace() >= max_memory / 10 * 9) {
    reason += " (out of memory: the worker reached its --max-memory limit of " +
              FormatMiB(max_memory) + ")";
    return Status::BadInput(reason);
  }
  return doc;
}

std::string WorkerFailure(const ChildExit& exit, double timeout_seconds,
                          const std::string& log, uint64_t max_memory) {
  std::string abnormal = DescribeExit(exit, timeout_seconds);
  if (abnormal.empty() || exit.timed_out) return abnormal;
  std::string last = LastLogLine(log);
  if (!last.empty()) abnormal += "; its last message: " + last;
  if (max_memory > 0 && MentionsOutOfMemory(last)) {
    abnormal = "out of memory (the --max-memory limit is " +
               FormatMiB(max_memory) + "): " + abnormal;
  }
  return abnormal;
}

}  // namespace raingan::batch
