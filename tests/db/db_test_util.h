// Helpers shared by the database tests (tests/db/): a real batch output
// directory to load, the row counts its files promise, a raingan process
// in the background, and a real PostgreSQL server started for the test.
#ifndef RAINGAN_TESTS_DB_DB_TEST_UTIL_H_
#define RAINGAN_TESTS_DB_DB_TEST_UTIL_H_

#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "db/database.h"
#include "testing/run_cli.h"

namespace raingan::db_test {

namespace fs = std::filesystem;

inline bool WaitForFile(const std::string& path, double seconds) {
  auto deadline =
      std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!fs::exists(path)) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

// A batch output directory made by the real `raingan batch` from real
// reports: the three text exports of samples/ (an ITA report, another, and
// the five-year plan with its budget and risk tables), the first again
// under another directory (same bytes, another document), and an empty
// file (a failed input).
struct BatchFixture {
  std::string root;    // temporary directory holding everything
  std::string inputs;  // the batch's input directory
  std::string out;     // its output directory
  // Removes `root` when the last copy of the fixture goes.
  std::shared_ptr<void> cleanup;
};

// The inputs only; MakeBatch also runs the batch.
inline BatchFixture MakeInputs() {
  BatchFixture b;
  b.root = testing::MakeTempDir();
  b.cleanup = std::shared_ptr<void>(nullptr, [root = b.root](void*) {
    std::error_code ec;
    fs::remove_all(root, ec);
  });
  b.inputs = b.root + "/reports";
  b.out = b.root + "/out";
  fs::create_directories(b.inputs + "/amphoe-1");
  fs::create_directories(b.inputs + "/amphoe-2");
  for (const char* id : {"000_3cee52bff17396b4", "002_f81f378ca2341cd5",
                         "004_4a7e64d5c0343923"}) {
    std::string name = std::string(id) + ".txt";
    fs::copy_file(testing::SourcePath("samples/" + name),
                  b.inputs + "/amphoe-1/" + name);
  }
  fs::copy_file(testing::SourcePath("samples/000_3cee52bff17396b4.txt"),
                b.inputs + "/amphoe-2/000_3cee52bff17396b4.txt");
  std::ofstream(b.inputs + "/amphoe-2/empty.txt");
  return b;
}

inline BatchFixture MakeBatch(const std::vector<std::string>& extra_args = {}) {
  BatchFixture b = MakeInputs();
  std::vector<std::string> args = {"batch",  b.inputs, "--out",  b.out,
                                   "--jobs", "2",      "--quiet"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  testing::RunRaingan(args);
  return b;
}

inline std::vector<nlohmann::json> JsonLines(const std::string& path) {
  std::vector<nlohmann::json> lines;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
  }
  return lines;
}

// The rows each table should hold after loading `out`, counted from the
// batch's files: results.jsonl (one document row per input),
// measures.jsonl (one row per measure, its items, warnings, ...) and the
// document JSONs (document-level lists and plan tables).
inline std::map<std::string, int64_t> ExpectedRows(const std::string& out) {
  std::map<std::string, int64_t> n;
  for (const char* table :
       {"documents", "document_issues", "document_warnings", "measures",
        "measure_items", "measure_field_confidence", "measure_review",
        "measure_warnings", "measure_fiscal_years", "measure_period_runs",
        "budget_lines", "budget_line_amounts", "budget_totals",
        "budget_total_amounts", "risks", "risk_items", "ita_scores"}) {
    n[table] = 0;
  }
  for (const nlohmann::json& r : JsonLines(out + "/results.jsonl")) {
    ++n["documents"];
    if (r["status"] == "failed") continue;
    nlohmann::json doc =
        testing::ReadJsonFile(out + "/" + r["output"].get<std::string>());
    n["document_warnings"] += doc["warnings"].size();
    if (doc.contains("issues")) n["document_issues"] += doc["issues"].size();
    if (doc.contains("scores")) n["ita_scores"] += doc["scores"].size();
    if (doc.contains("plan")) {
      const nlohmann::json& plan = doc["plan"];
      n["budget_lines"] += plan["budget_lines"].size();
      for (const auto& line : plan["budget_lines"]) {
        n["budget_line_amounts"] += line["by_year"].size();
      }
      n["budget_totals"] += plan["budget_totals"].size();
      for (const auto& total : plan["budget_totals"]) {
        std::set<std::string> years;
        for (const auto& [y, v] : total["stated"].items()) years.insert(y);
        for (const auto& [y, v] : total["computed"].items()) years.insert(y);
        n["budget_total_amounts"] += years.size();
      }
      n["risks"] += plan["risks"].size();
      for (const auto& risk : plan["risks"]) {
        n["risk_items"] += risk["risks"].size() + risk["controls"].size();
      }
    }
  }
  for (const nlohmann::json& line : JsonLines(out + "/measures.jsonl")) {
    const nlohmann::json& m = line["measure"];
    ++n["measures"];
    for (const char* field :
         {"method", "owner", "output", "outcome", "recommendation"}) {
      if (m.contains(field)) n["measure_items"] += m[field].size();
    }
    if (m.contains("extra")) {
      for (const auto& [name, items] : m["extra"].items()) {
        n["measure_items"] += items.size();
      }
    }
    if (m.contains("field_confidence")) {
      n["measure_field_confidence"] += m["field_confidence"].size();
    }
    if (m.contains("review")) n["measure_review"] += m["review"].size();
    n["measure_warnings"] += m["warnings"].size();
    n["measure_fiscal_years"] += m["period"]["fiscal_years"].size();
    if (m["period"].contains("runs")) {
      n["measure_period_runs"] += m["period"]["runs"].size();
    }
  }
  return n;
}

inline int64_t CountRows(db::Database& db, const std::string& table) {
  Result<std::vector<db::TextRow>> rows =
      db.Query("SELECT COUNT(*) FROM " + table);
  if (!rows.ok() || rows->empty() || !(*rows)[0][0]) return -1;
  return std::stoll(*(*rows)[0][0]);
}

inline std::map<std::string, int64_t> ActualRows(
    db::Database& db, const std::map<std::string, int64_t>& expected) {
  std::map<std::string, int64_t> n;
  for (const auto& [table, count] : expected) n[table] = CountRows(db, table);
  return n;
}

// One value of a query's first row (empty when NULL or no row).
inline std::string QueryValue(db::Database& db, const std::string& sql) {
  Result<std::vector<db::TextRow>> rows = db.Query(sql);
  if (!rows.ok() || rows->empty() || !(*rows)[0][0]) return "";
  return *(*rows)[0][0];
}

// Every document in the database has all the rows its JSON promises, or
// the database does not have it: what "atomic per document" means to a
// reader. Returns the paths of documents present but incomplete.
inline std::vector<std::string> IncompleteDocuments(db::Database& db) {
  std::vector<std::string> incomplete;
  Result<std::vector<db::TextRow>> rows = db.Query(
      "SELECT d.source_path, d.measure_count, "
      "(SELECT COUNT(*) FROM measures m WHERE m.document_id = d.document_id) "
      "FROM documents d");
  if (!rows.ok()) return {"query failed: " + rows.status().message()};
  for (const db::TextRow& r : *rows) {
    if (r[1] != r[2]) incomplete.push_back(r[0].value_or("?"));
  }
  return incomplete;
}

// Every measure of measures.jsonl is in the database as its row and its
// items, in order: the loader wrote what the files say.
inline void ExpectMeasuresMatchJsonl(db::Database& db, const std::string& out) {
  using Key = std::pair<std::string, int>;
  std::map<Key, db::TextRow> measures;
  Result<std::vector<db::TextRow>> rows = db.Query(
      "SELECT d.source_path, m.measure_no, m.printed_id, m.measure, "
      "m.period_text, m.period_start, m.period_end, m.page, m.line, "
      "m.table_no, m.row_no FROM measures m JOIN documents d "
      "USING (document_id)");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  for (db::TextRow& r : *rows) {
    measures[{*r[0], std::stoi(*r[1])}] = std::move(r);
  }
  std::map<std::pair<Key, std::string>, std::vector<std::string>> items;
  rows = db.Query(
      "SELECT d.source_path, i.measure_no, i.field, i.text FROM measure_items "
      "i JOIN documents d USING (document_id) "
      "ORDER BY d.source_path, i.measure_no, i.field, i.position");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  for (const db::TextRow& r : *rows) {
    items[{{*r[0], std::stoi(*r[1])}, *r[2]}].push_back(*r[3]);
  }
  auto text = [](const nlohmann::json& v) -> std::optional<std::string> {
    if (v.is_null()) return std::nullopt;
    return v.is_string() ? v.get<std::string>() : v.dump();
  };
  std::map<std::string, int> next_no;
  size_t checked = 0;
  for (const nlohmann::json& line : JsonLines(out + "/measures.jsonl")) {
    std::string path = line["source"]["path"];
    const nlohmann::json& m = line["measure"];
    Key key{path, ++next_no[path]};
    auto it = measures.find(key);
    ASSERT_NE(it, measures.end()) << path << " measure " << key.second;
    const db::TextRow& r = it->second;
    EXPECT_EQ(r[2], text(m["id"])) << path << " " << key.second;
    EXPECT_EQ(r[3], text(m["measure"])) << path << " " << key.second;
    EXPECT_EQ(r[4], text(m["period"]["text"]));
    EXPECT_EQ(r[5], text(m["period"]["start"]));
    EXPECT_EQ(r[6], text(m["period"]["end"]));
    EXPECT_EQ(r[7], text(m["provenance"]["page"]));
    EXPECT_EQ(r[8], text(m["provenance"]["line"]));
    EXPECT_EQ(r[9], text(m["provenance"]["table"]));
    EXPECT_EQ(r[10], text(m["provenance"]["row"]));
    for (const char* field : {"method", "owner", "output", "outcome"}) {
      std::vector<std::string> want = m[field].get<std::vector<std::string>>();
      std::vector<std::string> got = items[{key, field}];
      EXPECT_EQ(got, want) << path << " " << field;
    }
    ++checked;
  }
  EXPECT_EQ(checked, measures.size());
}

// A raingan process in the background with extra environment variables;
// its output goes to `log`. Returns its pid (the caller reaps it).
inline pid_t SpawnRaingan(
    const std::vector<std::string>& args,
    const std::vector<std::pair<std::string, std::string>>& env,
    const std::string& log) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  int out = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int null = open("/dev/null", O_RDONLY);
  dup2(null, 0);
  dup2(out, 1);
  dup2(out, 2);
  for (const auto& [name, value] : env) setenv(name.c_str(), value.c_str(), 1);
  std::vector<char*> argv = {const_cast<char*>(RAINGAN_BINARY)};
  for (const std::string& a : args)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  execv(RAINGAN_BINARY, argv.data());
  _exit(127);
}

