// CaseBook: the landlord's cases as the back-office feeds them (repairs, applications,
// refunds...), indexed by normalised reference and by tenant, so a contact can find "its" case.
// Pure data structure; not thread-safe (owned by the routing strand).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "routing/time.h"

namespace relais::routing {

struct CaseStep {
  std::string label;
  Instant at{};
};

struct CaseFile {
  std::string key;  // normalised reference, set by CaseBook
  std::string ref;  // as the back-office writes it, e.g. "RC-2026-004512"
  std::string tenant_id;
  std::string kind;    // "repair", "mutation", ...
  std::string status;  // back-office label, e.g. "planifiée"
  Instant opened_at{};
  Instant updated_at{};
  std::string next_step;
  std::optional<Instant> expected_at;
  std::vector<CaseStep> steps;  // oldest first
  bool closed = false;

  // The current step: the last dated step's label, else the status.
  std::string_view currentStep() const;
  // When the current step began: its date, else updated_at.
  Instant currentStepSince() const;
};

class CaseBook {
 public:
  // Inserts or replaces the case whose normalised reference is `key`. A case whose updated_at
  // is older than the stored one is ignored: returns false.
  bool upsert(const std::string& key, CaseFile file);
  const CaseFile* find(std::string_view key) const;
  // Open cases of a tenant, most recently updated first.
  std::vector<const CaseFile*> openCasesOf(std::string_view tenant_id) const;
  std::size_t size() const { return cases_.size(); }

 private:
  std::unordered_map<std::string, CaseFile> cases_;
  std::unordered_map<std::string, std::vector<std::string>> keys_by_tenant_;
};

}  // namespace relais::routing
