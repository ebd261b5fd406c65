// Writes whole files so that a reader, or a batch resumed after a crash,
// sees either the old content or the complete new one, never a torn file.
#ifndef VNPLAN_PIPELINE_ATOMIC_FILE_H_
#define VNPLAN_PIPELINE_ATOMIC_FILE_H_

#include <string>
#include <string_view>

namespace vnplan {

// Writes `content` to a temporary file beside `path`, flushes it to disk and
// renames it over `path`, creating missing parent directories. Throws
// vnplan::Error naming `path` on failure; no temporary file is left behind.
void WriteFileAtomically(const std::string& path, std::string_view content);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_ATOMIC_FILE_H_
