// Building blocks of the JSON formats, shared by the files of src/output/
// only (the one module that knows JSON): every format writes a measure,
// a document's facts and a string list the same way.
#ifndef RAINGAN_OUTPUT_JSON_INTERNAL_H_
#define RAINGAN_OUTPUT_JSON_INTERNAL_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/document.h"

namespace raingan::json_internal {

using Ordered = nlohmann::ordered_json;

Ordered StringOrNull(const std::string& s);
Ordered Strings(const std::vector<std::string>& v);
// The "measures[]" object of the output contract.
Ordered MeasureJson(const Measure& m);
// The "document" object (kind, title, organization, fiscal year).
Ordered DocumentInfoJson(const DocumentInfo& info);
// UTF-8 text, invalid bytes replaced; indent -1 = one line.
std::string Dump(const Ordered& j, int indent);

}  // namespace raingan::json_internal

#endif  // RAINGAN_OUTPUT_JSON_INTERNAL_H_
