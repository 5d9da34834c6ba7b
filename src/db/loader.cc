#include "db/loader.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "base/file.h"
#include "base/sha256.h"
#include "db/document_rows.h"
#include "db/schema.h"
#include "output/json_reader.h"

namespace raingan::db {

// What the database holds of a document: enough to tell whether loading
// it again would change anything.
struct DocumentLoader::Stored {
  std::string sha256, source_path, settings, status;
  std::optional<std::string> error, output_sha256;
};

void LoadTotals::Count(LoadAction action) {
  switch (action) {
    case LoadAction::kInserted:
      ++inserted;
      break;
    case LoadAction::kReplaced:
      ++replaced;
      break;
    case LoadAction::kUnchanged:
      ++unchanged;
      break;
  }
}

DocumentLoader::DocumentLoader(std::string_view url) : db_(url) {
  if (!db_.ok()) {
    error_ = db_.error();
    return;
  }
  Status s = PrepareSchema(&db_);
  if (!s.ok()) error_ = db_.url() + ": " + s.message();
}

Result<std::optional<DocumentLoader::Stored>> DocumentLoader::ReadStored(
    int64_t id) {
  RAINGAN_ASSIGN_OR_RETURN(
      std::vector<TextRow> rows,
      db_.Query("SELECT sha256, source_path, settings, status, error, "
                "output_sha256 FROM documents WHERE document_id = $1",
                {Value(id)}));
  if (rows.empty()) return std::optional<Stored>();
  const TextRow& r = rows[0];
  return std::optional<Stored>(Stored{r[0].value_or(""), r[1].value_or(""),
                                      r[2].value_or(""), r[3].value_or(""),
                                      r[4], r[5]});
}

void DocumentLoader::TestPause() {
  const char* after = std::getenv("RAINGAN_TEST_DB_PAUSE_AFTER");
  const char* file = std::getenv("RAINGAN_TEST_DB_PAUSE_FILE");
  if (after == nullptr || file == nullptr ||
      documents_written_ != std::atoi(after)) {
    return;
  }
  { std::ofstream(file) << ::getpid() << "\n"; }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (PathExists(file) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

Result<LoadAction> DocumentLoader::Load(const BatchResult& record,
                                        const std::string& json_path,
                                        const Amendment& amendment) {
  if (!ok()) return Status::InvalidArgument(error_);
  const int64_t id = DocumentId(record.sha256, record.path);
  RAINGAN_RETURN_IF_ERROR(db_.Reconnect());

  DocumentOrigin origin;
  origin.record = record;
  std::string json;
  const bool has_output = record.status != "failed" && !record.output.empty();
  if (has_output) {
    Result<std::string> text = ReadFile(json_path);
    if (!text.ok()) {
      return Status::NotFound("cannot read " + json_path + ": " +
                              text.status().message());
    }
    json = std::move(text).value();
    // An amended document is another content than its file alone.
    origin.output_sha256 =
        amendment.digest.empty()
            ? Sha256Hex(json)
            : Sha256Hex(json + "\namended: " + amendment.digest);
    struct stat st;
    if (::stat(json_path.c_str(), &st) == 0) {
      origin.extracted_at = IsoUtc(st.st_mtim.tv_sec);
    }
  }
  std::optional<std::string> error;
  if (!record.error.empty()) error = record.error;
  auto same = [&](const Stored& s) {
    return s.settings == record.settings && s.status == record.status &&
           s.error == error && s.output_sha256 == origin.output_sha256;
  };
  auto check_identity = [&](const Stored& s) -> Status {
    if (s.sha256 == record.sha256 && s.source_path == record.path) {
      return Status::Ok();
    }
    return Status::Internal("document id " + std::to_string(id) +
                            " is already taken by " + s.source_path +
                            " (a hash collision: please report it)");
  };

  // Most reloads change nothing: find out without taking a write lock.
  RAINGAN_ASSIGN_OR_RETURN(std::optional<Stored> stored, ReadStored(id));
  if (stored) RAINGAN_RETURN_IF_ERROR(check_identity(*stored));
  if (stored && same(*stored)) return LoadAction::kUnchanged;

  std::optional<DocumentRecord> doc;
  if (has_output) {
    Result<DocumentRecord> parsed = DocumentRecordFromJson(json);
    if (!parsed.ok()) return parsed.status().WithContext(json_path);
    if (parsed->sha256 != record.sha256 || parsed->source_path != record.path) {
      return Status::BadInput(json_path + " is the output of " +
                              parsed->source_path + ", not of " + record.path);
    }
    doc = std::move(parsed).value();
    if (amendment.apply) amendment.apply(&*doc);
  }
  origin.loaded_at = IsoUtc(std::time(nullptr));
  std::vector<TableRows> tables =
      DocumentRows(id, origin, doc ? &*doc : nullptr);

  Status s = db_.BeginWrite(id);
  bool replaced = false;
  if (s.ok()) {
    // Read again under the lock: another loader may have written it.
    Result<std::optional<Stored>> now = ReadStored(id);
    s = now.status();
    if (s.ok() && *now) s = check_identity(**now);
    if (s.ok() && *now && same(**now)) {
      (void)db_.Rollback();
      return LoadAction::kUnchanged;
    }
    if (s.ok() && *now) {
      replaced = true;
      s = db_.Query("DELETE FROM documents WHERE document_id = $1", {Value(id)})
              .status();
    }
  }
  int64_t rows = 0;
  for (const TableRows& t : tables) {
    if (!s.ok()) break;
    s = db_.Insert(t);
    rows += static_cast<int64_t>(t.rows());
    if (t.table == "measures") TestPause();
  }
  if (s.ok()) s = db_.Commit();
  if (!s.ok()) {
    (void)db_.Rollback();
    return s.WithContext("database");
  }
  ++documents_written_;
  rows_written_ += rows;
  measures_written_ += doc ? static_cast<int64_t>(doc->measures.size()) : 0;
  return replaced ? LoadAction::kReplaced : LoadAction::kInserted;
}

Result<std::vector<std::string>> BatchResultFiles(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return Status::NotFound(dir + " is not a directory");
  }
  std::vector<std::string> shards;
  for (auto it = std::filesystem::directory_iterator(dir, ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.rfind("results-", 0) == 0 && name.size() > 6 &&
        name.substr(name.size() - 6) == ".jsonl" &&
        name.find("-of-") != std::string::npos) {
      shards.push_back(name);
    }
  }
  if (ec) return Status::IoError("cannot list " + dir + ": " + ec.message());
  std::sort(shards.begin(), shards.end());
  std::vector<std::string> files;
  if (PathExists(dir + "/results.jsonl")) files.push_back("results.jsonl");
  files.insert(files.end(), shards.begin(), shards.end());
  if (files.empty()) {
    return Status::InvalidArgument(
        dir + " is not a batch output directory: it has no results.jsonl");
  }
  return files;
}

Result<LoadTotals> LoadBatchOutput(
    const std::string& dir, DocumentLoader* loader,
    const std::function<void(const std::string& path,
                             const std::string& error)>& on_failure,
    const AmendmentFor& amendment_for) {
  RAINGAN_ASSIGN_OR_RETURN(std::vector<std::string> files,
                           BatchResultFiles(dir));
  LoadTotals totals;
  const int64_t rows_before = loader->rows_written();
  const int64_t measures_before = loader->measures_written();
  std::set<int64_t> seen;
  for (const std::string& name : files) {
    std::ifstream in(dir + "/" + name);
    if (!in) return Status::IoError("cannot read " + dir + "/" + name);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      if (line.empty()) continue;
      Result<BatchResult> record = BatchResultFromJson(line);
      if (!record.ok()) {
        ++totals.failed;
        on_failure(name + " line " + std::to_string(number),
                   record.status().message());
        continue;
      }
      if (!seen.insert(DocumentId(record->sha256, record->path)).second) {
        continue;
      }
      Result<LoadAction> action =
          loader->Load(*record, dir + "/" + record->output,
                       amendment_for ? amendment_for(*record) : Amendment{});
      if (action.ok()) {
        totals.Count(*action);
      } else {
        ++totals.failed;
        on_failure(record->path, action.status().message());
      }
    }
  }
  totals.rows = loader->rows_written() - rows_before;
  totals.measures = loader->measures_written() - measures_before;
  return totals;
}

}  // namespace raingan::db
