// Test helper: writes Unicode Thai the way a PDF made with a legacy Thai
// font (TH Sarabun, Angsana, Tahoma...) extracts: SARA AM decomposed into
// NIKHAHIT + SARA AA with the NIKHAHIT moved before the tone mark, and marks
// replaced by their shifted Private-Use-Area glyphs where the font would
// shift them. These are the rules Windows' Uniscribe and HarfBuzz's fallback
// Thai shaper apply (HarfBuzz hb-ot-shaper-thai.cc documents them); the
// tests run real sample text through it and require the Normalizer to undo
// it exactly.
#ifndef RAINGAN_TESTS_TEXTNORM_LEGACY_FONT_ENCODER_H_
#define RAINGAN_TESTS_TEXTNORM_LEGACY_FONT_ENCODER_H_

#include <string>

namespace raingan::textnorm::testing {

enum class PuaLayout { kWindows, kMac };

namespace internal {

enum Consonant { kNc, kAc, kRc, kDc, kNotConsonant };
enum Mark { kAv, kBv, kT, kNotMark };
enum Action { kNop, kSd, kSl, kSdl, kRd };

inline Consonant ConsonantType(char32_t u) {
  if (u == 0x0E1B || u == 0x0E1D || u == 0x0E1F) return kAc;  // ป ฝ ฟ
  if (u == 0x0E0D || u == 0x0E10) return kRc;                 // ญ ฐ
  if (u == 0x0E0E || u == 0x0E0F) return kDc;                 // ฎ ฏ
  if (u >= 0x0E01 && u <= 0x0E2E) return kNc;
  return kNotConsonant;
}

inline Mark MarkType(char32_t u) {
  if (u == 0x0E31 || (u >= 0x0E34 && u <= 0x0E37) || u == 0x0E47 ||
      u == 0x0E4D || u == 0x0E4E) {
    return kAv;
  }
  if (u >= 0x0E38 && u <= 0x0E3A) return kBv;
  if (u >= 0x0E48 && u <= 0x0E4C) return kT;
  return kNotMark;
}

// The PUA glyph for `u` under `action`, or `u` when the font has none.
inline char32_t Shift(char32_t u, Action action, PuaLayout layout) {
  struct Row {
    char32_t u, win, mac;
  };
  static constexpr Row kDown[] = {
      {0x0E48, 0xF70A, 0xF88B}, {0x0E49, 0xF70B, 0xF88E},
      {0x0E4A, 0xF70C, 0xF891}, {0x0E4B, 0xF70D, 0xF894},
      {0x0E4C, 0xF70E, 0xF897}, {0x0E38, 0xF718, 0xF89B},
      {0x0E39, 0xF719, 0xF89C}, {0x0E3A, 0xF71A, 0xF89D}};
  static constexpr Row kDownLeft[] = {{0x0E48, 0xF705, 0xF88C},
                                      {0x0E49, 0xF706, 0xF88F},
                                      {0x0E4A, 0xF707, 0xF892},
                                      {0x0E4B, 0xF708, 0xF895},
                                      {0x0E4C, 0xF709, 0xF898}};
  static constexpr Row kLeft[] = {
      {0x0E48, 0xF713, 0xF88A}, {0x0E49, 0xF714, 0xF88D},
      {0x0E4A, 0xF715, 0xF890}, {0x0E4B, 0xF716, 0xF893},
      {0x0E4C, 0xF717, 0xF896}, {0x0E31, 0xF710, 0xF884},
      {0x0E34, 0xF701, 0xF885}, {0x0E35, 0xF702, 0xF886},
      {0x0E36, 0xF703, 0xF887}, {0x0E37, 0xF704, 0xF888},
      {0x0E47, 0xF712, 0xF889}, {0x0E4D, 0xF711, 0xF899}};
  static constexpr Row kNoDescender[] = {{0x0E0D, 0xF70F, 0xF89A},
                                         {0x0E10, 0xF700, 0xF89E}};
  auto find = [&](const auto& rows) -> char32_t {
    for (const Row& r : rows) {
      if (r.u == u) return layout == PuaLayout::kWindows ? r.win : r.mac;
    }
    return u;
  };
  switch (action) {
    case kSd:
      return find(kDown);
    case kSdl:
      return find(kDownLeft);
    case kSl:
      return find(kLeft);
    case kRd:
      return find(kNoDescender);
    case kNop:
      break;
  }
  return u;
}

}  // namespace internal

inline std::u32string EncodeLikeLegacyFont(const std::u32string& in,
                                           PuaLayout layout) {
  using namespace internal;
  // 1. SARA AM -> NIKHAHIT + SARA AA, NIKHAHIT moved before the marks above.
  std::u32string s;
  for (char32_t c : in) {
    if (c != 0x0E33) {
      s.push_back(c);
      continue;
    }
    size_t at = s.size();
    while (at > 0 && MarkType(s[at - 1]) != kNotMark &&
           MarkType(s[at - 1]) != kBv) {
      --at;
    }
    s.insert(s.begin() + static_cast<std::ptrdiff_t>(at), char32_t{0x0E4D});
    s.push_back(0x0E32);
  }
  // 2. Positional glyphs (two small state machines: above and below).
  enum Above { kT0, kT1, kT2, kT3 };
  enum Below { kB0, kB1, kB2 };
  static constexpr Above kAboveStart[] = {kT0, kT1, kT0, kT0, kT3};
  static constexpr Below kBelowStart[] = {kB0, kB0, kB1, kB2, kB2};
  struct AboveEdge {
    Action action;
    Above next;
  };
  struct BelowEdge {
    Action action;
    Below next;
  };
  static constexpr AboveEdge kAboveMachine[4][3] = {
      {{kNop, kT3}, {kNop, kT0}, {kSd, kT3}},
      {{kSl, kT2}, {kNop, kT1}, {kSdl, kT2}},
      {{kNop, kT3}, {kNop, kT2}, {kSl, kT3}},
      {{kNop, kT3}, {kNop, kT3}, {kNop, kT3}}};
  static constexpr BelowEdge kBelowMachine[3][3] = {
      {{kNop, kB0}, {kNop, kB2}, {kNop, kB0}},
      {{kNop, kB1}, {kRd, kB2}, {kNop, kB1}},
      {{kNop, kB2}, {kSd, kB2}, {kNop, kB2}}};
  Above above = kT3;
  Below below = kB2;
  size_t base = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    Mark mt = MarkType(s[i]);
    if (mt == kNotMark) {
      Consonant ct = ConsonantType(s[i]);
      above = kAboveStart[ct];
      below = kBelowStart[ct];
      base = i;
      continue;
    }
    AboveEdge ae = kAboveMachine[above][mt];
    BelowEdge be = kBelowMachine[below][mt];
    above = ae.next;
    below = be.next;
    Action action = ae.action != kNop ? ae.action : be.action;
    if (action == kRd) {
      s[base] = Shift(s[base], action, layout);
    } else {
      s[i] = Shift(s[i], action, layout);
    }
  }
  return s;
}

}  // namespace raingan::textnorm::testing

#endif  // RAINGAN_TESTS_TEXTNORM_LEGACY_FONT_ENCODER_H_
