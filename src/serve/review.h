// The review page's server side, over one batch output directory
// (--data OUT): the documents with their status and counts, the queue of
// records to check (review_queue.h), one record with its fields and the
// crop of its page, and saving corrections.
//
//   GET  /review                       the page (web/index.html)
//   GET  /api/review/documents         results.jsonl with counts
//   GET  /api/review/queue             records to check, worst first;
//                                      flagged ones after, checked last
//   GET  /api/review/record?doc=&record=
//   GET  /api/review/image?doc=&record=[&whole=1]
//                                      PNG of the record's part of its page
//                                      (or the whole page), rendered by a
//                                      worker from the source at --review-dpi
//                                      and cached in OUT/.raingan/review-cache/
//   POST /api/review/save              {"document", "record", "changes",
//                                       "mark"} (output/correction_json.h)
//   GET  /api/review/status            corrections saved, outputs rebuilt
//
// Requests name documents by their name in the batch (documents/<name>.json),
// looked up in the batch's own records — never by a path. The documents
// are read only inside OUT (safe_path.h); the source files only as the
// batch recorded them (relative ones under --sources), only by a worker,
// only after their SHA-256 matches the document's, and only to render a
// page: they are never sent.
//
// Saving: each change must carry the value the page showed ("old"); if
// the field holds another value now (another reviewer, a re-extraction)
// the save is refused with 409 and nothing is written. Accepted changes are
// appended to OUT/corrections.jsonl and the record's mark to
// OUT/.raingan/review-marks.jsonl, durably, before the answer
// (batch/corrections.h); then a background thread rebuilds
// measures.csv/jsonl with the corrections applied (batch/merged_outputs.h).
// At start the outputs are rebuilt once when corrections exist, so a
// server killed between a save and its rebuild loses nothing. With --db,
// each rebuild is followed by loading the corrected documents into the
// database (db/loader.h; unchanged ones are left alone).
#ifndef RAINGAN_SERVE_REVIEW_H_
#define RAINGAN_SERVE_REVIEW_H_

#include <sys/stat.h>

#include <condition_variable>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "db/loader.h"
#include "http/server.h"
#include "model/correction.h"
#include "output/document_from_json.h"
#include "output/json_writer.h"
#include "output/review_json.h"
#include "serve/workers.h"

namespace raingan::serve {

struct ReviewConfig {
  std::string data_dir;
  std::string sources_dir;  // "" = the current directory
  std::string web_dir;
  std::string fonts_dir;
  // A database (db/database.h URL) the batch is loaded into: documents are
  // loaded again, corrected, after each rebuild. "" = none.
  std::string db_url;
  double review_below = 0.6;
  int dpi = 100;
  // Points of page around a record's box in its crop: about one line of
  // the 14-16 pt text reports use, so the cell borders around it show.
  double crop_margin = 12;
  double render_wait_seconds = 150;
};

class Review {
 public:
  // Fails when `data_dir` holds no results*.jsonl (not a batch directory).
  static Result<std::unique_ptr<Review>> Open(const ReviewConfig& config,
                                              Workers* workers);
  ~Review();
  Review(const Review&) = delete;
  Review& operator=(const Review&) = delete;

  void Register(http::Server* server);

 private:
  struct FileKey {
    off_t size = -1;
    struct timespec mtime {};
    bool operator==(const FileKey& o) const {
      return size == o.size && mtime.tv_sec == o.mtime.tv_sec &&
             mtime.tv_nsec == o.mtime.tv_nsec;
    }
  };
  struct Doc {
    std::string name;
    BatchResult record;
    std::string json;  // resolved path; "" when failed
    FileKey key;
    std::shared_ptr<const ReadDocument> read;
  };
  // A document with the corrections applied.
  struct Current {
    std::shared_ptr<const ReadDocument> read;  // as extracted
    Document doc;                              // corrected
    std::vector<std::vector<std::string>> corrected;
  };

  explicit Review(ReviewConfig config, Workers* workers);
  static FileKey KeyOf(const std::string& path);
  void RefreshLocked();
  Doc* FindLocked(const std::string& name);
  std::shared_ptr<const ReadDocument> LoadLocked(Doc* doc);
  Result<Current> CurrentLocked(Doc* doc);
  ReviewMark MarkLocked(const std::string& name, int record) const;

  void Documents(const http::Request& req, http::Response* res);
  void Queue(const http::Request& req, http::Response* res);
  void Record(const http::Request& req, http::Response* res);
  void Image(const http::Request& req, http::Response* res);
  void Save(const http::Request& req, http::Response* res);
  void StatusPage(const http::Request& req, http::Response* res);

  ReviewRecordView RecordViewLocked(const Doc& doc, const Current& current,
                                    int record);
  // Renders (via a worker) unless cached; the PNG's path or the reason.
  Result<std::string> RenderCached(const Document& doc, const Measure& m,
                                   bool whole);

  void RebuildLoop();
  void RequestRebuild();
  // Loads the corrected documents into the database; what happened.
  std::string LoadCorrected();

  ReviewConfig config_;
  Workers* workers_;
  std::string cache_dir_;

  std::mutex mu_;  // everything below
  std::map<std::string, FileKey> results_keys_;
  std::vector<Doc> docs_;
  std::map<std::string, size_t> by_name_;
  FileKey corrections_key_, marks_key_;
  std::vector<Correction> corrections_;
  int bad_lines_ = 0;
  std::map<std::pair<std::string, int>, ReviewMark> marks_;

  std::mutex render_mu_;
  std::map<std::string, std::shared_future<Status>> renders_;

  std::mutex rebuild_mu_;
  std::condition_variable rebuild_cv_;
  long saved_ = 0, rebuilt_ = 0;
  bool rebuilding_ = false, stopping_ = false;
  std::string rebuild_error_;
  int applied_ = 0, stale_ = 0;
  std::string database_;                        // what the last load did
  std::unique_ptr<db::DocumentLoader> loader_;  // rebuild thread only
  std::thread rebuilder_;
};

}  // namespace raingan::serve

#endif  // RAINGAN_SERVE_REVIEW_H_
