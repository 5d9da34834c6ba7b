// The review page's server side, through real HTTP, over a real batch
// directory: the queue, the records and their page images, saving
// corrections (durably: a kill -9 right after the answer loses nothing),
// and that no request reads a file outside the directories it serves.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "base/file.h"
#include "batch/batch_test_util.h"
#include "db/database.h"
#include "db/db_test_util.h"
#include "http/client.h"
#include "testing/run_cli.h"
#include "testing/serve_process.h"

namespace raingan {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using serve_test::ServeProcess;
using testing::RunRaingan;
using testing::SourcePath;
using testing::TestDataPath;

json Parse(const std::string& text) {
  return json::parse(text, nullptr, /*allow_exceptions=*/false);
}

std::vector<std::string> Lines(const std::string& path) {
  std::vector<std::string> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

class ReviewApiTest : public ::testing::Test {
 protected:
  // One batch for the suite: a born-digital PDF (page images) and the
  // text fixture whose records 2 and 3 have unknown periods.
  static void SetUpTestSuite() {
    batch_ = new std::string(testing::MakeTempDir() + "/batch");
    testing::CommandResult r = RunRaingan(
        {"batch", TestDataPath("pdf/002_p1-3.pdf"),
         TestDataPath("serve/review_sample.txt"), "--out", *batch_, "--quiet"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    fs::remove_all(fs::path(*batch_).parent_path());
    delete batch_;
  }

  void SetUp() override {
    dir_ = testing::MakeTempDir();
    data_ = dir_ + "/out";
    fs::copy(*batch_, data_, fs::copy_options::recursive);
    for (const auto& e : fs::directory_iterator(data_ + "/documents")) {
      std::string name = e.path().filename().string();
      if (name.find("review_sample") != std::string::npos) {
        text_doc_ = name.substr(0, name.size() - 5);
      } else {
        pdf_doc_ = name.substr(0, name.size() - 5);
      }
    }
  }
  void TearDown() override {
    server_.reset();
    fs::remove_all(dir_);
  }

  ServeProcess& Serve(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--data", data_};
    args.insert(args.end(), extra.begin(), extra.end());
    std::string error;
    server_ = ServeProcess::Start(args, {}, &error);
    EXPECT_NE(server_, nullptr) << error;
    return *server_;
  }

  json Record(const std::string& doc, int record) {
    return Parse(
        server_
            ->Get("/api/review/record?doc=" + http::PercentEncode(doc) +
                  "&record=" + std::to_string(record))
            .body);
  }

  http::ClientResponse Save(const json& body) {
    return server_->Post("/api/review/save", body.dump(), "application/json");
  }

  bool WaitRebuilt() {
    for (int i = 0; i < 200; ++i) {
      json s = Parse(server_->Get("/api/review/status").body);
      if (s.is_object() && s["rebuilding"] == false) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  void ExpectCorrectionsReachTheDatabase(const std::string& url);

  static std::string* batch_;
  std::string dir_, data_, text_doc_, pdf_doc_;
  std::unique_ptr<ServeProcess> server_;
};

std::string* ReviewApiTest::batch_ = nullptr;

TEST_F(ReviewApiTest, ListsDocumentsAndTheRecordsToCheckWorstFirst) {
  ServeProcess& s = Serve();
  json docs = Parse(s.Get("/api/review/documents").body);
  ASSERT_EQ(docs["documents"].size(), 2u);
  for (const json& d : docs["documents"]) EXPECT_EQ(d["status"], "ok");
  json text = docs["documents"][1];
  EXPECT_EQ(text["name"], text_doc_);
  EXPECT_EQ(text["measures"], 3);
  EXPECT_EQ(text["to_check"], 2);
  json queue = Parse(s.Get("/api/review/queue").body)["queue"];
  // The text fixture's records 2 and 3 (unknown periods); the clean PDF
  // has nothing to check.
  ASSERT_EQ(queue.size(), 2u) << queue.dump();
  EXPECT_EQ(queue[0]["document"], text_doc_);
  EXPECT_EQ(queue[0]["record"], 1);
  EXPECT_EQ(queue[1]["record"], 2);
  // The review stage's reason (measures[].review), not a warning's text.
  EXPECT_NE(queue[0]["reasons"][0].get<std::string>().find("period not read"),
            std::string::npos)
      << queue[0].dump();
  EXPECT_EQ(queue[0]["fields"],
            json({"period.text", "period.start", "period.end"}));
  // The threshold is about OCR field confidence, which text layers do not
  // have: it changes nothing here.
  json all = Parse(s.Get("/api/review/queue?below=1").body)["queue"];
  EXPECT_EQ(all.size(), 2u);
  EXPECT_EQ(s.Get("/api/review/queue?below=2").status, 400);
}

// Outputs written since measures[].review exists (CONTRACT.md) carry the
// pipeline's decision: the queue follows it, not the server's threshold.
TEST_F(ReviewApiTest, APipelineReviewListDecidesTheQueue) {
  std::string path = data_ + "/documents/" + text_doc_ + ".json";
  std::ifstream in(path);
  json doc = json::parse(in);
  in.close();
  ASSERT_EQ(doc["measures"].size(), 3u);
  // Record 0 has a clean period but is to be checked; record 1 has an
  // unknown period the pipeline did not flag; record 2's budget is flagged.
  doc["measures"][0]["review"] = {
      {{"field", "owner"}, {"reason", "owner names no unit: x"}}};
  doc["measures"][1]["review"] = json::array();
  doc["measures"][2]["review"] = {{{"field", "budget"}, {"reason", nullptr}}};
  std::ofstream(path) << doc.dump();
  ServeProcess& s = Serve();
  json answer = Parse(s.Get("/api/review/queue").body);
  EXPECT_EQ(answer["decided_by"], "pipeline");
  json queue = answer["queue"];
  ASSERT_EQ(queue.size(), 2u) << queue.dump();
  std::vector<int> records = {queue[0]["record"], queue[1]["record"]};
  std::sort(records.begin(), records.end());
  EXPECT_EQ(records, (std::vector<int>{0, 2}));
  for (const json& e : queue) {
    if (e["record"] == 0) {
      EXPECT_EQ(e["fields"], json({"owner"}));
      EXPECT_EQ(e["reasons"], json({"owner: owner names no unit: x"}));
    } else {
      EXPECT_EQ(e["fields"], json({"budget_baht"}));
      EXPECT_EQ(e["reasons"], json({"budget"}));
    }
  }
  // The record view shows the same reasons.
  EXPECT_EQ(Record(text_doc_, 0)["reasons"],
            json({"owner: owner names no unit: x"}));
  for (const json& f : Record(text_doc_, 2)["fields"]) {
    EXPECT_EQ(f["to_check"], f["name"] == "budget_baht") << f.dump();
  }
}

TEST_F(ReviewApiTest, ARecordHasItsFieldsAndThePageImageOfItsRows) {
  ServeProcess& s = Serve();
  json rec = Record(text_doc_, 2);
  EXPECT_NE(rec["measure"].get<std::string>().find("<script>alert(1)</script>"),
            std::string::npos);
  EXPECT_EQ(rec["has_image"], false);
  EXPECT_EQ(rec["provenance"]["line"].is_number(), true);
  std::map<std::string, json> fields;
  for (const json& f : rec["fields"]) fields[f["name"]] = f;
  EXPECT_EQ(fields["period.text"]["value"], "เมื่อมีโอกาส");
  EXPECT_EQ(fields["period.text"]["to_check"], true);
  EXPECT_EQ(fields["owner"]["kind"], "list");
  EXPECT_EQ(fields["owner"]["to_check"], false);
  EXPECT_EQ(s.Get("/api/review/image?doc=" + http::PercentEncode(text_doc_) +
                  "&record=2")
                .status,
            404);

  json pdf = Record(pdf_doc_, 0);
  ASSERT_EQ(pdf["has_image"], true) << pdf.dump();
  http::ClientResponse png = s.Get(
      "/api/review/image?doc=" + http::PercentEncode(pdf_doc_) + "&record=0");
  ASSERT_EQ(png.status, 200) << png.body;
  EXPECT_EQ(png.Header("Content-Type"), "image/png");
  EXPECT_EQ(png.body.substr(0, 8), "\x89PNG\r\n\x1a\n");
  // Cached in the batch directory: the second time needs no worker.
  int cached = 0;
  for (const auto& e :
       fs::directory_iterator(data_ + "/.raingan/review-cache")) {
    cached += e.path().extension() == ".png";
  }
  EXPECT_EQ(cached, 2);  // the page and the crop
  http::ClientResponse again = s.Get(
      "/api/review/image?doc=" + http::PercentEncode(pdf_doc_) + "&record=0");
  EXPECT_EQ(again.body, png.body);
  http::ClientResponse whole =
      s.Get("/api/review/image?doc=" + http::PercentEncode(pdf_doc_) +
            "&record=0&whole=1");
  EXPECT_EQ(whole.status, 200);
  EXPECT_GT(whole.body.size(), png.body.size());
  EXPECT_EQ(s.Get("/api/review/record?doc=nonesuch&record=0").status, 404);
  EXPECT_EQ(s.Get("/api/review/record?doc=" + http::PercentEncode(pdf_doc_) +
                  "&record=999")
                .status,
            404);
  EXPECT_EQ(s.Get("/api/review/record?doc=x&record=-1").status, 400);
}

TEST_F(ReviewApiTest, ASaveIsKeptAndTheMergedFilesAreRebuiltWithIt) {
  ServeProcess& s = Serve();
  std::string original =
      ReadFile(data_ + "/documents/" + text_doc_ + ".json").value();
  json rec = Record(text_doc_, 1);
  json owner;
  for (const json& f : rec["fields"]) {
    if (f["name"] == "owner") owner = f["value"];
  }
  json body = {
      {"document", text_doc_},
      {"record", 1},
      {"changes",
       {{{"field", "owner"}, {"old", owner}, {"new", {"กองคลัง"}}},
        {{"field", "period.start"}, {"old", nullptr}, {"new", "2024-10-01"}},
        {{"field", "period.end"}, {"old", nullptr}, {"new", "2025-09-30"}}}},
      {"mark", "checked"}};
  http::ClientResponse r = Save(body);
  ASSERT_EQ(r.status, 200) << r.body;
  json saved = Parse(r.body);
  EXPECT_EQ(saved["mark"], "checked");
  EXPECT_EQ(saved["corrected"], true);

  std::vector<std::string> lines = Lines(data_ + "/corrections.jsonl");
  ASSERT_EQ(lines.size(), 3u);
  json c = Parse(lines[0]);
  EXPECT_EQ(c["document"], text_doc_);
  EXPECT_EQ(c["record"], 1);
  EXPECT_EQ(c["measure_id"], "2");
  EXPECT_EQ(c["field"], "owner");
  EXPECT_EQ(c["old"], owner);
  EXPECT_EQ(c["new"], json({"กองคลัง"}));
  EXPECT_EQ(c["time"].get<std::string>().size(), 20u);
  EXPECT_EQ(c["source_sha256"].get<std::string>().size(), 64u);

  ASSERT_TRUE(WaitRebuilt());
  std::vector<json> measures =
      batch_test::ReadJsonLines(data_ + "/measures.jsonl");
  int corrected = 0;
  for (const json& m : measures) {
    ASSERT_TRUE(m["corrected"].is_array());
    if (m["corrected"].empty()) continue;
    ++corrected;
    EXPECT_EQ(m["corrected"], json({"owner", "period.start", "period.end"}));
    EXPECT_EQ(m["measure"]["owner"], json({"กองคลัง"}));
    EXPECT_EQ(m["measure"]["period"]["start"], "2024-10-01");
  }
  EXPECT_EQ(corrected, 1);
  std::string csv = ReadFile(data_ + "/measures.csv").value();
  EXPECT_NE(csv.find(",2024-10-01,2025-09-30,"), std::string::npos);
  EXPECT_NE(csv.find("\"owner\nperiod.start\nperiod.end\""), std::string::npos);
  // The document keeps what was extracted.
  EXPECT_EQ(ReadFile(data_ + "/documents/" + text_doc_ + ".json").value(),
            original);
  // The queue now knows the record is checked (it sorts last).
  json queue = Parse(s.Get("/api/review/queue").body)["queue"];
  EXPECT_EQ(queue.back()["record"], 1);
  EXPECT_EQ(queue.back()["mark"], "checked");
  EXPECT_EQ(queue.back()["corrected"], true);

  // A save made against what the page showed before is refused whole.
  http::ClientResponse stale = Save(body);
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(Lines(data_ + "/corrections.jsonl").size(), 3u);
}

TEST_F(ReviewApiTest, ACorrectionSurvivesKill9RightAfterItsAnswer) {
  ServeProcess& s = Serve();
  json rec = Record(text_doc_, 2);
  json text;
  for (const json& f : rec["fields"]) {
    if (f["name"] == "period.text") text = f["value"];
  }
  http::ClientResponse r = Save({{"document", text_doc_},
                                 {"record", 2},
                                 {"changes",
                                  {{{"field", "period.text"},
                                    {"old", text},
                                    {"new", "ตลอดปีงบประมาณ ๒๕๖๘"}}}}});
  ASSERT_EQ(r.status, 200) << r.body;
  s.Kill9();
  std::vector<std::string> lines = Lines(data_ + "/corrections.jsonl");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(Parse(lines[0])["new"], "ตลอดปีงบประมาณ ๒๕๖๘");
  // A new server rebuilds the merged files from the log at start.
  ServeProcess& again = Serve();
  ASSERT_TRUE(WaitRebuilt());
  EXPECT_NE(
      ReadFile(data_ + "/measures.csv").value().find("ตลอดปีงบประมาณ ๒๕๖๘"),
      std::string::npos);
  json now = Parse(again
                       .Get("/api/review/record?doc=" +
                            http::PercentEncode(text_doc_) + "&record=2")
                       .body);
  EXPECT_EQ(now["corrected"], true);
}

// A correction saved on the review page reaches the database the batch
// was loaded into (`serve --db URL`), and stays there when the batch is
// loaded again or rerun.
void ReviewApiTest::ExpectCorrectionsReachTheDatabase(const std::string& url) {
  // The batch is loaded as `raingan batch --db` or `raingan load` would.
  testing::CommandResult load = RunRaingan({"load", data_, "--db", url});
  ASSERT_EQ(load.exit_code, 0) << load.err;
  ServeProcess& s = Serve({"--db", url});
  json rec = Record(text_doc_, 1);
  json owner;
  for (const json& f : rec["fields"]) {
    if (f["name"] == "owner") owner = f["value"];
  }
  ASSERT_EQ(Save({{"document", text_doc_},
                  {"record", 1},
                  {"changes",
                   {{{"field", "owner"},
                     {"old", owner},
                     {"new", {"กองช่าง", "กองคลัง"}}},
                    {{"field", "period.start"},
                     {"old", nullptr},
                     {"new", "2024-10-01"}}}}})
                .status,
            200);
  ASSERT_TRUE(WaitRebuilt());
  json status = Parse(s.Get("/api/review/status").body);
  EXPECT_NE(status["database"].get<std::string>().find(
                "1 corrected documents loaded"),
            std::string::npos)
      << status.dump();
  auto owners = [&] {
    db::Database db(url);
    EXPECT_TRUE(db.ok()) << db.error();
    Result<std::vector<db::TextRow>> rows = db.Query(
        "SELECT i.text FROM measure_items i JOIN measures m ON "
        "m.document_id = i.document_id AND m.measure_no = i.measure_no "
        "JOIN documents d ON d.document_id = m.document_id "
        "WHERE d.source_path LIKE '%review_sample.txt' AND m.measure_no = 2 "
        "AND i.field = 'owner' AND m.period_start = '2024-10-01' "
        "ORDER BY i.position");
    std::vector<std::string> out;
    if (rows.ok()) {
      for (const db::TextRow& r : *rows) out.push_back(r[0].value_or(""));
    }
    return out;
  };
  EXPECT_EQ(owners(), (std::vector<std::string>{"กองช่าง", "กองคลัง"}));
  server_.reset();
  // Loading the batch again keeps the corrections (and writes nothing).
  load = RunRaingan({"load", data_, "--db", url});
  ASSERT_EQ(load.exit_code, 0) << load.err;
  EXPECT_NE(load.out.find("0 inserted, 0 replaced, 2 unchanged"),
            std::string::npos)
      << load.out;
  EXPECT_EQ(owners(), (std::vector<std::string>{"กองช่าง", "กองคลัง"}));
  // So does a rerun of the batch with --db.
  testing::CommandResult rerun =
      RunRaingan({"batch", TestDataPath("pdf/002_p1-3.pdf"),
                  TestDataPath("serve/review_sample.txt"), "--out", data_,
                  "--db", url, "--quiet"});
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_EQ(owners(), (std::vector<std::string>{"กองช่าง", "กองคลัง"}));
}

TEST_F(ReviewApiTest, CorrectedDocumentsGoIntoTheBatchesSqliteDatabase) {
  ExpectCorrectionsReachTheDatabase("sqlite:" + dir_ + "/raingan.sqlite");
}

TEST_F(ReviewApiTest, CorrectedDocumentsGoIntoTheBatchesPostgresDatabase) {
  // A real PostgreSQL server, started for the test on a free port.
  RAINGAN_REQUIRE_POSTGRES_BINARIES();
  db_test::PostgresServer postgres;
  ASSERT_TRUE(postgres.Start()) << postgres.error();
  ExpectCorrectionsReachTheDatabase(postgres.Url());
}

TEST_F(ReviewApiTest, ABadSaveIsRefusedAndWritesNothing) {
  ServeProcess& s = Serve();
  const std::vector<std::string> bad = {
      "not json",
      "[]",
      R"({"record": 1})",
      R"({"document": "x", "record": "one"})",
      R"({"document": "DOC", "record": 1, "changes": [{"field": "rm -rf", "old": null, "new": null}]})",
      R"({"document": "DOC", "record": 1, "changes": [{"field": "owner", "old": "a", "new": "b"}]})",
      R"({"document": "DOC", "record": 1, "changes": [{"field": "period.start", "old": null, "new": "31/12/2567"}]})",
      R"({"document": "DOC", "record": 1, "changes": [{"field": "budget_baht", "old": null, "new": "12,000"}]})",
      R"({"document": "DOC", "record": 1, "mark": "maybe"})",
  };
  for (std::string body : bad) {
    size_t at = body.find("DOC");
    if (at != std::string::npos) body.replace(at, 3, text_doc_);
    http::ClientResponse r =
        s.Post("/api/review/save", body, "application/json");
    EXPECT_EQ(r.status, 400) << body << " -> " << r.body;
  }
  EXPECT_EQ(Save({{"document", "../../etc/passwd"}, {"record", 0}}).status,
            404);
  EXPECT_EQ(Save({{"document", text_doc_}, {"record", 99}}).status, 404);
  EXPECT_FALSE(fs::exists(data_ + "/corrections.jsonl"));
}

TEST_F(ReviewApiTest, NoRequestReadsAFileOutsideTheServedDirectories) {
  // A copy of the web directory with a link pointing out of it, and a
  // document in the batch that is a link to a file outside.
  std::string web = dir_ + "/web";
  fs::copy(SourcePath("src/serve/web"), web, fs::copy_options::recursive);
  fs::create_symlink("/etc/passwd", web + "/passwd.js");
  fs::create_symlink(SourcePath("CMakeLists.txt"), web + "/cmake.css");
  std::string secret = dir_ + "/secret.json";
  WriteFileAtomic(
      secret, ReadFile(data_ + "/documents/" + text_doc_ + ".json").value());
  fs::remove(data_ + "/documents/" + text_doc_ + ".json");
  fs::create_symlink(secret, data_ + "/documents/" + text_doc_ + ".json");

  ServeProcess& s = Serve({"--web", web});
  EXPECT_EQ(s.Get("/static/review.js").status, 200);  // the page itself works
  const std::vector<std::string> attempts = {
      "/static/../../../../etc/passwd",
      "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
      "/static/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
      "/static/%2Fetc%2Fpasswd",
      "/static//etc/passwd",
      "/static/./review.js",
      "/static/passwd.js",
      "/static/cmake.css",
      "/static/review.js%00.png",
      "/fonts/../../../../etc/passwd",
      "/fonts/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
      "/fonts//usr/share/fonts/truetype/tlwg/Garuda.ttf",
      "/api/review/record?doc=..%2F..%2F..%2Fetc%2Fpasswd&record=0",
      "/api/review/record?doc=%2Fetc%2Fpasswd&record=0",
      "/api/review/image?doc=%2Fetc%2Fpasswd&record=0",
  };
  for (const std::string& target : attempts) {
    for (const std::string& answer :
         {s.Get(target).body,
          serve_test::RawExchange(s.port(), "GET " + target +
                                                " HTTP/1.1\r\nHost: x\r\n"
                                                "Connection: close\r\n\r\n")}) {
      EXPECT_EQ(answer.find("root:"), std::string::npos) << target;
      EXPECT_EQ(answer.find("cmake_minimum_required"), std::string::npos)
          << target;
    }
    int status = s.Get(target).status;
    EXPECT_TRUE(status == 404 || status == 400) << target << " " << status;
  }
  // The linked document is not read; the other one still is.
  EXPECT_EQ(s.Get("/api/review/record?doc=" + http::PercentEncode(text_doc_) +
                  "&record=0")
                .status,
            422);
  EXPECT_EQ(s.Get("/api/review/record?doc=" + http::PercentEncode(pdf_doc_) +
                  "&record=0")
                .status,
            200);
}

TEST_F(ReviewApiTest, ThePageAndItsFontComeFromThisServerOnly) {
  ServeProcess& s = Serve();
  http::ClientResponse page = s.Get("/review");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.Header("Content-Type").find("text/html"), std::string::npos);
  std::string csp = page.Header("Content-Security-Policy");
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos);
  EXPECT_EQ(page.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(page.body.find("http://"), std::string::npos);
  EXPECT_EQ(page.body.find("https://"), std::string::npos);
  EXPECT_EQ(s.Get("/").Header("Location"), "/review");
  std::string css = s.Get("/static/review.css").body;
  EXPECT_EQ(css.find("http"), std::string::npos);
  http::ClientResponse font = s.Get("/fonts/Laksaman.ttf");
  if (!fs::exists("/usr/share/fonts/truetype/tlwg/Laksaman.ttf")) {
    if (std::getenv("CI") != nullptr) {
      FAIL() << "CI is set but fonts-thai-tlwg is missing: scripts/setup.sh "
                "installs it";
    }
    GTEST_SKIP() << "fonts-thai-tlwg is not installed";
  }
  EXPECT_EQ(font.status, 200);
  EXPECT_EQ(font.Header("Content-Type"), "font/ttf");
}

}  // namespace
}  // namespace raingan
