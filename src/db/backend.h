// The one interface behind which each database library is wrapped once:
// SQLite in sqlite_backend.cc, libpq in postgres_backend.cc. Only
// database.cc uses it; everything else goes through Database.
//
// A backend is one connection, used from one thread. Methods return a
// Status whose message is the library's, cleaned up for a person ("no
// such table: documents", "server closed the connection unexpectedly").
#ifndef RAINGAN_DB_BACKEND_H_
#define RAINGAN_DB_BACKEND_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "db/value.h"

namespace raingan::db {

class Backend {
 public:
  virtual ~Backend() = default;

  // Statements without parameters or results (may be several, separated
  // by semicolons).
  virtual Status Execute(std::string_view sql) = 0;
  // One statement with parameters $1, $2, ... (numbered in the order they
  // first appear); returns its rows as text.
  virtual Result<std::vector<TextRow>> Query(
      std::string_view sql, const std::vector<Value>& params) = 0;
  // Whether the table exists (in the schema the connection writes to).
  virtual Result<bool> TableExists(std::string_view table) = 0;
  // Starts a transaction that will write. Transactions begun with the same
  // `lock_key` by other connections wait for this one to end, so a
  // read-then-write inside it is not raced.
  virtual Status BeginWrite(int64_t lock_key) = 0;
  virtual Status Commit() = 0;
  // Ends the transaction, if any, discarding its writes.
  virtual Status Rollback() = 0;
  // Inserts the rows in the current transaction.
  virtual Status Insert(const TableRows& rows) = 0;
  // Restores a connection the server closed; a no-op when it is fine.
  virtual Status Reconnect() = 0;
};

// Open the database; errors say why in a person's words.
Result<std::unique_ptr<Backend>> OpenSqlite(const std::string& path);
Result<std::unique_ptr<Backend>> OpenPostgres(const std::string& url);

}  // namespace raingan::db

#endif  // RAINGAN_DB_BACKEND_H_
