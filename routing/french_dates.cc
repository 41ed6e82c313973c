#include "routing/french_dates.h"

#include <array>
#include <chrono>

namespace relais::routing {
namespace {

constexpr std::array<const char*, 12> kMonths = {"janvier", "février", "mars",     "avril",
                                                 "mai",     "juin",    "juillet",  "août",
                                                 "septembre", "octobre", "novembre", "décembre"};

std::chrono::year_month_day civil(Instant t) {
  return std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(t));
}

std::string dayMonth(const std::chrono::year_month_day& d) {
  const unsigned day = static_cast<unsigned>(d.day());
  return (day == 1 ? std::string("1er") : std::to_string(day)) + " " +
         kMonths[static_cast<unsigned>(d.month()) - 1];
}

}  // namespace

std::string frenchDate(Instant t) {
  const auto d = civil(t);
  return dayMonth(d) + " " + std::to_string(static_cast<int>(d.year()));
}

std::string spokenFrenchDate(Instant t, Instant now) {
  const auto d = civil(t);
  std::string out = "le " + dayMonth(d);
  if (d.year() != civil(now).year()) {
    // Appended in two steps: GCC 12 at -O3 warns (-Wrestrict, a known false positive) on
    // `" " + std::string`.
    out += ' ';
    out += std::to_string(static_cast<int>(d.year()));
  }
  return out;
}

}  // namespace relais::routing
