// The libpq wrapper: the only file that includes libpq-fe.h.
#include <libpq-fe.h>

#include <charconv>

#include "db/backend.h"

namespace raingan::db {
namespace {

// Seconds to wait for a server that does not answer (a host that drops
// packets) before the connection attempt fails.
constexpr char kConnectTimeoutSeconds[] = "10";

// libpq's messages span lines ("FATAL:  terminating connection ...\n
// server closed the connection unexpectedly\n\tThis probably means ...");
// one line reads better after "raingan: ...: ".
std::string OneLine(std::string_view text) {
  std::string out;
  while (!text.empty()) {
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? "" : text.substr(eol + 1);
    bool continued = !line.empty() && line[0] == '\t';
    while (!line.empty() && (line[0] == '\t' || line[0] == ' ')) {
      line.remove_prefix(1);
    }
    if (line.empty()) continue;
    if (!out.empty()) out += continued ? " " : "; ";
    out += line;
  }
  // The server's severity tags say nothing a user needs.
  for (std::string_view severity : {"FATAL:  ", "ERROR:  "}) {
    for (size_t at; (at = out.find(severity)) != std::string::npos;) {
      out.erase(at, severity.size());
    }
  }
  return out;
}

std::string ConnectionError(const PGconn* conn) {
  std::string message = OneLine(PQerrorMessage(conn));
  return message.empty() ? "the connection failed" : message;
}

std::string ResultError(const PGconn* conn, const PGresult* res) {
  const char* primary =
      res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  if (primary == nullptr) return ConnectionError(conn);
  std::string message = primary;
  if (const char* detail = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL)) {
    message += std::string(" (") + detail + ")";
  }
  return message;
}

// Frees a PGresult when it goes out of scope.
class ResultPtr {
 public:
  explicit ResultPtr(PGresult* res) : res_(res) {}
  ~ResultPtr() { PQclear(res_); }
  ResultPtr(const ResultPtr&) = delete;
  ResultPtr& operator=(const ResultPtr&) = delete;
  PGresult* get() const { return res_; }
  ExecStatusType status() const { return PQresultStatus(res_); }

 private:
  PGresult* res_;
};

// A value as libpq's text format: NULL stays nullopt.
std::optional<std::string> ToText(const Value& v) {
  if (std::holds_alternative<std::nullptr_t>(v)) return std::nullopt;
  if (const int64_t* n = std::get_if<int64_t>(&v)) return std::to_string(*n);
  if (const double* d = std::get_if<double>(&v)) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), *d);
    return std::string(buf, end);
  }
  return std::get<std::string>(v);
}

// COPY's text format: tab-separated, \N for NULL, backslash escapes for
// the characters that would end a field or a row.
void AppendCopyField(const Value& v, std::string* out) {
  std::optional<std::string> text = ToText(v);
  if (!text) {
    *out += "\\N";
    return;
  }
  for (char c : *text) {
    switch (c) {
      case '\\':
        *out += "\\\\";
        break;
      case '\t':
        *out += "\\t";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      default:
        out->push_back(c);
    }
  }
}

class PostgresBackend : public Backend {
 public:
  explicit PostgresBackend(PGconn* conn) : conn_(conn) {}
  ~PostgresBackend() override { PQfinish(conn_); }

  Status Execute(std::string_view sql) override {
    ResultPtr res(PQexec(conn_, std::string(sql).c_str()));
    ExecStatusType st = res.status();
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return Status::Ok();
    return Status::IoError(ResultError(conn_, res.get()));
  }

  Result<std::vector<TextRow>> Query(
      std::string_view sql, const std::vector<Value>& params) override {
    std::vector<std::optional<std::string>> texts;
    texts.reserve(params.size());
    for (const Value& v : params) texts.push_back(ToText(v));
    std::vector<const char*> values;
    for (const auto& t : texts) values.push_back(t ? t->c_str() : nullptr);
    ResultPtr res(PQexecParams(conn_, std::string(sql).c_str(),
                               static_cast<int>(values.size()), nullptr,
                               values.data(), nullptr, nullptr, 0));
    ExecStatusType st = res.status();
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
      return Status::IoError(ResultError(conn_, res.get()));
    }
    std::vector<TextRow> rows;
    int columns = PQnfields(res.get());
    for (int r = 0; r < PQntuples(res.get()); ++r) {
      TextRow row;
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(res.get(), r, c)) {
          row.emplace_back(std::nullopt);
        } else {
          row.emplace_back(std::string(PQgetvalue(res.get(), r, c),
                                       PQgetlength(res.get(), r, c)));
        }
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

