#include "pipeline/ocr/engine_pool.h"

#include <dlfcn.h>

#include <algorithm>

#include "pipeline/error.h"

namespace vnplan {
namespace {

// Tesseract's LSTM opens OpenMP parallel regions inside every recognition;
// with one engine per core those threads only contend with the other workers
// (measured: a page took 4x longer). OMP_THREAD_LIMIT cannot be used, since
// libgomp reads it when it is loaded, before main(). Max-active-levels is a
// per-thread setting that the thread may change at any time: at 0, every
// parallel region this thread opens runs on it alone. Looked up at run time
// so that a Tesseract built without OpenMP needs nothing.
void KeepOpenMpSerialOnThisThread() {
  using SetLevels = void (*)(int);
  if (auto set = reinterpret_cast<SetLevels>(dlsym(RTLD_DEFAULT, "omp_set_max_active_levels"))) {
    set(0);
  }
}

}  // namespace

EnginePool::EnginePool(std::string tessdata_dir, std::string language, int jobs)
    : tessdata_dir_(std::move(tessdata_dir)), language_(std::move(language)) {
  if (jobs <= 0) jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  loads_pending_ = jobs;
  for (int i = 0; i < jobs; ++i) threads_.emplace_back(&EnginePool::Work, this);
  bool loaded;
  {
    std::unique_lock<std::mutex> lock(mu_);
    loaded_.wait(lock, [this] { return any_loaded_ || loads_pending_ == 0; });
    loaded = any_loaded_;
  }
  if (!loaded) {
    Stop();  // A constructor that throws runs no destructor.
    throw Error("", "cannot load Tesseract language '" + language_ + "'" +
                        (tessdata_dir_.empty() ? "" : " from " + tessdata_dir_) +
                        " (is its traineddata installed?)");
  }
}

EnginePool::~EnginePool() { Stop(); }

void EnginePool::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void EnginePool::Submit(Job job) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back(std::move(job));
  }
  ready_.notify_one();
}

std::unique_ptr<tesseract::TessBaseAPI> EnginePool::NewEngine() const {
  auto engine = std::make_unique<tesseract::TessBaseAPI>();
  if (engine->Init(tessdata_dir_.empty() ? nullptr : tessdata_dir_.c_str(), language_.c_str(),
                   tesseract::OEM_DEFAULT) != 0) {
    return nullptr;
  }
  // Tesseract's progress chatter ("Detected N diacritics", resolution
  // guesses) would interleave with vnplan's own output.
  engine->SetVariable("debug_file", "/dev/null");
  engine->SetPageSegMode(tesseract::PSM_AUTO);
  return engine;
}

void EnginePool::Work() {
  KeepOpenMpSerialOnThisThread();
  std::unique_ptr<tesseract::TessBaseAPI> engine = NewEngine();
  {
    std::lock_guard<std::mutex> lock(mu_);
    --loads_pending_;
    any_loaded_ = any_loaded_ || engine != nullptr;
  }
  loaded_.notify_all();
  for (;;) {
    Job job;
    {
      std::unique_lock<std::mutex> lock(mu_);
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    job(engine.get());
  }
}

}  // namespace vnplan
