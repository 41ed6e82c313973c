#include "routing/internal/router_rank_index.h"

#include <algorithm>

namespace relais::routing::internal {

std::size_t RankIndex::blockFor(const Entry& e) const {
  auto it = std::partition_point(blocks_.begin(), blocks_.end(),
                                 [&](const std::vector<Entry>& b) { return before(b.back(), e); });
  return static_cast<std::size_t>(it - blocks_.begin());
}

void RankIndex::insert(Entry e) {
  ++size_;
  if (blocks_.empty()) {
    blocks_.emplace_back().push_back(e);
    return;
  }
  std::size_t bi = std::min(blockFor(e), blocks_.size() - 1);
  std::vector<Entry>& b = blocks_[bi];
  b.insert(std::lower_bound(b.begin(), b.end(), e, before), e);
  if (b.size() > 2 * kBlock) {
    std::vector<Entry> upper(b.begin() + kBlock, b.end());
    b.resize(kBlock);
    b.shrink_to_fit();
    blocks_.insert(blocks_.begin() + static_cast<std::ptrdiff_t>(bi) + 1, std::move(upper));
  }
}

bool RankIndex::erase(Entry e) {
  const std::size_t bi = blockFor(e);
  if (bi == blocks_.size()) {
    return false;
  }
  std::vector<Entry>& b = blocks_[bi];
  auto it = std::lower_bound(b.begin(), b.end(), e, before);
  if (it == b.end() || it->key != e.key || it->seq != e.seq) {
    return false;
  }
  b.erase(it);
  --size_;
  if (b.empty()) {
    blocks_.erase(blocks_.begin() + static_cast<std::ptrdiff_t>(bi));
  }
  return true;
}

std::size_t RankIndex::rank(Entry e) const {
  const std::size_t bi = blockFor(e);
  std::size_t n = 0;
  for (std::size_t i = 0; i < bi; ++i) {
    n += blocks_[i].size();
  }
  if (bi < blocks_.size()) {
    const std::vector<Entry>& b = blocks_[bi];
    n += static_cast<std::size_t>(std::lower_bound(b.begin(), b.end(), e, before) - b.begin());
  }
  return n;
}

}  // namespace relais::routing::internal
