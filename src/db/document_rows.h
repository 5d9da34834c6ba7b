// One document as the rows of schema/raingan.sql: what a results.jsonl
// line and its document JSON say, turned into table rows — no SQL, no
// database. The loader (loader.h) writes them in one transaction.
#ifndef RAINGAN_DB_DOCUMENT_ROWS_H_
#define RAINGAN_DB_DOCUMENT_ROWS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/value.h"
#include "output/json_reader.h"
#include "output/json_writer.h"

namespace raingan::db {

// documents.document_id: the first 63 bits of SHA-256 over the document's
// identity (its input's sha256 and source path), so every database and
// every reload gives a document the same id without a sequence (see the
// header of schema/raingan.sql). Positive.
int64_t DocumentId(std::string_view sha256, std::string_view source_path);

// What the documents row records besides the JSON.
struct DocumentOrigin {
  BatchResult record;  // the document's results.jsonl line
  std::optional<std::string> output_sha256;  // of its JSON file
  std::optional<std::string> extracted_at;   // ISO 8601 UTC
  std::string loaded_at;                     // ISO 8601 UTC
};

// The rows of every table for one document, parents before children (the
// order to insert them in). `doc` is null for a failed input, which has
// only its documents row. Tables without rows are left out.
std::vector<TableRows> DocumentRows(int64_t document_id,
                                    const DocumentOrigin& origin,
                                    const DocumentRecord* doc);

// "2025-03-04T05:06:07Z" for seconds since the epoch.
std::string IsoUtc(int64_t unix_seconds);

}  // namespace raingan::db

#endif  // RAINGAN_DB_DOCUMENT_ROWS_H_
