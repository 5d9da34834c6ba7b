#include "pdf/poppler_runtime.h"

#include <poppler/Error.h>
#include <poppler/GlobalParams.h>

#include <memory>

namespace raingan::pdf::internal {
namespace {

thread_local ErrorCapture* current_capture = nullptr;

std::string_view CategoryName(ErrorCategory category) {
  switch (category) {
    case errSyntaxWarning:
      return "syntax warning";
    case errSyntaxError:
      return "syntax error";
    case errConfig:
      return "configuration";
    case errCommandLine:
      return "usage";
    case errIO:
      return "I/O";
    case errNotAllowed:
      return "not allowed";
    case errUnimplemented:
      return "unsupported feature";
    case errInternal:
      return "internal";
  }
  return "error";
}

void OnPopplerError(ErrorCategory category, Goffset pos, const char* msg) {
  if (current_capture == nullptr || msg == nullptr) return;
  std::string text = "poppler ";
  text += CategoryName(category);
  if (pos >= 0) text += " at byte " + std::to_string(pos);
  text += ": ";
  text += msg;
  current_capture->Add(std::move(text));
}

}  // namespace

void EnsurePopplerInitialized() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (!globalParams) globalParams = std::make_unique<GlobalParams>();
    globalParams->setErrQuiet(true);
    setErrorCallback(&OnPopplerError);
  });
}

std::mutex& OpenMutex() {
  static std::mutex mutex;
  return mutex;
}

ErrorCapture::ErrorCapture() : outer_(current_capture) {
  current_capture = this;
}

ErrorCapture::~ErrorCapture() { current_capture = outer_; }

void ErrorCapture::Add(std::string message) {
  if (messages_.size() < kMaxMessages) {
    messages_.push_back(std::move(message));
  } else {
    ++dropped_;
  }
}

}  // namespace raingan::pdf::internal
