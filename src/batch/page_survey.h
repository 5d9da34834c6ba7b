// PageSurvey: counts the pages of a batch's inputs ahead of the workers,
// so that progress can show pages done/total and estimate the time left
// from pages (a 46-page scan takes far longer than a memo) rather than
// from documents.
//
// Counting opens each PDF (Poppler), so it runs in a child process like
// any other work on untrusted files: a file that crashes or hangs it
// (each file gets kSecondsPerFile) is left uncounted and the survey
// restarts after it. Images count as one page; text exports are unpaged.
// The batch never waits for the survey: totals fill in as it goes.
#ifndef RAINGAN_BATCH_PAGE_SURVEY_H_
#define RAINGAN_BATCH_PAGE_SURVEY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "batch/process_pool.h"

namespace raingan::batch {

// Pages of the file at `path`: -1 for unpaged (text) or unreadable files.
int CountPages(const std::string& path);

class PageSurvey {
 public:
  static constexpr int kNotCounted = -2;
  static constexpr unsigned kSecondsPerFile = 20;

  PageSurvey(std::vector<std::string> paths, uint64_t max_memory);
  ~PageSurvey();
  PageSurvey(const PageSurvey&) = delete;
  PageSurvey& operator=(const PageSurvey&) = delete;

  // Starts (or restarts after a failure) the counting child in `pool`.
  Status Start(ProcessPool* pool);
  // Takes in what the child has counted so far; never blocks.
  void Collect();
  // Handles `exit` if it is the survey child's (returns true): collects the
  // rest and, if the child died on a file, restarts after that file.
  bool OnExit(const ChildExit& exit, ProcessPool* pool);

  // kNotCounted, -1 (unpaged/unreadable) or the page count of input i.
  int pages(size_t i) const { return pages_[i]; }
  bool finished() const { return next_ >= paths_.size(); }

 private:
  void CloseReader();

  std::vector<std::string> paths_;
  std::vector<int> pages_;
  uint64_t max_memory_;
  size_t next_ = 0;  // first input not yet counted
  int child_id_ = 0;
  int read_fd_ = -1;
  std::string partial_line_;
};

}  // namespace raingan::batch

#endif  // RAINGAN_BATCH_PAGE_SURVEY_H_
