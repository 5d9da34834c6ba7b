// SHA-256 of a byte string, as lowercase hex. Used to identify inputs
// (output "source.sha256", batch resume by content hash).
#ifndef RAINGAN_BASE_SHA256_H_
#define RAINGAN_BASE_SHA256_H_

#include <string>
#include <string_view>

namespace raingan {

std::string Sha256Hex(std::string_view data);

}  // namespace raingan

#endif  // RAINGAN_BASE_SHA256_H_
