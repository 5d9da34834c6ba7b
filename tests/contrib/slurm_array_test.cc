// contrib/slurm/raingan.sbatch on a real Slurm: a single-node cluster
// (munged, slurmctld, slurmd from Debian's slurm-wlm and munge) started by
// the test on localhost in a temporary directory, and stopped by it.
//
// A 4-task array runs over a mixed corpus (text exports, born PDFs, a small
// scan, a damaged PDF) with `sbatch --wait`. One task is cancelled while it
// is on its last document (scancel: as a pre-emption or a time limit would)
// and submitted again alone; then `raingan merge` joins the shards. The
// test checks that every document was processed exactly once, collects
// every task's exit code, and compares the merged output with a
// one-machine `raingan batch` of the same inputs: the same documents, the
// same measures.
//
// Without the packages the test is skipped, saying so; under CI (the CI
// variable set) it fails instead, since CI installs them (scripts/setup.sh).
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <iomanip>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "base/file.h"
#include "batch/batch_test_util.h"
#include "batch/shard.h"
#include "testing/run_cli.h"

namespace raingan {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using testing::CommandResult;
using testing::RunCommand;
using testing::RunRaingan;
using testing::SourcePath;
using testing::TestDataPath;

// The file's content, or `missing` when it cannot be read.
std::string ReadOr(const std::string& path, const std::string& missing) {
  Result<std::string> text = ReadFile(path);
  return text.ok() ? *text : missing;
}

constexpr int kShards = 4;

// The program's full path, from PATH or the sbin directories (daemons).
std::string Find(const std::string& name) {
  std::string path = std::getenv("PATH") ? std::getenv("PATH") : "";
  path += ":/usr/sbin:/sbin:/usr/local/sbin";
  std::stringstream dirs(path);
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    std::string candidate = dir + "/" + name;
    if (!dir.empty() && ::access(candidate.c_str(), X_OK) == 0)
      return candidate;
  }
  return "";
}

// A TCP port nobody listens on now (the kernel's pick).
int FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof(addr);
  int port = -1;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  ::close(fd);
  return port;
}

std::string ShortHostName() {
  char name[256] = {};
  ::gethostname(name, sizeof(name) - 1);
  std::string host = name;
  return host.substr(0, host.find('.'));
}

// A daemon in the foreground, its output in `log`; it gets SIGTERM if this
// process dies first, so a crashed test leaves nothing running.
pid_t StartDaemon(const std::string& program,
                  const std::vector<std::string>& args,
                  const std::string& log) {
  pid_t parent = ::getpid();
  pid_t pid = ::fork();
  if (pid != 0) return pid;
  ::prctl(PR_SET_PDEATHSIG, SIGTERM);
  if (::getppid() != parent) ::_exit(127);
  int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  ::dup2(fd, 1);
  ::dup2(fd, 2);
  int null = ::open("/dev/null", O_RDONLY);
  ::dup2(null, 0);
  std::vector<char*> argv = {const_cast<char*>(program.c_str())};
  for (const std::string& a : args)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  ::execv(program.c_str(), argv.data());
  ::_exit(127);
}

