// The reviewers' corrections of a batch directory (corrections.h) for the
// database loader (db/loader.h), so that a database loaded from a batch
// holds what measures.csv and measures.jsonl hold — the corrected values —
// whoever loads it: `raingan batch --db`, `raingan load`, or
// `raingan serve --db` after each correction.
#ifndef RAINGAN_BATCH_DATABASE_CORRECTIONS_H_
#define RAINGAN_BATCH_DATABASE_CORRECTIONS_H_

#include <memory>
#include <string>

#include "db/loader.h"
#include "model/correction.h"

namespace raingan::batch {

// The amendments for the documents of `dir`, from its corrections.jsonl as
// it is now (none when it has none or cannot be read).
db::AmendmentFor CorrectionsAmendments(const std::string& dir);

// The same from corrections already read.
db::AmendmentFor CorrectionsAmendments(
    std::shared_ptr<const std::vector<Correction>> corrections);

}  // namespace raingan::batch

#endif  // RAINGAN_BATCH_DATABASE_CORRECTIONS_H_
