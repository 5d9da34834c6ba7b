// Helpers of the tests of `raingan serve` (tests/serve/, tests/http/): the
// real server binary on a free localhost port, its processes, and raw HTTP
// for the requests no well-behaved client sends.
#ifndef RAINGAN_TESTS_TESTING_SERVE_PROCESS_H_
#define RAINGAN_TESTS_TESTING_SERVE_PROCESS_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "http/client.h"

namespace raingan::serve_test {

class ServeProcess {
 public:
  // Runs build/raingan serve --listen 127.0.0.1:0 `args` with `env`
  // ("NAME=value") added, and waits for its "listening on" line. Null
  // (with the reason in *error) if it exits or does not start in 120 s.
  static std::unique_ptr<ServeProcess> Start(
      const std::vector<std::string>& args,
      const std::vector<std::string>& env = {}, std::string* error = nullptr);
  ~ServeProcess();  // SIGTERM, then SIGKILL after 10 s

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  // The worker host (the server's child), -1 if none; its children.
  pid_t HostPid() const;
  std::vector<pid_t> WorkerPids() const;
  // kill -9 the server and reap it (its host and workers die with it).
  void Kill9();
  // SIGTERM and wait; the exit status (or 128 + signal).
  int Stop();
  bool Alive() const;
  std::string Stderr() const;

  http::ClientResponse Get(const std::string& target) const;
  http::ClientResponse Post(
      const std::string& target, const std::string& body,
      const std::string& type = "application/octet-stream") const;
  http::ClientResponse Delete(const std::string& target) const;

 private:
  ServeProcess() = default;
  pid_t pid_ = -1;
  int port_ = 0;
  std::string stderr_path_;
};

// The processes whose parent is `pid` (from /proc).
std::vector<pid_t> ChildrenOf(pid_t pid);

// Sends `bytes` on a new TCP connection to 127.0.0.1:`port`, then reads
// until the server closes it or `seconds` pass; returns what was read.
// (Send "Connection: close" to have the server close after its answer.)
std::string RawExchange(int port, const std::string& bytes, double seconds = 5);

// A multipart/form-data body with one file part; sets *content_type.
std::string MultipartFile(const std::string& field, const std::string& filename,
                          const std::string& content,
                          std::string* content_type);

}  // namespace raingan::serve_test

#endif  // RAINGAN_TESTS_TESTING_SERVE_PROCESS_H_
