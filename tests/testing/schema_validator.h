// A small JSON Schema validator (the subset of draft 2020-12 that
// schema/raingan-output.schema.json uses: type, const, enum, required,
// properties, additionalProperties, propertyNames, items, minItems,
// maxItems, minimum, maximum, pattern, local $ref). Tests use it to check
// every output against the published contract.
#ifndef RAINGAN_TESTS_TESTING_SCHEMA_VALIDATOR_H_
#define RAINGAN_TESTS_TESTING_SCHEMA_VALIDATOR_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace raingan::testing {

class SchemaValidator {
 public:
  explicit SchemaValidator(nlohmann::json schema) : root_(std::move(schema)) {}

  // Loads schema/raingan-output.schema.json from the source tree.
  static SchemaValidator ForOutput();

  // Empty when `doc` is valid; otherwise "<json pointer>: <problem>" lines.
  std::vector<std::string> Validate(const nlohmann::json& doc) const;

 private:
  void Check(const nlohmann::json& schema, const nlohmann::json& value,
             const std::string& where, std::vector<std::string>* errors) const;
  const nlohmann::json& Resolve(const nlohmann::json& schema) const;

  nlohmann::json root_;
};

}  // namespace raingan::testing

#endif  // RAINGAN_TESTS_TESTING_SCHEMA_VALIDATOR_H_
