// Time as routing/ sees it: plain values handed in by the caller. routing/ never reads a clock,
// which is what lets tests and the simulator move time by hand.
#pragma once

#include <chrono>

namespace relais::routing {

using Duration = std::chrono::microseconds;
using Instant = std::chrono::sys_time<Duration>;

inline constexpr double toSeconds(Duration d) { return static_cast<double>(d.count()) / 1e6; }
inline constexpr Duration seconds(double s) { return Duration(static_cast<long long>(s * 1e6)); }

}  // namespace relais::routing
