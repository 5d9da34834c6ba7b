#include "batch/corrections.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

#include "base/file.h"
#include "base/sha256.h"
#include "batch/atomic_file.h"
#include "output/correction_json.h"

namespace raingan::batch {
namespace {

std::string ErrnoText() { return std::strerror(errno); }

// Whether the file's last byte is a newline (true for an empty file).
bool EndsWithNewline(int fd) {
  struct stat st;
  if (::fstat(fd, &st) != 0 || st.st_size == 0) return true;
  char last = 0;
  return ::pread(fd, &last, 1, st.st_size - 1) == 1 && last == '\n';
}

Status SyncDirectoryOf(const std::string& path) {
  size_t slash = path.find_last_of('/');
  std::string dir = slash == std::string::npos ? "." : path.substr(0, slash);
  if (dir.empty()) dir = "/";
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Status::IoError("cannot open " + dir + ": " + ErrnoText());
  int r = ::fsync(fd);
  ::close(fd);
  if (r != 0) return Status::IoError("cannot sync " + dir + ": " + ErrnoText());
  return Status::Ok();
}

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    if (!line.empty()) lines.push_back(line);
    if (eol == std::string_view::npos) break;
    text.remove_prefix(eol + 1);
  }
  return lines;
}

bool ParseMoney(const std::string& text, int64_t* out) {
  if (text.empty() || text.size() > 15) return false;
  int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

std::vector<std::string> Optional(const std::string& text) {
  if (text.empty()) return {};
  return {text};
}

}  // namespace

std::string CorrectionsPath(const std::string& dir) {
  return dir + "/corrections.jsonl";
}

std::string ReviewMarksPath(const std::string& dir) {
  return dir + "/.raingan/review-marks.jsonl";
}

Status AppendLinesDurably(const std::string& path,
                          const std::vector<std::string>& lines) {
  if (lines.empty()) return Status::Ok();
  bool existed = PathExists(path);
  int fd =
      ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Status::IoError("cannot open " + path + ": " + ErrnoText());
  }
  // Released by close(), or by the kernel if this process dies.
  while (::flock(fd, LOCK_EX) != 0 && errno == EINTR) {
  }
  std::string data;
  if (!EndsWithNewline(fd)) data.push_back('\n');  // end a torn line
  for (const std::string& line : lines) {
    data += line;
    data.push_back('\n');
  }
  Status s = WriteAllToFd(fd, data);
  if (s.ok() && ::fdatasync(fd) != 0) s = Status::IoError(ErrnoText());
  ::close(fd);
  if (!s.ok()) return s.WithContext("cannot write " + path);
  if (!existed) return SyncDirectoryOf(path);
  return Status::Ok();
}

Result<CorrectionLog> ReadCorrections(const std::string& path) {
  CorrectionLog log;
  if (!PathExists(path)) return log;
  RAINGAN_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  for (std::string_view line : Lines(text)) {
    Result<Correction> c = CorrectionFromJson(line);
    if (c.ok()) {
      log.corrections.push_back(std::move(c).value());
    } else {
      ++log.bad_lines;
    }
  }
  return log;
}

Result<ReviewMarks> ReadReviewMarks(const std::string& path) {
  ReviewMarks marks;
  if (!PathExists(path)) return marks;
  RAINGAN_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  for (std::string_view line : Lines(text)) {
    Result<ReviewMarkEntry> e = ReviewMarkFromJson(line);
    if (e.ok()) marks[{e->document, e->record}] = e->mark;
  }
  return marks;
}

std::vector<std::string> FieldValue(const Measure& m, std::string_view field) {
  if (field == "id") return Optional(m.id);
  if (field == "section") return Optional(m.section);
  if (field == "measure") return Optional(m.measure);
  if (field == "method") return m.method;
  if (field == "owner") return m.owner;
  if (field == "period.text") return Optional(m.period.text);
  if (field == "period.start") {
    return m.period.start ? std::vector<std::string>{m.period.start->Iso()}
                          : std::vector<std::string>{};
  }
  if (field == "period.end") {
    return m.period.end ? std::vector<std::string>{m.period.end->Iso()}
                        : std::vector<std::string>{};
  }
  if (field == "output") return m.output;
  if (field == "outcome") return m.outcome;
  if (field == "recommendation") return m.recommendation;
  if (field == "budget_baht") {
    return m.budget_baht
               ? std::vector<std::string>{std::to_string(*m.budget_baht)}
               : std::vector<std::string>{};
  }
  return {};
}

Status SetFieldValue(Measure* m, std::string_view field,
                     const std::vector<std::string>& value) {
  std::optional<FieldKind> kind = CorrectableFieldKind(field);
  if (!kind) {
    return Status::InvalidArgument(std::string(field) +
                                   " is not a field that can be corrected");
  }
  if (*kind != FieldKind::kList && value.size() > 1) {
    return Status::InvalidArgument(std::string(field) + " holds one value");
  }
  const std::string one = value.empty() ? "" : value.front();
  if (*kind == FieldKind::kDate) {
    std::optional<Date> date;
    if (!one.empty()) {
      date = ParseIsoDate(one);
      if (!date) {
        return Status::InvalidArgument(std::string(field) +
                                       " must be a date YYYY-MM-DD, not '" +
                                       one + "'");
      }
    }
    (field == "period.start" ? m->period.start : m->period.end) = date;
    return Status::Ok();
  }
  if (*kind == FieldKind::kMoney) {
    int64_t baht = 0;
    if (one.empty()) {
      m->budget_baht.reset();
    } else if (ParseMoney(one, &baht)) {
      m->budget_baht = baht;
    } else {
      return Status::InvalidArgument(
          "budget_baht must be whole baht in digits, not '" + one + "'");
    }
    return Status::Ok();
  }
  if (field == "id") m->id = one;
  if (field == "section") m->section = one;
  if (field == "measure") m->measure = one;
  if (field == "period.text") m->period.text = one;
  if (field == "method") m->method = value;
  if (field == "owner") m->owner = value;
  if (field == "output") m->output = value;
  if (field == "outcome") m->outcome = value;
  if (field == "recommendation") {
    m->recommendation = value;
    m->has_recommendation = true;
  }
  return Status::Ok();
}

