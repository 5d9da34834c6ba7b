// The one wrapper around ICU used by all of raingan (namespace
// raingan::unicode). icu.cc is the only file that includes ICU headers; this
// header deliberately does not, so callers do not inherit ICU's macros and
// versioned symbol names.
//
// Strings are UTF-8 unless a function says otherwise. No function here
// throws or aborts on bad input.
#ifndef RAINGAN_UNICODE_ICU_H_
#define RAINGAN_UNICODE_ICU_H_

#include <string>
#include <string_view>

#include "base/result.h"

namespace raingan::unicode {

// Canonical composition (NFC). Never NFKC/NFKD: compatibility decomposition
// splits SARA AM (U+0E33) into NIKHAHIT + SARA AA, the very defect raingan
// repairs. Invalid UTF-8 bytes become U+FFFD first, so the result is always
// valid UTF-8.
std::string Nfc(std::string_view utf8);

// True if `utf8` is valid UTF-8 and already in NFC (a cheap check that lets
// callers skip Nfc() on the common, already-composed Thai text).
bool IsNfc(std::string_view utf8);
// The same for text the caller built itself and knows to be valid UTF-8:
// skips the validity scan (the Normalizer calls this on every string).
bool IsNfcValidUtf8(std::string_view valid_utf8);

// ICU's charset detector (ucsdet). ICU has no recognizer for Thai legacy
// code pages, so DecodeTextBytes() does not rely on this for TIS-620; it is
// offered for diagnostics and non-Thai inputs. confidence is 0..100; an
// empty name means ICU could not guess.
struct CharsetGuess {
  std::string name;
  int confidence = 0;
};
CharsetGuess DetectCharset(std::string_view bytes);

// Converts `bytes` in `charset` (any ICU converter name or alias:
// "TIS-620", "windows-874", "UTF-16LE", "UTF-16", "ISO-8859-1", ...) to
// UTF-8. Bytes the converter cannot map become U+FFFD (so a single stray
// byte does not lose a whole file); note that some ICU tables map undefined
// bytes elsewhere (windows-874: to U+F8C1..U+F8C8, private use).
// A byte-order mark at the start is dropped.
// Fails with InvalidArgument when ICU does not know `charset`.
Result<std::string> ConvertToUtf8(std::string_view bytes,
                                  std::string_view charset);

// Decides how to decode a text export and returns it as UTF-8 (never with a
// BOM). Tried in order:
//   1. a byte-order mark: UTF-8, UTF-16LE/BE, UTF-32LE/BE;
//   2. UTF-16 without BOM, recognized by its NUL / 0x0E byte pattern;
//   3. valid UTF-8;
//   4. legacy Thai (TIS-620 / Windows-874, decoded as Windows-874, its
//      superset): most bytes >= 0x80 lie in 0xA1..0xFB, in runs. Bytes
//      undefined in Windows-874 become U+FFFD.
// Binary garbage (NUL bytes, many control bytes, undecodable bytes) is
// Status::BadInput with a reason a user can act on. Implemented in
// decode.cc on top of ConvertToUtf8(); it needs no ICU headers itself.
Result<std::string> DecodeTextBytes(std::string_view bytes);

// The ICU library in use, as it reports itself at run time ("72.1"), and
// the Unicode version of its character data ("15.0"), for bug reports.
std::string IcuVersion();
std::string IcuUnicodeVersion();

}  // namespace raingan::unicode

#endif  // RAINGAN_UNICODE_ICU_H_
