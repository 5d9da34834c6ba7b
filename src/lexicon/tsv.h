// Reading the tab-separated data files in models/.
//
// Format: UTF-8, one record per line, fields separated by TABs. Blank lines
// and lines starting with '#' are comments. Users extend raingan by adding
// lines to these files, so errors name the file and line.
#ifndef RAINGAN_LEXICON_TSV_H_
#define RAINGAN_LEXICON_TSV_H_

#include <string>
#include <vector>

#include "base/result.h"

namespace raingan {

struct TsvRecord {
  int line = 0;  // 1-based line number in the file
  std::vector<std::string> fields;
};

// Reads `path`. Each record must have at least `min_fields` fields; a
// shorter one fails with "<path>:<line>: expected N tab-separated fields".
// Fields are trimmed of surrounding spaces.
Result<std::vector<TsvRecord>> ReadTsv(const std::string& path,
                                       size_t min_fields);

// Joins a models directory and a file name.
std::string ModelPath(const std::string& models_dir, const std::string& name);

}  // namespace raingan

#endif  // RAINGAN_LEXICON_TSV_H_
