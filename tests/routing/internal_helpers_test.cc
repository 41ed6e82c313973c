// The reader's internal helpers (routing/internal/*.h) against their plain definitions.
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <string_view>

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

}  // namespace
}  // namespace relais::routing::internal
