#include "backends/ocr_setup.h"

#include <algorithm>
#include <memory>

#include "backends/table_vocabulary.h"
#include "lexicon/header_roles.h"

namespace raingan {

Result<ocr::ScanOptions> ScanOptionsFor(const BackendOptions& options,
                                        ModelStore* models) {
  ocr::ScanOptions scan;
  scan.jobs = std::max(1, options.jobs);
  scan.cores = options.core_budget;
  if (!options.allow_ocr) return scan;
  RAINGAN_ASSIGN_OR_RETURN(std::shared_ptr<const ocr::ScanModels> loaded,
                           models->Get<ocr::ScanModels>());
  scan.UseModels(*loaded);
  RAINGAN_ASSIGN_OR_RETURN(std::shared_ptr<const HeaderLexicon> headers,
                           models->Get<HeaderLexicon>());
  scan.vocabulary = TableVocabulary(std::move(headers));
  return scan;
}

}  // namespace raingan
