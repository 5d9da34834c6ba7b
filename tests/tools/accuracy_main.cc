// raingan_accuracy GOLD.json OUTPUT.json [--min-recall R] [--min-accuracy A]
//                  [--summary-line]
//
// Prints the project's accuracy report (see testing/accuracy.h) and exits 1
// when a given minimum is not reached — usable from scripts and CI.
// --summary-line prints one line instead, for tables:
//   recall R precision P field_accuracy A doc OK/N
#include <fstream>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "testing/accuracy.h"

namespace {

bool Load(const std::string& path, nlohmann::json* out) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "raingan_accuracy: cannot open " << path << "\n";
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  *out = nlohmann::json::parse(ss.str(), nullptr, false);
  if (out->is_discarded()) {
    std::cerr << "raingan_accuracy: " << path << " is not valid JSON\n";
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string gold_path, pred_path;
  double min_recall = 0, min_accuracy = 0;
  bool summary_line = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--min-recall" && i + 1 < argc) {
      min_recall = std::stod(argv[++i]);
    } else if (a == "--min-accuracy" && i + 1 < argc) {
      min_accuracy = std::stod(argv[++i]);
    } else if (a == "--summary-line") {
      summary_line = true;
    } else if (gold_path.empty()) {
      gold_path = a;
    } else {
      pred_path = a;
    }
  }
  if (pred_path.empty()) {
    std::cerr << "usage: raingan_accuracy GOLD.json OUTPUT.json "
                 "[--min-recall R] [--min-accuracy A] [--summary-line]\n";
    return 2;
  }
  nlohmann::json gold, pred;
  if (!Load(gold_path, &gold) || !Load(pred_path, &pred)) return 2;
  raingan::testing::AccuracyReport r =
      raingan::testing::ScoreAgainstGold(gold, pred);
  if (summary_line) {
    int ok = 0;
    for (const auto& [fact, right] : r.document) ok += right;
    std::cout << std::fixed << std::setprecision(4) << "recall " << r.recall
              << " precision " << r.precision << " field_accuracy "
              << r.field_accuracy << " doc " << ok << "/" << r.document.size()
              << "\n";
  } else {
    std::cout << r.Summary() << "\n";
  }
  return r.recall >= min_recall && r.field_accuracy >= min_accuracy ? 0 : 1;
}
