// WordShapes: the (first byte, length) pairs of a fixed set of short words, so that a word
// lookup turns most words down with one table load before any comparison, packing or probe.
// WordSet: a fixed word list behind its shapes.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

namespace relais::routing::internal {

class WordShapes {
 public:
  static constexpr std::size_t kMaxLength = 15;

  // Built at compile time: a word that is empty or too long stops the build there.
  constexpr WordShapes& add(std::string_view w) {
    if (w.empty() || w.size() > kMaxLength) {
      throw std::length_error("WordShapes holds words of 1 to 15 bytes");
    }
    bits_[static_cast<unsigned char>(w[0])] |= static_cast<std::uint16_t>(1U << w.size());
    return *this;
  }
  template <std::size_t N>
  constexpr WordShapes& add(const std::string_view (&words)[N]) {
    for (std::string_view w : words) {
      add(w);
    }
    return *this;
  }

  // Adds every shape of `other`: a union of sets, for one pass that finds the candidates of
  // several scans.
  constexpr WordShapes& add(const WordShapes& other) {
    for (std::size_t b = 0; b < bits_.size(); ++b) {
      bits_[b] = static_cast<std::uint16_t>(bits_[b] | other.bits_[b]);
    }
    return *this;
  }
  // Whether every shape of `other` is one of this set's.
  constexpr bool covers(const WordShapes& other) const {
    for (std::size_t b = 0; b < bits_.size(); ++b) {
      if ((other.bits_[b] & ~bits_[b]) != 0) {
        return false;
      }
    }
    return true;
  }

  // False: no word added has this first byte and length. True: one may.
  constexpr bool mayHold(unsigned char first, std::size_t size) const {
    return size - 1 < kMaxLength && (bits_[first] >> size & 1U) != 0;
  }
  constexpr bool mayHold(std::string_view w) const {
    return !w.empty() && mayHold(static_cast<unsigned char>(w[0]), w.size());
  }

 private:
  std::array<std::uint16_t, 256> bits_{};  // by first byte, bit L: some word of length L
};

template <std::size_t N>
constexpr WordShapes shapesOf(const std::string_view (&words)[N]) {
  return WordShapes().add(words);
}

// Strings are compared only for a word whose shape some listed word has.
template <std::size_t N>
class WordSet {
 public:
  constexpr explicit WordSet(const std::string_view (&words)[N]) : shapes_(shapesOf(words)) {
    std::copy(std::begin(words), std::end(words), words_.begin());
  }
  constexpr const WordShapes& shapes() const { return shapes_; }

  // Only the listed words of `w`'s length and first byte are compared whole (a call to memcmp
  // each): the shapes let most words through to here only when some listed word shares them.
  constexpr bool contains(std::string_view w) const {
    if (!shapes_.mayHold(w)) {
      return false;
    }
    for (const std::string_view x : words_) {
      if (x.size() == w.size() && x[0] == w[0] && x == w) {
        return true;
      }
    }
    return false;
  }

 private:
  WordShapes shapes_;
  std::array<std::string_view, N> words_{};
};

}  // namespace relais::routing::internal
