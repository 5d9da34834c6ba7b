#include "textnorm/image_caption.h"

#include "base/utf8.h"
#include "regex/regex.h"

namespace raingan {
namespace textnorm {
namespace {

std::string_view TrimView(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\n");
  return s.substr(b, e - b + 1);
}

bool HasThai(std::string_view t) {
  size_t pos = 0;
  while (pos < t.size()) {
    if (utf8::IsThai(utf8::DecodeNext(t, &pos))) return true;
  }
  return false;
}

// The opening words of a caption.
constexpr char kCaptionOpening[] =
    R"([\[(]?\s*(?:(?:the|this|an?)\s+)?(?:image|picture|photo(?:graph)?|figure|illustration|screenshot|scan)s?\b(?:\s+(?:shows?|depicts?|contains?|of|with|is|features?|displays?|appears?)|\s*[:\]]))";

}  // namespace

bool IsImageCaption(std::string_view text) {
  std::string_view t = TrimView(text);
  if (t.empty()) return false;
  static const Regex kMarkdownImage(R"(^!\[[^\]]*\]\([^)]*\)$)");
  if (kMarkdownImage.FullMatch(t)) return true;
  if (HasThai(t)) return false;
  static const Regex kCaption(std::string("^") + kCaptionOpening,
                              /*case_insensitive=*/true);
  return kCaption.PartialMatch(t);
}

std::string StripImageCaption(std::string_view text) {
  if (IsImageCaption(text)) return "";
  // A caption after Thai text: "the/this/a/an image …" with a capital,
  // after a space, running to the end without another Thai letter. The
  // article is required here: a bare "photo of" may be part of a Thai
  // sentence that quotes English.
  static const Regex kTrailing(
      R"(\s(?:The|This|An?)\s+(?:image|picture|photo(?:graph)?|figure|illustration|screenshot)s?\s+(?:shows?|depicts?|contains?|features?|displays?|is|of|with)\b)");
  RegexMatch m;
  if (!kTrailing.PartialMatch(text, &m)) return std::string(text);
  std::string_view tail = text.substr(m.offset);
  if (HasThai(tail)) return std::string(text);
  return std::string(TrimView(text.substr(0, m.offset)));
}

bool IsCaptionTail(std::string_view text) {
  std::string_view t = TrimView(text);
  if (t.empty() || HasThai(t) || t[0] < 'a' || t[0] > 'z') return false;
  static const Regex kProse(R"(^[a-z]+(?:[ ,;]+[A-Za-z'-]+){2,}[.]?$)");
  static const Regex kSentenceEnd(R"(^[a-z]+[ ]+[a-z'-]+[.]$)");
  return kProse.FullMatch(t) || kSentenceEnd.FullMatch(t);
}

}  // namespace textnorm
}  // namespace raingan
