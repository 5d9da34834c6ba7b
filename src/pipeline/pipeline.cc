#include "pipeline/pipeline.h"

#include <nlohmann/json.hpp>
#include <set>

#include "base/file.h"
#include "base/sha256.h"
#include "pipeline/registry.h"

namespace raingan {
namespace {

std::string ValidNames() {
  std::string out;
  for (const std::string& n : StageNames()) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

}  // namespace

Result<Pipeline> Pipeline::Load(const std::string& spec,
                                const std::string& pipelines_dir,
                                ModelStore* models) {
  std::string path = spec;
  bool looks_like_path =
      spec.find('/') != std::string::npos ||
      (spec.size() > 5 && spec.compare(spec.size() - 5, 5, ".json") == 0);
  if (!looks_like_path) path = pipelines_dir + "/" + spec + ".json";
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) {
    return Status::InvalidArgument("cannot load pipeline '" + spec + "' (" +
                                   path + "): " + text.status().message());
  }
  return Parse(*text, path, models);
}

Result<Pipeline> Pipeline::Parse(std::string_view json_text,
                                 const std::string& origin,
                                 ModelStore* models) {
  nlohmann::json j = nlohmann::json::parse(json_text, nullptr,
                                           /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    return Status::InvalidArgument(origin + ": not valid JSON");
  }
  // Only checked accessors below: nlohmann's get<>() and value() throw on
  // a key of the wrong type, and nothing may throw out of here.
  if (!j.is_object()) {
    return Status::InvalidArgument(
        origin + ": expected an object with a \"stages\" array of names");
  }
  const auto stages = j.find("stages");
  if (stages == j.end() || !stages->is_array()) {
    return Status::InvalidArgument(
        origin + ": expected an object with a \"stages\" array of names");
  }
  for (const char* key : {"name", "description"}) {
    const auto it = j.find(key);
    if (it != j.end() && !it->is_string()) {
      return Status::InvalidArgument(origin + ": \"" + key +
                                     "\" must be a string");
    }
  }
  Pipeline p;
  const auto given_name = j.find("name");
  p.name_ = given_name != j.end() ? given_name->get_ref<const std::string&>()
                                  : origin;
  p.sha256_ = Sha256Hex(json_text);
  std::set<std::string> seen;
  std::vector<StageFactory> factories;
  for (const nlohmann::json& s : *stages) {
    if (!s.is_string()) {
      return Status::InvalidArgument(origin +
                                     ": every stage must be a string name");
    }
    const std::string& name = s.get_ref<const std::string&>();
    if (!seen.insert(name).second) {
      return Status::InvalidArgument(origin + ": stage '" + name +
                                     "' is listed twice");
    }
    StageFactory factory = FindStageFactory(name);
    if (factory == nullptr) {
      return Status::InvalidArgument(origin + ": unknown stage '" + name +
                                     "'; valid stages are: " + ValidNames());
    }
    factories.push_back(factory);
  }
  if (factories.empty()) {
    return Status::InvalidArgument(origin + ": the pipeline has no stages");
  }
  // The file is valid: now make the stages (each loads its models).
  for (StageFactory factory : factories) {
    RAINGAN_ASSIGN_OR_RETURN(std::unique_ptr<Stage> stage, factory(models));
    p.stages_.push_back(std::move(stage));
  }
  return p;
}

std::vector<std::string> Pipeline::stage_names() const {
  std::vector<std::string> out;
  for (const auto& s : stages_) out.emplace_back(s->name());
  return out;
}

Status Pipeline::Run(Document* doc) const {
  for (const auto& stage : stages_) {
    Status s = stage->Run(doc);
    if (!s.ok()) return s.WithContext("stage " + std::string(stage->name()));
  }
  return Status::Ok();
}

}  // namespace raingan
