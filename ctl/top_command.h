// `relaisctl top`: a live terminal view of queues and agents for a supervisor without Grafana,
// refreshed every second from Supervision.Snapshot.
//
// renderTop is pure (a snapshot and a width in, text out), so the layout is tested without a
// server; runTop polls and redraws. Neither keeps state between calls; runTop is meant for the
// main thread (it may install a SIGINT/SIGTERM handler while it runs).
//
//   relais::ctl::runTop("127.0.0.1:50051", std::cout, /*iterations=*/0, /*ansi=*/true);
#pragma once

#include <iosfwd>
#include <string>

#include "relais/v1/supervision.pb.h"

namespace relais::ctl {

// Below this service level a queue row is flagged with "!" (the RelaisServiceLevelBreached
// alert's threshold in deploy/prometheus/relais.rules.yml).
inline constexpr double kTopServiceLevelFlag = 0.8;

// One screen of text, every line at most `width` columns (counted in UTF-8 code points; 0 or
// less: no limit), ending in a newline:
//   - a header: snapshot time (local), contacts and callbacks waiting, agents by state;
//   - one row per (queue, channel) with something to show (contacts or callbacks waiting, or a
//     service level below 100 %), in the snapshot's order: waiting, oldest wait, estimated
//     wait, service level and its target, callbacks waiting; rows below kTopServiceLevelFlag
//     start with "!", others with a space; a line says how many quiet pairs were left out;
//   - one row per agent, by id: state, load by channel, aggressive contacts (last hour/shift).
std::string renderTop(const relais::v1::SnapshotReply& snapshot, int width);

// Draws renderTop of a fresh Snapshot every second on `out`, `iterations` times (0: until
// SIGINT or SIGTERM). With `ansi`, each frame redraws the terminal in place (cursor home, clear)
// and flagged rows are red; without, frames follow one another separated by a blank line. The
// width is the terminal's when standard output is one (else $COLUMNS, else 100).
// Returns 0; or 2 when the first Snapshot fails (the error is printed as JSON, like the other
// commands) or the last one failed (a failed refresh shows the error above the last good frame
// and polling goes on).
int runTop(const std::string& server, std::ostream& out, int iterations, bool ansi);

}  // namespace relais::ctl
