// Pipeline: a declarative sequence of stages, read from pipelines/*.json:
//
//   { "name": "ita-report",
//     "description": "ITA measure reports",
//     "stages": ["normalize", "metadata", "measure_tables", "periods"] }
//
// Loading validates the whole file up front (unknown or repeated stage
// names fail with the list of valid names) and then creates every stage
// through its factory, which loads that stage's models. So a bad
// configuration stops a batch before the first document instead of in the
// middle of it.
#ifndef RAINGAN_PIPELINE_PIPELINE_H_
#define RAINGAN_PIPELINE_PIPELINE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "lexicon/model_store.h"
#include "stages/stage.h"

namespace raingan {

class Pipeline {
 public:
  // `spec` is a path to a .json file, or a bare name looked up as
  // <pipelines_dir>/<name>.json.
  static Result<Pipeline> Load(const std::string& spec,
                               const std::string& pipelines_dir,
                               ModelStore* models);
  // Parses the JSON text of a pipeline file; `origin` names it in errors.
  static Result<Pipeline> Parse(std::string_view json_text,
                                const std::string& origin, ModelStore* models);

  const std::string& name() const { return name_; }
  std::vector<std::string> stage_names() const;
  // SHA-256 (hex) of the file's text: what a batch's resume check compares.
  const std::string& sha256() const { return sha256_; }

  // Runs every stage in order; stops at the first failing stage and
  // returns its Status prefixed with the stage name.
  Status Run(Document* doc) const;

 private:
  std::string name_;
  std::string sha256_;
  std::vector<std::shared_ptr<const Stage>> stages_;
};

}  // namespace raingan

#endif  // RAINGAN_PIPELINE_PIPELINE_H_
