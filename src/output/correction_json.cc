#include "output/correction_json.h"

#include <nlohmann/json.hpp>

#include "model/date.h"
#include "output/json_internal.h"

namespace raingan {
namespace {

using json_internal::Ordered;
using nlohmann::json;

Ordered ValueJson(FieldKind kind, const std::vector<std::string>& value) {
  if (kind == FieldKind::kList) return json_internal::Strings(value);
  if (value.empty()) return nullptr;
  if (kind == FieldKind::kMoney) {
    return Ordered(std::stoll(value.front()));  // digits, checked on input
  }
  return value.front();
}

bool AllDigits(const std::string& s) {
  if (s.empty() || s.size() > 15) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// A value as ValueJson writes it; false if it has another shape.
bool ValueFromJson(FieldKind kind, const json& j,
                   std::vector<std::string>* out) {
  out->clear();
  if (kind == FieldKind::kList) {
    if (!j.is_array()) return false;
    for (const json& item : j) {
      if (!item.is_string()) return false;
      out->push_back(item.get<std::string>());
    }
    return true;
  }
  if (j.is_null()) return true;
  if (kind == FieldKind::kMoney) {
    if (j.is_number_integer() && j.get<int64_t>() >= 0) {
      out->push_back(std::to_string(j.get<int64_t>()));
      return true;
    }
    // The review page sends what was typed; digits only.
    if (j.is_string() && AllDigits(j.get<std::string>())) {
      out->push_back(j.get<std::string>());
      return true;
    }
    if (j.is_string() && j.get<std::string>().empty()) return true;
    return false;
  }
  if (!j.is_string()) return false;
  if (kind == FieldKind::kDate && !j.get<std::string>().empty() &&
      !ParseIsoDate(j.get<std::string>())) {
    return false;
  }
  // An empty text is unknown: null, as the output contract writes it.
  if (!j.get<std::string>().empty()) out->push_back(j.get<std::string>());
  return true;
}

bool TextOf(const json& j, const char* key, std::string* out) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return false;
  *out = it->get<std::string>();
  return true;
}

bool IntOf(const json& j, const char* key, int* out) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) return false;
  int64_t v = it->get<int64_t>();
  if (v < 0 || v > 1'000'000'000) return false;
  *out = static_cast<int>(v);
  return true;
}

}  // namespace

std::string CorrectionToJsonLine(const Correction& c) {
  FieldKind kind = CorrectableFieldKind(c.field).value_or(FieldKind::kText);
  Ordered j;
  j["time"] = c.time;
  j["document"] = c.document;
  j["source_sha256"] = c.source_sha256;
  j["record"] = c.record;
  j["measure_id"] = json_internal::StringOrNull(c.measure_id);
  j["field"] = c.field;
  j["old"] = ValueJson(kind, c.old_value);
  j["new"] = ValueJson(kind, c.new_value);
  return json_internal::Dump(j, -1);
}

Result<Correction> CorrectionFromJson(std::string_view line) {
  json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::BadInput("not a JSON object");
  }
  Correction c;
  if (!TextOf(j, "time", &c.time) || !TextOf(j, "document", &c.document) ||
      !TextOf(j, "source_sha256", &c.source_sha256) ||
      !IntOf(j, "record", &c.record) || !TextOf(j, "field", &c.field)) {
    return Status::BadInput("incomplete correction");
  }
  TextOf(j, "measure_id", &c.measure_id);
  std::optional<FieldKind> kind = CorrectableFieldKind(c.field);
  if (!kind) return Status::BadInput("unknown field " + c.field);
  auto old_it = j.find("old");
  auto new_it = j.find("new");
  if (old_it == j.end() || new_it == j.end() ||
      !ValueFromJson(*kind, *old_it, &c.old_value) ||
      !ValueFromJson(*kind, *new_it, &c.new_value)) {
    return Status::BadInput("bad value for " + c.field);
  }
  return c;
}

std::string_view ReviewMarkName(ReviewMark mark) {
  switch (mark) {
    case ReviewMark::kChecked:
      return "checked";
    case ReviewMark::kFlagged:
      return "flagged";
    case ReviewMark::kNone:
      break;
  }
  return "none";
}

std::optional<ReviewMark> ParseReviewMark(std::string_view name) {
  for (ReviewMark m :
       {ReviewMark::kNone, ReviewMark::kChecked, ReviewMark::kFlagged}) {
    if (name == ReviewMarkName(m)) return m;
  }
  return std::nullopt;
}

std::string ReviewMarkToJsonLine(const ReviewMarkEntry& e) {
  Ordered j;
  j["time"] = e.time;
  j["document"] = e.document;
  j["record"] = e.record;
  j["mark"] = std::string(ReviewMarkName(e.mark));
  return json_internal::Dump(j, -1);
}

Result<ReviewMarkEntry> ReviewMarkFromJson(std::string_view line) {
  json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  ReviewMarkEntry e;
  std::string mark;
  if (j.is_discarded() || !j.is_object() || !TextOf(j, "time", &e.time) ||
      !TextOf(j, "document", &e.document) || !IntOf(j, "record", &e.record) ||
      !TextOf(j, "mark", &mark)) {
    return Status::BadInput("incomplete review mark");
  }
  std::optional<ReviewMark> m = ParseReviewMark(mark);
  if (!m) return Status::BadInput("unknown mark " + mark);
  e.mark = *m;
  return e;
}

Result<SaveRequest> SaveRequestFromJson(std::string_view body) {
  json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::InvalidArgument("the body is not a JSON object");
  }
  SaveRequest r;
  if (!TextOf(j, "document", &r.document)) {
    return Status::InvalidArgument("\"document\" (a string) is missing");
  }
  if (!IntOf(j, "record", &r.record)) {
    return Status::InvalidArgument("\"record\" (an index) is missing");
  }
  auto changes = j.find("changes");
  if (changes != j.end()) {
    if (!changes->is_array()) {
      return Status::InvalidArgument("\"changes\" is not a list");
    }
    for (const json& c : *changes) {
      FieldChange change;
      if (!c.is_object() || !TextOf(c, "field", &change.field)) {
        return Status::InvalidArgument("a change without a \"field\"");
      }
      std::optional<FieldKind> kind = CorrectableFieldKind(change.field);
      if (!kind) {
        return Status::InvalidArgument("\"" + change.field +
                                       "\" is not a field that can be "
                                       "corrected");
      }
      auto o = c.find("old");
      auto n = c.find("new");
      if (o == c.end() || n == c.end() ||
          !ValueFromJson(*kind, *o, &change.old_value) ||
          !ValueFromJson(*kind, *n, &change.new_value)) {
        return Status::InvalidArgument("bad \"old\" or \"new\" value for " +
                                       change.field);
      }
      r.changes.push_back(std::move(change));
    }
  }
  auto mark = j.find("mark");
  if (mark != j.end() && !mark->is_null()) {
    std::optional<ReviewMark> m =
        mark->is_string() ? ParseReviewMark(mark->get<std::string>())
                          : std::nullopt;
    if (!m) {
      return Status::InvalidArgument(
          "\"mark\" must be \"none\", \"checked\" or \"flagged\"");
    }
    r.mark = m;
  }
  return r;
}

}  // namespace raingan
