#include "serve/review.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <set>

#include "base/file.h"
#include "batch/batch_dir.h"
#include "batch/corrections.h"
#include "batch/database_corrections.h"
#include "batch/merged_outputs.h"
#include "output/api_json.h"
#include "output/correction_json.h"
#include "serve/jobs.h"
#include "serve/review_queue.h"
#include "serve/safe_path.h"
#include "serve/static_files.h"

namespace raingan::serve {
namespace {

void Json(int status, std::string body, http::Response* res) {
  res->status = status;
  res->content_type = "application/json";
  res->body = std::move(body);
  res->SetHeader("Cache-Control", "no-store");
}

void Error(int status, const std::string& message, http::Response* res) {
  Json(status, ApiErrorJson(message), res);
}

bool ParseIndex(const std::string& text, int* out) {
  if (text.empty() || text.size() > 9) return false;
  int v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

// "documents/<name>.json" -> "<name>"; "" for another shape.
std::string NameFromOutput(const std::string& output) {
  const std::string head = "documents/", tail = ".json";
  if (output.size() <= head.size() + tail.size() ||
      output.compare(0, head.size(), head) != 0 ||
      output.compare(output.size() - tail.size(), tail.size(), tail) != 0) {
    return "";
  }
  return output.substr(head.size(), output.size() - head.size() - tail.size());
}

int Rank(ReviewMark mark) {
  switch (mark) {
    case ReviewMark::kNone:
      return 0;
    case ReviewMark::kFlagged:
      return 1;  // "for later": after the ones not looked at yet
    case ReviewMark::kChecked:
      return 2;
  }
  return 0;
}

std::string Quoted(const std::vector<std::string>& value) {
  if (value.empty()) return "(empty)";
  std::string out;
  for (const std::string& v : value) {
    if (!out.empty()) out += " / ";
    out += "'" + v + "'";
  }
  return out;
}

}  // namespace

Review::Review(ReviewConfig config, Workers* workers)
    : config_(std::move(config)), workers_(workers) {
  cache_dir_ = config_.data_dir + "/.raingan/review-cache";
}

Result<std::unique_ptr<Review>> Review::Open(const ReviewConfig& config,
                                             Workers* workers) {
  if (batch::MergedSetSuffixes(config.data_dir).empty()) {
    return Status::InvalidArgument(
        config.data_dir +
        " is not a batch output directory (it has no results.jsonl); "
        "make one with raingan batch INPUT... --out " +
        config.data_dir);
  }
  std::unique_ptr<Review> review(new Review(config, workers));
  if (!config.db_url.empty()) {
    // Checked at start, as `batch --db` does: a bad URL or a server that
    // is down stops here.
    review->loader_ = std::make_unique<db::DocumentLoader>(config.db_url);
    if (!review->loader_->ok()) {
      return Status::InvalidArgument("--db " + review->loader_->error());
    }
  }
  if (::mkdir(review->cache_dir_.c_str(), 0755) != 0 && errno != EEXIST) {
    return Status::IoError("cannot create " + review->cache_dir_);
  }
  {
    std::lock_guard<std::mutex> lock(review->mu_);
    review->RefreshLocked();
    // Corrections saved by a server that was killed before it rebuilt the
    // merged files: rebuild them now.
    if (!review->corrections_.empty()) review->saved_ = 1;
  }
  review->rebuilder_ = std::thread([r = review.get()] { r->RebuildLoop(); });
  return review;
}

Review::~Review() {
  {
    std::lock_guard<std::mutex> lock(rebuild_mu_);
    stopping_ = true;
  }
  rebuild_cv_.notify_all();
  if (rebuilder_.joinable()) rebuilder_.join();
}

Review::FileKey Review::KeyOf(const std::string& path) {
  FileKey key;
  struct stat st;
  if (::stat(path.c_str(), &st) == 0) {
    key.size = st.st_size;
    key.mtime = st.st_mtim;
  }
  return key;
}

void Review::RefreshLocked() {
  std::map<std::string, FileKey> keys;
  for (const std::string& suffix : batch::MergedSetSuffixes(config_.data_dir)) {
    std::string path = config_.data_dir + "/results" + suffix + ".jsonl";
    keys[path] = KeyOf(path);
  }
  if (keys != results_keys_) {
    std::map<std::string, Doc> old;
    for (Doc& d : docs_) old[d.name] = std::move(d);
    docs_.clear();
    by_name_.clear();
    for (const auto& [path, key] : keys) {
      Result<std::string> text = ReadFile(path);
      if (!text.ok()) continue;
      std::string_view rest = *text;
      while (!rest.empty()) {
        size_t eol = rest.find('\n');
        std::string_view line = rest.substr(0, eol);
        rest.remove_prefix(eol == std::string_view::npos ? rest.size()
                                                         : eol + 1);
        Result<BatchResult> record = BatchResultFromJson(line);
        if (!record.ok()) continue;
        Doc doc;
        doc.record = std::move(record).value();
        doc.name = NameFromOutput(doc.record.output);
        if (doc.name.empty()) doc.name = batch::DocumentName(doc.record.path);
        if (by_name_.count(doc.name)) continue;
        if (!doc.record.output.empty()) {
          // The record may have been edited: its output must lie inside
          // the batch directory.
          Result<std::string> json =
              ResolveWithin(config_.data_dir, doc.record.output);
          if (json.ok()) doc.json = *json;
        }
        auto previous = old.find(doc.name);
        if (previous != old.end() && previous->second.json == doc.json) {
          doc.key = previous->second.key;
          doc.read = previous->second.read;
        }
        by_name_[doc.name] = docs_.size();
        docs_.push_back(std::move(doc));
      }
    }
    results_keys_ = keys;
  }
  const std::string corrections = batch::CorrectionsPath(config_.data_dir);
  FileKey ckey = KeyOf(corrections);
  if (!(ckey == corrections_key_)) {
    Result<batch::CorrectionLog> log = batch::ReadCorrections(corrections);
    if (log.ok()) {
      corrections_ = std::move(log->corrections);
      bad_lines_ = log->bad_lines;
      corrections_key_ = ckey;
    }
  }
  const std::string marks = batch::ReviewMarksPath(config_.data_dir);
  FileKey mkey = KeyOf(marks);
  if (!(mkey == marks_key_)) {
    Result<batch::ReviewMarks> m = batch::ReadReviewMarks(marks);
    if (m.ok()) {
      marks_ = std::move(m).value();
      marks_key_ = mkey;
    }
  }
}

Review::Doc* Review::FindLocked(const std::string& name) {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &docs_[it->second];
}

std::shared_ptr<const ReadDocument> Review::LoadLocked(Doc* doc) {
  if (doc->json.empty()) return nullptr;
  FileKey key = KeyOf(doc->json);
  if (doc->read && key == doc->key) return doc->read;
  Result<std::string> text = ReadFile(doc->json);
  if (!text.ok()) return nullptr;
  Result<ReadDocument> read = DocumentFromJson(*text);
  if (!read.ok()) return nullptr;
  doc->read = std::make_shared<const ReadDocument>(std::move(read).value());
  doc->key = key;
  return doc->read;
}

Result<Review::Current> Review::CurrentLocked(Doc* doc) {
  Current c;
  c.read = LoadLocked(doc);
  if (!c.read) {
    return Status::BadInput("the document " + doc->name +
                            " cannot be read from the batch directory");
  }
  c.doc = c.read->doc;
  batch::AppliedCorrections applied =
      batch::ApplyCorrections(corrections_, doc->name, &c.doc);
  c.corrected = std::move(applied.corrected);
  return c;
}

ReviewMark Review::MarkLocked(const std::string& name, int record) const {
  auto it = marks_.find({name, record});
  return it == marks_.end() ? ReviewMark::kNone : it->second;
}

void Review::Register(http::Server* server) {
  auto bind =
      [this](void (Review::*handler)(const http::Request&, http::Response*)) {
        return [this, handler](const http::Request& req, http::Response* res) {
          (this->*handler)(req, res);
        };
      };
  server->Route("GET", "/", [](const http::Request&, http::Response* res) {
    res->status = 302;
    res->SetHeader("Location", "/review");
  });
  std::string web = config_.web_dir, fonts = config_.fonts_dir;
  server->Route("GET", "/review",
                [web](const http::Request&, http::Response* res) {
                  ServeFile(web, "index.html", res);
                });
  server->RoutePrefix(
      "GET", "/static/", [web](const http::Request& req, http::Response* res) {
        ServeFile(web, req.path.substr(std::string("/static/").size()), res);
      });
  server->RoutePrefix(
      "GET", "/fonts/", [fonts](const http::Request& req, http::Response* res) {
        ServeFile(fonts, req.path.substr(std::string("/fonts/").size()), res);
      });
  server->Route("GET", "/api/review/documents", bind(&Review::Documents));
  server->Route("GET", "/api/review/queue", bind(&Review::Queue));
  server->Route("GET", "/api/review/record", bind(&Review::Record));
  server->Route("GET", "/api/review/image", bind(&Review::Image));
  server->Route("GET", "/api/review/status", bind(&Review::StatusPage));
  server->Route("POST", "/api/review/save", bind(&Review::Save));
}

void Review::Documents(const http::Request&, http::Response* res) {
  std::vector<ReviewDocumentView> views;
  std::lock_guard<std::mutex> lock(mu_);
  RefreshLocked();
  for (Doc& d : docs_) {
    ReviewDocumentView v;
    v.name = d.name;
    v.path = d.record.path;
    v.status = d.record.status;
    v.error = d.record.error;
    v.pages = d.record.pages;
    v.measures = d.record.measures;
    Result<Current> current = CurrentLocked(&d);
    if (current.ok()) {
      const Document& doc = current->doc;
      v.format = std::string(SourceFormatName(doc.source.format));
      v.title = doc.info.title;
      v.organization = doc.info.organization.name;
      v.province = doc.info.organization.province;
      v.fiscal_year = doc.info.fiscal_year.be;
      for (const ReviewQueueEntry& e :
           RecordsToCheck(*current->read, config_.review_below)) {
        ReviewMark mark = MarkLocked(d.name, e.record);
        ++v.to_check;
        v.checked += mark == ReviewMark::kChecked;
        v.flagged += mark == ReviewMark::kFlagged;
      }
      for (const auto& fields : current->corrected)
        v.corrected += !fields.empty();
    }
    views.push_back(std::move(v));
  }
  Json(200, ReviewDocumentsJson(views), res);
}

void Review::Queue(const http::Request& req, http::Response* res) {
  double below = config_.review_below;
  if (req.HasParam("below")) {
    char* end = nullptr;
    std::string v = req.Param("below");
    below = std::strtod(v.c_str(), &end);
    if (v.empty() || *end != '\0' || !(below >= 0 && below <= 1)) {
      return Error(400, "below must be a number from 0 to 1", res);
    }
  }
  const std::string only = req.Param("doc");
  std::vector<ReviewQueueEntry> queue;
  bool pipeline_review = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    RefreshLocked();
    for (Doc& d : docs_) {
      if (!only.empty() && d.name != only) continue;
      Result<Current> current = CurrentLocked(&d);
      if (!current.ok()) continue;
      pipeline_review = pipeline_review || current->read->has_review;
      for (ReviewQueueEntry& e : RecordsToCheck(*current->read, below)) {
        e.document = d.name;
        e.mark = MarkLocked(d.name, e.record);
        e.corrected = !current->corrected[e.record].empty();
        queue.push_back(std::move(e));
      }
    }
  }
  SortWorstFirst(&queue);
  std::stable_sort(queue.begin(), queue.end(),
                   [](const ReviewQueueEntry& a, const ReviewQueueEntry& b) {
                     return Rank(a.mark) < Rank(b.mark);
                   });
  Json(200, ReviewQueueJson(queue, below, pipeline_review), res);
}

ReviewRecordView Review::RecordViewLocked(const Doc& d, const Current& c,
                                          int record) {
  const Measure& extracted = c.read->doc.measures[record];
  const Measure& now = c.doc.measures[record];
  const Document& doc = c.doc;
  ReviewRecordView v;
  v.entry.document = d.name;
  v.entry.record = record;
  v.entry.measure_id = now.id;
  v.entry.measure = now.measure;
  v.entry.score = extracted.confidence;
  for (ReviewQueueEntry& e : RecordsToCheck(*c.read, config_.review_below)) {
    if (e.record != record) continue;
    v.entry.fields = std::move(e.fields);
    v.entry.reasons = std::move(e.reasons);
    v.entry.score = e.score;
  }
  v.entry.mark = MarkLocked(d.name, record);
  v.entry.corrected = !c.corrected[record].empty();
  v.records_in_document = static_cast<int>(doc.measures.size());
  v.source_path = doc.source.path;
  v.source_format = std::string(SourceFormatName(doc.source.format));
  v.title = doc.info.title;
  v.organization = doc.info.organization.name;
  v.fiscal_year = doc.info.fiscal_year.be;
  v.page = extracted.prov.page;
  v.line = extracted.prov.line;
  v.bbox = extracted.prov.bbox;
  v.has_image = doc.source.format != SourceFormat::kText && v.page > 0;
  const bool plan = doc.info.kind == DocumentKind::kAnticorruptionPlan;
  for (const CorrectableField& f : kCorrectableFields) {
    std::string name = f.name;
    if (name == "recommendation" && !extracted.has_recommendation) continue;
    if (name == "budget_baht" && !plan && !extracted.budget_baht) continue;
    ReviewFieldView field;
    field.name = name;
    field.kind = f.kind;
    field.value = batch::FieldValue(now, name);
    field.extracted = batch::FieldValue(extracted, name);
    field.confidence = FieldConfidence(extracted, name);
    field.corrected = field.value != field.extracted;
    field.to_check = std::find(v.entry.fields.begin(), v.entry.fields.end(),
                               name) != v.entry.fields.end();
    v.fields.push_back(std::move(field));
  }
  v.warnings = extracted.warnings;
  return v;
}

void Review::Record(const http::Request& req, http::Response* res) {
  int record = 0;
  if (!ParseIndex(req.Param("record"), &record)) {
    return Error(400, "record must be an index (0, 1, ...)", res);
  }
  std::lock_guard<std::mutex> lock(mu_);
  RefreshLocked();
  Doc* d = FindLocked(req.Param("doc"));
  if (d == nullptr) return Error(404, "no document of that name", res);
  Result<Current> current = CurrentLocked(d);
  if (!current.ok()) return Error(422, current.status().message(), res);
  if (record >= static_cast<int>(current->doc.measures.size())) {
    return Error(404, "the document has no record " + std::to_string(record),
                 res);
  }
  Json(200, ReviewRecordJson(RecordViewLocked(*d, *current, record)), res);
}

Result<std::string> Review::RenderCached(const Document& doc, const Measure& m,
                                         bool whole) {
  if (doc.source.format == SourceFormat::kText || m.prov.page <= 0) {
    return Status::NotFound("no page image: the source is a text export");
  }
  std::string source = doc.source.path;
  if (source.empty() || source.front() != '/') {
    char cwd[4096];
    std::string base = !config_.sources_dir.empty() ? config_.sources_dir
                       : ::getcwd(cwd, sizeof(cwd)) ? std::string(cwd)
                                                    : std::string(".");
    source = base + "/" + source;
  }
  const bool deskew =
      doc.source.format == SourceFormat::kImage || !m.field_confidence.empty();
  // The hash names the cached files: only hex digits may go into a path.
  std::string sha = doc.source.sha256.substr(0, 16);
  if (sha.size() != 16 ||
      sha.find_first_not_of("0123456789abcdef") != std::string::npos) {
    return Status::BadInput("the document has no valid source hash");
  }
  std::string base = cache_dir_ + "/" + sha + "-p" +
                     std::to_string(m.prov.page) + "-" +
                     std::to_string(config_.dpi) + (deskew ? "-d" : "");
  std::string page_png = base + ".png";
  BBox box = whole ? BBox{} : m.prov.bbox;
  std::string result = page_png;
  if (!box.empty()) {
    char buf[96];
    std::snprintf(buf, sizeof(buf), "-%ld_%ld_%ld_%ld",
                  std::lround(box.x0 * 10), std::lround(box.y0 * 10),
                  std::lround(box.x1 * 10), std::lround(box.y1 * 10));
    result = base + buf + ".png";
  }
  if (PathExists(result)) return result;

  std::shared_future<Status> done;
  std::shared_ptr<std::promise<Status>> promise;
  {
    std::lock_guard<std::mutex> lock(render_mu_);
    auto it = renders_.find(result);
    if (it != renders_.end()) {
      done = it->second;  // someone asked for the same picture: share it
    } else {
      promise = std::make_shared<std::promise<Status>>();
      done = promise->get_future().share();
      renders_[result] = done;
    }
  }
  if (promise) {
    // Outside render_mu_: Submit may call on_done at once.
    TaskCallbacks callbacks;
    callbacks.on_done = [this, promise, result](TaskEnd end,
                                                const std::string& why) {
      {
        std::lock_guard<std::mutex> lock(render_mu_);
        renders_.erase(result);
      }
      promise->set_value(end == TaskEnd::kOk ? Status::Ok()
                                             : Status::BadInput(why));
    };
    char coords[4][32];
    const double v[4] = {box.x0, box.y0, box.x1, box.y1};
    for (int i = 0; i < 4; ++i) std::snprintf(coords[i], 32, "%.2f", v[i]);
    char margin[32];
    std::snprintf(margin, sizeof(margin), "%.2f", config_.crop_margin);
    workers_->Submit(
        {"render", "render-" + RandomId(), source, doc.source.sha256,
         std::to_string(m.prov.page), std::to_string(config_.dpi),
         deskew ? "1" : "0", coords[0], coords[1], coords[2], coords[3], margin,
         page_png, result},
        callbacks);
  }
  if (done.wait_for(std::chrono::duration<double>(
          config_.render_wait_seconds)) != std::future_status::ready) {
    return Status::Internal("the page is still being rendered; try again");
  }
  Status s = done.get();
  if (!s.ok()) return s;
  if (!PathExists(result)) return Status::Internal("the page was not rendered");
  return result;
}

void Review::Image(const http::Request& req, http::Response* res) {
  int record = 0;
  if (!ParseIndex(req.Param("record"), &record)) {
    return Error(400, "record must be an index (0, 1, ...)", res);
  }
  Document doc;  // source and the one measure, copied out of the lock
  Measure m;
  {
    std::lock_guard<std::mutex> lock(mu_);
    RefreshLocked();
    Doc* d = FindLocked(req.Param("doc"));
    if (d == nullptr) return Error(404, "no document of that name", res);
    std::shared_ptr<const ReadDocument> read = LoadLocked(d);
    if (!read) return Error(422, "the document cannot be read", res);
    if (record >= static_cast<int>(read->doc.measures.size())) {
      return Error(404, "no such record", res);
    }
    doc.source = read->doc.source;
    m = read->doc.measures[record];
  }
  Result<std::string> png = RenderCached(doc, m, req.Param("whole") == "1");
  if (!png.ok()) {
    int status = png.status().code() == Status::Code::kNotFound ? 404 : 422;
    return Error(status, png.status().message(), res);
  }
  Result<std::string> bytes = ReadFile(*png);
  if (!bytes.ok()) return Error(500, "the page image was lost", res);
  res->content_type = "image/png";
  res->body = std::move(bytes).value();
  res->SetHeader("Cache-Control", "private, max-age=3600");
  res->SetHeader("X-Content-Type-Options", "nosniff");
}

void Review::Save(const http::Request& req, http::Response* res) {
  Result<SaveRequest> parsed = SaveRequestFromJson(req.body);
  if (!parsed.ok()) return Error(400, parsed.status().message(), res);
  const SaveRequest& save = *parsed;
  bool changed = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    RefreshLocked();
    Doc* d = FindLocked(save.document);
    if (d == nullptr) return Error(404, "no document of that name", res);
    Result<Current> current = CurrentLocked(d);
    if (!current.ok()) return Error(422, current.status().message(), res);
    if (save.record >= static_cast<int>(current->doc.measures.size())) {
      return Error(404, "no such record", res);
    }
    const Measure& now = current->doc.measures[save.record];
    const Measure& extracted = current->read->doc.measures[save.record];
    std::vector<Correction> accepted;
    const std::string time = batch::UtcTimestamp();
    for (const FieldChange& change : save.changes) {
      std::vector<std::string> value = batch::FieldValue(now, change.field);
      if (value != change.old_value) {
        return Error(409,
                     change.field + " is now " + Quoted(value) +
                         ", not what the page showed: reload the record",
                     res);
      }
      Measure check = now;
      Status valid =
          batch::SetFieldValue(&check, change.field, change.new_value);
      if (!valid.ok()) return Error(400, valid.message(), res);
      if (change.new_value == value) continue;
      Correction c;
      c.time = time;
      c.document = d->name;
      c.source_sha256 = current->doc.source.sha256;
      c.record = save.record;
      c.measure_id = extracted.id;
      c.field = change.field;
      c.old_value = change.old_value;
      c.new_value = change.new_value;
      accepted.push_back(std::move(c));
    }
    std::vector<std::string> lines;
    for (const Correction& c : accepted)
      lines.push_back(CorrectionToJsonLine(c));
    Status written = batch::AppendLinesDurably(
        batch::CorrectionsPath(config_.data_dir), lines);
    if (!written.ok()) return Error(500, written.message(), res);
    for (Correction& c : accepted) corrections_.push_back(std::move(c));
    corrections_key_ = KeyOf(batch::CorrectionsPath(config_.data_dir));
    changed = !lines.empty();
    if (save.mark) {
      ReviewMarkEntry e{time, d->name, save.record, *save.mark};
      Status marked = batch::AppendLinesDurably(
          batch::ReviewMarksPath(config_.data_dir), {ReviewMarkToJsonLine(e)});
      if (!marked.ok()) return Error(500, marked.message(), res);
      marks_[{d->name, save.record}] = *save.mark;
      marks_key_ = KeyOf(batch::ReviewMarksPath(config_.data_dir));
    }
    Result<Current> updated = CurrentLocked(d);
    if (!updated.ok()) return Error(422, updated.status().message(), res);
    Json(200, ReviewRecordJson(RecordViewLocked(*d, *updated, save.record)),
         res);
  }
  if (changed) RequestRebuild();
}

