// Feeding a document's blocks, in reading order, to a reader that collects
// one kind of structure (a budget table, a risk table, score lines): the
// loop the plan and score stages share.
#ifndef RAINGAN_STAGES_BLOCK_READER_H_
#define RAINGAN_STAGES_BLOCK_READER_H_

#include "model/document.h"

namespace raingan {

// `reader` has AddTable(const Table&) and AddParagraph(const Paragraph&);
// each block of every page goes to the one that fits, in order.
template <typename Reader>
void FeedBlocks(const Document& doc, Reader* reader) {
  for (const Page& page : doc.pages) {
    for (const Block& block : page.blocks) {
      if (block.type == BlockType::kTable) {
        reader->AddTable(block.table);
      } else {
        reader->AddParagraph(block.text);
      }
    }
  }
}

}  // namespace raingan

#endif  // RAINGAN_STAGES_BLOCK_READER_H_
