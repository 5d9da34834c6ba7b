// The header vocabulary the backends give the aligned-table finder
// (layout/aligned_tables.h), from the header lexicon the table stages use:
// a table is found without rulings only when its header names the roles
// the measure-table stage will map.
#ifndef RAINGAN_BACKENDS_TABLE_VOCABULARY_H_
#define RAINGAN_BACKENDS_TABLE_VOCABULARY_H_

#include "backends/backend.h"
#include "layout/aligned_tables.h"

namespace raingan {

// Empty (role_of unset: no aligned tables) when options.headers is null.
layout::HeaderVocabulary TableVocabulary(const BackendOptions& options);

}  // namespace raingan

#endif  // RAINGAN_BACKENDS_TABLE_VOCABULARY_H_
