// Pipeline: a declarative sequence of stages, read from pipelines/*.json:
//
//   { "name": "ita-report",
//     "description": "ITA measure reports",
//     "stages": ["normalize", "metadata", "measure_tables", "periods"] }
//
// Loading validates the whole file up front (unknown or repeated stage
// names fail with the list of valid names), so a bad configuration stops a
// batch before the first document instead of in the middle of it.
#ifndef RAINGAN_PIPELINE_PIPELINE_H_
#define RAINGAN_PIPELINE_PIPELINE_H_

#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "pipeline/stage.h"

namespace raingan {

class Pipeline {
 public:
  // `spec` is a path to a .json file, or a bare name looked up as
  // <pipelines_dir>/<name>.json.
  static Result<Pipeline> Load(const std::string& spec,
                               const std::string& pipelines_dir);
  // Parses the JSON text of a pipeline file; `origin` names it in errors.
  static Result<Pipeline> Parse(const std::string& json_text,
                                const std::string& origin);

  const std::string& name() const { return name_; }
  std::vector<std::string> stage_names() const;

  // Runs every stage in order; stops at the first failing stage and
  // returns its Status prefixed with the stage name.
  Status Run(const StageContext& ctx, Document* doc) const;

 private:
  std::string name_;
  std::vector<std::shared_ptr<const Stage>> stages_;
};

// Where pipelines/ is (same search as DefaultModelsDir).
std::string DefaultPipelinesDir();

}  // namespace raingan

#endif  // RAINGAN_PIPELINE_PIPELINE_H_
