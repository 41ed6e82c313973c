#include "routing/channel.h"

namespace relais::routing {

std::string_view channelName(Channel c) {
  switch (c) {
    case Channel::kPhone:
      return "phone";
    case Channel::kEmail:
      return "email";
    case Channel::kWeb:
      return "web";
    case Channel::kDigitalAgency:
      return "digital_agency";
  }
  return "unknown";
}

std::optional<Channel> parseChannel(std::string_view name) {
  if (name == "phone" || name == "voice") {
    return Channel::kPhone;
  }
  if (name == "email") {
    return Channel::kEmail;
  }
  if (name == "web") {
    return Channel::kWeb;
  }
  if (name == "digital_agency" || name == "chat" || name == "app") {
    return Channel::kDigitalAgency;
  }
  return std::nullopt;
}

}  // namespace relais::routing
