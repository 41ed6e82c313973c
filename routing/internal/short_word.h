// packShortWord: a word of at most 7 bytes packed into an integer (its length in the top byte),
// so that membership tests and hash keys compare integers instead of strings.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

namespace relais::routing::internal {

// Byte by byte: the definition, and what constant evaluation uses.
constexpr std::uint64_t packShortWordBytes(std::string_view w) {
  std::uint64_t v = static_cast<std::uint64_t>(w.size()) << 56;
  for (std::size_t i = 0; i < w.size() && i < 7; ++i) {
    v |= static_cast<std::uint64_t>(static_cast<unsigned char>(w[i])) << (8 * i);
  }
  return v;
}

// The n bytes at p (sizeof(T) <= n <= 2 * sizeof(T)), little-endian, read as one load from the
// start and one ending at the last byte: the bytes both loads cover are the same.
template <typename T>
std::uint64_t overlappingLoads(const char* p, std::size_t n) {
  T lo = 0;
  T hi = 0;
  std::memcpy(&lo, p, sizeof(T));
  std::memcpy(&hi, p + n - sizeof(T), sizeof(T));
  return lo | static_cast<std::uint64_t>(hi) << (8 * (n - sizeof(T)));
}

// Longer words keep their length and first 7 bytes: callers that must tell them apart check
// the size first. At run time on a little-endian machine, the bytes are read by at most two
// overlapping loads within the word (the bytes two loads share are the same), not one by one:
// readers pack a word per token.
constexpr std::uint64_t packShortWord(std::string_view w) {
  if (std::is_constant_evaluated() || std::endian::native != std::endian::little) {
    return packShortWordBytes(w);
  }
  const char* const p = w.data();
  const std::size_t n = w.size();
  std::uint64_t v = 0;
  if (n >= 8) {
    v = overlappingLoads<std::uint64_t>(p, 8) & 0x00FFFFFFFFFFFFFFULL;
  } else if (n >= 4) {
    v = overlappingLoads<std::uint32_t>(p, n);
  } else if (n >= 2) {
    v = overlappingLoads<std::uint16_t>(p, n);
  } else if (n == 1) {
    v = static_cast<unsigned char>(p[0]);
  }
  return v | static_cast<std::uint64_t>(n) << 56;
}

}  // namespace relais::routing::internal
