#include "lexicon/tsv.h"

#include "base/file.h"
#include "base/text.h"
#include "base/utf8.h"

namespace raingan {
namespace {

// Fields keep their tabs' meaning: only spaces and a CRLF's \r are trimmed.
std::string_view Trim(std::string_view s) { return TrimChars(s, " \r"); }

}  // namespace

Result<std::vector<TsvRecord>> ReadTsv(const std::string& path,
                                       size_t min_fields) {
  Result<std::string> data = ReadFile(path);
  if (!data.ok()) return data.status().WithContext(path);
  if (!utf8::IsValid(*data)) {
    return Status::BadInput(path + ": not valid UTF-8");
  }
  std::vector<TsvRecord> out;
  const std::string& text = *data;
  size_t pos = 0;
  int line_no = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(pos, nl - pos);
    ++line_no;
    pos = nl + 1;
    if (line_no == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    std::string_view trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#') {
      if (nl == text.size()) break;
      continue;
    }
    TsvRecord rec;
    rec.line = line_no;
    size_t start = 0;
    for (;;) {
      size_t tab = line.find('\t', start);
      rec.fields.emplace_back(Trim(std::string_view(line).substr(
          start, tab == std::string::npos ? std::string::npos : tab - start)));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (rec.fields.size() < min_fields) {
      return Status::BadInput(path + ":" + std::to_string(line_no) +
                              ": expected " + std::to_string(min_fields) +
                              " tab-separated fields, found " +
                              std::to_string(rec.fields.size()));
    }
    out.push_back(std::move(rec));
    if (nl == text.size()) break;
  }
  return out;
}

std::string ModelPath(const std::string& models_dir, const std::string& name) {
  if (models_dir.empty()) return name;
  if (models_dir.back() == '/') return models_dir + name;
  return models_dir + "/" + name;
}

}  // namespace raingan
