#include "serve/protocol.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace raingan::serve {
namespace {

std::string Escape(const std::string& field) {
  std::string out;
  out.reserve(field.size());
  for (char c : field) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

Message Split(std::string_view line) {
  Message fields(1);
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '\t') {
      fields.emplace_back();
    } else if (c == '\\' && i + 1 < line.size()) {
      char next = line[++i];
      fields.back().push_back(next == 't' ? '\t' : next == 'n' ? '\n' : next);
    } else {
      fields.back().push_back(c);
    }
  }
  return fields;
}

}  // namespace

std::string EncodeMessage(const Message& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out.push_back('\t');
    out += Escape(fields[i]);
  }
  out.push_back('\n');
  return out;
}

std::vector<Message> TakeMessages(std::string* buffer) {
  std::vector<Message> messages;
  size_t start = 0;
  for (;;) {
    size_t eol = buffer->find('\n', start);
    if (eol == std::string::npos) break;
    messages.push_back(
        Split(std::string_view(*buffer).substr(start, eol - start)));
    start = eol + 1;
  }
  buffer->erase(0, start);
  return messages;
}

Status WriteFully(int fd, std::string_view data) {
  bool socket = true;
  while (!data.empty()) {
    // send() with MSG_NOSIGNAL: a peer that died makes this fail with
    // EPIPE instead of killing the writer with SIGPIPE.
    ssize_t n = socket ? ::send(fd, data.data(), data.size(), MSG_NOSIGNAL)
                       : ::write(fd, data.data(), data.size());
    if (n < 0 && socket && errno == ENOTSOCK) {
      socket = false;
      continue;
    }
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::IoError(std::strerror(errno));
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

}  // namespace raingan::serve
