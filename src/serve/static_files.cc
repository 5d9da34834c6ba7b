#include "serve/static_files.h"

#include "base/file.h"
#include "serve/safe_path.h"

namespace raingan::serve {
namespace {

struct Type {
  const char* extension;
  const char* content_type;
};

constexpr Type kTypes[] = {
    {".html", "text/html; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".ttf", "font/ttf"},
    {".otf", "font/otf"},
    {".woff", "font/woff"},
    {".woff2", "font/woff2"},
    {".png", "image/png"},
    {".svg", "image/svg+xml"},
    {".ico", "image/x-icon"},
};

const char* TypeOf(const std::string& name) {
  for (const Type& t : kTypes) {
    std::string ext = t.extension;
    if (name.size() > ext.size() &&
        name.compare(name.size() - ext.size(), ext.size(), ext) == 0) {
      return t.content_type;
    }
  }
  return nullptr;
}

}  // namespace

void SetPageHeaders(http::Response* res) {
  res->SetHeader("Content-Security-Policy",
                 "default-src 'none'; script-src 'self'; style-src 'self'; "
                 "img-src 'self'; font-src 'self'; connect-src 'self'; "
                 "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  res->SetHeader("Referrer-Policy", "no-referrer");
}

void ServeFile(const std::string& root, const std::string& relative,
               http::Response* res) {
  res->SetHeader("X-Content-Type-Options", "nosniff");
  const char* type = TypeOf(relative);
  Result<std::string> path =
      type ? ResolveWithin(root, relative) : Status::NotFound("not found");
  Result<std::string> bytes = path.ok() ? ReadFile(*path) : path.status();
  if (!bytes.ok()) {
    res->status = 404;
    return;
  }
  res->content_type = type;
  res->body = std::move(bytes).value();
  if (std::string(type).rfind("text/html", 0) == 0) SetPageHeaders(res);
  // Fonts do not change; pages may (a reload should show a new version).
  bool font = std::string(type).rfind("font/", 0) == 0;
  res->SetHeader("Cache-Control", font ? "max-age=86400" : "no-cache");
}

}  // namespace raingan::serve
