// EnginePool: worker threads, each owning one Tesseract engine, serving a
// single queue of jobs from any number of callers.
//
// Tesseract engines are not thread-safe and cost ~0.3 s and ~100 MB each to
// load, so the OCR stage keeps exactly one per worker for its whole life and
// every document it sees shares them. Submit() may be called from any thread;
// jobs run in submission order on whichever worker is free. A job's
// exceptions are its own business: jobs must not throw.
//
// Every worker loads its engine as soon as it starts, all at once, so no
// core waits for another's engine; the constructor returns when the first
// has loaded, and a missing language surfaces there as vnplan::Error. Each
// engine holds ~45 MB: callers size `jobs` to the pages they expect (a
// one-page run wants one worker, however many cores there are).
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
  void Work();
  void Stop();  // Finishes queued jobs, then joins the workers.

  const std::string tessdata_dir_;
  const std::string language_;
  std::mutex mu_;
  std::condition_variable ready_;
  std::deque<Job> queue_;    // Guarded by mu_.
  bool stopping_ = false;    // Guarded by mu_.
  int loads_pending_ = 0;    // Engines still loading. Guarded by mu_.
  bool any_loaded_ = false;  // Guarded by mu_.
  std::condition_variable loaded_;
  std::vector<std::thread> threads_;
};

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_OCR_ENGINE_POOL_H_
