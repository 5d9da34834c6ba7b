#include "ocr/worker_pool.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace raingan::ocr {

Status RunOnWorkers(int count, int jobs, const EngineOptions& engine,
                    const PageTask& task) {
  if (count <= 0) return Status::Ok();
  const int workers = std::clamp(jobs, 1, count);
  std::atomic<int> next{0};
  std::atomic<int> ready{0};
  std::mutex error_mutex;
  Status first_error;

  auto work = [&](int worker) {
    Result<Engine> created = Engine::Create(engine);
    if (!created.ok()) {
      std::lock_guard<std::mutex> lock(error_mutex);
      if (first_error.ok()) first_error = created.status();
      return;
    }
    ready.fetch_add(1);
    for (int i = next.fetch_add(1); i < count; i = next.fetch_add(1)) {
      task(&created.value(), worker, i);
    }
  };

  if (workers == 1) {
    work(0);  // no thread for the common one-page or --jobs 1 case
  } else {
    std::vector<std::thread> threads;
    threads.reserve(workers);
    for (int w = 0; w < workers; ++w) threads.emplace_back(work, w);
    for (std::thread& t : threads) t.join();
  }
  if (ready.load() == 0) return first_error;
  return Status::Ok();
}

}  // namespace raingan::ocr
