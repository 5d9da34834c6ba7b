#include "serve/worker_host.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <deque>
#include <map>
#include <memory>
#include <new>
#include <string>

#include "backends/backend.h"
#include "base/file.h"
#include "base/sha256.h"
#include "batch/isolated_extract.h"
#include "batch/memory_limit.h"
#include "batch/process_pool.h"
#include "image/encode.h"
#include "image/image_pages.h"
#include "image/preprocess.h"
#include "output/json_writer.h"
#include "pdf/pdf_document.h"
#include "serve/protocol.h"

namespace raingan::serve {
namespace {

// Extractors for option sets other than the default are made on first use
// and kept; beyond this many, the least recently used one goes.
constexpr size_t kMaxExtractors = 8;

struct ExtractSpec {
  std::string id, input, name, pipeline, ocr;
  int dpi = 300;
  bool layout = false;
  int indent = 2;
  std::string out_dir;
  std::string Json() const { return out_dir + "/" + id + ".json"; }
  std::string Error() const { return out_dir + "/" + id + ".error"; }
  std::string Log() const { return out_dir + "/" + id + ".log"; }
};

struct RenderSpec {
  std::string id, source, sha256;
  int page = 1, dpi = 100;
  bool deskew = false;
  BBox box;
  double margin = 0;
  std::string page_png, crop_png;
  std::string Log() const { return crop_png + ".log"; }
  std::string Error() const { return crop_png + ".error"; }
};

bool ToInt(const std::string& s, int* out) {
  char* end = nullptr;
  long v = std::strtol(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0') return false;
  *out = static_cast<int>(v);
  return true;
}

bool ToDouble(const std::string& s, double* out) {
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0') return false;
  *out = v;
  return true;
}

bool ParseExtract(const Message& m, ExtractSpec* s) {
  if (m.size() != 10) return false;
  s->id = m[1];
  s->input = m[2];
  s->name = m[3];
  s->pipeline = m[4];
  s->ocr = m[5];
  s->layout = m[7] == "1";
  s->out_dir = m[9];
  return ToInt(m[6], &s->dpi) && ToInt(m[8], &s->indent);
}

bool ParseRender(const Message& m, RenderSpec* s) {
  if (m.size() != 14) return false;
  s->id = m[1];
  s->source = m[2];
  s->sha256 = m[3];
  s->deskew = m[6] == "1";
  s->page_png = m[12];
  s->crop_png = m[13];
  return ToInt(m[4], &s->page) && ToInt(m[5], &s->dpi) &&
         ToDouble(m[7], &s->box.x0) && ToDouble(m[8], &s->box.y0) &&
         ToDouble(m[9], &s->box.x1) && ToDouble(m[10], &s->box.y1) &&
         ToDouble(m[11], &s->margin);
}

// The worker's progress, as the host relays it to the server (protocol.h):
// one line per report, written by the extraction's own callback. One
// write of a short line is atomic on a pipe (< PIPE_BUF), and the
// ProgressTracker never calls the callback concurrently with itself.
ProgressCallback ReportTo(int fd) {
  if (fd < 0) return nullptr;
  return [fd](const ExtractProgress& p) {
    (void)WriteFully(fd,
                     EncodeMessage({"progress", std::to_string(p.pages_done),
                                    std::to_string(p.pages_total),
                                    std::to_string(p.ocr_done),
                                    std::to_string(p.ocr_total)}));
  };
}

int RunExtractChild(const Extractor& extractor, const ExtractSpec& spec,
                    uint64_t max_memory, int progress_fd) {
  batch::RedirectOutputTo(spec.Log());
  Result<std::string> bytes = ReadFile(spec.input);
  if (!bytes.ok()) {
    (void)WriteFileAtomic(
        spec.Error(), "cannot read the upload: " + bytes.status().message());
    return 0;
  }
  Result<Document> doc = batch::ExtractInWorker(
      extractor, spec.name, *bytes, max_memory, ReportTo(progress_fd));
  if (!doc.ok()) {
    Status s = WriteFileAtomic(spec.Error(), doc.status().message());
    return s.ok() ? 0 : 3;
  }
  // Nothing read: failed, as `extract` and `batch` say
  // (pipeline/document_status.h), and no JSON.
  if (doc->status == DocStatus::kFailed) {
    Status s = WriteFileAtomic(spec.Error(), doc->status_reason);
    return s.ok() ? 0 : 3;
  }
  JsonOptions json;
  json.layout = spec.layout;
  json.indent = spec.indent;
  Status s = WriteFileAtomic(spec.Json(), DocumentToJson(*doc, json));
  return s.ok() ? 0 : 3;
}

// `limits`: the server's --max-pixels and --max-pages, as for extraction
// (a source that changed into a bomb since it was extracted is refused).
Result<image::Image> RenderPage(const RenderSpec& spec,
                                const image::SizeLimits& limits) {
  RAINGAN_ASSIGN_OR_RETURN(std::string bytes, ReadFile(spec.source));
  if (!spec.sha256.empty() && Sha256Hex(bytes) != spec.sha256) {
    return Status::BadInput(
        "the source file has changed since it was extracted");
  }
  image::Image page;
  switch (SniffFormat(bytes, spec.source)) {
    case InputFormat::kPdf: {
      RAINGAN_ASSIGN_OR_RETURN(pdf::PdfDocument doc,
                               pdf::PdfDocument::Open(bytes));
      if (spec.page < 1 || spec.page > doc.page_count()) {
        return Status::BadInput("the source has no page " +
                                std::to_string(spec.page));
      }
      RAINGAN_ASSIGN_OR_RETURN(
          page,
          doc.Render(spec.page, spec.dpi, /*gray=*/true, limits.max_pixels));
      break;
    }
    case InputFormat::kImage: {
      RAINGAN_ASSIGN_OR_RETURN(
          image::ImagePages pages,
          image::ImagePages::Open(bytes, limits.max_pages));
      image::DecodeOptions decode;
      decode.max_pixels = limits.max_pixels;
      RAINGAN_ASSIGN_OR_RETURN(image::Image scan,
                               pages.Decode(spec.page - 1, decode));
      RAINGAN_ASSIGN_OR_RETURN(page, image::ScaleToDpi(scan, spec.dpi));
      break;
    }
    default:
      return Status::BadInput("a text export has no page image");
  }
  if (spec.deskew) {
    // The record's box is in the frame OCR read: the straightened page.
    RAINGAN_ASSIGN_OR_RETURN(image::PreparedPage prepared,
                             image::PreparePage(page));
    page = std::move(prepared.gray);
  }
  return page;
}

Status Render(const RenderSpec& spec, const image::SizeLimits& limits) {
  image::Image page;
  if (PathExists(spec.page_png)) {
    RAINGAN_ASSIGN_OR_RETURN(std::string png, ReadFile(spec.page_png));
    RAINGAN_ASSIGN_OR_RETURN(page, image::Image::Decode(png, spec.dpi));
  } else {
    RAINGAN_ASSIGN_OR_RETURN(page, RenderPage(spec, limits));
    RAINGAN_ASSIGN_OR_RETURN(std::string png, image::EncodePng(page));
    RAINGAN_RETURN_IF_ERROR(WriteFileAtomic(spec.page_png, png));
  }
  if (spec.box.empty()) return Status::Ok();
  RAINGAN_ASSIGN_OR_RETURN(image::Image crop,
                           image::CropPoints(page, spec.box, spec.margin));
  RAINGAN_ASSIGN_OR_RETURN(std::string png, image::EncodePng(crop));
  return WriteFileAtomic(spec.crop_png, png);
}

int RunRenderChild(const RenderSpec& spec, uint64_t max_memory,
                   const image::SizeLimits& limits) {
  batch::RedirectOutputTo(spec.Log());
  batch::MemoryCap cap(max_memory);
  Status s;
  try {
    s = Render(spec, limits);
  } catch (const std::bad_alloc&) {
    s = Status::BadInput("out of memory while rendering the page");
  }
  cap.Lift();
  if (!s.ok()) {
    (void)WriteFileAtomic(spec.Error(), s.message());
  }
  return 0;
}

class Host {
 public:
  Host(int fd, const HostConfig& config) : fd_(fd), config_(config) {}
  int Run();

 private:
  struct Queued {
    Message message;
    bool render = false;
  };
  struct Running {
    std::string id;
    bool render = false;
    int progress_fd = -1;
    std::string partial;
    std::string result, error, log;  // files that tell the outcome
    double timeout = 0;
    bool cancelled = false;
  };

  void Send(const Message& m) { (void)WriteFully(fd_, EncodeMessage(m)); }
  Result<const Extractor*> ExtractorFor(const ExtractSpec& spec);
  void Handle(const Message& m);
  void StartQueued();
  void Start(const Queued& q);
  void ReadProgress(Running* r);
  void Finish(const batch::ChildExit& exit);
  void Report(const batch::ChildExit& exit, Running& r);

  int fd_;
  HostConfig config_;
  batch::ProcessPool pool_;
  std::map<std::string, std::unique_ptr<Extractor>> extractors_;
  std::deque<std::string> extractor_use_;  // keys, least recent first
  std::deque<Queued> renders_, extracts_;
  std::map<int, Running> running_;  // by child id
  std::string inbox_;
};

std::string ExtractorKey(const std::string& pipeline, const std::string& ocr,
                         int dpi) {
  return pipeline + "|" + ocr + "|" + std::to_string(dpi);
}

Result<const Extractor*> Host::ExtractorFor(const ExtractSpec& spec) {
  std::string key = ExtractorKey(spec.pipeline, spec.ocr, spec.dpi);
  auto it = extractors_.find(key);
  if (it == extractors_.end()) {
    ExtractOptions options = config_.extract;
    options.pipeline = spec.pipeline;
    options.backend.ocr_dpi = spec.dpi;
    options.backend.allow_ocr = spec.ocr != "off";
    options.backend.force_ocr = spec.ocr == "force";
    RAINGAN_ASSIGN_OR_RETURN(Extractor made, Extractor::Create(options));
    if (extractors_.size() >= kMaxExtractors && !extractor_use_.empty()) {
      extractors_.erase(extractor_use_.front());
      extractor_use_.pop_front();
    }
    it = extractors_.emplace(key, std::make_unique<Extractor>(std::move(made)))
             .first;
  }
  std::erase(extractor_use_, key);
  extractor_use_.push_back(key);
  return it->second.get();
}

void Host::Handle(const Message& m) {
  if (m.empty()) return;
  if (m[0] == "extract" && m.size() >= 2) {
    extracts_.push_back({m, false});
  } else if (m[0] == "render" && m.size() >= 2) {
    renders_.push_back({m, true});
  } else if (m[0] == "cancel" && m.size() == 2) {
    for (auto* queue : {&renders_, &extracts_}) {
      for (auto it = queue->begin(); it != queue->end(); ++it) {
        if (it->message[1] == m[1]) {
          queue->erase(it);
          Send({"done", m[1], "failed", "cancelled"});
          return;
        }
      }
    }
    for (auto& [child, r] : running_) {
      if (r.id == m[1]) {
        r.cancelled = true;
        pool_.Kill(child);
      }
    }
  }
}

void Host::StartQueued() {
  while (pool_.running() < config_.workers &&
         (!renders_.empty() || !extracts_.empty())) {
    std::deque<Queued>& queue = renders_.empty() ? extracts_ : renders_;
    Queued q = std::move(queue.front());
    queue.pop_front();
    Start(q);
  }
}

void Host::Start(const Queued& q) {
  const std::string& id = q.message[1];
  Running r;
  r.id = id;
  r.render = q.render;
  std::function<int()> body;
  int pipe_fds[2] = {-1, -1};
  if (q.render) {
    RenderSpec spec;
    if (!ParseRender(q.message, &spec)) {
      Send({"done", id, "failed", "malformed render request"});
      return;
    }
    r.result = spec.box.empty() ? spec.page_png : spec.crop_png;
    r.error = spec.Error();
    r.log = spec.Log();
    r.timeout = config_.render_timeout_seconds;
    ::unlink(r.error.c_str());
    uint64_t cap = config_.max_memory;
    body = [spec, cap, this] {
      ::close(fd_);
      return RunRenderChild(spec, cap, config_.extract.backend.limits);
    };
  } else {
    ExtractSpec spec;
    if (!ParseExtract(q.message, &spec)) {
      Send({"done", id, "failed", "malformed extract request"});
      return;
    }
    Result<const Extractor*> extractor = ExtractorFor(spec);
    if (!extractor.ok()) {
      Send({"done", id, "failed", extractor.status().message()});
      return;
    }
    r.result = spec.Json();
    r.error = spec.Error();
    r.log = spec.Log();
    r.timeout = config_.timeout_seconds;
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) pipe_fds[0] = pipe_fds[1] = -1;
    const Extractor* ex = *extractor;
    uint64_t cap = config_.max_memory;
    int write_fd = pipe_fds[1];
    int read_fd = pipe_fds[0];
    body = [ex, spec, cap, write_fd, read_fd, this] {
      ::close(fd_);
      if (read_fd >= 0) ::close(read_fd);
      return RunExtractChild(*ex, spec, cap, write_fd);
    };
  }
  Result<int> child = pool_.Start(body, r.timeout);
  if (pipe_fds[1] >= 0) ::close(pipe_fds[1]);
  if (!child.ok()) {
    if (pipe_fds[0] >= 0) ::close(pipe_fds[0]);
    Send({"done", id, "failed", child.status().message()});
    return;
  }
  r.progress_fd = pipe_fds[0];
  if (r.progress_fd >= 0) {
    ::fcntl(r.progress_fd, F_SETFL,
            ::fcntl(r.progress_fd, F_GETFL) | O_NONBLOCK);
  }
  running_[*child] = std::move(r);
  Send({"started", id});
}

void Host::ReadProgress(Running* r) {
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(r->progress_fd, buf, sizeof(buf));
    if (n > 0) {
      r->partial.append(buf, static_cast<size_t>(n));
      continue;
    }
    if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
      ::close(r->progress_fd);
      r->progress_fd = -1;
    }
    if (n < 0 && errno == EINTR) continue;
    break;
  }
  // Counts only grow: of the reports read at once, the last says it all
  // (a PDF's text pages come faster than anyone polls for them).
  Message last;
  for (Message& m : TakeMessages(&r->partial)) {
    if (m.size() == 5 && m[0] == "progress") last = std::move(m);
  }
  if (!last.empty()) {
    last.insert(last.begin() + 1, r->id);
    Send(last);
  }
}

