// A minimal HTTP/1.1 client over cpp-httplib, for programs that talk to a
// raingan server (the tests, the throughput benchmark). One request per
// call, on a fresh connection.
#ifndef RAINGAN_HTTP_CLIENT_H_
#define RAINGAN_HTTP_CLIENT_H_

#include <map>
#include <string>

#include "base/result.h"

namespace raingan::http {

struct ClientResponse {
  int status = 0;
  std::string body;
  std::multimap<std::string, std::string> headers;
  std::string Header(const std::string& name) const;
};

struct ClientRequest {
  std::string method = "GET";
  std::string target = "/";  // path and query, already percent-encoded
  std::string body;
  std::string content_type;  // for a body
  double timeout_seconds = 120;
};

// Fails (IoError) when no answer came: connection refused, reset, timeout.
Result<ClientResponse> Fetch(const std::string& host, int port,
                             const ClientRequest& request);

// "a b/ก" -> "a%20b%2F%E0%B8%81": every byte but A-Z a-z 0-9 - _ . ~.
std::string PercentEncode(const std::string& text);

}  // namespace raingan::http

#endif  // RAINGAN_HTTP_CLIENT_H_
