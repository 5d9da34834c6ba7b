// Progress of one extraction, for whoever waits on it: the CLI's terminal
// line (`raingan extract`), a `serve` job's status, a batch worker.
//
// The contract (CONTRACT.md): an extraction reports ExtractProgress to a
// ProgressCallback given in ExtractOptions. Backends report through a
// ProgressTracker, a cheap copyable handle that does nothing when made
// without a callback, so a backend never checks whether anyone listens.
//
// Counts, as the backends fill them:
//   pages_total  the document's pages, once known (text exports have none:
//                they report nothing)
//   pages_done   pages whose first reading is finished — a PDF page's text
//                layer read; an image file's frames are counted in one step
//   ocr_total    pages that go to OCR, once the first reading has decided
//   ocr_done     pages OCRed, or given up on with a warning
//
// Thread safety: the OCR page workers report from their own threads. The
// tracker serializes its calls (one lock), so the callback is never called
// concurrently with itself and every call sees counts no smaller than the
// previous call's; it may still be called from different threads, so a
// callback that shares state with other threads (a display's redraw timer,
// a server's status request) must lock that state itself. The callback
// must not call back into the tracker.
#ifndef RAINGAN_BASE_PROGRESS_H_
#define RAINGAN_BASE_PROGRESS_H_

#include <functional>
#include <memory>

namespace raingan {

struct ExtractProgress {
  int pages_total = 0;
  int pages_done = 0;
  int ocr_total = 0;
  int ocr_done = 0;
};

using ProgressCallback = std::function<void(const ExtractProgress&)>;

class ProgressTracker {
 public:
  ProgressTracker() = default;  // reports to no one
  explicit ProgressTracker(ProgressCallback callback);

  // Each call reports the new counts (when there is a callback). const: a
  // tracker is a handle; copies share one set of counts.
  void SetPagesTotal(int pages) const;
  void PagesDone(int pages = 1) const;
  void SetOcrTotal(int pages) const;
  void OcrDone(int pages = 1) const;

  // The counts so far (all zero without a callback).
  ExtractProgress Current() const;

 private:
  struct State;
  std::shared_ptr<State> state_;  // shared by copies; null: no callback
};

}  // namespace raingan

#endif  // RAINGAN_BASE_PROGRESS_H_
