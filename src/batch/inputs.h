// Which files a batch reads.
//
// Inputs are named three ways, freely mixed: files (always taken, whatever
// their extension), directories (walked recursively; only files with a
// document extension are taken, see HasDocumentExtension) and manifests
// (one path per line, each a file or a directory; blank lines and lines
// starting with '#' are skipped; relative paths are relative to the
// current directory, as with `tar -T`).
//
// The result is deterministic, which resume and sharding rely on: inputs
// keep the order they were named in, a directory's files come in byte
// order of their paths, and a path named twice is taken once. Paths are
// kept as written, only made lexically normal ("./a//b" -> "a/b"): that
// spelling identifies an input in the batch directory and in --shard.
//
// Hidden files and directories (".name") are skipped when walking, and so
// is the batch's own output directory when it lies inside an input.
#ifndef RAINGAN_BATCH_INPUTS_H_
#define RAINGAN_BATCH_INPUTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace raingan::batch {

struct InputRequest {
  std::vector<std::string> paths;      // files or directories
  std::vector<std::string> manifests;  // lists of paths; "-" = stdin
  std::string exclude_dir;             // never walked into (may not exist)
};

struct InputList {
  std::vector<std::string> paths;
  // Files met while walking directories that do not look like documents,
  // so the user can tell why "report.docx" was not read.
  int ignored = 0;
  std::string ignored_example;
};

// Fails (NotFound) on the first named path that does not exist, before any
// document is read: a typo in a long manifest should stop the batch, not
// surface as one failed line among hundreds.
Result<InputList> CollectInputs(const InputRequest& request);

// .txt .text .md (text exports), .pdf, and the image formats the OCR
// backend decodes (.png .jpg .jpeg .tif .tiff .bmp .gif .webp .pnm .pgm
// .ppm .pbm), in any letter case.
bool HasDocumentExtension(std::string_view path);

// "./a//b/../c" -> "a/c"; "" stays "".
std::string NormalizePath(std::string_view path);

}  // namespace raingan::batch

#endif  // RAINGAN_BATCH_INPUTS_H_
