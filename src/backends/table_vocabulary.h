// The header vocabulary the backends give the aligned-table finder
// (layout/aligned_tables.h), from the header lexicon the table stages use:
// a table is found without rulings only when its header names the roles
// the measure-table stage will map. The PDF and image factories make it
// once per run (the PDF text-layer pages and OCR pages both use it); this
// adapter lives here, above layout/ and lexicon/, so neither needs the other
// and ocr/ receives a ready vocabulary in its ScanOptions.
#ifndef RAINGAN_BACKENDS_TABLE_VOCABULARY_H_
#define RAINGAN_BACKENDS_TABLE_VOCABULARY_H_

#include <memory>

#include "layout/aligned_tables.h"
#include "lexicon/header_roles.h"

namespace raingan {

// Empty (role_of unset: no aligned tables) when `headers` is null.
layout::HeaderVocabulary TableVocabulary(
    std::shared_ptr<const HeaderLexicon> headers);

}  // namespace raingan

#endif  // RAINGAN_BACKENDS_TABLE_VOCABULARY_H_
