#include "batch/database_corrections.h"

#include "batch/batch_dir.h"
#include "batch/corrections.h"

namespace raingan::batch {

db::AmendmentFor CorrectionsAmendments(
    std::shared_ptr<const std::vector<Correction>> corrections) {
  return [corrections](const BatchResult& record) {
    db::Amendment amendment;
    if (corrections->empty()) return amendment;
    std::string name = DocumentName(record.path);
    amendment.digest = CorrectionsDigest(*corrections, name);
    if (!amendment.digest.empty()) {
      amendment.apply = [corrections, name](DocumentRecord* doc) {
        ApplyCorrections(*corrections, name, doc);
      };
    }
    return amendment;
  };
}

db::AmendmentFor CorrectionsAmendments(const std::string& dir) {
  Result<CorrectionLog> log = ReadCorrections(CorrectionsPath(dir));
  return CorrectionsAmendments(std::make_shared<const std::vector<Correction>>(
      log.ok() ? std::move(log->corrections) : std::vector<Correction>{}));
}

}  // namespace raingan::batch
