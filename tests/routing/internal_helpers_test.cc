// The reader's internal helpers (routing/internal/*.h) against their plain definitions.
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "routing/internal/byte_scan.h"
#include "routing/internal/short_word.h"

namespace relais::routing::internal {
namespace {

// The run-time packing (overlapping loads) gives the byte-by-byte definition's value for every
// length, whatever the bytes, and reads nothing outside the word (a word at the very end of a
// heap buffer of its own size).
TEST(PackShortWord, RunTimeLoadsMatchTheDefinition) {
  std::mt19937 rng(7);
  for (std::size_t n = 0; n <= 20; ++n) {
    for (int round = 0; round < 200; ++round) {
      const auto buffer = std::make_unique<char[]>(n);
      for (std::size_t i = 0; i < n; ++i) {
        buffer[i] = static_cast<char>(rng() & 0xFF);
      }
      const std::string_view w(buffer.get(), n);
      EXPECT_EQ(packShortWord(w), packShortWordBytes(w)) << "length " << n;
    }
  }
}

TEST(PackShortWord, ConstantEvaluationUsesTheDefinition) {
  static_assert(packShortWord("le") == (std::uint64_t{2} << 56 | 'l' | std::uint64_t{'e'} << 8));
  static_assert(packShortWord("") == 0);
  static_assert(packShortWord("pourquoi") ==
                packShortWordBytes("pourquo") + (std::uint64_t{1} << 56));
  EXPECT_EQ(packShortWord(std::string("quand")), packShortWordBytes("quand"));
}

// The byte scans (16 bytes a step where SSE2 is there) give the plain loops' answers for every
// length, so across whole blocks, tails and a word running over a block's edge.
TEST(ByteScan, BlockScansMatchPlainLoops) {
  constexpr char kBytes[] = {'a', 'Z', '5', '0', '9', ' ', '-', '\'', '\xc3', '\xa9', '\x80', '/'};
  std::mt19937 rng(11);
  for (std::size_t n = 0; n <= 70; ++n) {
    for (int round = 0; round < 100; ++round) {
      std::string text(n, ' ');
      for (char& c : text) {
        c = kBytes[rng() % sizeof kBytes];
      }
      const std::string_view t = text;
      const std::size_t at = n == 0 ? 0 : rng() % (n + 1);
      std::size_t digit = at;
      while (digit < n && !isAsciiDigit(t[digit])) {
        ++digit;
      }
      EXPECT_EQ(nextDigit(t, at, n), digit) << text;
      std::size_t last = n;
      while (last > 0 && !isAsciiDigit(t[last - 1])) {
        --last;
      }
      EXPECT_EQ(afterLastDigit(t), last) << text;
      std::size_t high = at;
      while (high < n && static_cast<unsigned char>(t[high]) < 0x80) {
        ++high;
      }
      EXPECT_EQ(nextNonAscii(t, at), high) << text;
      std::vector<std::size_t> want;
      for (std::size_t i = 0; i < n; ++i) {
        const bool word_byte = isAsciiAlnum(t[i]) || static_cast<unsigned char>(t[i]) >= 0x80;
        if (word_byte && !(i > 0 && isAsciiAlnum(t[i - 1]))) {
          want.push_back(i);
        }
      }
      std::vector<std::size_t> got;
      WordStarts starts(t, n);
      for (std::size_t s = starts.next(); s != n; s = starts.next()) {
        got.push_back(s);
      }
      EXPECT_EQ(got, want) << text;
    }
  }
}

}  // namespace
}  // namespace relais::routing::internal
