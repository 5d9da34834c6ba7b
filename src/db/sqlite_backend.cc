// The SQLite wrapper: the only file that includes sqlite3.h.
#include <sqlite3.h>
#include <sys/stat.h>

#include <map>

#include "db/backend.h"

namespace raingan::db {
namespace {

// How long a writer waits for another connection's write lock (another
// loader on the same file) before giving up with "database is locked".
constexpr int kBusyTimeoutMs = 60000;

std::string ParentDirectory(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

class SqliteBackend : public Backend {
 public:
  explicit SqliteBackend(sqlite3* db) : db_(db) {}
  ~SqliteBackend() override {
    for (auto& [key, stmt] : inserts_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Status Execute(std::string_view sql) override {
    std::string text(sql);
    char* message = nullptr;
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK) return Status::Ok();
    std::string error = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    return Status::IoError(error);
  }

  Result<std::vector<TextRow>> Query(
      std::string_view sql, const std::vector<Value>& params) override {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt,
                           nullptr) != SQLITE_OK) {
      return Error();
    }
    Status bound = Bind(stmt, params.data(), params.size());
    if (!bound.ok()) {
      sqlite3_finalize(stmt);
      return bound;
    }
    std::vector<TextRow> rows;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      TextRow row;
      int columns = sqlite3_column_count(stmt);
      for (int c = 0; c < columns; ++c) {
        const unsigned char* text = sqlite3_column_text(stmt, c);
        if (text == nullptr) {
          row.emplace_back(std::nullopt);
        } else {
          row.emplace_back(std::string(reinterpret_cast<const char*>(text),
                                       sqlite3_column_bytes(stmt, c)));
        }
      }
      rows.push_back(std::move(row));
    }
    Status status = rc == SQLITE_DONE ? Status::Ok() : Error();
    sqlite3_finalize(stmt);
    if (!status.ok()) return status;
    return rows;
  }

  Result<bool> TableExists(std::string_view table) override {
    RAINGAN_ASSIGN_OR_RETURN(
        std::vector<TextRow> rows,
        Query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $1",
              {std::string(table)}));
    return !rows.empty();
  }

  // BEGIN IMMEDIATE takes the file's write lock now rather than at the
  // first write, so the reads in the transaction are not raced; the file
  // has one write lock, which serializes every key.
  Status BeginWrite(int64_t) override { return Execute("BEGIN IMMEDIATE"); }
  Status Commit() override { return Execute("COMMIT"); }
  Status Rollback() override {
    if (sqlite3_get_autocommit(db_)) return Status::Ok();  // none open
    return Execute("ROLLBACK");
  }

  Status Insert(const TableRows& rows) override {
    if (rows.rows() == 0) return Status::Ok();
    RAINGAN_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, InsertStatement(rows));
    const size_t width = rows.columns.size();
    for (size_t r = 0; r < rows.rows(); ++r) {
      RAINGAN_RETURN_IF_ERROR(Bind(stmt, &rows.values[r * width], width));
      int rc = sqlite3_step(stmt);
      sqlite3_reset(stmt);
      sqlite3_clear_bindings(stmt);
      if (rc != SQLITE_DONE) return Error().WithContext(rows.table);
    }
    return Status::Ok();
  }

  Status Reconnect() override { return Status::Ok(); }

 private:
  Status Error() const { return Status::IoError(sqlite3_errmsg(db_)); }

  Status Bind(sqlite3_stmt* stmt, const Value* params, size_t count) {
    for (size_t i = 0; i < count; ++i) {
      int index = static_cast<int>(i) + 1;
      const Value& v = params[i];
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::nullptr_t>(v)) {
        rc = sqlite3_bind_null(stmt, index);
      } else if (const int64_t* n = std::get_if<int64_t>(&v)) {
        rc = sqlite3_bind_int64(stmt, index, *n);
      } else if (const double* d = std::get_if<double>(&v)) {
        rc = sqlite3_bind_double(stmt, index, *d);
      } else {
        const std::string& s = std::get<std::string>(v);
        // The value outlives the statement's step: no copy needed.
        rc = sqlite3_bind_text(stmt, index, s.data(),
                               static_cast<int>(s.size()), SQLITE_STATIC);
      }
      if (rc != SQLITE_OK) return Error();
    }
    return Status::Ok();
  }

  Result<sqlite3_stmt*> InsertStatement(const TableRows& rows) {
    std::string sql = "INSERT INTO " + rows.table + " (";
    std::string marks;
    for (size_t i = 0; i < rows.columns.size(); ++i) {
      sql += (i ? ", " : "") + rows.columns[i];
      marks += (i ? ", ?" : "?");
    }
    sql += ") VALUES (" + marks + ")";
    auto it = inserts_.find(sql);
    if (it != inserts_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      return Error();
    }
    inserts_.emplace(sql, stmt);
    return stmt;
  }

  sqlite3* db_;
  std::map<std::string, sqlite3_stmt*> inserts_;  // by their SQL
};

}  // namespace

Result<std::unique_ptr<Backend>> OpenSqlite(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    return Status::InvalidArgument(path + " is a directory, not a file");
  }
  std::string parent = ParentDirectory(path);
  if (::stat(parent.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    return Status::NotFound("the directory " + parent + " does not exist");
  }
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(
      path.c_str(), &db,
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
      nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return Status::IoError("cannot open the SQLite file: " + message);
  }
  auto backend = std::make_unique<SqliteBackend>(db);
  sqlite3_extended_result_codes(db, 1);
  // SQLite falls back to reading when the file is write-protected.
  if (sqlite3_db_readonly(db, "main") == 1) {
    return Status::IoError("the database file is read-only");
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  Status s = backend->Execute(
      "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; "
      "PRAGMA synchronous = NORMAL");
  if (!s.ok()) {
    return Status::IoError("cannot use the SQLite file: " + s.message());
  }
  return std::unique_ptr<Backend>(std::move(backend));
}

}  // namespace raingan::db
