#include "backends/table_vocabulary.h"

#include <string_view>
#include <utility>

namespace raingan {

layout::HeaderVocabulary TableVocabulary(
    std::shared_ptr<const HeaderLexicon> headers) {
  layout::HeaderVocabulary vocabulary;
  if (headers == nullptr) return vocabulary;
  vocabulary.role_of = [headers = std::move(headers)](std::string_view text) {
    return static_cast<int>(headers->Classify(text));
  };
  vocabulary.measure_role = static_cast<int>(ColumnRole::kMeasure);
  return vocabulary;
}

}  // namespace raingan
