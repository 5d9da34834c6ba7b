#include "pipeline/models.h"

#include <unistd.h>

#include <cstdlib>

#include "base/file.h"

namespace raingan {
Result<std::shared_ptr<const Models>> Models::Load(const std::string& dir) {
  if (!PathExists(dir)) {
    return Status::NotFound("models directory not found: " + dir +
                            " (set --models or RAINGAN_MODELS)");
  }
  Result<textnorm::Normalizer> normalizer = textnorm::Normalizer::Load(dir);
  if (!normalizer.ok()) return normalizer.status();
  Result<dates::PeriodParser> periods = dates::PeriodParser::Load(dir);
  if (!periods.ok()) return periods.status();
  Result<HeaderLexicon> headers = HeaderLexicon::Load(dir);
  if (!headers.ok()) return headers.status();
  Result<UnitLexicon> units = UnitLexicon::Load(dir);
  if (!units.ok()) return units.status();
  Result<SectionMatcher> sections = SectionMatcher::Load(dir);
  if (!sections.ok()) return sections.status();
  Result<MetadataLexicon> metadata = MetadataLexicon::Load(dir);
  if (!metadata.ok()) return metadata.status();

  auto models = std::make_shared<Models>(
      Models{dir, std::move(normalizer).value(), std::move(periods).value(),
             std::move(headers).value(), std::move(units).value(),
             std::move(sections).value(), std::move(metadata).value()});
  return std::shared_ptr<const Models>(std::move(models));
}

std::string DefaultModelsDir() {
  if (const char* env = std::getenv("RAINGAN_MODELS"); env && *env) {
    return env;
  }
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n > 0) {
    std::string exe(buf, static_cast<size_t>(n));
    std::string dir = exe.substr(0, exe.find_last_of('/'));
    for (const std::string& candidate :
         {dir + "/../share/raingan/models", dir + "/../models"}) {
      if (PathExists(candidate + "/header_roles.tsv")) return candidate;
    }
  }
  return RAINGAN_SOURCE_MODELS_DIR;
}

}  // namespace raingan
