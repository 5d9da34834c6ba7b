#include "output/document_from_json.h"

#include "model/date.h"
#include "output/json_reader.h"

namespace raingan {
namespace {

DocumentKind KindFromName(const std::string& name) {
  for (DocumentKind k :
       {DocumentKind::kItaReport, DocumentKind::kAnticorruptionPlan}) {
    if (name == DocumentKindName(k)) return k;
  }
  return DocumentKind::kUnknown;
}

SourceFormat FormatFromName(const std::string& name) {
  for (SourceFormat f : {SourceFormat::kPdf, SourceFormat::kImage}) {
    if (name == SourceFormatName(f)) return f;
  }
  return SourceFormat::kText;
}

Measure ToMeasure(const MeasureRecord& r) {
  Measure m;
  m.id = r.id.value_or("");
  m.section = r.section.value_or("");
  m.measure = r.measure;
  for (const ListRecord& list : r.lists) {
    if (list.field == "method") m.method = list.items;
    if (list.field == "owner") m.owner = list.items;
    if (list.field == "output") m.output = list.items;
    if (list.field == "outcome") m.outcome = list.items;
    if (list.field == "recommendation") {
      m.recommendation = list.items;
      m.has_recommendation = true;
    }
    const std::string extra = "extra.";
    if (list.field.rfind(extra, 0) == 0) {
      m.extra[list.field.substr(extra.size())] = list.items;
    }
  }
  m.period.text = r.period_text.value_or("");
  // json_reader has checked the dates' form.
  if (r.period_start) m.period.start = ParseIsoDate(*r.period_start);
  if (r.period_end) m.period.end = ParseIsoDate(*r.period_end);
  m.period.fiscal_years = r.period_fiscal_years;
  m.budget_baht = r.budget_baht;
  m.prov.page = r.provenance.page.value_or(0);
  m.prov.line = r.provenance.line.value_or(0);
  if (r.provenance.bbox) m.prov.bbox = *r.provenance.bbox;
  m.table = r.table;
  m.table_kind = r.table_kind.value_or("");
  m.row = r.row;
  m.confidence = r.confidence;
  m.field_confidence = r.field_confidence;
  m.warnings = r.warnings;
  return m;
}

}  // namespace

Result<ReadDocument> DocumentFromJson(std::string_view text) {
  Result<DocumentRecord> record = DocumentRecordFromJson(text);
  if (!record.ok()) return Status::BadInput(record.status().message());
  const DocumentRecord& r = *record;
  ReadDocument out;
  Document& doc = out.doc;
  doc.source.path = r.source_path;
  doc.source.sha256 = r.sha256;
  doc.source.format = FormatFromName(r.format);
  doc.source.pages = r.pages.value_or(-1);
  doc.info.kind = KindFromName(r.kind);
  doc.info.title = r.title.value_or("");
  doc.info.organization.name = r.organization.value_or("");
  doc.info.organization.district = r.district.value_or("");
  doc.info.organization.province = r.province.value_or("");
  doc.info.fiscal_year.be = r.fiscal_year_be.value_or(0);
  doc.info.fiscal_year.be_end = r.fiscal_year_be_end.value_or(0);
  // Typed issues when the JSON has them; older JSON only has the messages.
  if (!r.issues.empty()) {
    for (const IssueRecord& i : r.issues) {
      doc.issues.push_back(
          Issue{i.stage.value_or(""), i.page.value_or(0), i.code, i.message});
    }
  } else {
    for (const std::string& w : r.warnings) {
      doc.issues.push_back(Issue{"", 0, "warning", w});
    }
  }
  doc.status_reason = r.status_reason.value_or("");
  out.status = r.status.value_or("");
  for (const MeasureRecord& m : r.measures) {
    doc.measures.push_back(ToMeasure(m));
    std::vector<ReviewNote> notes;
    for (const ReviewRecord& note : m.review) {
      notes.push_back(ReviewNote{note.field, note.reason.value_or("")});
      doc.measures.back().review.push_back(
          ReviewItem{note.field, note.reason.value_or("")});
    }
    out.has_review = out.has_review || m.review_present;
    out.review.push_back(std::move(notes));
  }
  return out;
}

}  // namespace raingan
