// EnginePool: worker threads, each owning one Tesseract engine, serving a
// single queue of jobs from any number of callers.
//
// Tesseract engines are not thread-safe and cost ~0.3 s and ~100 MB each to
// load, so the OCR stage keeps exactly one per worker for its whole life and
// every document it sees shares them. Submit() may be called from any thread;
// jobs run in submission order on whichever worker is free. A job's
// exceptions are its own business: jobs must not throw.
//
// The first engine is loaded in the constructor, so a missing language
// surfaces there as vnplan::Error; the others load on their worker's first
// job, so a one-page run does not pay for engines it never uses.
#ifndef VNPLAN_PIPELINE_OCR_ENGINE_POOL_H_
#define VNPLAN_PIPELINE_OCR_ENGINE_POOL_H_

#include <tesseract/baseapi.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace vnplan {

class EnginePool {
 public:
  // `jobs` <= 0 means one worker per core.
  EnginePool(std::string tessdata_dir, std::string language, int jobs);
  ~EnginePool();  // Finishes queued jobs, then joins the workers.

  EnginePool(const EnginePool&) = delete;
  EnginePool& operator=(const EnginePool&) = delete;

  // `engine` is null when this worker's engine failed to load.
  using Job = std::function<void(tesseract::TessBaseAPI* engine)>;
  void Submit(Job job);

  int workers() const { return static_cast<int>(threads_.size()); }

 private:
  std::unique_ptr<tesseract::TessBaseAPI> NewEngine() const;
  void Work(std::unique_ptr<tesseract::TessBaseAPI> engine);

  const std::string tessdata_dir_;
  const std::string language_;
  std::mutex mu_;
  std::condition_variable ready_;
  std::deque<Job> queue_;  // Guarded by mu_.
  bool stopping_ = false;  // Guarded by mu_.
  std::vector<std::thread> threads_;
};

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_OCR_ENGINE_POOL_H_
