// SortedBlocks: an ordered multiset kept as a run of sorted blocks of at most 2 * kBlock entries,
// with the last entry of every block in one contiguous array. Insert and erase cost a binary
// search over that array, one inside a block and a short memmove; rank ("how many before this
// one") adds a sum of block sizes. With 100,000 entries it touches a few cache lines where a
// red-black tree touches ~17 scattered nodes. Not thread-safe; owned by the Router.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace relais::routing::internal {

// `Before(a, b)`: a strict weak order; entries equivalent under it are the same entry for erase.
template <typename Entry, typename Before>
class SortedBlocks {
 public:
  void insert(const Entry& e) {
    ++size_;
    if (blocks_.empty()) {
      blocks_.emplace_back().push_back(e);
      lasts_.push_back(e);
      return;
    }
    const std::size_t bi = std::min(blockFor(e), blocks_.size() - 1);
    std::vector<Entry>& b = blocks_[bi];
    b.insert(std::lower_bound(b.begin(), b.end(), e, Before{}), e);
    lasts_[bi] = b.back();
    if (b.size() > 2 * kBlock) {
      std::vector<Entry> upper(b.begin() + kBlock, b.end());
      b.resize(kBlock);
      lasts_[bi] = b.back();
      const auto at = static_cast<std::ptrdiff_t>(bi) + 1;
      lasts_.insert(lasts_.begin() + at, upper.back());
      blocks_.insert(blocks_.begin() + at, std::move(upper));
    }
  }

  // False when no equivalent entry is present.
  bool erase(const Entry& e) {
    const std::size_t bi = blockFor(e);
    if (bi == blocks_.size()) {
      return false;
    }
    std::vector<Entry>& b = blocks_[bi];
    auto it = std::lower_bound(b.begin(), b.end(), e, Before{});
    if (it == b.end() || Before{}(e, *it)) {
      return false;
    }
    b.erase(it);
    --size_;
    if (b.empty()) {
      blocks_.erase(blocks_.begin() + static_cast<std::ptrdiff_t>(bi));
      lasts_.erase(lasts_.begin() + static_cast<std::ptrdiff_t>(bi));
    } else {
      lasts_[bi] = b.back();
    }
    return true;
  }

  // Number of entries ordered strictly before `e`.
  std::size_t rank(const Entry& e) const {
    const std::size_t bi = blockFor(e);
    std::size_t n = 0;
    for (std::size_t i = 0; i < bi; ++i) {
      n += blocks_[i].size();
    }
    if (bi < blocks_.size()) {
      const std::vector<Entry>& b = blocks_[bi];
      n += static_cast<std::size_t>(std::lower_bound(b.begin(), b.end(), e, Before{}) - b.begin());
    }
    return n;
  }

  // Calls f(entry) from the first entry on while it returns true.
  template <typename F>
  void scan(F&& f) const {
    for (const std::vector<Entry>& b : blocks_) {
      for (const Entry& e : b) {
        if (!f(e)) {
          return;
        }
      }
    }
  }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  static constexpr std::size_t kBlock = 128;

  // The first block whose last entry is not before `e` (blocks_.size() if none).
  std::size_t blockFor(const Entry& e) const {
    return static_cast<std::size_t>(
        std::partition_point(lasts_.begin(), lasts_.end(),
                             [&](const Entry& last) { return Before{}(last, e); }) -
        lasts_.begin());
  }

  std::vector<std::vector<Entry>> blocks_;
  std::vector<Entry> lasts_;
  std::size_t size_ = 0;
};

}  // namespace relais::routing::internal
