// Where raingan's data directories (models/, pipelines/) are.
#ifndef RAINGAN_PIPELINE_DATA_DIRS_H_
#define RAINGAN_PIPELINE_DATA_DIRS_H_

#include <string>

namespace raingan {

// The directory named by environment variable `env_var` if set; else
// `<exe dir>/../share/raingan/<name>` or `<exe dir>/../<name>` when it holds
// `marker` (an installed tree, or build/ next to the sources); else
// `source_default` (the source tree, compiled in).
std::string FindDataDir(const char* env_var, const std::string& name,
                        const std::string& marker,
                        const std::string& source_default);

// Where models/ is: $RAINGAN_MODELS, else models/ next to the executable's
// directory (an installed tree), else the source tree's models/.
std::string DefaultModelsDir();

// Where pipelines/ is: $RAINGAN_PIPELINES, else found like models/.
std::string DefaultPipelinesDir();

}  // namespace raingan

#endif  // RAINGAN_PIPELINE_DATA_DIRS_H_
