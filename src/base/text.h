// Small text helpers with one meaning each, for every layer above base/.
// Before these existed, each module had its own Trim and digit parser, with
// different character sets and different caps; a caller now says which.
#ifndef RAINGAN_BASE_TEXT_H_
#define RAINGAN_BASE_TEXT_H_

#include <string_view>

namespace raingan {

// `s` without any of the bytes in `chars` at either end. `chars` is a set
// of ASCII bytes (a multi-byte UTF-8 character in it would cut sequences).
std::string_view TrimChars(std::string_view s, std::string_view chars);

// `s` without ASCII white space (space, \t, \n, \v, \f, \r) at either end:
// what std::isspace means in the C locale.
std::string_view TrimAsciiSpace(std::string_view s);

// The value of a run of ASCII (0-9) or Thai (๐-๙) digits, mixed freely;
// -1 when `digits` is empty, holds anything else, or its value is above
// `max_value` (so a long run never overflows).
int ParseDigits(std::string_view digits, int max_value);

}  // namespace raingan

#endif  // RAINGAN_BASE_TEXT_H_
