#include "base/status.h"

#include <cstdio>
#include <cstdlib>

#include "base/result.h"

namespace raingan {

std::string_view StatusCodeName(Status::Code code) {
  switch (code) {
    case Status::Code::kOk:
      return "OK";
    case Status::Code::kInvalidArgument:
      return "invalid argument";
    case Status::Code::kNotFound:
      return "not found";
    case Status::Code::kIoError:
      return "I/O error";
    case Status::Code::kBadInput:
      return "bad input";
    case Status::Code::kUnsupported:
      return "unsupported";
    case Status::Code::kInternal:
      return "internal error";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out(StatusCodeName(code_));
  out += ": ";
  out += message_;
  return out;
}

Status Status::WithContext(std::string_view context) const {
  if (ok()) return *this;
  std::string msg(context);
  msg += ": ";
  msg += message_;
  return Status(code_, msg);
}

}  // namespace raingan

namespace raingan::internal {

void DieOfUncheckedResult(const Status& status) {
  std::fprintf(stderr,
               "raingan: internal error: a Result was used without a value: "
               "%s\n",
               status.ToString().c_str());
  std::fflush(stderr);
  std::abort();
}

}  // namespace raingan::internal