// Polls `ready` every 100 ms for up to `seconds`.
template <typename F>
bool WaitFor(F ready, double seconds) {
  auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
  while (!ready()) {
    if (Clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return true;
}

std::string Tail(const std::string& path) {
  std::string text = ReadOr(path, "");
  return text.size() > 3000 ? text.substr(text.size() - 3000) : text;
}

// munged + slurmctld + slurmd in `dir`; the destructor cancels every job
// and stops the three daemons (by their pids), also when a test failed.
class SlurmCluster {
 public:
  explicit SlurmCluster(std::string dir) : dir_(std::move(dir)) {}
  ~SlurmCluster() { Stop(); }

  // Empty on success, else what went wrong (with the daemons' logs).
  std::string Start(int cpus) {
    for (const char* sub : {"munge", "state", "spool", "log"}) {
      fs::create_directories(dir_ + "/" + sub);
      ::chmod((dir_ + "/" + sub).c_str(), 0700);
    }
    const std::string key = dir_ + "/munge/munge.key";
    {
      std::ifstream random("/dev/urandom", std::ios::binary);
      std::string bytes(1024, '\0');
      random.read(bytes.data(), bytes.size());
      std::ofstream(key, std::ios::binary) << bytes;
      ::chmod(key.c_str(), 0600);
    }
    socket_ = dir_ + "/munge/munge.sock";
    pids_.push_back(StartDaemon(
        Find("munged"),
        {"--foreground", "--force", "--key-file=" + key, "--socket=" + socket_,
         "--pid-file=" + dir_ + "/munge/munged.pid",
         "--log-file=" + dir_ + "/log/munged.log",
         "--seed-file=" + dir_ + "/munge/munged.seed"},
        dir_ + "/log/munged.out"));
    if (!WaitFor([&] { return fs::exists(socket_); }, 20)) {
      return "munged did not start:\n" + Tail(dir_ + "/log/munged.out");
    }

    const std::string user = ::getpwuid(::geteuid())->pw_name;
    const std::string host = ShortHostName();
    conf_ = dir_ + "/slurm.conf";
    std::ofstream conf(conf_);
    conf << "ClusterName=raingantest\n"
         << "SlurmctldHost=" << host << "(127.0.0.1)\n"
         << "SlurmctldPort=" << FreePort() << "\n"
         << "SlurmdPort=" << FreePort() << "\n"
         << "SlurmUser=" << user << "\nSlurmdUser=" << user << "\n"
         << "AuthType=auth/munge\nCredType=cred/munge\n"
         << "AuthInfo=socket=" << socket_ << "\n"
         << "StateSaveLocation=" << dir_ << "/state\n"
         << "SlurmdSpoolDir=" << dir_ << "/spool\n"
         << "SlurmctldPidFile=" << dir_ << "/slurmctld.pid\n"
         << "SlurmdPidFile=" << dir_ << "/slurmd.pid\n"
         << "SlurmctldLogFile=" << dir_ << "/log/slurmctld.log\n"
         << "SlurmdLogFile=" << dir_
         << "/log/slurmd.log\n"
         // Array tasks side by side, a core each; no cgroups in a container.
         << "SelectType=select/cons_tres\nSelectTypeParameters=CR_Core\n"
         << "ProctrackType=proctrack/linuxproc\nTaskPlugin=task/none\n"
         << "JobAcctGatherType=jobacct_gather/none\n"
         << "AccountingStorageType=accounting_storage/none\n"
         // One line per finished task: state, exit code, start and end.
         << "JobCompType=jobcomp/filetxt\n"
         << "JobCompLoc=" << dir_ << "/log/jobcomp.log\n"
         << "MpiDefault=none\nReturnToService=2\n"
         << "SchedulerType=sched/backfill\n"
         << "SchedulerParameters=sched_interval=1\n"
         << "KillWait=10\nMinJobAge=600\nInactiveLimit=0\n"
         << "NodeName=raingan-node NodeHostname=" << host
         << " NodeAddr=127.0.0.1 CPUs=" << cpus
         << " RealMemory=4000 State=UNKNOWN\n"
         << "PartitionName=test Nodes=raingan-node Default=YES "
            "MaxTime=INFINITE State=UP\n";
    conf.close();
    ::setenv("SLURM_CONF", conf_.c_str(), 1);

    pids_.push_back(StartDaemon(Find("slurmctld"), {"-D", "-f", conf_},
                                dir_ + "/log/slurmctld.out"));
    pids_.push_back(StartDaemon(Find("slurmd"),
                                {"-D", "-f", conf_, "-N", "raingan-node"},
                                dir_ + "/log/slurmd.out"));
    bool idle = WaitFor(
        [&] {
          CommandResult r = RunCommand(Find("sinfo"), {"-h", "-o", "%T"});
          return r.exit_code == 0 && r.out.find("idle") != std::string::npos;
        },
        60);
    if (!idle) {
      return "the Slurm node did not come up:\n" +
             Tail(dir_ + "/log/slurmctld.out") +
             Tail(dir_ + "/log/slurmctld.log") +
             Tail(dir_ + "/log/slurmd.out") + Tail(dir_ + "/log/slurmd.log");
    }
    return "";
  }

  void Stop() {
    if (pids_.empty()) return;
    if (!conf_.empty()) {
      RunCommand(Find("scancel"), {"--user", ::getpwuid(::geteuid())->pw_name});
      WaitFor(
          [&] {
            CommandResult r = RunCommand(Find("squeue"), {"-h"});
            return r.exit_code != 0 || r.out.empty();
          },
          30);
    }
    // slurmd, slurmctld, then munged, which they need until they stop.
    for (auto it = pids_.rbegin(); it != pids_.rend(); ++it) {
      ::kill(*it, SIGTERM);
      bool gone =
          WaitFor([&] { return ::waitpid(*it, nullptr, WNOHANG) == *it; }, 15);
      if (!gone) {
        ::kill(*it, SIGKILL);
        ::waitpid(*it, nullptr, 0);
      }
    }
    pids_.clear();
    ::unsetenv("SLURM_CONF");
  }

  const std::string& dir() const { return dir_; }

 private:
  std::string dir_, socket_, conf_;
  std::vector<pid_t> pids_;
};

// What Slurm recorded of each finished task (jobcomp/filetxt): key=value.
std::vector<std::map<std::string, std::string>> FinishedTasks(
    const std::string& jobcomp) {
  std::vector<std::map<std::string, std::string>> tasks;
  std::ifstream in(jobcomp);
  std::string line;
  while (std::getline(in, line)) {
    std::map<std::string, std::string> fields;
    std::stringstream words(line);
    std::string word;
    while (words >> word) {
      size_t eq = word.find('=');
      if (eq != std::string::npos)
        fields[word.substr(0, eq)] = word.substr(eq + 1);
    }
    tasks.push_back(std::move(fields));
  }
  return tasks;
}

// Seconds between two of Slurm's times ("2026-12-02T07:02:12").
long Seconds(const std::string& start, const std::string& end) {
  auto parse = [](const std::string& t) {
    std::tm tm{};
    std::istringstream(t) >> std::get_time(&tm, "%Y-%m-%dT%H:%M:%S");
    return std::mktime(&tm);
  };
  return static_cast<long>(parse(end) - parse(start));
}

// The merged files and documents as a user reads them (timings left out).
std::map<std::string, std::string> Outputs(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const char* name : {"measures.jsonl", "measures.csv"}) {
    out[name] = ReadOr(dir + "/" + name, "(missing)");
  }
  for (nlohmann::json line :
       batch_test::ReadJsonLines(dir + "/results.jsonl")) {
    line.erase("seconds");
    out["results.jsonl"] += line.dump() + "\n";
  }
  for (const auto& e : fs::directory_iterator(dir + "/documents")) {
    out["documents/" + e.path().filename().string()] =
        ReadFile(e.path().string()).value();
  }
  return out;
}

class SlurmArrayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<std::string> missing;
    for (const char* tool : {"munged", "slurmctld", "slurmd", "sbatch",
                             "scancel", "squeue", "sinfo"}) {
      if (Find(tool).empty()) missing.push_back(tool);
    }
    if (!missing.empty()) {
      std::string why = "Slurm is not installed (no " + missing.front() +
                        "; apt-get install slurm-wlm munge, as "
                        "scripts/setup.sh does)";
      if (std::getenv("CI") != nullptr) FAIL() << why << ": CI must run this";
      GTEST_SKIP() << why;
    }
    dir_ = testing::MakeTempDir();
    ::chmod(dir_.c_str(), 0755);
    in_ = dir_ + "/in";
    // A mixed corpus: text exports, born PDFs, a small scan (one 100-dpi
    // page), a damaged PDF, and a last document that hangs on request.
    const std::map<std::string, std::string> files = {
        {"a/000.txt", SourcePath("samples/000_3cee52bff17396b4.txt")},
        {"a/002.txt", SourcePath("samples/002_f81f378ca2341cd5.txt")},
        {"a/004.txt", SourcePath("samples/004_4a7e64d5c0343923.txt")},
        {"a/000.born.pdf", SourcePath("samples/000_3cee52bff17396b4.born.pdf")},
        {"b/000.txt", SourcePath("samples/000_3cee52bff17396b4.txt")},
        {"b/002.born.pdf", SourcePath("samples/002_f81f378ca2341cd5.born.pdf")},
        {"b/truncated.pdf", TestDataPath("pdf/truncated.pdf")},
        {"c/004.born.pdf", SourcePath("samples/004_4a7e64d5c0343923.born.pdf")},
        {"c/002.txt", SourcePath("samples/002_f81f378ca2341cd5.txt")},
        {"c/scan100.jpg", TestDataPath("pdf/000_p8_scan100.jpg")},
        {"c/zz_hang.txt", SourcePath("samples/004_4a7e64d5c0343923.txt")},
    };
    for (const auto& [name, source] : files) {
      fs::create_directories(fs::path(in_ + "/" + name).parent_path());
      fs::copy_file(source, in_ + "/" + name);
      inputs_.push_back(in_ + "/" + name);
    }
    hang_ = in_ + "/c/zz_hang.txt";
    hang_shard_ = ShardOf(hang_);
    damaged_shard_ = ShardOf(in_ + "/b/truncated.pdf");
  }
  static int ShardOf(const std::string& path) {
    int k = 1;
    while (!batch::InShard(path, batch::Shard{k, kShards})) ++k;
    return k;
  }
  void TearDown() override {
    if (cluster_) cluster_->Stop();
    if (!dir_.empty() && !HasFailure()) fs::remove_all(dir_);
    if (HasFailure()) std::cerr << "slurm test files kept in " << dir_ << "\n";
  }

  // sbatch --wait for `array` (e.g. "0-3"); returns its result.
  CommandResult Submit(const std::string& array, const std::string& extra_env) {
    return RunCommand(
        Find("sbatch"),
        {"--wait", "--array=" + array, "--cpus-per-task=1",
         "--job-name=raingan-test", "--output=" + dir_ + "/logs/task-%A_%a.log",
         "--export=ALL,RAINGAN=" RAINGAN_BINARY + extra_env,
         SourcePath("contrib/slurm/raingan.sbatch"), std::to_string(kShards),
         out_, in_});
  }

  std::string dir_, in_, out_, hang_;
  int hang_shard_ = 1;
  int damaged_shard_ = 1;  // its task exits 1: a document failed
  std::vector<std::string> inputs_;
  std::unique_ptr<SlurmCluster> cluster_;
};

