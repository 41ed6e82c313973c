// packShortWord: a word of at most 7 bytes packed into an integer (its length in the top byte),
// so that membership tests and hash keys compare integers instead of strings.
#pragma once

#include <cstdint>
#include <string_view>

namespace relais::routing::internal {

// Longer words keep their length and first 7 bytes: callers that must tell them apart check
// the size first.
constexpr std::uint64_t packShortWord(std::string_view w) {
  std::uint64_t v = static_cast<std::uint64_t>(w.size()) << 56;
  for (std::size_t i = 0; i < w.size() && i < 7; ++i) {
    v |= static_cast<std::uint64_t>(static_cast<unsigned char>(w[i])) << (8 * i);
  }
  return v;
}

}  // namespace relais::routing::internal
