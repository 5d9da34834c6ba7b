#include "http/server.h"

#include <httplib.h>
#include <signal.h>
#include <strings.h>
#include <sys/socket.h>

#include <atomic>
#include <cstdlib>

namespace raingan::http {
namespace {

// Escapes a literal path for cpp-httplib's route patterns (std::regex):
// routes are literal, so a request path is only ever compared, never
// searched with a pattern of ours.
std::string LiteralPattern(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (std::strchr(".^$|()[]{}*+?\\-", c) != nullptr) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// How much of a body over the cap is still read (and dropped) so that the
// connection stays usable; see Impl::Post.
constexpr size_t kDrainBytes = size_t{64} << 20;

// Debian's library is built with a listen backlog of 5: a burst of clients
// would see connections dropped and retried a second later. Listening
// again on the bound socket raises it (Linux updates the backlog).
constexpr int kListenBacklog = 128;

class BoundServer : public httplib::Server {
 public:
  int listening_socket() const { return svr_sock_; }
};

struct RouteEntry {
  std::string method;
  std::string path;
  bool prefix = false;
  Handler handler;
};

Request ConvertRequest(const httplib::Request& in) {
  Request r;
  r.method = in.method;
  r.path = in.path;
  r.target = in.target;
  for (const auto& [k, v] : in.params) r.params.emplace(k, v);
  for (const auto& [k, v] : in.headers) r.headers.emplace(k, v);
  r.remote_addr = in.remote_addr;
  return r;
}

void ApplyResponse(const Response& out, httplib::Response* res) {
  res->status = out.status;
  for (const auto& [k, v] : out.headers) res->set_header(k.c_str(), v);
  if (!out.body.empty() || out.status < 400) {
    res->set_content(out.body, out.content_type.c_str());
  }
}

void SetStatus(int status, httplib::Response* res) {
  res->status = status;
  res->body.clear();
}

}  // namespace

bool Request::HasParam(const std::string& name) const {
  return params.find(name) != params.end();
}

std::string Request::Param(const std::string& name,
                           const std::string& fallback) const {
  auto it = params.find(name);
  return it == params.end() ? fallback : it->second;
}

std::string Request::Header(const std::string& name) const {
  for (const auto& [k, v] : headers) {
    if (::strcasecmp(k.c_str(), name.c_str()) == 0) return v;
  }
  return "";
}

const Part* Request::FindPart(const std::string& name) const {
  for (const Part& p : parts) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

std::string PercentDecode(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      int hi = HexValue(text[i + 1]), lo = HexValue(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

struct Server::Impl {
  ServerOptions options;
  BoundServer server;
  std::vector<RouteEntry> routes;
  std::function<void(Response*)> error_body;
  std::atomic<bool> bound{false};

  const RouteEntry* Find(const std::string& method,
                         const std::string& path) const {
    std::string m = method == "HEAD" ? "GET" : method;
    for (const RouteEntry& r : routes) {
      if (r.method != m) continue;
      if (r.prefix ? path.rfind(r.path, 0) == 0 : path == r.path) return &r;
    }
    return nullptr;
  }
  bool PathKnown(const std::string& path) const {
    for (const RouteEntry& r : routes) {
      if (r.prefix ? path.rfind(r.path, 0) == 0 : path == r.path) return true;
    }
    return false;
  }
  std::string Allowed(const std::string& path) const {
    std::string allow;
    for (const RouteEntry& r : routes) {
      if (!(r.prefix ? path.rfind(r.path, 0) == 0 : path == r.path)) continue;
      if (!allow.empty()) allow += ", ";
      allow += r.method;
    }
    return allow;
  }

  // Every request except the POST routes' bodies is answered here, before
  // cpp-httplib reads any body: unknown paths and methods never make it
  // buffer an upload.
  httplib::Server::HandlerResponse PreRoute(const httplib::Request& req,
                                            httplib::Response& res) {
    const RouteEntry* route = Find(req.method, req.path);
    if (route != nullptr && req.method == "POST") {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    if (route == nullptr) {
      if (PathKnown(req.path)) {
        SetStatus(405, &res);
        res.set_header("Allow", Allowed(req.path));
      } else {
        SetStatus(404, &res);
      }
      // Any body the client sends is not read; do not keep the connection.
      if (req.method != "GET" && req.method != "HEAD") {
        res.set_header("Connection", "close");
      }
      return httplib::Server::HandlerResponse::Handled;
    }
    Request r = ConvertRequest(req);
    Response out;
    route->handler(r, &out);
    ApplyResponse(out, &res);
    return httplib::Server::HandlerResponse::Handled;
  }

  void Post(const RouteEntry& route, const httplib::Request& req,
            httplib::Response& res, const httplib::ContentReader& reader) {
    const size_t cap = options.max_body_bytes;
    // A body over the cap is still read (and dropped) up to kDrainBytes
    // more, so that the connection stays usable for the client's next
    // request; beyond that the rest is left unread and the connection is
    // given up.
    const size_t drain = cap + kDrainBytes;
    if (req.has_header("Content-Length")) {
      unsigned long long length = std::strtoull(
          req.get_header_value("Content-Length").c_str(), nullptr, 10);
      if (length > drain) {
        SetStatus(413, &res);
        res.set_header("Connection", "close");
        return;
      }
    }
    Request r = ConvertRequest(req);
    size_t total = 0;
    // True while the body may be kept; false once it is too large (the
    // rest is then drained).
    auto keep = [&](size_t n) {
      total += n;
      return total <= cap;
    };
    bool read = true;
    if (req.is_multipart_form_data()) {
      read = reader(
          [&](const httplib::MultipartFormData& file) {
            if (keep(file.name.size() + file.filename.size())) {
              r.parts.push_back(
                  Part{file.name, file.filename, file.content_type, ""});
            }
            return total <= drain;
          },
          [&](const char* data, size_t n) {
            if (keep(n) && !r.parts.empty()) {
              r.parts.back().content.append(data, n);
            }
            return total <= drain;
          });
    } else {
      read = reader([&](const char* data, size_t n) {
        if (keep(n)) r.body.append(data, n);
        return total <= drain;
      });
    }
    if (total > cap) {
      SetStatus(413, &res);
      if (!read) res.set_header("Connection", "close");
      return;
    }
    if (!read) {
      SetStatus(400, &res);
      res.set_header("Connection", "close");
      return;
    }
    // Form fields of a multipart body are parameters too.
    for (const Part& p : r.parts) {
      if (p.filename.empty() && p.content.size() <= 4096) {
        r.params.emplace(p.name, p.content);
      }
    }
    Response out;
    route.handler(r, &out);
    ApplyResponse(out, &res);
  }
};

Server::Server(const ServerOptions& options) : impl_(new Impl) {
  impl_->options = options;
  httplib::Server& s = impl_->server;
  const int threads = std::max(1, options.threads);
  s.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // The cap is enforced in Impl::Post, which also drains what is over it;
  // the library's own limit only has to stay out of its way.
  s.set_payload_max_length(options.max_body_bytes + kDrainBytes);
  s.set_read_timeout(options.read_timeout_seconds, 0);
  s.set_write_timeout(options.write_timeout_seconds, 0);
  s.set_keep_alive_max_count(
      static_cast<size_t>(std::max(1, options.keep_alive_requests)));
  // Small JSON answers: without it Nagle's algorithm and delayed ACKs add
  // 40 ms to a request on a kept-alive connection.
  s.set_tcp_nodelay(true);
  // cpp-httplib's default sets SO_REUSEPORT, which lets a second server
  // (or another program of the same user) bind the same port and take
  // part of its connections. SO_REUSEADDR alone: a restart may still bind
  // while old connections linger in TIME_WAIT.
  s.set_socket_options([](int sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  Impl* impl = impl_.get();
  s.set_pre_routing_handler(
      [impl](const httplib::Request& req, httplib::Response& res) {
        return impl->PreRoute(req, res);
      });
  s.set_expect_100_continue_handler(
      [impl](const httplib::Request& req, httplib::Response& res) {
        if (req.has_header("Content-Length") &&
            std::strtoull(req.get_header_value("Content-Length").c_str(),
                          nullptr, 10) > impl->options.max_body_bytes) {
          SetStatus(413, &res);
          return 413;
        }
        return 100;
      });
  s.set_exception_handler([](const httplib::Request&, httplib::Response& res,
                             std::exception_ptr) { SetStatus(500, &res); });
  s.set_error_handler([impl](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty() || !impl->error_body) return;
    Response out;
    out.status = res.status;
    impl->error_body(&out);
    res.set_content(out.body, out.content_type.c_str());
  });
}

Server::~Server() { Stop(); }

void Server::Route(const std::string& method, const std::string& path,
                   Handler handler) {
  impl_->routes.push_back(RouteEntry{method, path, false, std::move(handler)});
  if (method != "POST") return;
  Impl* impl = impl_.get();
  size_t index = impl_->routes.size() - 1;
  impl_->server.Post(
      LiteralPattern(path),
      [impl, index](const httplib::Request& req, httplib::Response& res,
                    const httplib::ContentReader& reader) {
        impl->Post(impl->routes[index], req, res, reader);
      });
}

void Server::RoutePrefix(const std::string& method, const std::string& prefix,
                         Handler handler) {
  // POST bodies are only read on exact routes (see PreRoute): a POST
  // prefix route would never see its body.
  if (method == "POST") return;
  impl_->routes.push_back(RouteEntry{method, prefix, true, std::move(handler)});
}

void Server::SetErrorBody(std::function<void(Response*)> fill) {
  impl_->error_body = std::move(fill);
}

Result<int> Server::Bind(const std::string& host, int port) {
  int bound = port;
  if (port == 0) {
    bound = impl_->server.bind_to_any_port(host);
    if (bound <= 0) {
      return Status::IoError("cannot listen on " + host +
                             ": no free port or bad address");
    }
  } else if (!impl_->server.bind_to_port(host, port)) {
    return Status::IoError("cannot listen on " + host + ":" +
                           std::to_string(port) +
                           " (address in use, or not an address of this "
                           "machine)");
  }
  ::listen(impl_->server.listening_socket(), kListenBacklog);
  impl_->bound = true;
  return bound;
}

Status Server::Run() {
  if (!impl_->bound) return Status::InvalidArgument("Run() before Bind()");
  ::signal(SIGPIPE, SIG_IGN);
  if (!impl_->server.listen_after_bind()) {
    return Status::IoError("the server stopped accepting connections");
  }
  return Status::Ok();
}

void Server::Stop() {
  if (impl_ && impl_->server.is_running()) impl_->server.stop();
}

}  // namespace raingan::http