// Waits for `pid`; returns its exit code, 128+N if killed by signal N.
inline int WaitExit(pid_t pid) {
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

inline std::string ReadText(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in),
                     std::istreambuf_iterator<char>());
}

// An unused TCP port on 127.0.0.1 (the kernel's pick; free when returned).
inline int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof(addr);
  int port = -1;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  close(fd);
  return port;
}

// The directory of Debian's PostgreSQL server binaries (initdb, postgres):
// $RAINGAN_PG_BINDIR, else the newest /usr/lib/postgresql/N/bin. Empty
// when not installed (apt-get install postgresql-15).
inline std::string PostgresBinDir() {
  if (const char* dir = std::getenv("RAINGAN_PG_BINDIR")) return dir;
  std::string best;
  int best_version = -1;
  std::error_code ec;
  for (auto it = fs::directory_iterator("/usr/lib/postgresql", ec);
       !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::string bin = it->path().string() + "/bin";
    int version = std::atoi(it->path().filename().c_str());
    if (fs::exists(bin + "/initdb") && fs::exists(bin + "/postgres") &&
        version > best_version) {
      best = bin;
      best_version = version;
    }
  }
  return best;
}

// A throw-away PostgreSQL server on 127.0.0.1 and a free port, with its
// own data directory under /tmp, trusting local connections. As root it
// runs as the `postgres` user (the server refuses root). It stops when the
// object is destroyed, and — through the parent-death signal — also when
// the test process dies without destroying it.
class PostgresServer {
 public:
  PostgresServer() = default;
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;
  ~PostgresServer() {
    Stop();
    if (!base_.empty()) fs::remove_all(base_);
  }