TEST_F(SlurmArrayTest, FourTasksThenMergeEqualOneMachine) {
  // One machine, for comparison.
  const std::string single = dir_ + "/single";
  auto t0 = Clock::now();
  CommandResult one =
      RunRaingan({"batch", in_, "--out", single, "--jobs", "2"});
  double single_seconds =
      std::chrono::duration<double>(Clock::now() - t0).count();
  ASSERT_EQ(one.exit_code, 1) << one.out << one.err;  // truncated.pdf fails

  cluster_ = std::make_unique<SlurmCluster>(dir_ + "/slurm");
  const int cpus = std::max(2u, std::thread::hardware_concurrency());
  std::string started = cluster_->Start(cpus);
  ASSERT_EQ(started, "");
  fs::create_directories(dir_ + "/logs");
  out_ = dir_ + "/out";

  // 1. The array, with the last document of one shard hanging: cancel that
  //    task once it is on that document, as a pre-emption would.
  auto first = std::async(std::launch::async, [&] {
    return Submit("0-" + std::to_string(kShards - 1),
                  ",RAINGAN_TEST_HANG_SECONDS=600");
  });
  const std::string hang_log_prefix = "zz_hang.txt.";
  bool hanging = WaitFor(
      [&] {
        if (!fs::exists(out_ + "/.raingan")) return false;
        for (const auto& e : fs::directory_iterator(out_ + "/.raingan")) {
          if (e.path().filename().string().starts_with(hang_log_prefix))
            return true;
        }
        return false;
      },
      300);
  ASSERT_TRUE(hanging) << "the array never reached the hanging document";
  CommandResult queue = RunCommand(Find("squeue"), {"-h", "-o", "%F %K %T"});
  std::string task_id;
  std::stringstream rows(queue.out);
  for (std::string job, index, state; rows >> job >> index >> state;) {
    if (index == std::to_string(hang_shard_ - 1)) task_id = job + "_" + index;
  }
  ASSERT_FALSE(task_id.empty()) << queue.out;
  ASSERT_EQ(RunCommand(Find("scancel"), {task_id}).exit_code, 0);
  CommandResult array = first.get();
  EXPECT_NE(array.exit_code, 0) << "one task was cancelled: " << array.out;

  // The cancelled shard wrote what it had done (SIGTERM stops raingan
  // cleanly), so the merge knows exactly what is missing.
  CommandResult early = RunRaingan({"merge", out_, "--inputs", in_});
  EXPECT_EQ(early.exit_code, 1);
  EXPECT_NE(
      early.err.find("1 of 11 inputs have no result in any shard: " + hang_),
      std::string::npos)
      << early.err;

  // 2. That task again, alone: it resumes and does only what is left.
  CommandResult again = Submit(std::to_string(hang_shard_ - 1), "");
  EXPECT_EQ(again.exit_code, hang_shard_ == damaged_shard_ ? 1 : 0)
      << again.out << again.err;

  // 3. Merge, and compare with the one machine.
  CommandResult merge = RunRaingan({"merge", out_, "--inputs", in_});
  ASSERT_EQ(merge.exit_code, 0) << merge.out << merge.err;
  std::map<std::string, std::string> merged = Outputs(out_);
  std::map<std::string, std::string> expected = Outputs(single);
  EXPECT_EQ(merged.size(), expected.size());
  for (const auto& [name, content] : expected) {
    EXPECT_EQ(merged[name], content) << name << " differs";
  }

  // Every document processed exactly once: each shard's runs together
  // extracted its share once (the rerun only the hanging document), and
  // each input has one result line in one shard.
  std::map<std::string, int> lines;
  int processed = 0;
  std::vector<std::string> logs;
  for (const auto& e : fs::directory_iterator(dir_ + "/logs")) {
    logs.push_back(e.path().string());
  }
  std::sort(logs.begin(), logs.end());
  std::regex this_run("this run: ([0-9]+) documents");
  for (const std::string& log : logs) {
    std::string text = ReadOr(log, "");
    for (auto m = std::sregex_iterator(text.begin(), text.end(), this_run);
         m != std::sregex_iterator(); ++m) {
      processed += std::stoi((*m)[1]);
    }
  }
  for (int k = 1; k <= kShards; ++k) {
    for (const nlohmann::json& r : batch_test::ReadJsonLines(
             out_ + "/results" + batch::ShardSuffix({k, kShards}) + ".jsonl")) {
      ++lines[r["path"]];
    }
  }
  EXPECT_EQ(processed, static_cast<int>(inputs_.size()))
      << "documents extracted by all runs of all tasks";
  EXPECT_EQ(lines.size(), inputs_.size());
  for (const auto& [path, n] : lines) EXPECT_EQ(n, 1) << path;

  // Every task's exit code, as Slurm recorded it.
  std::vector<std::map<std::string, std::string>> tasks =
      FinishedTasks(cluster_->dir() + "/log/jobcomp.log");
  ASSERT_EQ(tasks.size(), static_cast<size_t>(kShards + 1));
  std::cout << "slurm: " << kShards << " tasks over " << inputs_.size()
            << " documents (task " << hang_shard_ - 1
            << " cancelled on its last document and submitted again):\n";
  std::set<std::string> cancelled;
  for (const auto& t : tasks) {
    const std::string index = t.at("ArrayTaskId");
    std::cout << "  task " << index << " (job " << t.at("JobId")
              << "): " << t.at("JobState") << ", exit code " << t.at("ExitCode")
              << ", " << Seconds(t.at("StartTime"), t.at("EndTime")) << " s\n";
    if (t.at("JobState") == "CANCELLED") {
      cancelled.insert(index);
    } else {
      // 0, or 1 for the task whose share holds the damaged PDF: its shard
      // is complete, that document failed (results say why).
      bool damaged = std::stoi(index) == damaged_shard_ - 1;
      EXPECT_EQ(t.at("ExitCode"), damaged ? "1:0" : "0:0") << "task " << index;
      EXPECT_EQ(t.at("JobState"), damaged ? "FAILED" : "COMPLETED")
          << "task " << index;
    }
  }
  EXPECT_EQ(cancelled, std::set<std::string>{std::to_string(hang_shard_ - 1)});
  std::cout << "  documents processed: " << processed << " of "
            << inputs_.size() << ", each once; merged = single machine ("
            << expected.size() - 3 << " documents, same measures); one "
            << "machine took " << std::fixed << std::setprecision(1)
            << single_seconds << " s\n";
}

}  // namespace
}  // namespace raingan
