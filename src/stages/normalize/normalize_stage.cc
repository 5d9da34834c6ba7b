#include "stages/normalize/normalize_stage.h"

#include <algorithm>

#include "textnorm/image_caption.h"

namespace raingan {
namespace {

void NormalizeParagraphs(const textnorm::Normalizer& n,
                         std::vector<Paragraph>* paras) {
  // A picture's English description is no field's text (any backend).
  for (Paragraph& p : *paras) {
    p.text = textnorm::StripImageCaption(n.Normalize(p.text));
  }
  paras->erase(
      std::remove_if(paras->begin(), paras->end(),
                     [](const Paragraph& p) { return p.text.empty(); }),
      paras->end());
}

class NormalizeStage : public Stage {
 public:
  std::string_view name() const override { return "normalize"; }

  Status Run(const StageContext& ctx, Document* doc) const override {
    const textnorm::Normalizer& n = ctx.models.normalizer;
    for (Page& page : doc->pages) {
      for (Block& block : page.blocks) {
        if (block.type == BlockType::kParagraph) {
          block.text.text =
              textnorm::StripImageCaption(n.Normalize(block.text.text));
          continue;
        }
        for (TableRow& row : block.table.rows) {
          for (Cell& cell : row.cells) {
            NormalizeParagraphs(n, &cell.paragraphs);
          }
        }
      }
      std::erase_if(page.blocks, [](const Block& b) {
        return b.type == BlockType::kParagraph && b.text.text.empty();
      });
    }
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Stage> NewNormalizeStage() {
  return std::make_unique<NormalizeStage>();
}

}  // namespace raingan
