// The relational schema the loader writes: schema/raingan.sql, compiled
// into raingan so the published file is the one that runs.
#ifndef RAINGAN_DB_SCHEMA_H_
#define RAINGAN_DB_SCHEMA_H_

#include <string_view>

#include "base/status.h"
#include "db/database.h"

namespace raingan::db {

// raingan_schema.version of the schema this raingan writes.
inline constexpr int kRelationalSchemaVersion = 1;

std::string_view SchemaSql();

// Makes `db` ready for loading, or says why it cannot be: creates the
// schema when the database has none (one transaction; two loaders
// starting at once take turns), refuses a database whose schema has
// another version, and checks that the database takes writes — a
// read-only file, a read-only server or missing privileges fail here,
// before any document is read.
Status PrepareSchema(Database* db);

}  // namespace raingan::db

#endif  // RAINGAN_DB_SCHEMA_H_
