// RankIndex: the waiting contacts of one (queue, channel) in dispatch order, answering "how many
// are ahead of this one" for positions. Sorted blocks of at most 2 * kBlock entries: insert and
// erase cost O(log n + kBlock), rank O(log n + n / kBlock) (a sum of block sizes). Not
// thread-safe; owned by the Router.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace relais::routing::internal {

class RankIndex {
 public:
  // Ordered by key descending (higher priority first), then seq ascending (earlier first).
  struct Entry {
    double key = 0;
    std::uint64_t seq = 0;
  };

  void insert(Entry e);
  // False when `e` is not present.
  bool erase(Entry e);
  // Number of entries ordered strictly before `e`.
  std::size_t rank(Entry e) const;
  std::size_t size() const { return size_; }

  static bool before(const Entry& a, const Entry& b) {
    return a.key > b.key || (a.key == b.key && a.seq < b.seq);
  }

 private:
  static constexpr std::size_t kBlock = 256;
  // Index of the first block whose last entry is not before `e` (blocks_.size() if none).
  std::size_t blockFor(const Entry& e) const;

  std::vector<std::vector<Entry>> blocks_;
  std::size_t size_ = 0;
};

}  // namespace relais::routing::internal
