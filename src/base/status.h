// Status: the outcome of an operation that can fail, in the LevelDB style.
//
// Functions that can fail return a Status (or a Result<T>, see result.h)
// instead of throwing. A Status is cheap to copy when ok(); otherwise it
// carries a code and a human-readable message meant for the end user, e.g.
// "not a PDF file: the first bytes are 'PK\x03\x04' (a ZIP archive?)".
#ifndef RAINGAN_BASE_STATUS_H_
#define RAINGAN_BASE_STATUS_H_

#include <string>
#include <string_view>

namespace raingan {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // a caller or configuration error (usage, bad config)
    kNotFound,         // a file or resource does not exist
    kIoError,          // the operating system refused a read or write
    kBadInput,         // the input exists but cannot be processed
    kUnsupported,      // a valid input raingan does not handle (yet)
    kInternal,         // a bug in raingan or a library it uses
  };

  Status() = default;  // OK

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string_view msg) {
    return Status(Code::kInvalidArgument, msg);
  }
  static Status NotFound(std::string_view msg) {
    return Status(Code::kNotFound, msg);
  }
  static Status IoError(std::string_view msg) {
    return Status(Code::kIoError, msg);
  }
  static Status BadInput(std::string_view msg) {
    return Status(Code::kBadInput, msg);
  }
  static Status Unsupported(std::string_view msg) {
    return Status(Code::kUnsupported, msg);
  }
  static Status Internal(std::string_view msg) {
    return Status(Code::kInternal, msg);
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "OK" or "<code name>: <message>".
  std::string ToString() const;

  // Returns a copy whose message is "<context>: <message>"; OK stays OK.
  Status WithContext(std::string_view context) const;

 private:
  Status(Code code, std::string_view msg) : code_(code), message_(msg) {}

  Code code_ = Code::kOk;
  std::string message_;
};

std::string_view StatusCodeName(Status::Code code);

}  // namespace raingan

// Propagates a non-OK Status to the caller.
#define RAINGAN_RETURN_IF_ERROR(expr)              \
  do {                                             \
    ::raingan::Status raingan_status_ = (expr);    \
    if (!raingan_status_.ok()) return raingan_status_; \
  } while (0)

#endif  // RAINGAN_BASE_STATUS_H_
