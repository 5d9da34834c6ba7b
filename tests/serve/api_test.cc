// The HTTP API of `raingan serve`, through real HTTP: the test starts the
// server binary on a free localhost port, as another system would use it,
// and checks that it answers like the CLI and survives what a network
// sends it (bad files, oversized and garbled requests, bursts, killed
// workers).
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "base/file.h"
#include "http/client.h"
#include "testing/run_cli.h"
#include "testing/serve_process.h"

namespace raingan {
namespace {

using nlohmann::json;
using serve_test::ServeProcess;
using testing::RunRaingan;
using testing::SourcePath;
using testing::TestDataPath;

std::string Sample() { return SourcePath("samples/000_3cee52bff17396b4.txt"); }

std::unique_ptr<ServeProcess> StartServer(
    const std::vector<std::string>& args = {},
    const std::vector<std::string>& env = {}) {
  std::string error;
  std::unique_ptr<ServeProcess> s = ServeProcess::Start(args, env, &error);
  EXPECT_NE(s, nullptr) << error;
  return s;
}

json Parse(const std::string& text) {
  return json::parse(text, nullptr, /*allow_exceptions=*/false);
}

// The target for POST /v1/extract recording `path` as the source.
std::string ExtractTarget(const std::string& path,
                          const std::string& extra = "") {
  return "/v1/extract?name=" + http::PercentEncode(path) + extra;
}

// Polls a job until it is done or failed (or 60 s pass).
json WaitJob(const ServeProcess& s, const std::string& id) {
  for (int i = 0; i < 600; ++i) {
    json job = Parse(s.Get("/v1/jobs/" + id).body);
    if (job.is_object() &&
        (job["status"] == "done" || job["status"] == "failed")) {
      return job;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return json();
}

bool Healthy(const ServeProcess& s) {
  http::ClientResponse r = s.Get("/v1/health");
  return r.status == 200 && Parse(r.body)["status"] == "ok";
}

bool WaitHealthy(const ServeProcess& s, double seconds = 20) {
  for (int i = 0; i < seconds * 10; ++i) {
    if (Healthy(s)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

TEST(ServeApiTest, ExtractAnswersWhatTheCliWrites) {
  auto s = StartServer();
  ASSERT_NE(s, nullptr);
  for (const std::string& path : {Sample(), TestDataPath("pdf/002_p1-3.pdf")}) {
    std::string bytes = ReadFile(path).value();
    http::ClientResponse r = s->Post(ExtractTarget(path), bytes);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.Header("Content-Type"), "application/json");
    testing::CommandResult cli = RunRaingan({"extract", path});
    ASSERT_EQ(cli.exit_code, 0);
    EXPECT_EQ(Parse(r.body), Parse(cli.out)) << path;
    // Byte for byte, as the CLI prints it.
    EXPECT_EQ(r.body, cli.out);
  }
  // --compact and --layout as query options.
  std::string bytes = ReadFile(Sample()).value();
  http::ClientResponse compact =
      s->Post(ExtractTarget(Sample(), "&compact=1&layout=1"), bytes);
  ASSERT_EQ(compact.status, 200);
  testing::CommandResult cli =
      RunRaingan({"extract", Sample(), "--compact", "--layout"});
  EXPECT_EQ(compact.body, cli.out);
}

TEST(ServeApiTest, MultipartUploadNamesTheSourceByItsFileName) {
  auto s = StartServer();
  ASSERT_NE(s, nullptr);
  std::string type;
  std::string body = serve_test::MultipartFile(
      "file", "000_3cee52bff17396b4.txt", ReadFile(Sample()).value(), &type);
  http::ClientResponse r = s->Post("/v1/extract", body, type);
  ASSERT_EQ(r.status, 200) << r.body;
  json doc = Parse(r.body);
  EXPECT_EQ(doc["source"]["path"], "000_3cee52bff17396b4.txt");
  json cli = Parse(RunRaingan({"extract", Sample()}).out);
  cli["source"]["path"] = "000_3cee52bff17396b4.txt";
  EXPECT_EQ(doc, cli);
  // A multipart body without a file.
  http::ClientResponse none = s->Post(
      "/v1/extract",
      "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--b--\r\n",
      "multipart/form-data; boundary=b");
  EXPECT_EQ(none.status, 400) << none.body;
}

TEST(ServeApiTest, BadFileGets422WithTheCliErrorText) {
  auto s = StartServer();
  ASSERT_NE(s, nullptr);
  for (const std::string& path :
       {TestDataPath("pdf/encrypted.pdf"), TestDataPath("pdf/truncated.pdf"),
        TestDataPath("text/empty.txt"), TestDataPath("text/garbage.txt")}) {
    testing::CommandResult cli = RunRaingan({"extract", path});
    http::ClientResponse r =
        s->Post(ExtractTarget(path), ReadFile(path).value());
    if (cli.exit_code == 0) {  // a file the CLI reads (with warnings)
      EXPECT_EQ(r.status, 200) << path;
      continue;
    }
    ASSERT_EQ(r.status, 422) << path << ": " << r.body;
    EXPECT_EQ("raingan: " + Parse(r.body)["error"].get<std::string>() + "\n",
              cli.err)
        << path;
  }
  EXPECT_TRUE(Healthy(*s));
}

// Issue 20's hostile files, uploaded: refused from their headers by the
// same size limits as the CLI (image/limits.h), with the CLI's message,
// long before a worker could spend gigabytes on them.
TEST(ServeApiTest, PixelBombsGet422FastWithTheCliErrorText) {
  auto s = StartServer();
  ASSERT_NE(s, nullptr);
  for (const char* name :
       {"bomb_40000.png", "bomb_40000.jpg", "bomb_40000.tif"}) {
    const std::string path = TestDataPath(std::string("limits/") + name);
    testing::CommandResult cli = RunRaingan({"extract", path});
    ASSERT_EQ(cli.exit_code, 1) << name;
    auto start = std::chrono::steady_clock::now();
    http::ClientResponse r =
        s->Post(ExtractTarget(path), ReadFile(path).value());
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    ASSERT_EQ(r.status, 422) << name << ": " << r.body;
    EXPECT_EQ("raingan: " + Parse(r.body)["error"].get<std::string>() + "\n",
              cli.err);
    EXPECT_NE(cli.err.find("(--max-pixels)"), std::string::npos) << cli.err;
    // Measured here (curl, one run): 12-15 ms a bomb, the fork of a
    // worker included; decoding the PNG would take 6.4 GB and minutes.
    EXPECT_LT(seconds, 1.0) << name;
  }
  // A PDF whose one page draws a bomb: that page is not read, so nothing
  // is, and the document fails with the CLI's reason, as in a batch.
  const std::string pdf = TestDataPath("limits/bomb_image.pdf");
  auto start = std::chrono::steady_clock::now();
  http::ClientResponse r = s->Post(ExtractTarget(pdf), ReadFile(pdf).value());
  EXPECT_LT(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count(),
      1.0);
  ASSERT_EQ(r.status, 422) << r.body;
  testing::CommandResult cli = RunRaingan({"extract", pdf});
  EXPECT_NE(cli.exit_code, 0);
  EXPECT_NE(r.body.find("over the 200 Mpx limit (--max-pixels)"),
            std::string::npos);
  EXPECT_NE(cli.err.find("over the 200 Mpx limit (--max-pixels)"),
            std::string::npos);
  EXPECT_TRUE(Healthy(*s));
}

TEST(ServeApiTest, TheServersLimitsApplyToEveryRequest) {
  // --max-pixels and --max-pages are the server's, as for extract: a
  // request cannot raise them (there is no such query option).
  auto s = StartServer({"--max-pixels", "100000", "--max-pages", "1"});
  ASSERT_NE(s, nullptr);
  const std::string jpg = TestDataPath("limits/cell_600dpi.jpg");
  testing::CommandResult cli =
      RunRaingan({"extract", jpg, "--max-pixels", "100000"});
  ASSERT_EQ(cli.exit_code, 1) << cli.err;
  http::ClientResponse r = s->Post(ExtractTarget(jpg), ReadFile(jpg).value());
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ("raingan: " + Parse(r.body)["error"].get<std::string>() + "\n",
            cli.err);
  EXPECT_EQ(s->Post(ExtractTarget(jpg, "&max_pixels=999999999"),
                    ReadFile(jpg).value())
                .status,
            400);
  // The same through a job, and for the page limit.
  const std::string pdf = TestDataPath("pdf/002_p1-3.pdf");
  json job = Parse(s->Post("/v1/jobs?name=" + http::PercentEncode(pdf),
                           ReadFile(pdf).value())
                       .body);
  ASSERT_TRUE(job["id"].is_string()) << job.dump();
  json failed = WaitJob(*s, job["id"]);
  EXPECT_EQ(failed["status"], "failed");
  cli = RunRaingan({"extract", pdf, "--max-pages", "1"});
  ASSERT_EQ(cli.exit_code, 1) << cli.err;
  EXPECT_EQ("raingan: " + failed["error"].get<std::string>() + "\n", cli.err);
}

TEST(ServeApiTest, BodyOverTheLimitGets413AndTheServerGoesOn) {
  auto s = StartServer({"--max-body", "1M"});
  ASSERT_NE(s, nullptr);
  std::string big(1536 * 1024, 'x');
  http::ClientResponse r = s->Post("/v1/extract", big);
  EXPECT_EQ(r.status, 413);
  EXPECT_TRUE(Parse(r.body)["error"].is_string());
  // Chunked, so the size is only known while reading.
  std::string chunked =
      "POST /v1/extract HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
      "chunked\r\nConnection: close\r\n\r\n";
  for (int i = 0; i < 24; ++i)
    chunked += "10000\r\n" + std::string(0x10000, 'y') + "\r\n";
  chunked += "0\r\n\r\n";
  std::string answer = serve_test::RawExchange(s->port(), chunked);
  EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer.substr(0, 200);
  // Just under the limit is read (and is a bad file).
  http::ClientResponse small = s->Post("/v1/extract", std::string(1000, 'x'));
  EXPECT_NE(small.status, 413);
  EXPECT_TRUE(Healthy(*s));
}

TEST(ServeApiTest, GarbageOnTheWireNeverStopsTheServer) {
  auto s = StartServer();
  ASSERT_NE(s, nullptr);
  const std::vector<std::string> garbage = {
      "GARBAGE\r\n\r\n",
      std::string("\x00\xff\xfe binary \x01\x02\r\n\r\n", 20),
      "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\n\r\n",
      "GET /v1/health HTTP/1.1\r\nX: " + std::string(20000, 'h') + "\r\n\r\n",
      "POST /v1/extract HTTP/1.1\r\nContent-Length: 100\r\n\r\nshort",
      "POST /v1/extract HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
      "POST /v1/extract HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      "POST /v1/extract HTTP/1.1\r\nContent-Type: multipart/form-data; "
      "boundary=q\r\nContent-Length: 20\r\n\r\n--q\r\nbroken\r\n\r\n",
      "GET /v1/health HTTP/1.1\r\n",  // headers never end
  };
  for (const std::string& g : garbage) {
    serve_test::RawExchange(s->port(), g, 0.3);
  }
  // A client that hangs up before the answer is written.
  serve_test::RawExchange(s->port(),
                          "GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n", 0);
  EXPECT_TRUE(s->Alive());
  EXPECT_TRUE(Healthy(*s));
  http::ClientResponse r =
      s->Post(ExtractTarget(Sample()), ReadFile(Sample()).value());
  EXPECT_EQ(r.status, 200);
}

TEST(ServeApiTest, OptionsAreCheckedAndPathsAreNeverNamed) {
  auto s = StartServer();
  ASSERT_NE(s, nullptr);
  std::string bytes = ReadFile(Sample()).value();
  EXPECT_EQ(s->Post("/v1/extract?colour=red", bytes).status, 400);
  EXPECT_EQ(s->Post("/v1/extract?ocr=sometimes", bytes).status, 400);
  EXPECT_EQ(s->Post("/v1/extract?ocr_dpi=5000", bytes).status, 400);
  // A pipeline is a name in pipelines/, never a file the server would read.
  EXPECT_EQ(
      s->Post("/v1/extract?pipeline=..%2F..%2Fetc%2Fpasswd", bytes).status,
      400);
  EXPECT_EQ(s->Post("/v1/extract?pipeline=%2Fetc%2Fpasswd", bytes).status, 400);
  EXPECT_EQ(s->Post("/v1/extract?pipeline=nonesuch", bytes).status, 400);
  EXPECT_EQ(s->Post("/v1/extract?pipeline=ita-report", bytes).status, 200);
  EXPECT_EQ(s->Post("/v1/extract?ocr=off&ocr_dpi=200", bytes).status, 200);
  EXPECT_EQ(s->Get("/v1/extract").status, 405);
  EXPECT_EQ(s->Get("/v1/nothing").status, 404);
  EXPECT_EQ(s->Get("/v1/jobs/..%2F..%2Fetc%2Fpasswd").status, 404);
  EXPECT_EQ(s->Get("/v1/jobs/00000000000000000000000000000000").status, 404);
}

TEST(ServeApiTest, JobsReportStatusProgressInPagesAndTheResult) {
  auto s = StartServer();
  ASSERT_NE(s, nullptr);
  const std::string pdf = TestDataPath("pdf/002_p1-3.pdf");
  http::ClientResponse r = s->Post("/v1/jobs?name=" + http::PercentEncode(pdf),
                                   ReadFile(pdf).value());
  ASSERT_EQ(r.status, 202) << r.body;
  json job = Parse(r.body);
  std::string id = job["id"];
  EXPECT_EQ(id.size(), 32u);
  EXPECT_EQ(r.Header("Location"), "/v1/jobs/" + id);
  EXPECT_TRUE(job["status"] == "queued" || job["status"] == "running");
  json done = WaitJob(*s, id);
  ASSERT_EQ(done["status"], "done") << done.dump();
  EXPECT_EQ(done["progress"]["pages_total"], 3);
  EXPECT_EQ(done["progress"]["pages_done"], 3);
  EXPECT_TRUE(done["error"].is_null());
  json cli = Parse(RunRaingan({"extract", pdf}).out);
  EXPECT_EQ(done["result"], cli);
  http::ClientResponse result = s->Get("/v1/jobs/" + id + "/result");
  EXPECT_EQ(result.status, 200);
  EXPECT_EQ(Parse(result.body), cli);
  // Forgotten on request.
  EXPECT_EQ(s->Delete("/v1/jobs/" + id).status, 204);
  EXPECT_EQ(s->Get("/v1/jobs/" + id).status, 404);
  // A failed job says why, as the CLI does.
  const std::string bad = TestDataPath("pdf/encrypted.pdf");
  r = s->Post("/v1/jobs?name=" + http::PercentEncode(bad),
              ReadFile(bad).value());
  json failed = WaitJob(*s, Parse(r.body)["id"]);
  EXPECT_EQ(failed["status"], "failed");
  EXPECT_EQ("raingan: " + failed["error"].get<std::string>() + "\n",
            RunRaingan({"extract", bad}).err);
  EXPECT_EQ(
      s->Get("/v1/jobs/" + failed["id"].get<std::string>() + "/result").status,
      422);
}

TEST(ServeApiTest, AJobShowsItsPagesAsTheyAreOcred) {
  // One worker: its OCR threads read the two scanned pages at 1-2 s a
  // page, long enough for polls every 20 ms to see the job part done.
  auto s = StartServer({"--workers", "1"});
  ASSERT_NE(s, nullptr);
  const std::string scan = TestDataPath("ocr/000_p8-9.scan.pdf");
  json job = Parse(s->Post("/v1/jobs?name=" + http::PercentEncode(scan),
                           ReadFile(scan).value())
                       .body);
  ASSERT_TRUE(job["id"].is_string()) << job.dump();
  const std::string id = job["id"];
  bool saw_part_done = false;
  json last;
  int previous_ocr_done = 0;
  for (int i = 0; i < 3000; ++i) {
    last = Parse(s->Get("/v1/jobs/" + id).body);
    ASSERT_TRUE(last.is_object());
    const json& p = last["progress"];
    EXPECT_GE(p["ocr_pages_done"].get<int>(), previous_ocr_done);  // never back
    previous_ocr_done = p["ocr_pages_done"].get<int>();
    if (last["status"] == "running" && p["pages_total"] == 2 &&
        p["ocr_pages_total"] == 2 && p["ocr_pages_done"].get<int>() < 2) {
      saw_part_done = true;
    }
    if (last["status"] == "done" || last["status"] == "failed") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_EQ(last["status"], "done") << last.dump();
  EXPECT_TRUE(saw_part_done) << "no poll saw the job running with pages "
                                "still to OCR";
  EXPECT_EQ(last["progress"], json({{"pages_done", 2},
                                    {"pages_total", 2},
                                    {"ocr_pages_done", 2},
                                    {"ocr_pages_total", 2}}));
}

// RAINGAN_TEST_HANG_SECONDS makes a document named *hang* wait in its
// worker (batch/isolated_extract.h): a long job on demand.
const std::vector<std::string> kHang = {"RAINGAN_TEST_HANG_SECONDS=30"};

TEST(ServeApiTest, TooManyDocumentsAtOnceGet429UntilOneFinishes) {
  auto s = StartServer({"--workers", "1", "--queue", "1"}, kHang);
  ASSERT_NE(s, nullptr);
  std::string bytes = ReadFile(Sample()).value();
  json a = Parse(s->Post("/v1/jobs?name=hang-a.txt", bytes).body);
  json b = Parse(s->Post("/v1/jobs?name=hang-b.txt", bytes).body);
  ASSERT_TRUE(a["id"].is_string() && b["id"].is_string());
  http::ClientResponse refused = s->Post(ExtractTarget(Sample()), bytes);
  EXPECT_EQ(refused.status, 429) << refused.body;
  EXPECT_EQ(refused.Header("Retry-After"), "2");
  EXPECT_EQ(s->Post("/v1/jobs", bytes).status, 429);
  EXPECT_TRUE(Healthy(*s));  // health is answered while the workers are busy
  // Cancelling frees a place.
  EXPECT_EQ(s->Delete("/v1/jobs/" + a["id"].get<std::string>()).status, 202);
  EXPECT_EQ(s->Delete("/v1/jobs/" + b["id"].get<std::string>()).status, 202);
  EXPECT_EQ(WaitJob(*s, a["id"])["error"], "hang-a.txt: cancelled");
  EXPECT_EQ(WaitJob(*s, b["id"])["error"], "hang-b.txt: cancelled");
  EXPECT_EQ(s->Post(ExtractTarget(Sample()), bytes).status, 200);
}

TEST(ServeApiTest, AKilledWorkerFailsOnlyItsDocument) {
  auto s = StartServer({"--workers", "2"}, kHang);
  ASSERT_NE(s, nullptr);
  std::string bytes = ReadFile(Sample()).value();
  json job = Parse(s->Post("/v1/jobs?name=hang.txt", bytes).body);
  std::vector<pid_t> workers;
  for (int i = 0; i < 100 && workers.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    workers = s->WorkerPids();
  }
  ASSERT_EQ(workers.size(), 1u);
  pid_t host = s->HostPid();
  ::kill(workers[0], SIGKILL);
  json failed = WaitJob(*s, job["id"]);
  EXPECT_EQ(failed["status"], "failed");
  EXPECT_NE(failed["error"].get<std::string>().find("killed by SIGKILL"),
            std::string::npos)
      << failed.dump();
  // Same host, still serving.
  EXPECT_EQ(s->HostPid(), host);
  EXPECT_EQ(s->Post(ExtractTarget(Sample()), bytes).status, 200);
}

TEST(ServeApiTest, AKilledWorkerHostIsReplacedAndItsRequestsFail503) {
  auto s = StartServer({}, kHang);
  ASSERT_NE(s, nullptr);
  std::string bytes = ReadFile(Sample()).value();
  std::atomic<int> status{0};
  std::thread waiting(
      [&] { status = s->Post("/v1/extract?name=hang.txt", bytes).status; });
  for (int i = 0; i < 100 && s->WorkerPids().empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  pid_t host = s->HostPid();
  ASSERT_GT(host, 0);
  ::kill(host, SIGKILL);
  waiting.join();
  EXPECT_EQ(status, 503);
  ASSERT_TRUE(WaitHealthy(*s));
  json health = Parse(s->Get("/v1/health").body);
  EXPECT_EQ(health["workers"]["restarts"], 1);
  EXPECT_NE(s->HostPid(), host);
  EXPECT_EQ(s->Post(ExtractTarget(Sample()), bytes).status, 200);
}

TEST(ServeApiTest, ADocumentPastTheTimeLimitFails) {
  auto s = StartServer({"--timeout", "1"}, {"RAINGAN_TEST_HANG_SECONDS=10"});
  ASSERT_NE(s, nullptr);
  http::ClientResponse r =
      s->Post("/v1/extract?name=hang.txt", ReadFile(Sample()).value());
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(Parse(r.body)["error"],
            "hang.txt: timed out after 1 s (--timeout)");
}

// The batch's memory limit holds in the server's workers too: a document
// that needs more fails with the batch's reason, and the server goes on.
TEST(ServeApiTest, ADocumentOverTheMemoryLimitFails) {
  auto s = StartServer({"--max-memory", "1M"});
  ASSERT_NE(s, nullptr);
  std::string pdf = TestDataPath("pdf/000_p7-9.pdf");
  http::ClientResponse r =
      s->Post(ExtractTarget("000_p7-9.pdf"), ReadFile(pdf).value());
  EXPECT_EQ(r.status, 422) << r.body;
  std::string error = Parse(r.body)["error"].get<std::string>();
  EXPECT_EQ(error.rfind("000_p7-9.pdf: ", 0), 0u) << error;
  EXPECT_NE(error.find("out of memory (the --max-memory limit is 1 MiB)"),
            std::string::npos)
      << error;
  EXPECT_TRUE(Healthy(*s));
}

TEST(ServeApiTest, ManyConcurrentRequestsGetAnAnswerOrA429) {
  auto s = StartServer({"--workers", "2", "--queue", "4"});
  ASSERT_NE(s, nullptr);
  std::string bytes = ReadFile(Sample()).value();
  json expected = Parse(RunRaingan({"extract", Sample()}).out);
  constexpr int kClients = 24;
  std::vector<int> statuses(kClients);
  std::vector<bool> same(kClients);
  std::vector<std::thread> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&, i] {
      http::ClientResponse r = s->Post(ExtractTarget(Sample()), bytes);
      statuses[i] = r.status;
      same[i] = r.status != 200 || Parse(r.body) == expected;
    });
  }
  for (std::thread& t : clients) t.join();
  std::map<int, int> count;
  for (int i = 0; i < kClients; ++i) {
    ++count[statuses[i]];
    EXPECT_TRUE(same[i]);
  }
  EXPECT_GE(count[200], 6);  // at least the capacity
  EXPECT_EQ(count[200] + count[429], kClients)
      << "200: " << count[200] << ", 429: " << count[429]
      << ", 0 (no answer): " << count[0] << ", 503: " << count[503];
  EXPECT_TRUE(Healthy(*s));
  json health = Parse(s->Get("/v1/health").body);
  EXPECT_EQ(health["jobs"]["active"], 0);
  EXPECT_EQ(health["jobs"]["capacity"], 6);
}

TEST(ServeApiTest, BadConfigurationStopsBeforeListening) {
  testing::CommandResult r = RunRaingan(
      {"serve", "--listen", "127.0.0.1:0", "--models", "/nonexistent"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("raingan serve:"), std::string::npos);
  EXPECT_EQ(r.out.find("listening"), std::string::npos);
  EXPECT_EQ(RunRaingan({"serve", "--listen", "nowhere"}).exit_code, 2);
  EXPECT_EQ(RunRaingan({"serve", "--bogus"}).exit_code, 2);
  testing::CommandResult data = RunRaingan(
      {"serve", "--listen", "127.0.0.1:0", "--data", "/nonexistent"});
  EXPECT_EQ(data.exit_code, 2);
  EXPECT_NE(data.err.find("not a batch output directory"), std::string::npos);
  testing::CommandResult help = RunRaingan({"serve", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("default 127.0.0.1:8080"), std::string::npos);
}

TEST(ServeApiTest, StopsCleanlyOnSigterm) {
  auto s = StartServer();
  ASSERT_NE(s, nullptr);
  pid_t host = s->HostPid();
  ASSERT_GT(host, 0);
  EXPECT_EQ(s->Stop(), 0);
  // The worker host went with it.
  for (int i = 0; i < 100 && ::kill(host, 0) == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_NE(::kill(host, 0), 0);
}

}  // namespace
}  // namespace raingan
