// http::Server: raingan's one wrapper around cpp-httplib (Debian's
// libcpp-httplib-dev). Only src/http/*.cc include <httplib.h>; the rest of
// raingan sees requests and responses as the plain structs below.
//
// What the wrapper decides for every server built on it:
//   - a fixed pool of threads serves the connections (ServerOptions.threads);
//     handlers run on them, so a handler may block (e.g. wait for a worker)
//     but then holds one thread;
//   - bodies are capped (max_body_bytes), with or without a Content-Length:
//     a larger one is answered with 413 before any handler sees it (and
//     read to its end, up to 64 MiB more, so the connection stays usable);
//   - a handler that throws gets a 500 and the server goes on; errors
//     without a body (404, 405, 413, ...) get one from the error-body hook;
//   - routes are exact paths ("/v1/extract") or path prefixes ("/v1/jobs/"),
//     matched in the order they were added, without regular expressions on
//     request data; POST routes are exact (their bodies are read only for
//     them: a request to an unknown path never makes the server buffer it);
//   - SIGPIPE must be ignored by the process (a client that hangs up while
//     its answer is written would otherwise kill it): Run() ignores it.
//
// Paths are handed over percent-decoded ("%2F" is already "/"), which is
// what path checks must look at; `target` keeps the raw request target.
#ifndef RAINGAN_HTTP_SERVER_H_
#define RAINGAN_HTTP_SERVER_H_

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "base/result.h"

namespace raingan::http {

struct Part {  // one part of a multipart/form-data body
  std::string name;
  std::string filename;
  std::string content_type;
  std::string content;
};

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // percent-decoded, without the query
  std::string target;  // the raw request target, as sent
  std::multimap<std::string, std::string> params;   // query (and form) fields
  std::multimap<std::string, std::string> headers;  // names as sent
  std::string body;  // raw body; empty for multipart (see parts)
  std::vector<Part> parts;
  std::string remote_addr;

  bool HasParam(const std::string& name) const;
  // The first value of the parameter, or `fallback`.
  std::string Param(const std::string& name,
                    const std::string& fallback = "") const;
  // The first value of a header, matched case-insensitively.
  std::string Header(const std::string& name) const;
  // The part called `name`, or null.
  const Part* FindPart(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  void SetHeader(const std::string& name, const std::string& value) {
    headers.emplace_back(name, value);
  }
};

using Handler = std::function<void(const Request&, Response*)>;

struct ServerOptions {
  size_t max_body_bytes = size_t{64} << 20;
  int threads = 16;
  int read_timeout_seconds = 30;   // a client that stops sending
  int write_timeout_seconds = 30;  // a client that stops reading
  int keep_alive_requests = 100;   // per connection
};

class Server {
 public:
  explicit Server(const ServerOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Adds a route for `method` on exactly `path`, or on every path starting
  // with `prefix`. Add routes before Bind().
  void Route(const std::string& method, const std::string& path,
             Handler handler);
  void RoutePrefix(const std::string& method, const std::string& prefix,
                   Handler handler);
  // Fills the body of an error response that has none (status >= 400).
  void SetErrorBody(std::function<void(Response*)> fill);

  // Binds to `host`:`port` (port 0: a free port, chosen by the system) and
  // returns the port. Fails with the reason (address in use, bad host).
  Result<int> Bind(const std::string& host, int port);
  // Serves until Stop(). Call after Bind().
  Status Run();
  // Stops Run() from any thread; requests in progress are finished.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// "%41" -> "A"; '+' stays '+'. Malformed escapes are kept as written.
std::string PercentDecode(const std::string& text);

}  // namespace raingan::http

#endif  // RAINGAN_HTTP_SERVER_H_
