// An empty reader model, linked into the trainer only: the trainer reads messages with the hand
// lexicon alone (ReaderConfig::use_model = false), before any weights exist.
#include "routing/internal/reader_model_weights.h"

namespace relais::routing::internal {

extern const std::size_t kReaderModelCount = 0;
extern const std::uint64_t kReaderModelKeys[1] = {0};
extern const float kReaderModelWeights[1] = {0};
extern const float kReaderModelBias[10] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

}  // namespace relais::routing::internal
