#include "ocr/word_corrector.h"

#include <algorithm>
#include <fstream>
#include <set>

#include "base/file.h"
#include "base/utf8.h"
#include "lexicon/tsv.h"

namespace raingan::ocr {
namespace {

// Largest edit distance accepted for a term of `length` code points.
size_t MaxEdits(size_t length) {
  if (length < 8) return 1;
  if (length < 14) return 2;
  return 3;
}

struct Match {
  size_t start = 0, end = 0;  // in the text, [start, end)
  size_t distance = 0;
};

// Approximate substring matching (Sellers): the substring of `text` with
// the fewest edits to `term`, ignoring substrings that overlap `locked`.
bool BestMatch(const std::u32string& term, const std::u32string& text,
               const std::vector<bool>& locked, Match* best) {
  const size_t m = term.size(), n = text.size();
  // cost[j] and start[j]: the best alignment of term[0..i) ending at j.
  std::vector<size_t> cost(n + 1, 0), start(n + 1), prev_cost, prev_start;
  for (size_t j = 0; j <= n; ++j) start[j] = j;
  for (size_t i = 1; i <= m; ++i) {
    prev_cost.swap(cost);
    prev_start.swap(start);
    cost.assign(n + 1, 0);
    start.assign(n + 1, 0);
    cost[0] = i;
    start[0] = 0;
    for (size_t j = 1; j <= n; ++j) {
      size_t sub = prev_cost[j - 1] + (term[i - 1] == text[j - 1] ? 0 : 1);
      size_t del = prev_cost[j] + 1;  // term letter missing from the text
      size_t ins = cost[j - 1] + 1;   // extra letter in the text
      if (sub <= del && sub <= ins) {
        cost[j] = sub;
        start[j] = prev_start[j - 1];
      } else if (del <= ins) {
        cost[j] = del;
        start[j] = prev_start[j];
      } else {
        cost[j] = ins;
        start[j] = start[j - 1];
      }
    }
  }
  bool found = false;
  for (size_t j = 1; j <= n; ++j) {
    if (start[j] >= j) continue;
    bool free = std::none_of(locked.begin() + start[j], locked.begin() + j,
                             [](bool b) { return b; });
    if (!free) continue;
    // Among equally good matches the one closest to the term's length:
    // the shortest would leave the term's misread ending behind
    // ("ปีงบประมาณาณ").
    size_t length = j - start[j];
    size_t skew = length > m ? length - m : m - length;
    size_t best_skew = 0;
    if (found) {
      size_t best_length = best->end - best->start;
      best_skew = best_length > m ? best_length - m : m - best_length;
    }
    if (!found || cost[j] < best->distance ||
        (cost[j] == best->distance && skew < best_skew)) {
      *best = {start[j], j, cost[j]};
      found = true;
    }
  }
  return found;
}

Result<std::vector<std::string>> ReadLines(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read " + path);
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
      line.pop_back();
    }
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

bool HasThai(const std::string& s) {
  size_t pos = 0;
  while (pos < s.size()) {
    if (utf8::IsThai(utf8::DecodeNext(s, &pos))) return true;
  }
  return false;
}

}  // namespace

Result<WordCorrector> WordCorrector::Load(const std::string& models_dir,
                                          const CorrectorOptions& options) {
  RAINGAN_ASSIGN_OR_RETURN(textnorm::Normalizer normalizer,
                           textnorm::Normalizer::Load(models_dir));
  RAINGAN_ASSIGN_OR_RETURN(std::vector<std::string> terms,
                           ReadLines(ModelPath(models_dir, "ocr_words.txt")));
  std::string months = ModelPath(models_dir, "months.tsv");
  if (PathExists(months)) {
    RAINGAN_ASSIGN_OR_RETURN(std::vector<TsvRecord> rows, ReadTsv(months, 2));
    for (const TsvRecord& r : rows) terms.push_back(r.fields[1]);
  }
  std::string headers = ModelPath(models_dir, "header_roles.tsv");
  if (PathExists(headers)) {
    RAINGAN_ASSIGN_OR_RETURN(std::vector<TsvRecord> rows, ReadTsv(headers, 3));
    for (const TsvRecord& r : rows) {
      if (HasThai(r.fields[2])) terms.push_back(r.fields[2]);
    }
  }
  return WordCorrector(std::move(terms), std::move(normalizer), options);
}

WordCorrector::WordCorrector(std::vector<std::string> terms,
                             textnorm::Normalizer normalizer,
                             const CorrectorOptions& options)
    : normalizer_(std::move(normalizer)), options_(options) {
  std::set<std::u32string> unique;
  for (const std::string& t : terms) {
    std::u32string u = utf8::ToU32(normalizer_.Normalize(t));
    // Spaces are where OCR is least reliable; terms are matched inside
    // blank-separated tokens, so a term is one word. Abbreviations
    // ("พ.ค.") are a letter away from others ("พ.ศ."): not terms.
    if (u.size() >= options_.min_term_length &&
        u.find(U' ') == std::u32string::npos &&
        u.find(U'.') == std::u32string::npos) {
      unique.insert(u);
    }
  }
  terms_.assign(unique.begin(), unique.end());
  std::stable_sort(terms_.begin(), terms_.end(),
                   [](const std::u32string& a, const std::u32string& b) {
                     return a.size() > b.size();
                   });
}

std::u32string WordCorrector::CorrectText(std::u32string text,
                                          std::vector<double> confidence,
                                          int* corrections) const {
  *corrections = 0;
  // Terms are single words: a blank is never part of a match.
  std::vector<bool> locked(text.size(), false);
  for (size_t i = 0; i < text.size(); ++i) locked[i] = text[i] == U' ';
  // Every term read exactly is settled before any is put in: a longer
  // term two letters from a word's tail ("ผลการดำเนินงาน" over the
  // "อนการดำเนินงาน" of "ขั้นตอนการดำเนินงาน") must not eat a shorter
  // one read right ("ขั้นตอน").
  // A term read exactly may be replaced only by a term that covers it
  // whole and holds it ("ผู้รับผิด" inside a misread "ผู้รับผิดขอบ"), not
  // by one that changes it ("การดำเนินการ" over "การดำเนินงาน").
  std::vector<std::pair<size_t, size_t>> exact;  // [start, end)
  for (const std::u32string& term : terms_) {
    for (size_t at = text.find(term); at != std::u32string::npos;
         at = text.find(term, at + 1)) {
      exact.push_back({at, at + term.size()});
    }
  }
  for (const std::u32string& term : terms_) {
    if (term.size() > text.size() + MaxEdits(term.size())) continue;
    // Each pass puts in or protects one occurrence; a token holds few.
    for (int pass = 0; pass < 4; ++pass) {
      Match m;
      if (!BestMatch(term, text, locked, &m) ||
          m.distance > MaxEdits(term.size())) {
        break;
      }
      const size_t span = m.end - m.start;
      // Letters missing at the edge of a token are on the next line (a
      // cell wraps "ปีงบประม|าณ"), not misread: completing the term would
      // print them twice. Nor is a much shorter span the term at all.
      const bool cut_start = m.start == 0 && text[0] != term.front();
      const bool cut_end = m.end == text.size() && text.back() != term.back();
      if (m.distance > 0 && (span + 1 < term.size() ||
                             (span < term.size() && (cut_start || cut_end)))) {
        break;
      }
      if (m.distance > 0) {
        bool cuts_exact = false;
        for (const auto& [a, b] : exact) {
          if (a >= m.end || b <= m.start) continue;
          cuts_exact = cuts_exact || a < m.start || b > m.end ||
                       term.find(text.substr(a, b - a)) == std::u32string::npos;
        }
        if (cuts_exact) break;
        double lowest = *std::min_element(confidence.begin() + m.start,
                                          confidence.begin() + m.end);
        if (lowest >= options_.max_confidence) break;
        double mean = 0;
        for (size_t i = m.start; i < m.end; ++i) mean += confidence[i];
        mean /= static_cast<double>(m.end - m.start);
        text.replace(m.start, m.end - m.start, term);
        confidence.erase(confidence.begin() + m.start,
                         confidence.begin() + m.end);
        confidence.insert(confidence.begin() + m.start, term.size(), mean);
        locked.erase(locked.begin() + m.start, locked.begin() + m.end);
        locked.insert(locked.begin() + m.start, term.size(), false);
        // The exact terms it covered are gone; those after it move.
        std::vector<std::pair<size_t, size_t>> kept;
        for (auto [a, b] : exact) {
          if (a >= m.start && b <= m.end) continue;
          if (a >= m.end) {
            a = a + term.size() - span;
            b = b + term.size() - span;
          }
          kept.push_back({a, b});
        }
        exact = std::move(kept);
        ++*corrections;
      }
      // An exact or corrected occurrence is settled: no other term may
      // edit it.
      std::fill(locked.begin() + m.start,
                locked.begin() + m.start + term.size(), true);
    }
  }
  return text;
}

bool WordCorrector::TermAcross(const std::u32string& left,
                               const std::u32string& right) const {
  const std::u32string joined = left + right;
  for (const std::u32string& term : terms_) {
    if (term.size() > joined.size()) continue;
    for (size_t at = joined.find(term); at != std::u32string::npos;
         at = joined.find(term, at + 1)) {
      if (at < left.size() && at + term.size() > left.size()) return true;
    }
  }
  return false;
}

int WordCorrector::Correct(std::vector<OcrWord>* words) const {
  if (terms_.empty()) return 0;
  // A blank OCR put inside a known word ("ขั้นต อนการดำเนินงาน") is no
  // word boundary: the two tokens are one, and are corrected as one (else
  // the tail alone may look like another term: "ผลการดำเนินงาน").
  {
    std::vector<size_t> starts;  // first word of each token
    for (size_t j = 0; j < words->size(); ++j) {
      if (j == 0 || (*words)[j].space_before) starts.push_back(j);
    }
    auto text_of = [&](size_t t) {
      size_t end = t + 1 < starts.size() ? starts[t + 1] : words->size();
      std::string raw;
      for (size_t j = starts[t]; j < end; ++j) raw += (*words)[j].text;
      return utf8::ToU32(normalizer_.Normalize(raw));
    };
    std::u32string left = starts.empty() ? U"" : text_of(0);
    for (size_t t = 1; t < starts.size(); ++t) {
      std::u32string right = text_of(t);
      if (TermAcross(left, right)) {
        (*words)[starts[t]].space_before = false;
        left += right;
      } else {
        left = std::move(right);
      }
    }
  }
  int total = 0;
  std::vector<OcrWord> out;
  size_t i = 0;
  while (i < words->size()) {
    size_t end = i + 1;
    while (end < words->size() && !(*words)[end].space_before) ++end;
    std::string raw;
    std::vector<double> raw_confidence;
    double sum = 0, weight = 0;
    for (size_t j = i; j < end; ++j) {
      const OcrWord& w = (*words)[j];
      raw += w.text;
      size_t n = utf8::Length(w.text);
      raw_confidence.insert(raw_confidence.end(), n, w.confidence);
      sum += w.confidence * n;
      weight += n;
    }
    std::u32string text = utf8::ToU32(normalizer_.Normalize(raw));
    // Normalizing joins ํ+า into ำ and drops stray spaces: spread the
    // confidences over the new length by position.
    std::vector<double> confidence(text.size(), 1.0);
    for (size_t k = 0; k < text.size() && !raw_confidence.empty(); ++k) {
      confidence[k] = raw_confidence[k * raw_confidence.size() / text.size()];
    }
    int n = 0;
    std::u32string fixed = CorrectText(text, confidence, &n);
    if (n == 0) {
      for (size_t j = i; j < end; ++j) out.push_back(std::move((*words)[j]));
    } else {
      OcrWord merged = (*words)[i];
      merged.text = utf8::FromU32(fixed);
      for (size_t j = i + 1; j < end; ++j) {
        const PixelBox& b = (*words)[j].box;
        merged.box.x0 = std::min(merged.box.x0, b.x0);
        merged.box.y0 = std::min(merged.box.y0, b.y0);
        merged.box.x1 = std::max(merged.box.x1, b.x1);
        merged.box.y1 = std::max(merged.box.y1, b.y1);
      }
      // The OCR was unsure here; the lexicon does not make it sure.
      merged.confidence = weight > 0 ? sum / weight : merged.confidence;
      out.push_back(std::move(merged));
      total += n;
    }
    i = end;
  }
  *words = std::move(out);
  return total;
}

}  // namespace raingan::ocr
