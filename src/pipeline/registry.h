// The stages a pipeline file may name. Adding a stage = writing it under
// src/stages/<name>/ and adding one line to the table in registry.cc.
#ifndef RAINGAN_PIPELINE_REGISTRY_H_
#define RAINGAN_PIPELINE_REGISTRY_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/stage.h"

namespace raingan {

// nullptr for an unknown name.
std::unique_ptr<Stage> CreateStage(std::string_view name);

// Every registered name, in registration order.
std::vector<std::string> StageNames();

}  // namespace raingan

#endif  // RAINGAN_PIPELINE_REGISTRY_H_
