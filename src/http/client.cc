#include "http/client.h"

#include <httplib.h>
#include <strings.h>

namespace raingan::http {

std::string ClientResponse::Header(const std::string& name) const {
  for (const auto& [k, v] : headers) {
    if (::strcasecmp(k.c_str(), name.c_str()) == 0) return v;
  }
  return "";
}

Result<ClientResponse> Fetch(const std::string& host, int port,
                             const ClientRequest& request) {
  httplib::Client client(host, port);
  auto seconds = static_cast<time_t>(request.timeout_seconds);
  client.set_connection_timeout(seconds, 0);
  client.set_read_timeout(seconds, 0);
  client.set_write_timeout(seconds, 0);
  client.set_keep_alive(false);
  client.set_url_encode(false);  // the target is sent as given
  httplib::Result result = [&] {
    const std::string& t = request.target;
    const char* type = request.content_type.empty()
                           ? "application/octet-stream"
                           : request.content_type.c_str();
    if (request.method == "GET") return client.Get(t.c_str());
    if (request.method == "DELETE") return client.Delete(t.c_str());
    if (request.method == "PUT")
      return client.Put(t.c_str(), request.body, type);
    return client.Post(t.c_str(), request.body, type);
  }();
  if (!result) {
    return Status::IoError("no answer from " + host + ":" +
                           std::to_string(port) + ": " +
                           httplib::to_string(result.error()));
  }
  ClientResponse out;
  out.status = result->status;
  out.body = result->body;
  for (const auto& [k, v] : result->headers) out.headers.emplace(k, v);
  return out;
}

std::string PercentEncode(const std::string& text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
        (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
        c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

}  // namespace raingan::http
