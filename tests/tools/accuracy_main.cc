// raingan_accuracy GOLD.json OUTPUT.json [--min-recall R] [--min-accuracy A]
//
// Prints the project's accuracy report (see testing/accuracy.h) and exits 1
// when a given minimum is not reached — usable from scripts and CI.
#include <fstream>
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
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--min-recall" && i + 1 < argc) {
      min_recall = std::stod(argv[++i]);
    } else if (a == "--min-accuracy" && i + 1 < argc) {
      min_accuracy = std::stod(argv[++i]);
    } else if (gold_path.empty()) {
      gold_path = a;
    } else {
      pred_path = a;
    }
  }
  if (pred_path.empty()) {
    std::cerr << "usage: raingan_accuracy GOLD.json OUTPUT.json "
                 "[--min-recall R] [--min-accuracy A]\n";
    return 2;
  }
  nlohmann::json gold, pred;
  if (!Load(gold_path, &gold) || !Load(pred_path, &pred)) return 2;
  raingan::testing::AccuracyReport r =
      raingan::testing::ScoreAgainstGold(gold, pred);
  std::cout << r.Summary() << "\n";
  return r.recall >= min_recall && r.field_accuracy >= min_accuracy ? 0 : 1;
}
