#include "model/document.h"

#include <algorithm>
#include <utility>

namespace raingan {

std::string Cell::Text() const {
  std::string out;
  for (const Paragraph& p : paragraphs) {
    if (p.text.empty()) continue;
    if (!out.empty()) out.push_back(' ');
    out += p.text;
  }
  return out;
}

bool Cell::Empty() const {
  return std::all_of(
      paragraphs.begin(), paragraphs.end(), [](const Paragraph& p) {
        return p.text.find_first_not_of(" \t\r\n") == std::string::npos;
      });
}

double Cell::Confidence() const {
  double c = 1.0;
  for (const Paragraph& p : paragraphs) c = std::min(c, p.confidence);
  return c;
}

void Document::AddIssue(std::string_view stage, std::string_view code,
                        std::string message, int page) {
  issues.push_back(
      Issue{std::string(stage), page, std::string(code), std::move(message)});
}

bool Document::HasIssue(std::string_view code) const {
  return std::any_of(issues.begin(), issues.end(),
                     [&](const Issue& i) { return i.code == code; });
}

std::vector<std::string> IssueMessages(const std::vector<Issue>& issues) {
  std::vector<std::string> out;
  out.reserve(issues.size());
  for (const Issue& i : issues) out.push_back(i.message);
  return out;
}

std::vector<std::string> Document::warnings() const {
  return IssueMessages(issues);
}

std::string_view DocStatusName(DocStatus status) {
  switch (status) {
    case DocStatus::kOk:
      return "ok";
    case DocStatus::kPartial:
      return "partial";
    case DocStatus::kFailed:
      return "failed";
  }
  return "failed";
}

std::optional<DocStatus> ParseDocStatus(std::string_view name) {
  for (DocStatus s :
       {DocStatus::kOk, DocStatus::kPartial, DocStatus::kFailed}) {
    if (DocStatusName(s) == name) return s;
  }
  return std::nullopt;
}

std::string_view DocumentKindName(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kItaReport:
      return "ita_report";
    case DocumentKind::kAnticorruptionPlan:
      return "anticorruption_plan";
    case DocumentKind::kUnknown:
      break;
  }
  return "unknown";
}

std::string_view SourceFormatName(SourceFormat format) {
  switch (format) {
    case SourceFormat::kText:
      return "text";
    case SourceFormat::kPdf:
      return "pdf";
    case SourceFormat::kImage:
      return "image";
  }
  return "text";
}

std::string_view TableKindName(TableKind kind) {
  switch (kind) {
    case TableKind::kRuled:
      return "ruled";
    case TableKind::kAligned:
      return "aligned";
    case TableKind::kDelimited:
      return "delimited";
  }
  return "ruled";
}

}  // namespace raingan
