#include "testing/accuracy.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "base/utf8.h"
#include "unicode/icu.h"

namespace raingan::testing {
namespace {

using nlohmann::json;

std::string JoinList(const json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  std::string out;
  if (v.is_array()) {
    for (const json& item : v) out += JoinList(item);
  } else {
    out = v.dump();
  }
  return out;
}

size_t EditDistance(const std::u32string& a, const std::u32string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

const char* kTextFields[] = {"measure", "method", "owner", "output", "outcome"};

// A gold or predicted record reduced to comparable strings.
struct Flat {
  std::map<std::string, std::string> text;  // field → joined text
  std::string start, end;
  json budget;
};

Flat FlattenGold(const json& g) {
  Flat f;
  for (const char* k : kTextFields) f.text[k] = JoinList(g.value(k, json()));
  f.text["recommendation"] = JoinList(g.value("recommendation", json()));
  f.start = g.value("period_start", json()).is_string()
                ? g["period_start"].get<std::string>()
                : "";
  f.end = g.value("period_end", json()).is_string()
              ? g["period_end"].get<std::string>()
              : "";
  f.budget = g.value("budget_baht", json());
  return f;
}

Flat FlattenPredicted(const json& m) {
  Flat f;
  for (const char* k : kTextFields) f.text[k] = JoinList(m.value(k, json()));
  f.text["recommendation"] = JoinList(m.value("recommendation", json()));
  const json& p = m.value("period", json::object());
  if (p.is_object()) {
    if (p.value("start", json()).is_string()) f.start = p["start"];
    if (p.value("end", json()).is_string()) f.end = p["end"];
  }
  f.budget = m.value("budget_baht", json());
  return f;
}

}  // namespace

std::u32string FoldForComparison(const std::string& text) {
  std::string nfc = unicode::Nfc(text);
  std::u32string out;
  size_t pos = 0;
  while (pos < nfc.size()) {
    char32_t c = utf8::DecodeNext(nfc, &pos);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
        c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF || c == 0xAD ||
        c == 0x3000 || (c >= 0x2000 && c <= 0x200A)) {
      continue;
    }
    if (utf8::IsThaiDigit(c)) c = U'0' + (c - 0x0E50);
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
    out.push_back(c);
  }
  return out;
}

double Similarity(const std::string& a, const std::string& b) {
  std::u32string fa = FoldForComparison(a), fb = FoldForComparison(b);
  if (fa.empty() && fb.empty()) return 1.0;
  size_t d = EditDistance(fa, fb);
  return 1.0 - static_cast<double>(d) / std::max(fa.size(), fb.size());
}

AccuracyReport ScoreAgainstGold(const json& gold, const json& predicted) {
  AccuracyReport r;
  std::vector<Flat> g, p;
  for (const json& m : gold.value("measures", json::array())) {
    g.push_back(FlattenGold(m));
  }
  for (const json& m : predicted.value("measures", json::array())) {
    p.push_back(FlattenPredicted(m));
  }
  r.gold_records = static_cast<int>(g.size());
  r.predicted_records = static_cast<int>(p.size());

  std::vector<std::tuple<double, size_t, size_t>> pairs;
  for (size_t i = 0; i < g.size(); ++i) {
    for (size_t j = 0; j < p.size(); ++j) {
      // 0.7 m + 0.3 method >= 0.5 needs m >= 2/7: skip the (long) method
      // comparison for pairs that cannot reach the threshold.
      double m = Similarity(g[i].text["measure"], p[j].text["measure"]);
      if (m < 2.0 / 7.0) continue;
      double s =
          0.7 * m + 0.3 * Similarity(g[i].text["method"], p[j].text["method"]);
      if (s >= 0.5) pairs.emplace_back(s, i, j);
    }
  }
  std::sort(pairs.rbegin(), pairs.rend());
  std::vector<int> partner(g.size(), -1);
  std::vector<bool> used(p.size(), false);
  for (const auto& [s, i, j] : pairs) {
    if (partner[i] >= 0 || used[j]) continue;
    partner[i] = static_cast<int>(j);
    used[j] = true;
    ++r.matched;
  }

  std::vector<std::string> fields(std::begin(kTextFields),
                                  std::end(kTextFields));
  fields.push_back("period_start");
  fields.push_back("period_end");
  bool has_budget = false, has_rec = false;
  for (const json& m : gold.value("measures", json::array())) {
    has_budget = has_budget || m.contains("budget_baht");
    has_rec = has_rec || m.contains("recommendation");
  }
  if (has_rec) fields.push_back("recommendation");
  if (has_budget) fields.push_back("budget_baht");
  for (const std::string& f : fields) r.fields[f] = 0;

  for (size_t i = 0; i < g.size(); ++i) {
    if (partner[i] < 0) {
      r.unmatched.push_back(g[i].text["measure"]);
      continue;
    }
    const Flat& a = g[i];
    const Flat& b = p[static_cast<size_t>(partner[i])];
    for (const std::string& f : fields) {
      double s;
      if (f == "period_start") {
        s = a.start == b.start ? 1 : 0;
      } else if (f == "period_end") {
        s = a.end == b.end ? 1 : 0;
      } else if (f == "budget_baht") {
        s = a.budget == b.budget ? 1 : 0;
      } else {
        s = Similarity(a.text.at(f), b.text.at(f));
      }
      r.fields[f] += s;
    }
  }
  double n = std::max<size_t>(g.size(), 1);
  double sum = 0;
  for (auto& [f, v] : r.fields) {
    v /= n;
    sum += v;
  }
  r.field_accuracy = r.fields.empty() ? 0 : sum / r.fields.size();
  r.recall = r.matched / n;
  r.precision = r.matched / std::max<double>(p.size(), 1);

  const json& gd = gold.value("doc", json::object());
  const json& pd = predicted.value("document", json::object());
  const json& org = pd.value("organization", json::object());
  auto str = [](const json& v) {
    return v.is_string() ? v.get<std::string>() : std::string();
  };
  r.document["organization"] =
      Similarity(str(gd.value("organization", json())),
                 str(org.value("name", json()))) >= 0.95;
  r.document["district"] =
      FoldForComparison(str(gd.value("district", json()))) ==
      FoldForComparison(str(org.value("district", json())));
  r.document["province"] =
      FoldForComparison(str(gd.value("province", json()))) ==
      FoldForComparison(str(org.value("province", json())));
  const json& fy = pd.value("fiscal_year", json::object());
  r.document["fiscal_year"] =
      gd.value("fiscal_year_be", json()) == fy.value("be", json());
  r.document["kind"] = gd.value("kind", json()) == pd.value("kind", json());
  return r;
}

std::string AccuracyReport::Summary() const {
  char buf[256];
  std::snprintf(buf, sizeof(buf),
                "records %d/%d matched %d recall %.4f precision %.4f "
                "field_accuracy %.4f",
                predicted_records, gold_records, matched, recall, precision,
                field_accuracy);
  std::string s = buf;
  for (const auto& [f, v] : fields) {
    std::snprintf(buf, sizeof(buf), "\n  %-15s %.4f", f.c_str(), v);
    s += buf;
  }
  for (const auto& [k, ok] : document) {
    s += "\n  doc." + k + (ok ? " ok" : " WRONG");
  }
  for (const std::string& u : unmatched)
    s += "\n  unmatched: " + u.substr(0, 120);
  return s;
}

}  // namespace raingan::testing
