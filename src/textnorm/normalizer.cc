#include "textnorm/normalizer.h"

#include "base/utf8.h"
#include "lexicon/tsv.h"
#include "textnorm/thai_repair.h"
#include "unicode/icu.h"

namespace raingan::textnorm {
namespace {

// NFC and the syllable repair alternate at most this often (see Run()).
constexpr int kMaxRepairRounds = 4;

// How step 3 treats a code point.
enum class CharKind { kKeep, kDrop, kSpace, kLineBreak };

CharKind Classify(char32_t c) {
  switch (c) {
    case '\n':
    case '\r':
    case '\v':
    case '\f':
    case 0x85:    // NEXT LINE
    case 0x2028:  // LINE SEPARATOR
    case 0x2029:  // PARAGRAPH SEPARATOR
      return CharKind::kLineBreak;
    case '\t':
    case ' ':
    case 0xA0:    // NO-BREAK SPACE
    case 0x1680:  // OGHAM SPACE MARK
    case 0x202F:  // NARROW NO-BREAK SPACE
    case 0x205F:  // MEDIUM MATHEMATICAL SPACE
    case 0x3000:  // IDEOGRAPHIC SPACE
      return CharKind::kSpace;
    case 0xAD:    // SOFT HYPHEN: a line-break hint, not text
    case 0x200B:  // ZERO WIDTH SPACE (Thai word-break hint)
    case 0x200C:  // ZERO WIDTH NON-JOINER
    case 0x200D:  // ZERO WIDTH JOINER
    case 0x200E:  // LEFT-TO-RIGHT MARK
    case 0x200F:  // RIGHT-TO-LEFT MARK
    case 0x2060:  // WORD JOINER
    case 0xFEFF:  // BYTE ORDER MARK / ZERO WIDTH NO-BREAK SPACE
      return CharKind::kDrop;
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200A) return CharKind::kSpace;  // EN QUAD..HAIR
  // Remaining C0/C1 controls separate words at best; never keep them.
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return CharKind::kSpace;
  return CharKind::kKeep;
}

// UTF-8 of code points the Normalizer produced (all valid scalar values:
// DecodeNext never returns surrogates). Writes into a presized buffer; this
// runs twice per call and appending byte by byte was a fifth of the time.
std::string Encode(const std::u32string& chars) {
  std::string out(chars.size() * 4, '\0');
  char* p = out.data();
  for (char32_t c : chars) {
    if (c < 0x80) {
      *p++ = static_cast<char>(c);
    } else if (c < 0x800) {
      *p++ = static_cast<char>(0xC0 | (c >> 6));
      *p++ = static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      *p++ = static_cast<char>(0xE0 | (c >> 12));
      *p++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      *p++ = static_cast<char>(0x80 | (c & 0x3F));
    } else {
      *p++ = static_cast<char>(0xF0 | (c >> 18));
      *p++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      *p++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      *p++ = static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  out.resize(static_cast<size_t>(p - out.data()));
  return out;
}

}  // namespace

Result<Normalizer> Normalizer::Load(const std::string& models_dir) {
  Result<CharMap> pua = CharMap::Load(ModelPath(models_dir, "pua.tsv"));
  if (!pua.ok()) return pua.status();
  return Normalizer(std::move(pua).value());
}

std::string Normalizer::Normalize(std::string_view text) const {
  return Run(text, /*keep_lines=*/false);
}

std::string Normalizer::NormalizeKeepLines(std::string_view text) const {
  return Run(text, /*keep_lines=*/true);
}

std::string Normalizer::Run(std::string_view text, bool keep_lines) const {
  // Steps 1-4: decode, PUA repair, character classes and whitespace, into
  // `chars`. A space is only written before a following character, which
  // trims lines; spurious spaces are dropped after NFC (below).
  std::u32string chars;
  chars.reserve(text.size());
  bool space_pending = false;
  auto emit = [&](char32_t c) {
    if (space_pending) {
      space_pending = false;
      if (!chars.empty() && chars.back() != U'\n') chars.push_back(U' ');
    }
    chars.push_back(c);
  };
  size_t pos = 0;
  char32_t last_raw = 0;
  while (pos < text.size()) {
    char32_t c = utf8::DecodeNext(text, &pos);
    char32_t raw = c;
    if (const std::u32string* repl = pua_.Find(c)) {
      for (char32_t r : *repl) emit(r);
      last_raw = raw;
      continue;
    }
    switch (Classify(c)) {
      case CharKind::kKeep:
        emit(c);
        break;
      case CharKind::kDrop:
        break;
      case CharKind::kSpace:
        space_pending = true;
        break;
      case CharKind::kLineBreak:
        if (!keep_lines) {
          space_pending = true;
        } else if (!(c == U'\n' && last_raw == U'\r')) {  // CR LF is one break
          space_pending = false;  // trims the end of the line
          chars.push_back(U'\n');
        }
        break;
    }
    last_raw = raw;
  }
  // Steps 5-7. NFC comes first: it may reorder marks, which changes both
  // which spaces are spurious and what the syllable repair sees. The repair
  // only emits Thai marks in NFC order (thai::MarkRank), but moving a mark
  // onto its consonant can put it next to a foreign combining mark; then
  // the steps alternate until the text is stable. Real text needs one round.
  std::string out = Encode(chars);
  for (int round = 0; round < kMaxRepairRounds; ++round) {
    bool nfc = unicode::IsNfcValidUtf8(out);
    if (!nfc) chars = utf8::ToU32(unicode::Nfc(out));
    bool dropped = CollapseLetterSpacing(&chars);
    dropped = DropSpuriousSpaces(&chars) || dropped;
    if (round > 0 && nfc && !dropped) return out;
    std::u32string repaired;
    RepairThaiSyllables(chars, &repaired);
    chars = std::move(repaired);
    out = Encode(chars);
  }
  // Not reached by any input seen so far; NFC output is the promise that
  // matters more than idempotence.
  return unicode::IsNfcValidUtf8(out) ? out : unicode::Nfc(out);
}

}  // namespace raingan::textnorm