  Result<bool> TableExists(std::string_view table) override {
    RAINGAN_ASSIGN_OR_RETURN(
        std::vector<TextRow> rows,
        Query("SELECT to_regclass($1) IS NOT NULL", {std::string(table)}));
    return !rows.empty() && rows[0][0] == "t";
  }

  // An advisory lock held until the transaction ends: two loaders writing
  // the same document (or the schema) take turns; others run in parallel.
  Status BeginWrite(int64_t lock_key) override {
    return Execute("BEGIN; SELECT pg_advisory_xact_lock(" +
                   std::to_string(lock_key) + ")");
  }

  Status Commit() override {
    ResultPtr res(PQexec(conn_, "COMMIT"));
    if (res.status() != PGRES_COMMAND_OK) {
      return Status::IoError(ResultError(conn_, res.get()));
    }
    // COMMIT of a transaction that had failed answers ROLLBACK.
    if (std::string_view(PQcmdStatus(res.get())) != "COMMIT") {
      return Status::IoError("the transaction was rolled back");
    }
    return Status::Ok();
  }

  Status Rollback() override {
    if (PQstatus(conn_) != CONNECTION_OK ||
        PQtransactionStatus(conn_) == PQTRANS_IDLE) {
      return Status::Ok();  // nothing open (the server rolls back a lost one)
    }
    return Execute("ROLLBACK");
  }

  Status Insert(const TableRows& rows) override {
    if (rows.rows() == 0) return Status::Ok();
    std::string sql = "COPY " + rows.table + " (";
    for (size_t i = 0; i < rows.columns.size(); ++i) {
      sql += (i ? ", " : "") + rows.columns[i];
    }
    sql += ") FROM STDIN";
    {
      ResultPtr res(PQexec(conn_, sql.c_str()));
      if (res.status() != PGRES_COPY_IN) {
        return Status::IoError(ResultError(conn_, res.get()))
            .WithContext(rows.table);
      }
    }
    std::string data;
    const size_t width = rows.columns.size();
    for (size_t i = 0; i < rows.values.size(); ++i) {
      AppendCopyField(rows.values[i], &data);
      data += (i % width == width - 1) ? '\n' : '\t';
    }
    bool sent =
        PQputCopyData(conn_, data.data(), static_cast<int>(data.size())) == 1 &&
        PQputCopyEnd(conn_, nullptr) == 1;
    // The COPY's outcome, then the end of its results.
    Status status = Status::Ok();
    while (PGresult* raw = PQgetResult(conn_)) {
      ResultPtr res(raw);
      if (res.status() != PGRES_COMMAND_OK && status.ok()) {
        status = Status::IoError(ResultError(conn_, res.get()));
      }
    }
    if (status.ok() && !sent) status = Status::IoError(ConnectionError(conn_));
    return status.ok() ? status : status.WithContext(rows.table);
  }

  Status Reconnect() override {
    if (PQstatus(conn_) == CONNECTION_OK) return Status::Ok();
    PQreset(conn_);
    if (PQstatus(conn_) == CONNECTION_OK) return Status::Ok();
    return Status::IoError("lost the connection to the server: " +
                           ConnectionError(conn_));
  }

 private:
  PGconn* conn_;
};

void DropNotice(void*, const char*) {}

}  // namespace

Result<std::unique_ptr<Backend>> OpenPostgres(const std::string& url) {
  char* parse_error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &parse_error);
  if (options == nullptr) {
    std::string why = parse_error ? OneLine(parse_error) : "out of memory";
    PQfreemem(parse_error);
    return Status::InvalidArgument("not a valid PostgreSQL URL: " + why);
  }
  PQconninfoFree(options);
  // Settings before "dbname" (the URL, expanded) are defaults the URL may
  // override.
  const char* keys[] = {"connect_timeout", "application_name",
                        "client_encoding", "dbname", nullptr};
  const char* values[] = {kConnectTimeoutSeconds, "raingan", "UTF8",
                          url.c_str(), nullptr};
  PGconn* conn = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (conn == nullptr) return Status::IoError("out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string why = ConnectionError(conn);
    PQfinish(conn);
    return Status::IoError("cannot connect: " + why);
  }
  // CREATE ... IF NOT EXISTS and the like send notices; libpq would print
  // them on stderr, in the middle of the progress display.
  PQsetNoticeProcessor(conn, DropNotice, nullptr);
  return std::unique_ptr<Backend>(std::make_unique<PostgresBackend>(conn));
}

}  // namespace raingan::db
