#include "db/database.h"

#include "db/backend.h"

namespace raingan::db {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// postgresql://user:secret@host/db -> postgresql://user:***@host/db
std::string HidePassword(std::string_view url) {
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::string(url);
  size_t start = scheme_end + 3;
  size_t end = url.find_first_of("/?", start);
  if (end == std::string_view::npos) end = url.size();
  std::string_view authority = url.substr(start, end - start);
  size_t at = authority.rfind('@');
  if (at == std::string_view::npos) return std::string(url);
  size_t colon = authority.substr(0, at).find(':');
  if (colon == std::string_view::npos) return std::string(url);
  return std::string(url.substr(0, start + colon + 1)) + "***" +
         std::string(url.substr(start + at));
}

}  // namespace

Result<DatabaseUrl> ParseDatabaseUrl(std::string_view url) {
  DatabaseUrl out;
  if (StartsWith(url, "sqlite:")) {
    std::string_view path = url.substr(7);
    if (StartsWith(path, "//")) path.remove_prefix(2);
    if (path.empty()) {
      return Status::InvalidArgument("'" + std::string(url) +
                                     "' names no file: use sqlite:PATH");
    }
    out.kind = DatabaseKind::kSqlite;
    out.target = std::string(path);
    out.display = std::string(url);
    return out;
  }
  if (StartsWith(url, "postgresql://") || StartsWith(url, "postgres://")) {
    out.kind = DatabaseKind::kPostgres;
    out.target = std::string(url);
    out.display = HidePassword(url);
    return out;
  }
  std::string hint;
  if (!url.empty() && url.find("://") == std::string_view::npos) {
    hint = " (an SQLite file is written sqlite:" + std::string(url) + ")";
  }
  return Status::InvalidArgument("'" + HidePassword(url) +
                                 "' is not a database URL: use sqlite:PATH or "
                                 "postgresql://USER@HOST:PORT/DBNAME" +
                                 hint);
}

Database::Database(std::string_view url) {
  Result<DatabaseUrl> parsed = ParseDatabaseUrl(url);
  if (!parsed.ok()) {
    error_ = parsed.status().message();
    return;
  }
  url_ = *parsed;
  Result<std::unique_ptr<Backend>> backend = url_.kind == DatabaseKind::kSqlite
                                                 ? OpenSqlite(url_.target)
                                                 : OpenPostgres(url_.target);
  if (!backend.ok()) {
    error_ = url_.display + ": " + backend.status().message();
    return;
  }
  backend_ = std::move(backend).value();
}

Database::~Database() = default;

Status Database::NotOpen() const {
  return Status::InvalidArgument("the database is not open: " + error_);
}

Status Database::Execute(std::string_view sql) {
  return backend_ ? backend_->Execute(sql) : NotOpen();
}

Result<std::vector<TextRow>> Database::Query(std::string_view sql,
                                             const std::vector<Value>& params) {
  if (!backend_) return NotOpen();
  return backend_->Query(sql, params);
}

Result<bool> Database::TableExists(std::string_view table) {
  if (!backend_) return NotOpen();
  return backend_->TableExists(table);
}

Status Database::BeginWrite(int64_t lock_key) {
  return backend_ ? backend_->BeginWrite(lock_key) : NotOpen();
}

Status Database::Commit() { return backend_ ? backend_->Commit() : NotOpen(); }

Status Database::Rollback() {
  return backend_ ? backend_->Rollback() : NotOpen();
}

Status Database::Insert(const TableRows& rows) {
  return backend_ ? backend_->Insert(rows) : NotOpen();
}

Status Database::Reconnect() {
  return backend_ ? backend_->Reconnect() : NotOpen();
}

}  // namespace raingan::db