void Host::Finish(const batch::ChildExit& exit) {
  auto it = running_.find(exit.id);
  if (it == running_.end()) return;
  Running r = std::move(it->second);
  running_.erase(it);
  Report(exit, r);
  if (r.render) {
    // A render's files sit in the review cache: keep only the picture.
    ::unlink(r.log.c_str());
    ::unlink(r.error.c_str());
  }
}

void Host::Report(const batch::ChildExit& exit, Running& r) {
  if (r.progress_fd >= 0) {
    ReadProgress(&r);
    if (r.progress_fd >= 0) ::close(r.progress_fd);
  }
  std::string failure =
      r.cancelled
          ? "cancelled"
          : batch::WorkerFailure(exit, r.timeout, r.log, config_.max_memory);
  if (!failure.empty()) {
    Send({"done", r.id, "failed", failure});
    return;
  }
  if (PathExists(r.error)) {
    Result<std::string> why = ReadFile(r.error);
    Send({"done", r.id, "failed", why.ok() ? *why : "failed"});
    return;
  }
  if (PathExists(r.result)) {
    Send({"done", r.id, "ok", ""});
    return;
  }
  std::string why = "the worker ended without writing its result";
  std::string last = batch::LastLogLine(r.log);
  if (!last.empty()) why += "; its last message: " + last;
  Send({"done", r.id, "failed", why});
}

