// Process-wide Poppler setup shared by the files of src/pdf/ (internal).
//
// Poppler keeps global state: GlobalParams, and one error callback that by
// default prints to stderr. raingan creates GlobalParams once, silences
// the printing and routes messages to the ErrorCapture active on the
// calling thread, so they become warnings of the document being read.
#ifndef RAINGAN_PDF_POPPLER_RUNTIME_H_
#define RAINGAN_PDF_POPPLER_RUNTIME_H_

#include <mutex>
#include <string>
#include <vector>

namespace raingan::pdf::internal {

// Idempotent and thread-safe.
void EnsurePopplerInitialized();

// Opening documents touches Poppler's shared caches; hold this meanwhile.
std::mutex& OpenMutex();

// Collects Poppler's messages raised on this thread during its lifetime
// (nested captures: the innermost one collects). Keeps the first few only:
// a damaged file can raise thousands.
class ErrorCapture {
 public:
  ErrorCapture();
  ~ErrorCapture();
  ErrorCapture(const ErrorCapture&) = delete;
  ErrorCapture& operator=(const ErrorCapture&) = delete;

  void Add(std::string message);
  const std::vector<std::string>& messages() const { return messages_; }
  int dropped() const { return dropped_; }

 private:
  static constexpr size_t kMaxMessages = 20;
  ErrorCapture* outer_;
  std::vector<std::string> messages_;
  int dropped_ = 0;
};

}  // namespace raingan::pdf::internal

#endif  // RAINGAN_PDF_POPPLER_RUNTIME_H_
