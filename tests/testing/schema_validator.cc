#include "testing/schema_validator.h"

#include <fstream>
#include <sstream>

#include "regex/regex.h"

namespace raingan::testing {
namespace {

bool HasType(const nlohmann::json& v, const std::string& type) {
  if (type == "null") return v.is_null();
  if (type == "boolean") return v.is_boolean();
  if (type == "object") return v.is_object();
  if (type == "array") return v.is_array();
  if (type == "string") return v.is_string();
  if (type == "integer") return v.is_number_integer();
  if (type == "number") return v.is_number();
  return false;
}

}  // namespace

SchemaValidator SchemaValidator::ForOutput() {
  std::ifstream in(std::string(RAINGAN_SOURCE_DIR) +
                   "/schema/raingan-output.schema.json");
  std::stringstream ss;
  ss << in.rdbuf();
  return SchemaValidator(nlohmann::json::parse(ss.str()));
}

const nlohmann::json& SchemaValidator::Resolve(
    const nlohmann::json& schema) const {
  if (schema.is_object() && schema.contains("$ref")) {
    std::string ref = schema["$ref"].get<std::string>();
    // Only local references: "#/$defs/name".
    return root_.at(nlohmann::json::json_pointer(ref.substr(1)));
  }
  return schema;
}

std::vector<std::string> SchemaValidator::Validate(
    const nlohmann::json& doc) const {
  std::vector<std::string> errors;
  Check(root_, doc, "", &errors);
  return errors;
}

void SchemaValidator::Check(const nlohmann::json& raw, const nlohmann::json& v,
                            const std::string& where,
                            std::vector<std::string>* errors) const {
  const nlohmann::json& s = Resolve(raw);
  auto fail = [&](const std::string& what) {
    errors->push_back((where.empty() ? "/" : where) + ": " + what);
  };
  if (s.contains("type")) {
    bool ok = false;
    if (s["type"].is_array()) {
      for (const auto& t : s["type"])
        ok = ok || HasType(v, t.get<std::string>());
    } else {
      ok = HasType(v, s["type"].get<std::string>());
    }
    if (!ok) {
      fail("expected type " + s["type"].dump() + ", got " +
           v.dump().substr(0, 80));
      return;
    }
  }
  if (s.contains("const") && v != s["const"])
    fail("expected " + s["const"].dump());
  if (s.contains("enum")) {
    bool found = false;
    for (const auto& e : s["enum"]) found = found || e == v;
    if (!found) fail("value " + v.dump() + " not in " + s["enum"].dump());
  }
  if (v.is_number()) {
    if (s.contains("minimum") && v.get<double>() < s["minimum"].get<double>()) {
      fail("below minimum " + s["minimum"].dump());
    }
    if (s.contains("maximum") && v.get<double>() > s["maximum"].get<double>()) {
      fail("above maximum " + s["maximum"].dump());
    }
  }
  if (v.is_string() && s.contains("pattern")) {
    Regex re(s["pattern"].get<std::string>());
    if (!re.PartialMatch(v.get<std::string>())) {
      fail("'" + v.get<std::string>() + "' does not match " +
           s["pattern"].dump());
    }
  }
  if (v.is_object()) {
    if (s.contains("required")) {
      for (const auto& r : s["required"]) {
        if (!v.contains(r.get<std::string>())) {
          fail("missing required key " + r.dump());
        }
      }
    }
    for (auto it = v.begin(); it != v.end(); ++it) {
      std::string child = where + "/" + it.key();
      if (s.contains("propertyNames")) {
        Check(s["propertyNames"], nlohmann::json(it.key()), child, errors);
      }
      if (s.contains("properties") && s["properties"].contains(it.key())) {
        Check(s["properties"][it.key()], it.value(), child, errors);
      } else if (s.contains("additionalProperties")) {
        const auto& ap = s["additionalProperties"];
        if (ap.is_boolean()) {
          if (!ap.get<bool>()) fail("unexpected key '" + it.key() + "'");
        } else {
          Check(ap, it.value(), child, errors);
        }
      }
    }
  }
  if (v.is_array()) {
    if (s.contains("minItems") && v.size() < s["minItems"].get<size_t>()) {
      fail("fewer than " + s["minItems"].dump() + " items");
    }
    if (s.contains("maxItems") && v.size() > s["maxItems"].get<size_t>()) {
      fail("more than " + s["maxItems"].dump() + " items");
    }
    if (s.contains("items")) {
      for (size_t i = 0; i < v.size(); ++i) {
        Check(s["items"], v[i], where + "/" + std::to_string(i), errors);
      }
    }
  }
}

}  // namespace raingan::testing