int Host::Run() {
  // Built after pool_, which blocks SIGCHLD: a signalfd then wakes poll()
  // when a worker ends.
  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  int sigfd = ::signalfd(-1, &chld, SFD_NONBLOCK | SFD_CLOEXEC);
  Result<const Extractor*> first = [&]() -> Result<const Extractor*> {
    ExtractSpec defaults;
    defaults.pipeline = config_.extract.pipeline;
    const BackendOptions& b = config_.extract.backend;
    defaults.ocr = !b.allow_ocr ? "off" : b.force_ocr ? "force" : "on";
    defaults.dpi = b.ocr_dpi;
    return ExtractorFor(defaults);
  }();
  if (!first.ok()) {
    Send({"fatal", first.status().message()});
    return 2;
  }
  Send({"ready"});
  for (;;) {
    std::vector<struct pollfd> fds;
    fds.push_back({fd_, POLLIN, 0});
    fds.push_back({sigfd, POLLIN, 0});
    std::vector<int> children;
    for (auto& [child, r] : running_) {
      if (r.progress_fd < 0) continue;
      fds.push_back({r.progress_fd, POLLIN, 0});
      children.push_back(child);
    }
    // The timeout bounds how late a deadline is enforced.
    int ready = ::poll(fds.data(), fds.size(), 200);
    if (ready < 0 && errno != EINTR) return 1;
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      char buf[1 << 14];
      ssize_t n = ::read(fd_, buf, sizeof(buf));
      if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
        return 0;  // the server is gone; ~ProcessPool kills the workers
      }
      if (n > 0) inbox_.append(buf, static_cast<size_t>(n));
      for (const Message& m : TakeMessages(&inbox_)) Handle(m);
    }
    if (fds[1].revents & POLLIN) {
      struct signalfd_siginfo info;
      while (::read(sigfd, &info, sizeof(info)) > 0) {
      }
    }
    for (size_t i = 2; i < fds.size(); ++i) {
      if (fds[i].revents == 0) continue;
      auto it = running_.find(children[i - 2]);
      if (it != running_.end()) ReadProgress(&it->second);
    }
    for (const batch::ChildExit& exit : pool_.Wait(0)) Finish(exit);
    StartQueued();
  }
}

}  // namespace

int RunWorkerHost(int fd, const HostConfig& config) {
  // Dies with the server; Ctrl-C at a terminal reaches only the server.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  ::setpgid(0, 0);
  ::signal(SIGPIPE, SIG_IGN);
  ::signal(SIGINT, SIG_IGN);
  Host host(fd, config);
  return host.Run();
}

}  // namespace raingan::serve
