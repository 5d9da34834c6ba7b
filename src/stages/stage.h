// Stage: one step of a pipeline (pipelines/*.json). A stage reads and
// refines the Document (see model/document.h); it never reads input files
// or writes output.
//
// A stage is made once per run by its factory, which loads and validates
// the models it needs from the run's ModelStore (lexicon/model_store.h)
// before any document is read: a bad model file stops the run at the start
// with "file:line: reason", never in the middle of a batch. The stage owns
// (shares) those models and is const afterwards, so one instance serves
// every document, from any thread.
//
// Run() returns a non-OK Status only when the document cannot be processed
// at all; problems with parts of a document become warnings (the
// document's or a measure's) and the stage carries on. Run() never throws.
//
// Adding a stage: write it under src/stages/<name>/ with a factory
//   Result<std::unique_ptr<Stage>> New<Name>Stage(ModelStore* models);
// and add one line to the table in src/pipeline/registry.cc.
#ifndef RAINGAN_STAGES_STAGE_H_
#define RAINGAN_STAGES_STAGE_H_

#include <memory>
#include <string_view>

#include "base/result.h"
#include "base/status.h"
#include "lexicon/model_store.h"
#include "model/document.h"

namespace raingan {

class Stage {
 public:
  virtual ~Stage() = default;
  // The name pipeline files use, and the `stage` of the Issues it adds.
  virtual std::string_view name() const = 0;
  virtual Status Run(Document* doc) const = 0;
};

using StageFactory = Result<std::unique_ptr<Stage>> (*)(ModelStore* models);

}  // namespace raingan

#endif  // RAINGAN_STAGES_STAGE_H_
