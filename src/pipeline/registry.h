// The stages a pipeline file may name, each with its factory
// (stages/stage.h). Adding a stage = writing it under src/stages/<name>/
// and adding one line to the table in registry.cc.
#ifndef RAINGAN_PIPELINE_REGISTRY_H_
#define RAINGAN_PIPELINE_REGISTRY_H_

#include <string>
#include <string_view>
#include <vector>

#include "stages/stage.h"

namespace raingan {

// The factory of the stage called `name`; nullptr for an unknown name.
StageFactory FindStageFactory(std::string_view name);

// Every registered name, in registration order.
std::vector<std::string> StageNames();

}  // namespace raingan

#endif  // RAINGAN_PIPELINE_REGISTRY_H_
