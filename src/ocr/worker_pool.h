// Pages in parallel: a few threads, each with its own Tesseract Engine.
//
// Engine::Create() is expensive and an Engine is single-threaded, so each
// worker creates one Engine when it starts and reuses it for every page it
// takes. Workers take the next page index from a shared counter, so a slow
// page does not hold up the others. No more workers than pages are
// started, and never more than `jobs`.
#ifndef RAINGAN_OCR_WORKER_POOL_H_
#define RAINGAN_OCR_WORKER_POOL_H_

#include <functional>

#include "base/status.h"
#include "ocr/engine.h"

namespace raingan::ocr {

// Called once per index in [0, count), from worker `worker` (0-based, less
// than the number of workers) with that worker's Engine. Tasks must not
// throw; they report per-page problems through their own results.
using PageTask = std::function<void(Engine* engine, int worker, int index)>;

// Runs `task` for every index on min(jobs, count) threads (at least one).
// Fails only when no worker could create its Engine; if some could, the
// others' pages are taken by them.
Status RunOnWorkers(int count, int jobs, const EngineOptions& engine,
                    const PageTask& task);

}  // namespace raingan::ocr

#endif  // RAINGAN_OCR_WORKER_POOL_H_
