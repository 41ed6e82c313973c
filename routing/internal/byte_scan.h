// Byte scans over text, 16 bytes a step where SSE2 is available (the scalar loops give the same
// answers): where the next digit is, where the last one ends, where the next word starts. Pure
// functions over the bytes they are given.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace relais::routing::internal {

constexpr bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool isAsciiAlnum(char c) {
  return isAsciiDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

#if defined(__SSE2__)
// Bit i: p[i] is an ASCII digit. Signed compares: bytes from 0x80 are negative, never digits.
inline std::uint32_t digitMask16(const char* p) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_and_si128(
      _mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)), _mm_cmpgt_epi8(_mm_set1_epi8('9' + 1), x))));
}

// Bit i: p[i] is an ASCII letter or digit (letters found by setting bit 5: A-Z to a-z).
inline std::uint32_t alnumMask16(const char* p) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i folded = _mm_or_si128(x, _mm_set1_epi8(0x20));
  const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
                                       _mm_cmpgt_epi8(_mm_set1_epi8('z' + 1), folded));
  const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
                                      _mm_cmpgt_epi8(_mm_set1_epi8('9' + 1), x));
  return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
}

// Bit i: p[i] is a byte from 0x80 (part of a non-ASCII character).
inline std::uint32_t highMask16(const char* p) {
  return static_cast<std::uint32_t>(
      _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))));
}
#endif

// The first digit in t[at, end), or `end`.
inline std::size_t nextDigit(std::string_view t, std::size_t at, std::size_t end) {
#if defined(__SSE2__)
  for (; at + 16 <= end; at += 16) {
    if (const std::uint32_t digits = digitMask16(t.data() + at); digits != 0) {
      return at + static_cast<std::size_t>(__builtin_ctz(digits));
    }
  }
#endif
  while (at < end && !isAsciiDigit(t[at])) {
    ++at;
  }
  return at;
}

// Just after the last digit of `t`, or 0 when it has none.
inline std::size_t afterLastDigit(std::string_view t) {
  std::size_t end = t.size();
#if defined(__SSE2__)
  for (; end >= 16; end -= 16) {
    if (const std::uint32_t digits = digitMask16(t.data() + end - 16); digits != 0) {
      return end - 16 + static_cast<std::size_t>(32 - __builtin_clz(digits));
    }
  }
#endif
  while (end > 0 && !isAsciiDigit(t[end - 1])) {
    --end;
  }
  return end;
}

// The first byte from 0x80 in t[at, t.size()), or t.size().
inline std::size_t nextNonAscii(std::string_view t, std::size_t at) {
#if defined(__SSE2__)
  for (; at + 16 <= t.size(); at += 16) {
    if (const std::uint32_t high = highMask16(t.data() + at); high != 0) {
      return at + static_cast<std::size_t>(__builtin_ctz(high));
    }
  }
#endif
  while (at < t.size() && static_cast<unsigned char>(t[at]) < 0x80) {
    ++at;
  }
  return at;
}

// The first position in t[at, end) that holds an ASCII letter or digit or a non-ASCII byte and
// does not follow an ASCII letter or digit (a word may start there), or `end`.
inline std::size_t nextWordStart(std::string_view t, std::size_t at, std::size_t end) {
  bool prev_alnum = at > 0 && isAsciiAlnum(t[at - 1]);
#if defined(__SSE2__)
  for (; at + 16 <= end; at += 16) {
    const std::uint32_t alnum = alnumMask16(t.data() + at);
    const std::uint32_t after_alnum = (alnum << 1 | (prev_alnum ? 1U : 0U)) & 0xFFFF;
    if (const std::uint32_t starts = (alnum | highMask16(t.data() + at)) & ~after_alnum;
        starts != 0) {
      return at + static_cast<std::size_t>(__builtin_ctz(starts));
    }
    prev_alnum = (alnum >> 15) != 0;
  }
#endif
  for (; at < end; ++at) {
    const bool alnum = isAsciiAlnum(t[at]);
    if (!prev_alnum && (alnum || static_cast<unsigned char>(t[at]) >= 0x80)) {
      return at;
    }
    prev_alnum = alnum;
  }
  return end;
}

}  // namespace relais::routing::internal
