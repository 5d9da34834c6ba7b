#include "pipeline/data_dirs.h"

#include <unistd.h>

#include <cstdlib>

#include "base/file.h"

namespace raingan {

std::string FindDataDir(const char* env_var, const std::string& name,
                        const std::string& marker,
                        const std::string& source_default) {
  if (const char* env = std::getenv(env_var); env && *env) return env;
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n > 0) {
    std::string exe(buf, static_cast<size_t>(n));
    std::string dir = exe.substr(0, exe.find_last_of('/'));
    for (const std::string& candidate :
         {dir + "/../share/raingan/" + name, dir + "/../" + name}) {
      if (!PathExists(candidate + "/" + marker)) continue;
      char* real = ::realpath(candidate.c_str(), nullptr);
      std::string resolved = real != nullptr ? real : candidate;
      std::free(real);
      return resolved;
    }
  }
  return source_default;
}

std::string DefaultModelsDir() {
  return FindDataDir("RAINGAN_MODELS", "models", "header_roles.tsv",
                     RAINGAN_SOURCE_MODELS_DIR);
}

std::string DefaultPipelinesDir() {
  return FindDataDir("RAINGAN_PIPELINES", "pipelines", "default.json",
                     RAINGAN_SOURCE_PIPELINES_DIR);
}

}  // namespace raingan
