// Fuzzes `relaisctl cases import`'s line parser: one JSON line of the back-office's export into
// a CaseFeed request. Every line must give a v1::Case or a message naming what is wrong.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ctl/case_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string line(reinterpret_cast<const char*>(data), size);
  relais::v1::Case out;
  if (auto problem = relais::ctl::parseCaseLine(line, out)) {
    if (problem->empty()) {
      __builtin_trap();
    }
    return 0;
  }
  std::string wire;
  if (!out.SerializeToString(&wire)) {
    __builtin_trap();
  }
  return 0;
}
