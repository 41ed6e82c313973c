// Parsing of the back-office's case export (JSON lines) into CaseFeed requests.
#pragma once

#include <optional>
#include <string>

#include "relais/v1/case_feed.pb.h"

namespace relais::ctl {

// One line: {"case_ref", "tenant_id", "kind", "status", "opened_at", "updated_at", "next_step",
// "expected_at", "steps": [{"label", "at"}], "closed"}. Dates are RFC 3339
// ("2026-03-12T09:30:00Z") or plain days ("2026-03-12", midnight UTC). Returns what is wrong,
// naming the key.
std::optional<std::string> parseCaseLine(const std::string& line, v1::Case& out);

}  // namespace relais::ctl
