// Helpers shared by the batch tests (tests/batch/, tests/cli/batch_*):
// generated inputs, JSON Lines reading and a background raingan process.
#ifndef RAINGAN_TESTS_BATCH_BATCH_TEST_UTIL_H_
#define RAINGAN_TESTS_BATCH_BATCH_TEST_UTIL_H_

#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

namespace raingan::batch_test {

inline uint32_t Crc32(const std::string& data) {
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char c : data) {
    crc ^= c;
    for (int k = 0; k < 8; ++k)
      crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
  }
  return ~crc;
}

inline void PutU32(std::string* out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    out->push_back(static_cast<char>((v >> shift) & 0xFF));
  }
}

inline void PngChunk(std::string* png, const std::string& type,
                     const std::string& data) {
  PutU32(png, static_cast<uint32_t>(data.size()));
  std::string body = type + data;
  *png += body;
  PutU32(png, Crc32(body));
}

// An 8-bit gray PNG of random `block`-pixel squares: "an image of noise".
// Deflate with stored blocks keeps the encoder a few lines.
inline std::string NoisePng(int width, int height, int block, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<uint8_t> cells((width / block + 1) * (height / block + 1));
  for (uint8_t& c : cells) c = static_cast<uint8_t>(rng() & 0xFF);
  std::string raw;
  for (int y = 0; y < height; ++y) {
    raw.push_back('\0');  // filter: none
    for (int x = 0; x < width; ++x) {
      raw.push_back(static_cast<char>(
          cells[(y / block) * (width / block + 1) + x / block]));
    }
  }
  std::string zlib = "\x78\x01";
  uint32_t a = 1, b = 0;
  for (unsigned char c : raw) {
    a = (a + c) % 65521;
    b = (b + a) % 65521;
  }
  for (size_t pos = 0; pos < raw.size(); pos += 65535) {
    size_t n = std::min<size_t>(65535, raw.size() - pos);
    zlib.push_back(pos + n == raw.size() ? '\x01' : '\x00');
    zlib.push_back(static_cast<char>(n & 0xFF));
    zlib.push_back(static_cast<char>(n >> 8));
    zlib.push_back(static_cast<char>(~n & 0xFF));
    zlib.push_back(static_cast<char>((~n >> 8) & 0xFF));
    zlib += raw.substr(pos, n);
  }
  PutU32(&zlib, (b << 16) | a);
  std::string ihdr;
  PutU32(&ihdr, static_cast<uint32_t>(width));
  PutU32(&ihdr, static_cast<uint32_t>(height));
  ihdr += std::string("\x08\x00\x00\x00\x00", 5);  // 8-bit gray
  std::string png = "\x89PNG\r\n\x1a\n";
  PngChunk(&png, "IHDR", ihdr);
  PngChunk(&png, "IDAT", zlib);
  PngChunk(&png, "IEND", "");
  return png;
}

// Every line of a JSON Lines file; a line that does not parse becomes a
// discarded value (is_discarded()), so tests can see it.
inline std::vector<nlohmann::json> ReadJsonLines(const std::string& path) {
  std::vector<nlohmann::json> lines;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    lines.push_back(nlohmann::json::parse(line, nullptr, false));
  }
  return lines;
}

// Starts `program args...` in the background with `env_name=env_value`
// added, output discarded; returns its pid (the caller kills and reaps).
inline pid_t Spawn(const std::string& program,
                   const std::vector<std::string>& args,
                   const std::string& env_name, const std::string& env_value) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  int null = open("/dev/null", O_RDWR);
  dup2(null, 0);
  dup2(null, 1);
  dup2(null, 2);
  setenv(env_name.c_str(), env_value.c_str(), 1);
  std::vector<char*> argv = {const_cast<char*>(program.c_str())};
  for (const std::string& a : args)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  execv(program.c_str(), argv.data());
  _exit(127);
}

}  // namespace raingan::batch_test

#endif  // RAINGAN_TESTS_BATCH_BATCH_TEST_UTIL_H_
