// Fuzzes the only place where wire values become domain ones (daemon/convert.h): bytes parsed as
// the requests relaisd receives, then validated and converted as daemon/core.cc does, plus the
// storage record relaisd decodes at restart (its timestamps and channel go through the same
// conversions in Core::recover).
//
// Input layout: byte 0 picks the message (see the switch), the rest is its protobuf encoding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "daemon/convert.h"
#include "relais/store/v1/records.pb.h"
#include "relais/v1/agent_desk.pb.h"
#include "relais/v1/case_feed.pb.h"
#include "relais/v1/contact.pb.h"

namespace {

using namespace relais;
using daemon::fromProto;
using daemon::toProto;

void convertContact(const v1::Contact& c) {
  for (const daemon::ContactLimits& limits : {daemon::ContactLimits{}, daemon::ContactLimits{16, 8, 8}}) {
    if (daemon::validateContact(c, limits)) {
      continue;
    }
    // What Core::submit does with a valid contact before routing it.
    if (!fromProto(c.channel())) {
      __builtin_trap();  // validateContact promised a known channel
    }
    if (daemon::isSet(c.received_at())) {
      (void)daemon::toTimestamp(fromProto(c.received_at()));
    }
  }
}

void convertCase(const v1::Case& c) {
  const routing::CaseFile file = fromProto(c);
  const v1::Case back = toProto(file);
  if (back.case_ref() != c.case_ref() || back.steps_size() != c.steps_size()) {
    __builtin_trap();
  }
}

void convertAgent(const v1::ConnectRequest& r) {
  routing::AgentSpec spec;
  if (!daemon::agentFromProto(r, spec)) {
    if (spec.id != r.agent_id()) {
      __builtin_trap();
    }
  }
}

void convertRecord(const store::v1::ContactRecord& r) {
  (void)fromProto(r.contact().channel());
  (void)fromProto(r.contact().received_at());
  (void)fromProto(r.enqueued_at());
  (void)fromProto(r.updated_at());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const auto* bytes = data + 1;
  const int n = static_cast<int>(size - 1);
  switch (data[0] % 5) {
    case 0: {
      v1::Contact c;
      if (c.ParseFromArray(bytes, n)) {
        convertContact(c);
      }
      break;
    }
    case 1: {
      v1::Case c;
      if (c.ParseFromArray(bytes, n)) {
        convertCase(c);
      }
      break;
    }
    case 2: {
      v1::ConnectRequest r;
      if (r.ParseFromArray(bytes, n)) {
        convertAgent(r);
      }
      break;
    }
    case 3: {
      v1::SetStateRequest r;
      if (r.ParseFromArray(bytes, n)) {
        (void)fromProto(r.state());
      }
      break;
    }
    case 4: {
      store::v1::ContactRecord r;
      if (r.ParseFromArray(bytes, n)) {
        convertRecord(r);
      }
      break;
    }
  }
  return 0;
}
