// MixKey: a 64-bit key's bits spread over the whole word, so that an
// open-addressing table whose size is a power of two can take its slot from
// the low bits. Packed keys (word ids side by side, letters five bits each)
// differ mostly in bits a mask would drop. Half of MurmurHash3's finaliser:
// enough to spread, cheap enough for the inner loops that probe.
#ifndef VNPLAN_PIPELINE_REPAIR_MIX_KEY_H_
#define VNPLAN_PIPELINE_REPAIR_MIX_KEY_H_

#include <cstddef>
#include <cstdint>

namespace vnplan {

inline size_t MixKey(uint64_t key) {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdULL;
  key ^= key >> 33;
  return static_cast<size_t>(key);
}

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_REPAIR_MIX_KEY_H_