  // initdb + start; false with the reason in error().
  bool Start() {
    bin_ = PostgresBinDir();
    if (bin_.empty()) return Fail("no PostgreSQL server binaries");
    // Under /tmp whatever TMPDIR says: the server's user must reach it.
    char templ[] = "/tmp/raingan_pg_XXXXXX";
    if (mkdtemp(templ) == nullptr) return Fail("no temporary directory");
    base_ = templ;
    chmod(base_.c_str(), 0755);
    if (!ResolveUser()) return false;
    if (chown(base_.c_str(), uid_, gid_) != 0 && geteuid() == 0) {
      return Fail("cannot give " + base_ + " to the server's user");
    }
    pid_t initdb =
        Run({bin_ + "/initdb", "-D", base_ + "/data", "-U", "postgres", "-A",
             "trust", "-E", "UTF8", "--no-locale", "--no-sync"},
            base_ + "/initdb.log", /*die_with_parent=*/false);
    if (WaitExit(initdb) != 0) {
      return Fail("initdb failed: " + ReadText(base_ + "/initdb.log"));
    }
    for (int attempt = 0; attempt < 3; ++attempt) {
      port_ = FreePort();
      if (Launch()) return true;
    }
    return false;
  }

  // Starts the server again (same data, same port) after Stop().
  bool Restart() { return Launch(); }

