// StampedSlots: the slots of a small open-addressing table that a thread reuses call after call
// (the lexicon's memo of short words, the model's feature dedup set). A slot is full only when
// it carries the current generation, so starting an empty table costs one increment instead of
// a zero-fill. Not thread-safe: keep one per thread (thread_local).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace relais::routing::internal {

// `Slot` has a `std::uint32_t generation` member; a value-initialised Slot is empty.
template <typename Slot>
struct StampedSlots {
  std::vector<Slot> slots;
  std::uint32_t generation = 0;

  // Starts a new, empty table of at least `min_size` slots; returns its size (a power of two).
  std::size_t prepare(std::size_t min_size) {
    std::size_t size = 64;
    while (size < min_size) {
      size *= 2;
    }
    if (slots.size() < size) {
      slots.assign(size, Slot{});
      generation = 0;
    }
    if (++generation == 0) {  // wrapped: every old stamp could read as current
      std::fill(slots.begin(), slots.end(), Slot{});
      generation = 1;
    }
    return size;
  }
};

}  // namespace relais::routing::internal
