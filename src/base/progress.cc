#include "base/progress.h"

#include <mutex>
#include <utility>

namespace raingan {

struct ProgressTracker::State {
  std::mutex mutex;
  ExtractProgress counts;
  ProgressCallback callback;

  template <typename Change>
  void Report(Change change) {
    std::lock_guard<std::mutex> lock(mutex);
    change(counts);
    callback(counts);
  }
};

ProgressTracker::ProgressTracker(ProgressCallback callback) {
  if (callback) {
    state_ = std::make_shared<State>();
    state_->callback = std::move(callback);
  }
}

void ProgressTracker::SetPagesTotal(int pages) const {
  if (state_)
    state_->Report([&](ExtractProgress& p) { p.pages_total = pages; });
}

void ProgressTracker::PagesDone(int pages) const {
  if (state_)
    state_->Report([&](ExtractProgress& p) { p.pages_done += pages; });
}

void ProgressTracker::SetOcrTotal(int pages) const {
  if (state_) state_->Report([&](ExtractProgress& p) { p.ocr_total = pages; });
}

void ProgressTracker::OcrDone(int pages) const {
  if (state_) state_->Report([&](ExtractProgress& p) { p.ocr_done += pages; });
}

ExtractProgress ProgressTracker::Current() const {
  if (!state_) return {};
  std::lock_guard<std::mutex> lock(state_->mutex);
  return state_->counts;
}

}  // namespace raingan
