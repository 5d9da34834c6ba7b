// The values that cross the db/ interface: one column value, and the rows
// for one table, as a loader hands them to a database in one go.
#ifndef RAINGAN_DB_VALUE_H_
#define RAINGAN_DB_VALUE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace raingan::db {

// SQL NULL, an integer, a floating-point number or UTF-8 text.
using Value = std::variant<std::nullptr_t, int64_t, double, std::string>;

// Optional values become NULL when absent.
inline Value OrNull(const std::optional<std::string>& v) {
  return v ? Value(*v) : Value(nullptr);
}
inline Value OrNull(const std::optional<int>& v) {
  return v ? Value(static_cast<int64_t>(*v)) : Value(nullptr);
}
inline Value OrNull(const std::optional<int64_t>& v) {
  return v ? Value(*v) : Value(nullptr);
}
inline Value OrNull(const std::optional<double>& v) {
  return v ? Value(*v) : Value(nullptr);
}

// Rows of one table, all with the same columns, stored row after row.
struct TableRows {
  std::string table;
  std::vector<std::string> columns;
  std::vector<Value> values;  // rows() * columns.size() values

  size_t rows() const {
    return columns.empty() ? 0 : values.size() / columns.size();
  }
  // Appends one row; `row` has one value per column.
  void Add(std::vector<Value> row) {
    for (Value& v : row) values.push_back(std::move(v));
  }
};

// A row of a query's result: every column as text (NULL = nullopt), the
// way both databases can give it.
using TextRow = std::vector<std::optional<std::string>>;

}  // namespace raingan::db

#endif  // RAINGAN_DB_VALUE_H_
