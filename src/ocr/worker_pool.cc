#include "ocr/worker_pool.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace raingan::ocr {
namespace {

// How long a budgeted worker waits for a core before it looks again
// whether pages are left: short next to a page (1-3 s of OCR at 300 dpi),
// long next to the system call.
constexpr double kCoreWaitSeconds = 0.05;

}  // namespace

Status RunOnWorkers(int count, int jobs, const EngineOptions& engine,
                    const PageTask& task, CoreBudget* budget) {
  if (count <= 0) return Status::Ok();
  const int workers = std::clamp(jobs, 1, count);
  std::atomic<int> next{0};
  std::atomic<int> ready{0};
  std::mutex error_mutex;
  Status first_error;
  auto create = [&]() -> std::optional<Engine> {
    Result<Engine> created = Engine::Create(engine);
    if (!created.ok()) {
      std::lock_guard<std::mutex> lock(error_mutex);
      if (first_error.ok()) first_error = created.status();
      return std::nullopt;
    }
    ready.fetch_add(1);
    return std::move(created).value();
  };

  // On a core of its own: the calling thread, or every worker without a
  // budget.
  auto work = [&](int worker) {
    std::optional<Engine> own = create();
    if (!own) return;
    for (int i = next.fetch_add(1); i < count; i = next.fetch_add(1)) {
      task(&*own, worker, i);
    }
  };
  // On a core taken from the budget for each page.
  auto work_budgeted = [&](int worker) {
    std::optional<Engine> own;
    while (next.load() < count) {
      if (!budget->Take(kCoreWaitSeconds)) continue;
      if (!own) {
        own = create();  // on the core just taken: it is CPU work too
        if (!own) {
          budget->Give();
          return;
        }
      }
      int i = next.fetch_add(1);
      if (i < count) task(&*own, worker, i);
      budget->Give();
    }
  };

  if (workers == 1) {
    work(0);  // no thread for the common one-page or --jobs 1 case
  } else {
    std::vector<std::thread> threads;
    threads.reserve(workers - 1);
    for (int w = 1; w < workers; ++w) {
      if (budget != nullptr) {
        threads.emplace_back(work_budgeted, w);
      } else {
        threads.emplace_back(work, w);
      }
    }
    work(0);
    for (std::thread& t : threads) t.join();
  }
  if (ready.load() == 0) return first_error;
  return Status::Ok();
}

}  // namespace raingan::ocr
