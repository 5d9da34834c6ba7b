// The only translation unit that includes ICU headers (see icu.h).
#include "unicode/icu.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/uversion.h>

#include <memory>
#include <string>

#include "base/utf8.h"

namespace raingan::unicode {
namespace {

// Replaces ill-formed sequences by U+FFFD so ICU never sees them (its UTF-8
// entry points would otherwise copy or drop them in version-specific ways).
std::string Sanitize(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  size_t pos = 0;
  while (pos < utf8.size()) utf8::Append(utf8::DecodeNext(utf8, &pos), &out);
  return out;
}

const icu::Normalizer2* NfcInstance() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  return U_SUCCESS(status) ? nfc : nullptr;
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

}  // namespace

bool IsNfcValidUtf8(std::string_view valid_utf8) {
  const icu::Normalizer2* nfc = NfcInstance();
  if (nfc == nullptr || valid_utf8.size() > 0x7FFFFFFF) return false;
  UErrorCode status = U_ZERO_ERROR;
  UBool yes = nfc->isNormalizedUTF8(
      icu::StringPiece(valid_utf8.data(),
                       static_cast<int32_t>(valid_utf8.size())),
      status);
  return U_SUCCESS(status) && yes;
}

bool IsNfc(std::string_view utf8) {
  return utf8::IsValid(utf8) && IsNfcValidUtf8(utf8);
}

std::string Nfc(std::string_view utf8) {
  std::string clean = utf8::IsValid(utf8) ? std::string(utf8) : Sanitize(utf8);
  const icu::Normalizer2* nfc = NfcInstance();
  // ICU's StringPiece length is int32_t; larger inputs are left as they are
  // rather than truncated (nothing raingan reads is 2 GiB of text).
  if (nfc == nullptr || clean.size() > 0x7FFFFFFF) return clean;
  UErrorCode status = U_ZERO_ERROR;
  icu::StringPiece piece(clean.data(), static_cast<int32_t>(clean.size()));
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return clean;
  std::string out;
  out.reserve(clean.size());
  icu::StringByteSink<std::string> sink(&out);
  status = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) return clean;
  return out;
}

CharsetGuess DetectCharset(std::string_view bytes) {
  CharsetGuess guess;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&status));
  if (U_FAILURE(status) || bytes.size() > 0x7FFFFFFF) return guess;
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(bytes.size()),
                 &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return guess;
  const char* name = ucsdet_getName(match, &status);
  int32_t confidence = ucsdet_getConfidence(match, &status);
  if (U_FAILURE(status) || name == nullptr) return guess;
  guess.name = name;
  guess.confidence = confidence;
  return guess;
}

Result<std::string> ConvertToUtf8(std::string_view bytes,
                                  std::string_view charset) {
  std::string name(charset);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(
      ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status)) {
    return Status::InvalidArgument("unknown character set '" + name + "'");
  }
  // The default "to Unicode" callback substitutes U+FFFD for unmappable
  // bytes, which is the documented behaviour. All UTF-16 is collected first
  // so that a surrogate pair is never split between two output chunks.
  icu::UnicodeString text;
  const char* src = bytes.data();
  const char* src_end = bytes.data() + bytes.size();
  UChar buffer[4096];
  while (true) {
    UChar* target = buffer;
    status = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &target, buffer + std::size(buffer), &src,
                   src_end, nullptr, /*flush=*/true, &status);
    if (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR) {
      return Status::BadInput("cannot decode as " + name + ": " +
                              u_errorName(status));
    }
    text.append(buffer, static_cast<int32_t>(target - buffer));
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
  }
  // Converters for UTF-16/UTF-32 with an unspecified byte order keep the BOM
  // as U+FEFF; it is an encoding signature, not text.
  if (text.length() > 0 && text.charAt(0) == 0xFEFF) text.remove(0, 1);
  std::string out;
  out.reserve(bytes.size() * 3 / 2 + 16);
  text.toUTF8String(out);
  return out;
}

namespace {

std::string VersionText(const UVersionInfo info) {
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(info, text);
  return text;
}

}  // namespace

std::string IcuVersion() {
  UVersionInfo info;
  u_getVersion(info);
  return VersionText(info);
}

std::string IcuUnicodeVersion() {
  UVersionInfo info;
  u_getUnicodeVersion(info);
  return VersionText(info);
}

}  // namespace raingan::unicode
