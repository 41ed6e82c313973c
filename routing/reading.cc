#include "routing/reading.h"

#include <array>

namespace relais::routing {
namespace {

constexpr std::array<std::string_view, kIntentCount> kIntentNames = {
    "status_request", "repair", "rent_and_charges", "neighbourhood", "tenancy_admin", "other"};

}  // namespace

std::string_view intentName(Intent i) {
  const auto k = static_cast<std::size_t>(i);
  return k < kIntentNames.size() ? kIntentNames[k] : "other";
}

std::optional<Intent> parseIntent(std::string_view name) {
  for (std::size_t k = 0; k < kIntentNames.size(); ++k) {
    if (kIntentNames[k] == name) {
      return static_cast<Intent>(k);
    }
  }
  return std::nullopt;
}

}  // namespace relais::routing
