// Files the server sends as they are: the review page (HTML, CSS,
// JavaScript from src/serve/web/, no build step) and the Thai font it is
// set in (Debian's fonts-thai-tlwg, so nothing is fetched from elsewhere).
#ifndef RAINGAN_SERVE_STATIC_FILES_H_
#define RAINGAN_SERVE_STATIC_FILES_H_

#include <string>

#include "http/server.h"

namespace raingan::serve {

// Fills `res` with the file `relative` under `root` (safe_path.h) if its
// extension is one the server sends (.html .css .js .ttf .otf .woff .woff2
// .png .svg .ico), else 404. Every answer carries nosniff; HTML pages a
// content security policy that allows only this server's own scripts,
// styles, fonts and images.
void ServeFile(const std::string& root, const std::string& relative,
               http::Response* res);

// Headers every HTML page of the server carries (see above).
void SetPageHeaders(http::Response* res);

}  // namespace raingan::serve

#endif  // RAINGAN_SERVE_STATIC_FILES_H_
