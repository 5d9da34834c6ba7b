#include "backends/table_vocabulary.h"

#include <memory>
#include <string_view>

namespace raingan {

layout::HeaderVocabulary TableVocabulary(const BackendOptions& options) {
  layout::HeaderVocabulary vocabulary;
  if (options.headers == nullptr) return vocabulary;
  std::shared_ptr<const HeaderLexicon> headers = options.headers;
  vocabulary.role_of = [headers](std::string_view text) {
    return static_cast<int>(headers->Classify(text));
  };
  vocabulary.measure_role = static_cast<int>(ColumnRole::kMeasure);
  return vocabulary;
}

}  // namespace raingan
