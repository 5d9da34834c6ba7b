// The project's own accuracy check: compares raingan's output JSON with a
// hand-checked gold file (tests/data/gold/*.json, format described in
// tests/data/gold/README.md) and reports record recall/precision and a
// character-level accuracy per field.
//
// Text is compared after folding (NFC, Thai digits → Arabic, whitespace and
// zero-width characters removed, Latin lower-cased), so the check measures
// what users read, not spacing. Similarity = 1 − edit distance / longer
// length, in code points. Records are paired greedily by 0.7 × measure +
// 0.3 × method similarity (≥ 0.5). A gold record left unpaired scores 0 on
// every field.
#ifndef RAINGAN_TESTS_TESTING_ACCURACY_H_
#define RAINGAN_TESTS_TESTING_ACCURACY_H_

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace raingan::testing {

struct AccuracyReport {
  int gold_records = 0;
  int predicted_records = 0;
  int matched = 0;
  double recall = 0;
  double precision = 0;
  std::map<std::string, double> fields;  // mean over gold records
  double field_accuracy = 0;             // mean over fields
  std::map<std::string, bool> document;  // organization, province, ...
  // Gold measures that found no partner, for diagnostics.
  std::vector<std::string> unmatched;

  std::string Summary() const;
};

AccuracyReport ScoreAgainstGold(const nlohmann::json& gold,
                                const nlohmann::json& predicted);

// Folding and similarity, exposed for tests of the checker itself.
std::u32string FoldForComparison(const std::string& text);
double Similarity(const std::string& a, const std::string& b);

}  // namespace raingan::testing

#endif  // RAINGAN_TESTS_TESTING_ACCURACY_H_