void Review::StatusPage(const http::Request&, http::Response* res) {
  ReviewStatusView v;
  {
    std::lock_guard<std::mutex> lock(mu_);
    RefreshLocked();
    v.corrections = static_cast<int>(corrections_.size());
    v.bad_lines = bad_lines_;
  }
  {
    std::lock_guard<std::mutex> lock(rebuild_mu_);
    v.saved = saved_;
    v.rebuilt = rebuilt_;
    v.rebuilding = rebuilding_ || saved_ > rebuilt_;
    v.error = rebuild_error_;
    v.applied = applied_;
    v.stale = stale_;
    v.database = database_;
  }
  Json(200, ReviewStatusJson(v), res);
}

void Review::RequestRebuild() {
  {
    std::lock_guard<std::mutex> lock(rebuild_mu_);
    ++saved_;
  }
  rebuild_cv_.notify_all();
}

std::string Review::LoadCorrected() {
  std::vector<std::pair<BatchResult, std::string>> documents;
  auto corrections = std::make_shared<std::vector<Correction>>();
  {
    std::lock_guard<std::mutex> lock(mu_);
    RefreshLocked();
    *corrections = corrections_;
    std::set<std::string> corrected;
    for (const Correction& c : corrections_) corrected.insert(c.document);
    for (const Doc& d : docs_) {
      if (corrected.count(d.name) && !d.json.empty()) {
        documents.emplace_back(d.record, d.json);
      }
    }
  }
  db::AmendmentFor amendment_for = batch::CorrectionsAmendments(corrections);
  db::LoadTotals totals;
  std::string failure;
  for (const auto& [record, json] : documents) {
    Result<db::LoadAction> action =
        loader_->Load(record, json, amendment_for(record));
    if (action.ok()) {
      totals.Count(*action);
    } else {
      ++totals.failed;
      if (failure.empty())
        failure = record.path + ": " + action.status().message();
    }
  }
  std::string out = std::to_string(totals.inserted + totals.replaced) +
                    " corrected documents loaded into " + loader_->url() +
                    " (" + std::to_string(totals.unchanged) + " unchanged)";
  if (totals.failed > 0) {
    out += "; " + std::to_string(totals.failed) + " failed, first " + failure;
  }
  return out;
}

void Review::RebuildLoop() {
  std::unique_lock<std::mutex> lock(rebuild_mu_);
  while (!stopping_) {
    rebuild_cv_.wait(lock, [this] { return stopping_ || saved_ > rebuilt_; });
    if (stopping_) break;
    const long target = saved_;
    rebuilding_ = true;
    lock.unlock();
    Result<batch::MergeStats> stats =
        batch::RebuildMergedOutputs(config_.data_dir);
    lock.lock();
    rebuilding_ = false;
    if (stats.ok() && loader_) {
      lock.unlock();
      std::string loaded = LoadCorrected();
      lock.lock();
      database_ = loaded;
    }
    if (stats.ok()) {
      rebuilt_ = target;
      rebuild_error_.clear();
      applied_ = stats->corrections_applied;
      stale_ = stats->corrections_stale;
    } else {
      // Most likely a batch is writing the directory; it applies the
      // corrections itself when it finishes, and this tries again.
      rebuild_error_ = stats.status().message();
      rebuild_cv_.wait_for(lock, std::chrono::seconds(2),
                           [this] { return stopping_; });
    }
  }
}

}  // namespace raingan::serve
