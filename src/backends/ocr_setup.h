// The OCR set-up the PDF and image backends share for a run: threads from
// BackendOptions, models from models/ (ocr::ScanModels and the header
// lexicon), loaded once by the backends' factories, not per document.
#ifndef RAINGAN_BACKENDS_OCR_SETUP_H_
#define RAINGAN_BACKENDS_OCR_SETUP_H_

#include "backends/backend.h"
#include "base/result.h"
#include "lexicon/model_store.h"
#include "ocr/scan_reader.h"

namespace raingan {

// `jobs` and `cores` from options; with options.allow_ocr, the word lists,
// corrector, digit shapes and month names of `models` and the header
// vocabulary for tables without rulings (backends/table_vocabulary.h),
// whose errors name the file and line. Without it nothing is loaded: no
// page is OCRed. `progress` is left empty: the backend sets it per
// document.
Result<ocr::ScanOptions> ScanOptionsFor(const BackendOptions& options,
                                        ModelStore* models);

}  // namespace raingan

#endif  // RAINGAN_BACKENDS_OCR_SETUP_H_
