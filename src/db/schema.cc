#include "db/schema.h"

#include <string>

#include "db/schema_sql.h"

namespace raingan::db {
namespace {

// BeginWrite's lock key for schema changes; documents use their ids,
// which are positive, so a negative key never waits for a document.
constexpr int64_t kSchemaLockKey = -0x7261696e67616e;  // "raingan"

Status CreateSchema(Database* db) {
  RAINGAN_RETURN_IF_ERROR(db->BeginWrite(kSchemaLockKey));
  // Another loader may have created it while this one waited.
  Result<bool> exists = db->TableExists("raingan_schema");
  Status s = exists.ok() ? Status::Ok() : exists.status();
  if (s.ok() && !*exists) s = db->Execute(SchemaSql());
  if (s.ok()) s = db->Commit();
  if (!s.ok()) {
    (void)db->Rollback();
    return s.WithContext("cannot create the raingan tables");
  }
  return Status::Ok();
}

}  // namespace

std::string_view SchemaSql() { return kSchemaSql; }

Status PrepareSchema(Database* db) {
  Result<bool> exists = db->TableExists("raingan_schema");
  if (!exists.ok()) {
    return exists.status().WithContext("cannot read the database");
  }
  if (!*exists) RAINGAN_RETURN_IF_ERROR(CreateSchema(db));
  Result<std::vector<TextRow>> version =
      db->Query("SELECT version FROM raingan_schema");
  if (!version.ok()) {
    return version.status().WithContext("cannot read raingan_schema");
  }
  std::string expected = std::to_string(kRelationalSchemaVersion);
  if (version->size() != 1 || (*version)[0][0] != expected) {
    std::string found =
        version->empty() || !(*version)[0][0] ? "none" : *(*version)[0][0];
    return Status::InvalidArgument(
        "the database holds raingan schema version " + found +
        ", this raingan writes version " + expected +
        " (load into a new database)");
  }
  // A write that changes nothing: it fails the same way the first
  // document's would on a read-only file or server, or without privileges.
  Status s = db->BeginWrite(kSchemaLockKey);
  if (s.ok()) s = db->Execute("DELETE FROM documents WHERE document_id = 0");
  Status rolled_back = db->Rollback();
  if (s.ok()) s = rolled_back;
  if (!s.ok()) return s.WithContext("the database does not take writes");
  return Status::Ok();
}

}  // namespace raingan::db
