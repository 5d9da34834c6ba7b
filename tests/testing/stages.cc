#include "testing/stages.h"

#include <map>

#include "testing/run_cli.h"

namespace raingan::testing {

ModelStore& TestModelStore() {
  static ModelStore* store = new ModelStore(SourcePath("models"));
  return *store;
}

Status RunStage(StageFactory factory, Document* doc) {
  // One stage per factory, made once like a run makes it.
  static std::map<StageFactory, std::unique_ptr<Stage>>* made =
      new std::map<StageFactory, std::unique_ptr<Stage>>();
  auto it = made->find(factory);
  if (it == made->end()) {
    Result<std::unique_ptr<Stage>> stage = factory(&TestModelStore());
    if (!stage.ok()) {
      ADD_FAILURE() << stage.status().ToString();
      return stage.status();
    }
    it = made->emplace(factory, std::move(stage).value()).first;
  }
  return it->second->Run(doc);
}

Status ReadWithBackend(BackendFactory factory, std::string_view bytes,
                       const BackendOptions& options, Document* doc) {
  RAINGAN_ASSIGN_OR_RETURN(std::unique_ptr<Backend> backend,
                           factory(options, &TestModelStore()));
  return backend->Read(bytes, ProgressTracker(), doc);
}

}  // namespace raingan::testing
