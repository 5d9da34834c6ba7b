#include "testing/run_cli.h"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <tuple>

namespace raingan::testing {
namespace {

using Clock = std::chrono::steady_clock;

std::vector<char*> Argv(const std::string& program,
                        const std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program.c_str()));
  for (const std::string& a : args)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  return argv;
}

// Waits for `pid`, filling exit_code, max_rss_kb and seconds.
void Reap(pid_t pid, Clock::time_point start, CommandResult* result) {
  int status = 0;
  struct rusage usage {};
  while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  result->seconds = std::chrono::duration<double>(Clock::now() - start).count();
  result->max_rss_kb = usage.ru_maxrss;
  if (WIFEXITED(status)) {
    result->exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result->exit_code = 128 + WTERMSIG(status);
  }
}

}  // namespace

CommandResult RunCommand(const std::string& program,
                         const std::vector<std::string>& args,
                         const std::string& input) {
  CommandResult result;
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (pipe(in_pipe) != 0 || pipe(out_pipe) != 0 || pipe(err_pipe) != 0) {
    return result;
  }
  const Clock::time_point start = Clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    dup2(in_pipe[0], 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1],
                   err_pipe[0], err_pipe[1]}) {
      close(fd);
    }
    std::vector<char*> argv = Argv(program, args);
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  size_t written = 0;
  if (input.empty()) {
    close(in_pipe[1]);
    in_pipe[1] = -1;
  }
  if (in_pipe[1] >= 0) fcntl(in_pipe[1], F_SETFL, O_NONBLOCK);
  bool out_open = true, err_open = true;
  char buf[1 << 15];
  while (out_open || err_open || in_pipe[1] >= 0) {
    struct pollfd fds[3];
    int n = 0;
    int out_i = -1, err_i = -1, in_i = -1;
    if (out_open) {
      fds[n] = {out_pipe[0], POLLIN, 0};
      out_i = n++;
    }
    if (err_open) {
      fds[n] = {err_pipe[0], POLLIN, 0};
      err_i = n++;
    }
    if (in_pipe[1] >= 0) {
      fds[n] = {in_pipe[1], POLLOUT, 0};
      in_i = n++;
    }
    if (poll(fds, n, -1) < 0) break;
    if (in_i >= 0 && (fds[in_i].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t w =
          write(in_pipe[1], input.data() + written, input.size() - written);
      if (w > 0) written += static_cast<size_t>(w);
      if (w < 0 || written >= input.size()) {
        close(in_pipe[1]);
        in_pipe[1] = -1;
      }
    }
    for (auto [idx, fd, open, sink] :
         {std::tuple{out_i, out_pipe[0], &out_open, &result.out},
          std::tuple{err_i, err_pipe[0], &err_open, &result.err}}) {
      if (idx < 0 || !(fds[idx].revents & (POLLIN | POLLHUP | POLLERR)))
        continue;
      ssize_t r = read(fd, buf, sizeof(buf));
      if (r <= 0) {
        *open = false;
      } else {
        sink->append(buf, static_cast<size_t>(r));
      }
    }
  }
  close(out_pipe[0]);
  close(err_pipe[0]);
  Reap(pid, start, &result);
  return result;
}

CommandResult RunRaingan(const std::vector<std::string>& args,
                         const std::string& input) {
  return RunCommand(RAINGAN_BINARY, args, input);
}

CommandResult RunRainganOnTerminal(const std::vector<std::string>& args,
                                   int columns) {
  CommandResult result;
  const std::string program = RAINGAN_BINARY;
  int master = -1, slave = -1;
  struct winsize size {};
  size.ws_row = 24;
  size.ws_col = static_cast<unsigned short>(columns);
  int out_pipe[2];
  if (openpty(&master, &slave, nullptr, nullptr, &size) != 0) return result;
  if (pipe(out_pipe) != 0) return result;
  const Clock::time_point start = Clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    setsid();  // a session of its own, with the terminal as its terminal
    ioctl(slave, TIOCSCTTY, 0);
    int null = open("/dev/null", O_RDONLY);
    dup2(null, 0);
    dup2(out_pipe[1], 1);
    dup2(slave, 2);
    for (int fd : {null, slave, master, out_pipe[0], out_pipe[1]}) close(fd);
    setenv("TERM", "xterm", 1);
    std::vector<char*> argv = Argv(program, args);
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  close(slave);
  close(out_pipe[1]);
  bool out_open = true, term_open = true;
  char buf[1 << 15];
  while (out_open || term_open) {
    struct pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {master, POLLIN, 0}};
    if (!out_open) fds[0].fd = -1;
    if (!term_open) fds[1].fd = -1;
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[0].revents) {
      ssize_t r = read(out_pipe[0], buf, sizeof(buf));
      if (r <= 0)
        out_open = false;
      else
        result.out.append(buf, static_cast<size_t>(r));
    }
    if (fds[1].revents) {
      // EIO once the child and its descendants closed the terminal.
      ssize_t r = read(master, buf, sizeof(buf));
      if (r <= 0)
        term_open = false;
      else
        result.err.append(buf, static_cast<size_t>(r));
    }
  }
  close(out_pipe[0]);
  close(master);
  Reap(pid, start, &result);
  return result;
}

std::string SourcePath(const std::string& relative) {
  return std::string(RAINGAN_SOURCE_DIR) + "/" + relative;
}

std::string TestDataPath(const std::string& relative) {
  return std::string(RAINGAN_TEST_DATA_DIR) + "/" + relative;
}

std::string MakeTempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string templ =
      std::string(base && *base ? base : "/tmp") + "/raingan_test_XXXXXX";
  std::vector<char> buf(templ.begin(), templ.end());
  buf.push_back('\0');
  char* dir = mkdtemp(buf.data());
  return dir ? std::string(dir) : std::string();
}

nlohmann::json ReadJsonFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return nlohmann::json::parse(ss.str(), nullptr, false);
}

}  // namespace raingan::testing
