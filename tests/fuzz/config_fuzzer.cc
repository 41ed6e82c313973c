// Fuzzes relaisd's configuration loader: parseConfig() is what `relaisd --check-config FILE`
// and `relaisd --config FILE` run on the file's text. A configuration it accepts must then
// build what relaisd builds from it at start (daemon/core.cc: reader, router, answerer)
// without crashing. Any escaping exception is a finding: relaisd would abort on that file.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "daemon/config.h"
#include "routing/auto_answer.h"
#include "routing/contact_reader.h"
#include "routing/router.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string yaml(reinterpret_cast<const char*>(data), size);
  std::vector<relais::daemon::ConfigError> errors;
  auto config = relais::daemon::parseConfig(yaml, "fuzz.yaml", errors);
  if (!config) {
    if (errors.empty()) {
      __builtin_trap();  // a refusal must say why
    }
    return 0;
  }
  const relais::routing::ContactReader reader(config->reader);
  const relais::routing::Router router(config->routing);
  const relais::routing::AutoAnswerer answerer(config->auto_answer);
  relais::routing::ReaderInput input;
  input.text = "Bonjour, où en est ma demande RC-2026-004512 ? ça sent le gaz";
  (void)reader.read(input);
  return 0;
}
