// Pages in parallel: a few threads, each with its own Tesseract Engine.
//
// Engine::Create() is expensive and an Engine is single-threaded, so each
// worker creates one Engine when it starts and reuses it for every page it
// takes. Workers take the next page index from a shared counter, so a slow
// page does not hold up the others. No more workers than pages are
// started, and never more than `jobs`.
//
// With a CoreBudget (base/core_budget.h), the calling thread works on the
// core its process already has, and each further worker takes a core from
// the budget for every page it reads and gives it back after the page: so
// `jobs` is then the most threads a document may use, and the budget
// decides how many it gets at each moment — all of them when the rest of
// the batch is idle, one when every core is busy elsewhere.
#ifndef RAINGAN_OCR_WORKER_POOL_H_
#define RAINGAN_OCR_WORKER_POOL_H_

#include <functional>

#include "base/core_budget.h"
#include "base/status.h"
#include "ocr/engine.h"

namespace raingan::ocr {

// Called once per index in [0, count), from worker `worker` (0-based, less
// than the number of workers) with that worker's Engine. Tasks must not
// throw; they report per-page problems through their own results.
using PageTask = std::function<void(Engine* engine, int worker, int index)>;

// Runs `task` for every index on min(jobs, count) threads (at least one).
// Fails only when no worker could create its Engine; if some could, the
// others' pages are taken by them. `budget` may be null (no sharing: all
// the threads run from the start).
Status RunOnWorkers(int count, int jobs, const EngineOptions& engine,
                    const PageTask& task, CoreBudget* budget = nullptr);

}  // namespace raingan::ocr

#endif  // RAINGAN_OCR_WORKER_POOL_H_
