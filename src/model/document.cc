#include "model/document.h"

#include <algorithm>

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
  return std::all_of(paragraphs.begin(), paragraphs.end(),
                     [](const Paragraph& p) {
                       return p.text.find_first_not_of(" \t\r\n") ==
                              std::string::npos;
                     });
}

double Cell::Confidence() const {
  double c = 1.0;
  for (const Paragraph& p : paragraphs) c = std::min(c, p.confidence);
  return c;
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
