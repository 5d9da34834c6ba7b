// Stages, backends and models for tests: the real models/ of the source tree,
// loaded through one ModelStore per test binary, as a run loads them.
#ifndef RAINGAN_TESTS_TESTING_STAGES_H_
#define RAINGAN_TESTS_TESTING_STAGES_H_

#include <gtest/gtest.h>

#include <memory>

#include "backends/backend.h"
#include "lexicon/model_store.h"
#include "model/document.h"
#include "stages/stage.h"

namespace raingan::testing {

// The store on the source tree's models/ (kept for the whole binary, so
// references to its models stay valid).
ModelStore& TestModelStore();

// The model of type T from TestModelStore(); a load error fails the test
// and aborts it.
template <typename T>
const T& TestModel() {
  Result<std::shared_ptr<const T>> model = TestModelStore().Get<T>();
  if (!model.ok()) {
    ADD_FAILURE() << model.status().ToString();
    std::abort();
  }
  return **model;
}

// Makes the stage with `factory` on the real models (a factory error fails
// the test) and runs it on `doc`.
Status RunStage(StageFactory factory, Document* doc);

// Makes the backend with `factory`, `options` and the real models (a
// factory error is returned) and reads `bytes` into `doc`.
Status ReadWithBackend(BackendFactory factory, std::string_view bytes,
                       const BackendOptions& options, Document* doc);

}  // namespace raingan::testing

#endif  // RAINGAN_TESTS_TESTING_STAGES_H_
