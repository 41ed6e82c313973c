// `relaisctl score` and `relaisctl eval`: run the contact reader over JSON lines, for tuning the
// lexicon and checking a labelled set. Streams in, streams out; no files, so tests use
// string streams.
#pragma once

#include <iosfwd>

#include "routing/contact_reader.h"

namespace relais::ctl {

// Reads one JSON object a line ({"id", "channel", "text", optional "subject",
// "prior_contacts_same_case", "vulnerable"}) and writes one JSON object a line: id, intent,
// urgent, aggressive, reassurance_high, case_ref (string or null), status_only, urgency,
// reassurance, asks_for_person, gist, reasons. A malformed line gives
// {"id": <id or null>, "error": "..."} and the run goes on. Blank lines are skipped.
// Returns 0, or 1 when reading or writing failed.
int runScore(std::istream& in, std::ostream& out, std::ostream& err,
             const relais::routing::ContactReader& reader);

// Reads labelled JSON lines (the keys above plus intent, urgent, aggressive, reassurance_high,
// case_ref, status_only) and writes a plain-text report: precision/recall/F1 of each boolean
// label, intent accuracy and confusion matrix, case reference exact-match rate (ignoring case,
// spaces and punctuation; null == null is a match), then the misread messages.
// Returns 0, or 1 when reading or writing failed.
int runEval(std::istream& labelled, std::ostream& out,
            const relais::routing::ContactReader& reader);

}  // namespace relais::ctl
