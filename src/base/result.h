// Result<T>: either a value or a non-OK Status (like absl::StatusOr).
//
//   Result<Document> r = ReadDocument(path);
//   if (!r.ok()) return r.status();
//   Document doc = std::move(r).value();
//
// Access is checked, in every build: value(), * and -> on a Result that
// holds an error is a bug in the caller (it did not look at ok()), and
// stops the process at once with the error on stderr — not undefined
// behaviour, not an exception, and never a silently empty value.
#ifndef RAINGAN_BASE_RESULT_H_
#define RAINGAN_BASE_RESULT_H_

#include <cassert>
#include <optional>
#include <utility>

#include "base/status.h"

namespace raingan {
namespace internal {

// Prints "raingan: internal error: a Result was used without a value: " and
// the status to stderr, then aborts.
[[noreturn]] void DieOfUncheckedResult(const Status& status);

}  // namespace internal

template <typename T>
class Result {
 public:
  // Implicit so that functions can `return value;` or `return status;`.
  Result(T value) : value_(std::move(value)) {}  // NOLINT
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "Result needs a value or an error");
    if (status_.ok()) status_ = Status::Internal("Result built from OK status");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  const T& value() const& { return Checked(); }
  T& value() & { return Checked(); }
  T&& value() && { return std::move(Checked()); }
  const T& operator*() const& { return Checked(); }
  T& operator*() & { return Checked(); }
  const T* operator->() const { return &Checked(); }
  T* operator->() { return &Checked(); }

 private:
  const T& Checked() const {
    if (!value_.has_value()) internal::DieOfUncheckedResult(status_);
    return *value_;
  }
  T& Checked() {
    if (!value_.has_value()) internal::DieOfUncheckedResult(status_);
    return *value_;
  }

  Status status_;
  std::optional<T> value_;
};

}  // namespace raingan

#define RAINGAN_CONCAT_INNER_(a, b) a##b
#define RAINGAN_CONCAT_(a, b) RAINGAN_CONCAT_INNER_(a, b)

// RAINGAN_ASSIGN_OR_RETURN(auto x, Foo()); returns Foo()'s Status on error.
#define RAINGAN_ASSIGN_OR_RETURN(lhs, expr)                          \
  auto RAINGAN_CONCAT_(raingan_result_, __LINE__) = (expr);          \
  if (!RAINGAN_CONCAT_(raingan_result_, __LINE__).ok())              \
    return RAINGAN_CONCAT_(raingan_result_, __LINE__).status();      \
  lhs = std::move(RAINGAN_CONCAT_(raingan_result_, __LINE__)).value()

#endif  // RAINGAN_BASE_RESULT_H_
