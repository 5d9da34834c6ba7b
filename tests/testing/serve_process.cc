#include "testing/serve_process.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "testing/run_cli.h"

namespace raingan::serve_test {
namespace {

using Clock = std::chrono::steady_clock;

int WaitExit(pid_t pid, double seconds) {
  auto until = Clock::now() + std::chrono::duration<double>(seconds);
  for (;;) {
    int status = 0;
    pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) {
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    if (r < 0) return -1;
    if (Clock::now() > until) return -2;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace

std::unique_ptr<ServeProcess> ServeProcess::Start(
    const std::vector<std::string>& args, const std::vector<std::string>& env,
    std::string* error) {
  std::unique_ptr<ServeProcess> p(new ServeProcess);
  p->stderr_path_ = testing::MakeTempDir() + "/serve.err";
  int out[2];
  if (::pipe(out) != 0) return nullptr;
  std::vector<std::string> argv_s = {RAINGAN_BINARY, "serve", "--listen",
                                     "127.0.0.1:0"};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(out[1], 1);
    int err =
        ::open(p->stderr_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (err >= 0) ::dup2(err, 2);
    ::close(out[0]);
    ::close(out[1]);
    for (const std::string& e : env) ::putenv(const_cast<char*>(e.c_str()));
    std::vector<char*> argv;
    for (std::string& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  p->pid_ = pid;
  std::string line;
  auto until = Clock::now() + std::chrono::seconds(120);
  while (Clock::now() < until) {
    struct pollfd fd = {out[0], POLLIN, 0};
    if (::poll(&fd, 1, 200) > 0) {
      char buf[512];
      ssize_t n = ::read(out[0], buf, sizeof(buf));
      if (n <= 0) break;
      line.append(buf, static_cast<size_t>(n));
      size_t at = line.find("http://127.0.0.1:");
      if (at != std::string::npos && line.find('\n', at) != std::string::npos) {
        p->port_ = std::atoi(line.c_str() + at + 17);
        break;
      }
    }
  }
  ::close(out[0]);
  if (p->port_ <= 0) {
    if (error) *error = "the server did not start: " + line + p->Stderr();
    return nullptr;
  }
  return p;
}

ServeProcess::~ServeProcess() {
  if (pid_ > 0) Stop();
}

int ServeProcess::Stop() {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  int status = WaitExit(pid_, 10);
  if (status == -2) {
    ::kill(pid_, SIGKILL);
    status = WaitExit(pid_, 10);
  }
  pid_ = -1;
  return status;
}

void ServeProcess::Kill9() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  WaitExit(pid_, 10);
  pid_ = -1;
}

bool ServeProcess::Alive() const {
  if (pid_ <= 0) return false;
  int status = 0;
  return ::waitpid(pid_, &status, WNOHANG) == 0;
}

std::string ServeProcess::Stderr() const {
  std::ifstream in(stderr_path_);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

pid_t ServeProcess::HostPid() const {
  std::vector<pid_t> children = ChildrenOf(pid_);
  return children.empty() ? -1 : children.front();
}

std::vector<pid_t> ServeProcess::WorkerPids() const {
  pid_t host = HostPid();
  return host > 0 ? ChildrenOf(host) : std::vector<pid_t>{};
}

http::ClientResponse ServeProcess::Get(const std::string& target) const {
  http::ClientRequest r;
  r.target = target;
  Result<http::ClientResponse> res = http::Fetch("127.0.0.1", port_, r);
  return res.ok() ? *res : http::ClientResponse{};
}

http::ClientResponse ServeProcess::Post(const std::string& target,
                                        const std::string& body,
                                        const std::string& type) const {
  http::ClientRequest r;
  r.method = "POST";
  r.target = target;
  r.body = body;
  r.content_type = type;
  Result<http::ClientResponse> res = http::Fetch("127.0.0.1", port_, r);
  return res.ok() ? *res : http::ClientResponse{};
}

http::ClientResponse ServeProcess::Delete(const std::string& target) const {
  http::ClientRequest r;
  r.method = "DELETE";
  r.target = target;
  Result<http::ClientResponse> res = http::Fetch("127.0.0.1", port_, r);
  return res.ok() ? *res : http::ClientResponse{};
}

std::vector<pid_t> ChildrenOf(pid_t parent) {
  std::vector<pid_t> out;
  DIR* proc = ::opendir("/proc");
  if (proc == nullptr) return out;
  while (struct dirent* e = ::readdir(proc)) {
    pid_t pid = std::atoi(e->d_name);
    if (pid <= 0) continue;
    std::ifstream stat(std::string("/proc/") + e->d_name + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)),
                     std::istreambuf_iterator<char>());
    // "pid (comm) state ppid ...": comm may hold spaces; skip past ')'.
    size_t close = text.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream rest(text.substr(close + 2));
    char state;
    pid_t ppid = 0;
    rest >> state >> ppid;
    if (ppid == parent && state != 'Z') out.push_back(pid);
  }
  ::closedir(proc);
  std::sort(out.begin(), out.end());
  return out;
}

std::string RawExchange(int port, const std::string& bytes, double seconds) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return "";
  struct sockaddr_in addr {};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    ::close(fd);
    return "";
  }
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n =
        ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  // No shutdown(SHUT_WR): cpp-httplib drops a connection whose client has
  // half-closed it before answering its request.
  std::string got;
  auto until = Clock::now() + std::chrono::duration<double>(seconds);
  while (Clock::now() < until) {
    struct pollfd p = {fd, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    char buf[4096];
    ssize_t n = ::recv(fd, buf, sizeof(buf), 0);
    if (n <= 0) break;
    got.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return got;
}

std::string MultipartFile(const std::string& field, const std::string& filename,
                          const std::string& content,
                          std::string* content_type) {
  const std::string boundary = "----raingan-test-boundary-7MA4YWxkTrZu0gW";
  *content_type = "multipart/form-data; boundary=" + boundary;
  return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" +
         field + "\"; filename=\"" + filename +
         "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content +
         "\r\n--" + boundary + "--\r\n";
}

}  // namespace raingan::serve_test
