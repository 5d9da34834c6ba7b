// A calendar date in the Gregorian (CE) calendar. Thai documents write
// Buddhist-Era years (BE = CE + 543); conversion happens in src/dates/.
#ifndef RAINGAN_MODEL_DATE_H_
#define RAINGAN_MODEL_DATE_H_

#include <cstdio>
#include <string>

namespace raingan {

struct Date {
  int year = 0;  // CE
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  // "YYYY-MM-DD".
  std::string Iso() const {
    char buf[16];
    std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", year, month, day);
    return buf;
  }
  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

}  // namespace raingan

#endif  // RAINGAN_MODEL_DATE_H_
