// Issue: one thing about a whole document a user should know, typed so
// programs can test for it (`code`) while people read `message`. Never
// fatal: the document is still extracted, but its status is "partial".
//
// On main today only the document checks (stages/review/document_checks.h)
// add issues; each one's message is also in Document::warnings.
//
// In JSON: "issues": [{"code", "stage", "page", "message"}]
// (schema/raingan-output.schema.json).
#ifndef RAINGAN_MODEL_ISSUE_H_
#define RAINGAN_MODEL_ISSUE_H_

#include <string>

namespace raingan {

struct Issue {
  std::string stage;    // the stage that found it
  int page = 0;         // 1-based page; 0 = not one page (JSON null)
  std::string code;     // short snake_case id, stable
  std::string message;  // for people; also in "warnings"
};

}  // namespace raingan

#endif  // RAINGAN_MODEL_ISSUE_H_
