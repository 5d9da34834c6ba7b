// Structures specific to five-year anti-corruption action plans
// (แผนปฏิบัติการป้องกันการทุจริต) and ITA score tables.
#ifndef RAINGAN_MODEL_PLAN_H_
#define RAINGAN_MODEL_PLAN_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/geometry.h"

namespace raingan {

// One project line of the plan's budget table.
struct BudgetLine {
  int dimension = 0;      // มิติที่ N
  std::string mission;    // ภารกิจตามมิติ (without its number)
  std::string project;    // project name as printed
  // Amount per BE year; nullopt = the cell was blank (unknown), 0 = "-" or
  // "ไม่ใช้งบประมาณ".
  std::map<int, std::optional<int64_t>> by_year;
  std::string remark;
  std::string measure_id;  // linked project sheet ("1-5"), empty if none
  Provenance prov;
};

// A total row (รวม / รวมทั้งสิ้น) as printed and as recomputed.
struct BudgetTotal {
  int dimension = 0;  // 0 = the grand total (รวมทั้งสิ้น)
  std::map<int, std::optional<int64_t>> stated;
  std::map<int, int64_t> computed;
  Provenance prov;
};

// One row of the risk-assessment table.
struct RiskRow {
  int seq = 0;
  std::string step;
  std::vector<std::string> risks;
  std::string risk_score;
  std::vector<std::string> controls;
  Provenance prov;
};

struct PlanData {
  std::vector<BudgetLine> budget_lines;
  std::vector<BudgetTotal> budget_totals;
  std::vector<RiskRow> risks;
};

// One line of an ITA score table ("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ 93.66").
struct Score {
  std::string indicator;  // "1", "overall", ...
  std::string name;
  std::optional<double> score;
  std::string grade;
  Provenance prov;
};

}  // namespace raingan

#endif  // RAINGAN_MODEL_PLAN_H_
