// The channels a tenant uses to reach the landlord, as a dense enum usable as an array index.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace relais::routing {

enum class Channel : unsigned char { kPhone = 0, kEmail = 1, kWeb = 2, kDigitalAgency = 3 };

inline constexpr std::size_t kChannelCount = 4;
inline constexpr std::array<Channel, kChannelCount> kAllChannels = {
    Channel::kPhone, Channel::kEmail, Channel::kWeb, Channel::kDigitalAgency};

// Names used in configuration, JSON and metric labels: "phone", "email", "web",
// "digital_agency".
std::string_view channelName(Channel c);
// Accepts the names above, plus "voice" for phone and "chat"/"app" for the digital agency.
std::optional<Channel> parseChannel(std::string_view name);

inline constexpr std::size_t index(Channel c) { return static_cast<std::size_t>(c); }

// A value per channel, e.g. capacities or targets.
template <typename T>
using PerChannel = std::array<T, kChannelCount>;

}  // namespace relais::routing
