#include "serve/server.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "http/server.h"
#include "output/api_json.h"
#include "serve/api.h"
#include "serve/jobs.h"
#include "serve/review.h"
#include "serve/workers.h"

namespace raingan::serve {
namespace {

// A private spool for uploads and results: mode 0700 under $TMPDIR.
Result<std::string> MakeSpool() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern =
      std::string(tmp && *tmp ? tmp : "/tmp") + "/raingan-serve-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) {
    return Status::IoError("cannot create a spool directory under " +
                           pattern.substr(0, pattern.find_last_of('/')));
  }
  return pattern;
}

const char* ReasonPhrase(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 404:
      return "not found";
    case 405:
      return "method not allowed";
    case 411:
      return "length required";
    case 413:
      return "the body is larger than the server accepts (--max-body)";
    case 414:
      return "the request target is too long";
    default:
      return "error";
  }
}

}  // namespace

int RunServer(const ServeOptions& options,
              const std::vector<std::string>& host_args) {
  // Signals are taken by one thread (below); every thread started from
  // here on inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  ::pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  ::signal(SIGPIPE, SIG_IGN);

  Result<std::string> spool = MakeSpool();
  if (!spool.ok()) {
    std::cerr << "raingan serve: " << spool.status().message() << "\n";
    return 2;
  }
  struct SpoolRemover {
    std::string dir;
    ~SpoolRemover() {
      std::error_code ec;
      std::filesystem::remove_all(dir, ec);
    }
  } remover{*spool};

  WorkersConfig wc;
  wc.exe = options.exe;
  wc.host_args = host_args;
  Result<std::unique_ptr<Workers>> workers = Workers::Start(wc);
  if (!workers.ok()) {
    std::cerr << "raingan serve: " << workers.status().message() << "\n";
    return 2;
  }

  const std::string spool_dir = *spool;
  JobTable jobs(options.workers + options.queue, options.keep_jobs,
                options.keep_jobs_seconds, [spool_dir](const std::string& id) {
                  Api::RemoveSpooled(spool_dir, id);
                });

  std::unique_ptr<Review> review;
  if (!options.data_dir.empty()) {
    ReviewConfig rc;
    rc.data_dir = options.data_dir;
    rc.sources_dir = options.sources_dir;
    rc.web_dir = options.web_dir;
    rc.fonts_dir = options.fonts_dir;
    rc.db_url = options.db_url;
    rc.review_below = options.review_below;
    rc.dpi = options.review_dpi;
    Result<std::unique_ptr<Review>> opened = Review::Open(rc, workers->get());
    if (!opened.ok()) {
      std::cerr << "raingan serve: " << opened.status().message() << "\n";
      return 2;
    }
    review = std::move(opened).value();
  }

  http::ServerOptions so;
  so.max_body_bytes = options.max_body;
  // Every admitted job may hold a thread while it waits for its worker;
  // the rest serve health checks and the review page meanwhile.
  so.threads = options.workers + options.queue + 8;
  // A slow upload of a large scan must not be cut off.
  so.read_timeout_seconds = 60;
  // Declared after the jobs and the review state, so it is destroyed
  // (its threads stopped) before them.
  auto server = std::make_unique<http::Server>(so);
  server->SetErrorBody([](http::Response* res) {
    res->content_type = "application/json";
    res->body = ApiErrorJson(ReasonPhrase(res->status));
  });
  Api api(options, spool_dir, workers->get(), &jobs);
  api.Register(server.get());
  if (review) {
    review->Register(server.get());
  } else {
    server->Route("GET", "/", [](const http::Request&, http::Response* res) {
      res->body =
          "raingan serve: the API is under /v1/ (GET /v1/health); "
          "start with --data OUT for the review page\n";
    });
  }

  Result<int> port = server->Bind(options.host, options.port);
  if (!port.ok()) {
    std::cerr << "raingan serve: " << port.status().message() << "\n";
    return 2;
  }
  std::string where = options.host.find(':') != std::string::npos
                          ? "[" + options.host + "]"
                          : options.host;
  std::cout << "raingan serve: listening on http://" << where << ":" << *port
            << "/ (" << options.workers << " workers, up to "
            << options.workers + options.queue << " documents at a time"
            << (review ? "; review of " + options.data_dir + " at /review"
                       : std::string())
            << ")" << std::endl;

  http::Server* running = server.get();
  std::atomic<bool> signalled{false};
  std::thread signals([stop_signals, running, &signalled] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    signalled = true;
    running->Stop();
  });
  Status served = server->Run();
  // Wake the signal thread if the server stopped on its own.
  if (!signalled) ::kill(::getpid(), SIGTERM);
  signals.join();
  server.reset();
  workers->reset();
  review.reset();
  if (!served.ok()) {
    std::cerr << "raingan serve: " << served.message() << "\n";
    return 1;
  }
  std::cerr << "raingan serve: stopped\n";
  return 0;
}

}  // namespace raingan::serve
