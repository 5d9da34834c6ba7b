// "metadata": document-level facts from the running text (never from table
// cells): kind (report or plan), title, organization, district, province
// and fiscal year(s).
//
// Reports put these in a memo (บันทึกข้อความ) and/or a title block:
//   รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส
//   ประจำปีงบประมาณ พ.ศ. ๒๕๖๘
//   องค์การบริหารส่วนตำบลยางราก อำเภอโคกเจริญ จังหวัดลพบุรี
// Each fact is voted over its mentions, with the first paragraphs (the
// title lines) weighted up, so one stray mention in the body (a typo,
// a neighbouring district) does not win.
#ifndef RAINGAN_STAGES_METADATA_METADATA_STAGE_H_
#define RAINGAN_STAGES_METADATA_METADATA_STAGE_H_

#include <memory>
#include <string>
#include <vector>

#include "stages/metadata/metadata_lexicon.h"
#include "stages/stage.h"

namespace raingan {

// Loads models/org_types.tsv, provinces.tsv and document_kinds.tsv.
Result<std::unique_ptr<Stage>> NewMetadataStage(ModelStore* models);

// Exposed for tests: the facts found in a list of paragraphs; `headings`
// (the paragraphs set as headings) are title candidates when no paragraph
// names the report or plan.
DocumentInfo FindDocumentInfo(const std::vector<std::string>& paragraphs,
                              const MetadataLexicon& lexicon,
                              const std::vector<std::string>& headings = {});

}  // namespace raingan

#endif  // RAINGAN_STAGES_METADATA_METADATA_STAGE_H_