  // Fast shutdown: sessions are ended, the server exits.
  void Stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGINT);
    for (int i = 0; i < 600; ++i) {
      int status;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

  std::string Url(const std::string& database = "postgres") const {
    return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" +
           database;
  }
  int port() const { return port_; }
  const std::string& error() const { return error_; }

 private:
  bool Fail(const std::string& why) {
    error_ = why;
    return false;
  }

  bool ResolveUser() {
    uid_ = geteuid();
    gid_ = getegid();
    if (uid_ != 0) return true;
    for (const char* name : {"postgres", "nobody"}) {
      if (passwd* pw = getpwnam(name)) {
        uid_ = pw->pw_uid;
        gid_ = pw->pw_gid;
        return true;
      }
    }
    return Fail("running as root and no 'postgres' or 'nobody' user");
  }

  // Forks `argv` as the server's user, output to `log`.
  pid_t Run(const std::vector<std::string>& argv, const std::string& log,
            bool die_with_parent) {
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid != 0) return pid;
    int out = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int null = open("/dev/null", O_RDONLY);
    dup2(null, 0);
    dup2(out, 1);
    dup2(out, 2);
    if (geteuid() == 0) {
      if (setgroups(0, nullptr) != 0 || setgid(gid_) != 0 ||
          setuid(uid_) != 0) {
        _exit(126);
      }
    }
    // After setuid, which clears it. SIGQUIT: immediate shutdown.
    if (die_with_parent) {
      prctl(PR_SET_PDEATHSIG, SIGQUIT);
      if (getppid() != parent) _exit(1);
    }
    std::vector<char*> args;
    for (const std::string& a : argv)
      args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }

  bool Launch() {
    pid_ = Run(
        {bin_ + "/postgres", "-D", base_ + "/data", "-p", std::to_string(port_),
         "-k", base_, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
         "-c", "max_connections=20"},
        base_ + "/server.log", /*die_with_parent=*/true);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
      int status;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return Fail("the server exited: " + ReadText(base_ + "/server.log"));
      }
      db::Database probe(Url());
      if (probe.ok()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    Stop();
    return Fail("the server did not start in 30 s: " +
                ReadText(base_ + "/server.log"));
  }

  std::string bin_, base_, error_;
  uid_t uid_ = 0;
  gid_t gid_ = 0;
  int port_ = -1;
  pid_t pid_ = -1;
};

// In a test's SetUp: skip (locally) or fail (in CI, where a skip would
// hide that the PostgreSQL tests did not run) when the server binaries are
// missing.
#define RAINGAN_REQUIRE_POSTGRES_BINARIES()                               \
  do {                                                                    \
    if (::raingan::db_test::PostgresBinDir().empty()) {                   \
      if (std::getenv("CI") != nullptr) {                                 \
        FAIL() << "CI is set but the PostgreSQL server binaries are "     \
                  "missing: scripts/setup.sh must install postgresql-15"; \
      }                                                                   \
      GTEST_SKIP() << "PostgreSQL server binaries not installed "         \
                      "(apt-get install postgresql-15)";                  \
    }                                                                     \
  } while (0)

}  // namespace raingan::db_test

#endif  // RAINGAN_TESTS_DB_DB_TEST_UTIL_H_
