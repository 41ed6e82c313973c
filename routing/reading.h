// What the contact reader finds in a contact (intent, urgency, aggression, reassurance need,
// case reference, gist) and the context it may take into account.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "routing/channel.h"

namespace relais::routing {

enum class Intent : unsigned char {
  kStatusRequest,
  kRepair,
  kRentAndCharges,
  kNeighbourhood,
  kTenancyAdmin,
  kOther,
};
inline constexpr std::size_t kIntentCount = 6;

// "status_request", "repair", "rent_and_charges", "neighbourhood", "tenancy_admin", "other".
std::string_view intentName(Intent i);
std::optional<Intent> parseIntent(std::string_view name);

struct Reading {
  Intent intent = Intent::kOther;
  bool urgent = false;
  int urgency = 0;  // 0-100
  bool aggressive = false;
  int reassurance = 0;  // 0-100
  bool reassurance_high = false;
  std::optional<std::string> case_ref;  // as written in the text
  bool status_only = false;
  bool asks_for_person = false;  // "je veux parler à quelqu'un", "rappelez-moi"
  std::string gist;              // at most 200 characters (UTF-8, cut on a character boundary)
  std::vector<std::string> reasons;
};

// What the landlord's file and relais' own history say about the tenant; raises reassurance.
struct ReaderContext {
  int prior_contacts_same_case = 0;
  bool vulnerable = false;
};

struct ReaderInput {
  Channel channel = Channel::kEmail;
  std::string_view subject;
  std::string_view text;
  ReaderContext context;
};

}  // namespace relais::routing
