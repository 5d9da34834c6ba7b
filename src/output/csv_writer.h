// measures.csv: the measures of many documents as one spreadsheet table,
// one row per measure, each row repeating its document's columns
// (source, organization, province, fiscal year) so that it can be sorted
// and filtered on its own.
//
// The format is RFC 4180 as Excel and LibreOffice read it without an
// import dialog:
//   - UTF-8 with a byte-order mark (without it Excel assumes the ANSI code
//     page and shows Thai as mojibake);
//   - comma separators, CRLF row ends;
//   - a field is quoted when it holds a comma, a quote, a line break or
//     surrounding spaces; quotes inside are doubled;
//   - list fields (method, owner, output, ...) join their items with "\n"
//     inside one quoted cell, which both programs show as lines of a cell;
//   - formula-injection guard: a text cell starting with = + - @ TAB or CR
//     gets a leading apostrophe ('), so a spreadsheet shows it as text
//     instead of evaluating it (OWASP's CSV-injection advice). This also
//     keeps Thai text such as "-ไม่มี-" from showing as #NAME?. The
//     apostrophe is visible in the cell; measures.jsonl carries the text
//     unaltered for programs.
#ifndef RAINGAN_OUTPUT_CSV_WRITER_H_
#define RAINGAN_OUTPUT_CSV_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace raingan {

// The first bytes of a measures.csv: the UTF-8 BOM and the header row.
std::string MeasuresCsvHeader();

// One CRLF-terminated row: `m` with the columns of its document `doc`.
// Columns follow MeasuresCsvHeader(); unknown values are empty cells. The
// last column, "corrected", lists the fields a reviewer corrected (one per
// line in the cell), empty for a measure as extracted.
std::string MeasureToCsvRow(const Document& doc, const Measure& m,
                            const std::vector<std::string>& corrected = {});

// One text field: guarded against formula injection, then quoted if
// needed. Exposed for tests.
std::string CsvTextField(std::string_view text);

}  // namespace raingan

#endif  // RAINGAN_OUTPUT_CSV_WRITER_H_
