// A calendar date in the Gregorian (CE) calendar. Thai documents write
// Buddhist-Era years (BE = CE + 543); conversion happens in src/dates/.
#ifndef RAINGAN_MODEL_DATE_H_
#define RAINGAN_MODEL_DATE_H_

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace raingan {

struct Date {
  int year = 0;   // CE
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

// "YYYY-MM-DD" (as Date::Iso() writes it) back to a Date; nullopt for any
// other text or an impossible month or day.
inline std::optional<Date> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-')
    return std::nullopt;
  auto digits = [&](size_t from, size_t n, int* out) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      v = v * 10 + (text[i] - '0');
    }
    *out = v;
    return true;
  };
  Date d;
  if (!digits(0, 4, &d.year) || !digits(5, 2, &d.month) ||
      !digits(8, 2, &d.day)) {
    return std::nullopt;
  }
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > kDays[d.month - 1]) {
    return std::nullopt;
  }
  return d;
}

}  // namespace raingan

#endif  // RAINGAN_MODEL_DATE_H_
