// Database: a connection to the database a --db URL names. The only code
// outside db/ that touches a database goes through this class, and only
// db/ holds SQL.
//
//   sqlite:PATH              an SQLite file (created if absent); the
//                            embedded default. sqlite://PATH is the same.
//   postgresql://USER@HOST:PORT/DBNAME?options
//                            a PostgreSQL server (libpq's URL syntax;
//                            postgres:// too). Password from the URL,
//                            PGPASSWORD or ~/.pgpass, as libpq does.
//
// RE2 style: construct, then check ok(); error() says what went wrong in
// words a user can act on ("sqlite:/data/x.db: the directory /data does
// not exist"). Nothing throws. Methods return Status.
//
// SQLite is opened with foreign keys enforced, in WAL mode (readers, such
// as a spreadsheet tool, do not block the loader) with synchronous=NORMAL:
// a killed process loses nothing committed; a power cut may lose the last
// transactions but never leaves the file inconsistent. A busy file (another
// loader) is waited for up to 60 s.
//
// PostgreSQL connections time out after 10 s, use UTF-8 and drop the
// server's notices. BeginWrite takes a transaction-scoped advisory lock.
#ifndef RAINGAN_DB_DATABASE_H_
#define RAINGAN_DB_DATABASE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "db/value.h"

namespace raingan::db {

class Backend;

enum class DatabaseKind { kSqlite, kPostgres };

struct DatabaseUrl {
  DatabaseKind kind = DatabaseKind::kSqlite;
  std::string target;   // SQLite: the file path; PostgreSQL: the URL
  std::string display;  // for messages: the URL with any password hidden
};

// Parses a --db value; an error names the accepted forms.
Result<DatabaseUrl> ParseDatabaseUrl(std::string_view url);

class Database {
 public:
  explicit Database(std::string_view url);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  bool ok() const { return backend_ != nullptr; }
  const std::string& error() const { return error_; }
  DatabaseKind kind() const { return url_.kind; }
  // The URL as messages show it (password hidden).
  const std::string& url() const { return url_.display; }

  // See backend.h for each.
  Status Execute(std::string_view sql);
  Result<std::vector<TextRow>> Query(std::string_view sql,
                                     const std::vector<Value>& params = {});
  Result<bool> TableExists(std::string_view table);
  Status BeginWrite(int64_t lock_key);
  Status Commit();
  Status Rollback();
  Status Insert(const TableRows& rows);
  Status Reconnect();

 private:
  Status NotOpen() const;

  DatabaseUrl url_;
  std::unique_ptr<Backend> backend_;
  std::string error_;
};

}  // namespace raingan::db

#endif  // RAINGAN_DB_DATABASE_H_
