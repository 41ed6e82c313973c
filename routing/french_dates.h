// French dates for answers: "12 mars 2026" in writing, "le 12 mars" when spoken.
#pragma once

#include <string>

#include "routing/time.h"

namespace relais::routing {

// "12 mars 2026" (UTC calendar day; "1er" for the first of the month).
std::string frenchDate(Instant t);
// "le 12 mars", or "le 12 mars 2027" when not in the year of `now`.
std::string spokenFrenchDate(Instant t, Instant now);

}  // namespace relais::routing