AppliedCorrections ApplyCorrections(const std::vector<Correction>& corrections,
                                    const std::string& document_name,
                                    Document* doc) {
  AppliedCorrections out;
  const std::vector<Measure> original = doc->measures;
  for (const Correction& c : corrections) {
    if (c.document != document_name) continue;
    bool applies = c.source_sha256 == doc->source.sha256 && c.record >= 0 &&
                   c.record < static_cast<int>(doc->measures.size());
    Measure* m = applies ? &doc->measures[c.record] : nullptr;
    if (applies && FieldValue(*m, c.field) != c.old_value) applies = false;
    if (applies && !SetFieldValue(m, c.field, c.new_value).ok()) {
      applies = false;
    }
    ++(applies ? out.applied : out.stale);
  }
  out.corrected.resize(doc->measures.size());
  for (size_t i = 0; i < doc->measures.size(); ++i) {
    for (const CorrectableField& f : kCorrectableFields) {
      if (FieldValue(doc->measures[i], f.name) !=
          FieldValue(original[i], f.name)) {
        out.corrected[i].push_back(f.name);
      }
    }
  }
  return out;
}

namespace {

std::vector<std::string> OptionalText(const std::optional<std::string>& v) {
  return v && !v->empty() ? std::vector<std::string>{*v}
                          : std::vector<std::string>{};
}

std::optional<std::string> OneOrNull(const std::vector<std::string>& v) {
  if (v.empty() || v.front().empty()) return std::nullopt;
  return v.front();
}

std::vector<std::string>* ListOf(MeasureRecord* m, std::string_view field) {
  for (ListRecord& list : m->lists) {
    if (list.field == field) return &list.items;
  }
  return nullptr;
}

std::vector<std::string> RecordValue(MeasureRecord* m, std::string_view field) {
  if (field == "id") return OptionalText(m->id);
  if (field == "section") return OptionalText(m->section);
  if (field == "measure") return OptionalText(m->measure);
  if (field == "period.text") return OptionalText(m->period_text);
  if (field == "period.start") return OptionalText(m->period_start);
  if (field == "period.end") return OptionalText(m->period_end);
  if (field == "budget_baht") {
    return m->budget_baht
               ? std::vector<std::string>{std::to_string(*m->budget_baht)}
               : std::vector<std::string>{};
  }
  std::vector<std::string>* list = ListOf(m, field);
  return list ? *list : std::vector<std::string>{};
}

// The checks are SetFieldValue's: a value it refuses is refused here.
bool SetRecordValue(MeasureRecord* m, std::string_view field,
                    const std::vector<std::string>& value) {
  Measure check;
  if (!SetFieldValue(&check, field, value).ok()) return false;
  if (field == "id") m->id = OneOrNull(value);
  if (field == "section") m->section = OneOrNull(value);
  if (field == "measure") m->measure = value.empty() ? "" : value.front();
  if (field == "period.text") m->period_text = OneOrNull(value);
  if (field == "period.start") m->period_start = OneOrNull(value);
  if (field == "period.end") m->period_end = OneOrNull(value);
  if (field == "budget_baht") m->budget_baht = check.budget_baht;
  if (CorrectableFieldKind(field) == FieldKind::kList) {
    std::vector<std::string>* list = ListOf(m, field);
    if (list != nullptr) {
      *list = value;
    } else {
      m->lists.push_back(ListRecord{std::string(field), value});
    }
  }
  return true;
}

}  // namespace

AppliedCorrections ApplyCorrections(const std::vector<Correction>& corrections,
                                    const std::string& document_name,
                                    DocumentRecord* doc) {
  AppliedCorrections out;
  for (const Correction& c : corrections) {
    if (c.document != document_name) continue;
    bool applies = c.source_sha256 == doc->sha256 && c.record >= 0 &&
                   c.record < static_cast<int>(doc->measures.size());
    MeasureRecord* m = applies ? &doc->measures[c.record] : nullptr;
    applies = applies && RecordValue(m, c.field) == c.old_value &&
              SetRecordValue(m, c.field, c.new_value);
    ++(applies ? out.applied : out.stale);
  }
  return out;
}

std::string CorrectionsDigest(const std::vector<Correction>& corrections,
                              const std::string& document_name) {
  std::string text;
  for (const Correction& c : corrections) {
    if (c.document == document_name) text += CorrectionToJsonLine(c) + "\n";
  }
  return text.empty() ? "" : Sha256Hex(text);
}

std::string UtcTimestamp() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  ::gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace raingan::batch
