// Byte scans over text, 16 bytes a step where SSE2 is available (the scalar loops give the same
// answers): where the next digit or non-ASCII byte is, where the last digit ends, where words
// start. Pure functions over the bytes they are given; a WordStarts is one scan's state.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace relais::routing::internal {

constexpr bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool isAsciiAlnum(char c) { return isAsciiDigit(c) || isAsciiLetter(c); }
// A-Z to a-z; every other byte as it is.
constexpr char lowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

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

// The word starts of t[0, end) in order: positions that hold an ASCII letter or digit or a
// non-ASCII byte and do not follow an ASCII letter or digit (a word may start there). The
// bytes are judged 16 at a time and the starts taken from the mask one by one, so that each
// byte is looked at once however short the words.
class WordStarts {
 public:
  WordStarts(std::string_view t, std::size_t end) : t_(t), end_(end) {}

  // The next word start, or `end` when there is none left.
  std::size_t next() {
    while (starts_ == 0) {
      if (block_ >= end_) {
        return end_;
      }
      judgeBlock();
    }
    const auto bit = static_cast<std::size_t>(__builtin_ctz(starts_));
    starts_ &= starts_ - 1;
    return block_ - 16 + bit;
  }

 private:
  // Sets starts_ to the word starts among the 16 bytes from block_ (those past end_ never
  // are), then moves block_ past them.
  void judgeBlock() {
    std::uint32_t alnum = 0;
    std::uint32_t high = 0;
#if defined(__SSE2__)
    if (block_ + 16 <= end_) {
      alnum = alnumMask16(t_.data() + block_);
      high = highMask16(t_.data() + block_);
    } else
#endif
    {
      for (std::size_t k = 0; k < 16 && block_ + k < end_; ++k) {
        const char c = t_[block_ + k];
        alnum |= (isAsciiAlnum(c) ? 1U : 0U) << k;
        high |= (static_cast<unsigned char>(c) >= 0x80 ? 1U : 0U) << k;
      }
    }
    starts_ = (alnum | high) & ~((alnum << 1 | (prev_alnum_ ? 1U : 0U)) & 0xFFFF);
    prev_alnum_ = (alnum >> 15) != 0;
    block_ += 16;
  }

  std::string_view t_;
  std::size_t end_;
  std::size_t block_ = 0;     // the next 16 bytes to judge
  std::uint32_t starts_ = 0;  // word starts of the block before block_ not yet returned
  bool prev_alnum_ = false;   // the last byte judged is an ASCII letter or digit
};

}  // namespace relais::routing::internal
