#include "stages/tables/measure_tables_stage.h"

#include <optional>

#include "stages/tables/measure_builder.h"

namespace raingan {
namespace {

class MeasureTablesStage : public Stage {
 public:
  std::string_view name() const override { return "measure_tables"; }

  Status Run(const StageContext& ctx, Document* doc) const override {
    const Models& models = ctx.models;
    std::string section;
    std::optional<MeasureBuilder> current;
    int tables = 0;
    auto finish = [&] {
      if (!current) return;
      for (Measure& m : current->TakeMeasures()) {
        doc->measures.push_back(std::move(m));
      }
      current.reset();
    };

    for (const Page& page : doc->pages) {
      for (const Block& block : page.blocks) {
        if (block.type == BlockType::kParagraph) {
          if (std::optional<std::string> s =
                  models.sections.Match(block.text.text)) {
            finish();
            section = *s;
          }
          continue;
        }
        const Table& table = block.table;
        ColumnMap map;
        size_t first = 0;
        if (FindHeader(table, models.headers, &map, &first)) {
          if (!map.IsMeasureTable()) {
            finish();
            continue;
          }
          if (!current || !current->map().SameLayout(map)) {
            finish();
            current.emplace(models, map, ++tables);
          }
        } else if (!current ||
                   table.columns !=
                       static_cast<int>(current->map().roles.size())) {
          // A table without a header that does not continue a measure
          // table: not ours (signatures, scores, photos).
          finish();
          continue;
        }
        // Every table boundary may cut a row in two.
        bool after_break = true;
        for (size_t r = first; r < table.rows.size(); ++r) {
          const TableRow& row = table.rows[r];
          if (RepeatsHeader(row, current->map(), models.headers)) {
            after_break = true;
            continue;
          }
          current->AddRow(row, section, after_break);
          after_break = false;
        }
      }
    }
    finish();
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Stage> NewMeasureTablesStage() {
  return std::make_unique<MeasureTablesStage>();
}

}  // namespace raingan
