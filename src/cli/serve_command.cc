#include "cli/serve_command.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "batch/memory_limit.h"
#include "cli/common_options.h"
#include "pipeline/data_dirs.h"
#include "serve/server.h"
#include "serve/worker_host.h"

namespace raingan::cli {

const char kServeHelp[] =
    "usage: raingan serve [--listen HOST:PORT] [--data DIR] [options]\n"
    "\n"
    "Serves raingan over HTTP: an API for other systems (POST /v1/extract,\n"
    "/v1/jobs, GET /v1/health; schema/raingan-api.openapi.yaml) and, with\n"
    "--data, a review page at /review over a batch output directory where\n"
    "people check and correct OCR; corrections go to DIR/corrections.jsonl\n"
    "and into DIR's measures.csv and measures.jsonl.\n"
    "\n"
    "  --listen HOST:PORT    where to listen (default 127.0.0.1:8080; port 0\n"
    "                        = any free port, printed at start). Other hosts\n"
    "                        than localhost expose the server to the network\n"
    "  --data DIR            a `raingan batch` output directory to review\n"
    "  --db URL              with --data: the database the batch is loaded\n"
    "                        into (as for batch --db); corrected documents\n"
    "                        are loaded again after each correction\n"
    "  --sources DIR         where the batch's relative input paths are\n"
    "                        (default: the current directory)\n"
    "  --review-below X      records with an OCR field confidence below X\n"
    "                        are checked (0..1, default 0.6), for outputs "
    "that\n"
    "                        carry no review list of their own\n"
    "  --review-dpi N        resolution of page images (default 100)\n"
    "  --workers N           documents extracted at a time (default 2), each\n"
    "                        in its own process\n"
    "  --queue N             documents waiting beyond those (default 8); more\n"
    "                        are refused with 429\n"
    "  --timeout SECONDS     per document, as for batch (default 1800)\n"
    "  --max-memory SIZE     address space per worker, as for batch\n"
    "  --max-body SIZE       largest upload, e.g. 64M (default); larger: 413\n"
    "  --web DIR             the review page's files (default: installed)\n"
    "  --fonts DIR           the Thai font (default: fonts-thai-tlwg's)\n";

namespace {

bool ParseNumber(const std::string& text, double lo, double hi, double* out) {
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !(v >= lo && v <= hi)) return false;
  *out = v;
  return true;
}

bool ParseListen(const std::string& text, std::string* host, int* port) {
  size_t colon = text.rfind(':');
  if (colon == std::string::npos) return false;
  std::string h = text.substr(0, colon);
  if (h.size() >= 2 && h.front() == '[' && h.back() == ']') {
    h = h.substr(1, h.size() - 2);
  }
  double p = 0;
  if (h.empty() || !ParseNumber(text.substr(colon + 1), 0, 65535, &p)) {
    return false;
  }
  *host = h;
  *port = static_cast<int>(p);
  return true;
}

// Returns the usage error, or "".
std::string ParseArgs(const std::vector<std::string>& args,
                      serve::ServeOptions* o, int* host_fd) {
  bool memory_given = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string error;
    if (ParseCommonOption(args, &i, &o->extract, &error)) {
      if (!error.empty()) return error;
      continue;
    }
    auto value = [&](std::string* out) {
      if (i + 1 >= args.size()) return false;
      *out = args[++i];
      return true;
    };
    std::string v;
    double n = 0;
    if (a == "--listen") {
      if (!value(&v) || !ParseListen(v, &o->host, &o->port)) {
        return "--listen needs HOST:PORT, e.g. 127.0.0.1:8080";
      }
    } else if (a == "--data") {
      if (!value(&o->data_dir)) return "--data needs a directory";
      while (o->data_dir.size() > 1 && o->data_dir.back() == '/') {
        o->data_dir.pop_back();
      }
    } else if (a == "--db") {
      if (!value(&o->db_url))
        return "--db needs a URL (sqlite:PATH or postgresql://...)";
    } else if (a == "--sources") {
      if (!value(&o->sources_dir)) return "--sources needs a directory";
    } else if (a == "--web") {
      if (!value(&o->web_dir)) return "--web needs a directory";
    } else if (a == "--fonts") {
      if (!value(&o->fonts_dir)) return "--fonts needs a directory";
    } else if (a == "--review-below") {
      if (!value(&v) || !ParseNumber(v, 0, 1, &o->review_below)) {
        return "--review-below needs a number from 0 to 1";
      }
    } else if (a == "--review-dpi") {
      if (!value(&v) || !ParseNumber(v, 20, 300, &n)) {
        return "--review-dpi needs a number from 20 to 300";
      }
      o->review_dpi = static_cast<int>(n);
    } else if (a == "--workers") {
      if (!value(&v) || !ParsePositiveInt(v, &o->workers)) {
        return "--workers needs a positive number";
      }
    } else if (a == "--queue") {
      if (!value(&v) || !ParseNumber(v, 0, 100000, &n)) {
        return "--queue needs a number (0 = no waiting)";
      }
      o->queue = static_cast<int>(n);
    } else if (a == "--timeout") {
      if (!value(&v) || !ParseNumber(v, 0, 1e7, &o->timeout_seconds)) {
        return "--timeout needs a number of seconds (0 = no limit)";
      }
    } else if (a == "--max-memory") {
      if (!value(&v)) return "--max-memory needs a size such as 2G";
      Result<uint64_t> bytes = batch::ParseMemorySize(v);
      if (!bytes.ok()) return bytes.status().message();
      o->max_memory = *bytes;
      memory_given = true;
    } else if (a == "--max-body") {
      if (!value(&v)) return "--max-body needs a size such as 64M";
      Result<uint64_t> bytes = batch::ParseMemorySize(v);
      if (!bytes.ok() || *bytes == 0)
        return "--max-body needs a size such as 64M";
      o->max_body = static_cast<size_t>(*bytes);
    } else if (a == "--worker-host-fd") {
      // Internal: how the server starts its worker host (serve/workers.h).
      if (!value(&v) || !ParseNumber(v, 0, 1 << 20, &n)) {
        return "--worker-host-fd needs a descriptor";
      }
      *host_fd = static_cast<int>(n);
    } else {
      return "unknown option " + a + " (see raingan serve --help)";
    }
  }
  if (!memory_given) o->max_memory = batch::DefaultMaxMemory(o->workers);
  // workers x OCR threads <= cores, as for batch.
  o->extract.backend.jobs = std::max(1, CoreCount() / o->workers);
  if (!o->db_url.empty() && o->data_dir.empty()) {
    return "--db needs --data (the batch whose corrections it receives)";
  }
  if (o->web_dir.empty()) {
    o->web_dir =
        FindDataDir("RAINGAN_WEB", "web", "index.html", RAINGAN_SOURCE_WEB_DIR);
  }
  return "";
}

std::string SelfExe() {
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  return n > 0 ? std::string(buf, static_cast<size_t>(n)) : "raingan";
}

}  // namespace

int RunServe(const std::vector<std::string>& args) {
  for (const std::string& a : args) {
    if (a == "-h" || a == "--help") {
      std::cout << kServeHelp << kCommonOptionsHelp;
      return kExitOk;
    }
  }
  serve::ServeOptions options;
  int host_fd = -1;
  std::string usage = ParseArgs(args, &options, &host_fd);
  if (!usage.empty()) {
    std::cerr << "raingan serve: " << usage << "\n";
    return kExitUsage;
  }
  if (host_fd >= 0) {
    serve::HostConfig config;
    config.extract = options.extract;
    config.workers = options.workers;
    config.timeout_seconds = options.timeout_seconds;
    config.max_memory = options.max_memory;
    return serve::RunWorkerHost(host_fd, config);
  }
  options.exe = SelfExe();
  return serve::RunServer(options, args);
}

}  // namespace raingan::cli
