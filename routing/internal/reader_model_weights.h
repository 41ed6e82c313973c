// The reader model's weights, defined by the .cc that routing/tools/reader_trainer.cc generates
// in the build tree (see reader_model.h). `kReaderModelWeights` holds kModelHeadCount floats
// per key; `kReaderModelKeys` is sorted ascending.
#pragma once

#include <cstddef>
#include <cstdint>

namespace relais::routing::internal {

extern const std::size_t kReaderModelCount;
extern const std::uint64_t kReaderModelKeys[];
extern const float kReaderModelWeights[];
extern const float kReaderModelBias[];

}  // namespace relais::routing::internal
