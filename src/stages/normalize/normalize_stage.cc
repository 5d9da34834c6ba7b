#include "stages/normalize/normalize_stage.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "textnorm/html.h"
#include "textnorm/image_caption.h"
#include "textnorm/normalizer.h"

namespace raingan {
namespace {

void NormalizeParagraphs(const textnorm::Normalizer& n,
                         std::vector<Paragraph>* paras) {
  // A picture's English description is no field's text (any backend).
  for (Paragraph& p : *paras) {
    p.text = textnorm::StripImageCaption(
        textnorm::UnwrapAutolinks(n.Normalize(p.text)));
  }
  paras->erase(
      std::remove_if(paras->begin(), paras->end(),
                     [](const Paragraph& p) { return p.text.empty(); }),
      paras->end());
}

class NormalizeStage : public Stage {
 public:
  explicit NormalizeStage(
      std::shared_ptr<const textnorm::Normalizer> normalizer)
      : normalizer_(std::move(normalizer)) {}

  std::string_view name() const override { return "normalize"; }

  Status Run(Document* doc) const override {
    const textnorm::Normalizer& n = *normalizer_;
    for (Page& page : doc->pages) {
      for (Block& block : page.blocks) {
        if (block.type == BlockType::kParagraph) {
          block.text.text = textnorm::StripImageCaption(
              textnorm::UnwrapAutolinks(n.Normalize(block.text.text)));
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

 private:
  std::shared_ptr<const textnorm::Normalizer> normalizer_;
};

}  // namespace

Result<std::unique_ptr<Stage>> NewNormalizeStage(ModelStore* models) {
  RAINGAN_ASSIGN_OR_RETURN(std::shared_ptr<const textnorm::Normalizer> n,
                           models->Get<textnorm::Normalizer>());
  return std::unique_ptr<Stage>(std::make_unique<NormalizeStage>(std::move(n)));
}

}  // namespace raingan
