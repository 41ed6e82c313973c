#include "routing/case_book.h"

#include <algorithm>

namespace relais::routing {

std::string_view CaseFile::currentStep() const {
  if (!steps.empty()) {
    return steps.back().label;
  }
  return status;
}

Instant CaseFile::currentStepSince() const {
  if (!steps.empty() && steps.back().at != Instant{}) {
    return steps.back().at;
  }
  return updated_at;
}

bool CaseBook::upsert(const std::string& key, CaseFile file) {
  file.key = key;
  auto it = cases_.find(key);
  if (it != cases_.end()) {
    if (file.updated_at < it->second.updated_at) {
      return false;
    }
    if (it->second.tenant_id != file.tenant_id) {
      auto& keys = keys_by_tenant_[it->second.tenant_id];
      keys.erase(std::remove(keys.begin(), keys.end(), key), keys.end());
      keys_by_tenant_[file.tenant_id].push_back(key);
    }
    it->second = std::move(file);
    return true;
  }
  keys_by_tenant_[file.tenant_id].push_back(key);
  cases_.emplace(key, std::move(file));
  return true;
}

const CaseFile* CaseBook::find(std::string_view key) const {
  auto it = cases_.find(std::string(key));
  return it == cases_.end() ? nullptr : &it->second;
}

std::vector<const CaseFile*> CaseBook::openCasesOf(std::string_view tenant_id) const {
  std::vector<const CaseFile*> out;
  auto it = keys_by_tenant_.find(std::string(tenant_id));
  if (it == keys_by_tenant_.end()) {
    return out;
  }
  for (const auto& key : it->second) {
    const auto* c = find(key);
    if (c && !c->closed) {
      out.push_back(c);
    }
  }
  std::sort(out.begin(), out.end(),
            [](const CaseFile* a, const CaseFile* b) { return a->updated_at > b->updated_at; });
  return out;
}

}  // namespace relais::routing
