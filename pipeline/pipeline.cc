#include "pipeline/pipeline.h"

#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "pipeline/error.h"
#include "pipeline/load.h"

namespace vnplan {

std::string ResolveModelsDir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("VNPLAN_MODELS"); env && *env) return env;
  return VNPLAN_MODELS_DIR;
}

Pipeline::Pipeline(PipelineOptions options) : text_only_(options.text_only) {
  std::string models = ResolveModelsDir(options.models_dir);
  // Loading Tesseract costs a third of a second: text-only runs skip it.
  if (!text_only_) stages_.push_back(MakeOcrStage(options.ocr));
  if (options.last == LastStage::kOcr) return;
  options.repair.models_dir = models;
  stages_.push_back(MakeRepairStage(options.repair));
  if (options.last == LastStage::kRepair) return;
  stages_.push_back(MakeSegmentStage({models}));
  if (options.last == LastStage::kSegment) return;
  stages_.push_back(MakeExtractStage({models}));
}

void Pipeline::Run(Document& doc) const {
  if (text_only_ && doc.format != "text") {
    throw Error(doc.source_path, "is a " + doc.format +
                                     " file, and this command reads text: use 'vnplan run' or "
                                     "'vnplan ocr' for scans and PDFs");
  }
  for (const auto& stage : stages_) stage->Run(doc);
}

Document Pipeline::Process(const std::string& path) const {
  Document doc = Load(path);
  Run(doc);
  return doc;
}

int RunBatch(const Pipeline& pipeline, const std::vector<std::string>& paths, int jobs,
             const std::function<bool(const std::string&)>& skip,
             const std::function<void(BatchResult&)>& sink) {
  if (jobs < 1) jobs = 1;
  std::mutex mu;
  std::condition_variable cv;
  size_t next = 0;        // Next input to start.
  size_t emitted = 0;     // Next input to hand to the sink.
  bool draining = false;  // One thread at a time feeds the sink, in order.
  std::deque<std::unique_ptr<BatchResult>> done(paths.size());
  int failures = 0;
  const size_t window = static_cast<size_t>(2 * jobs);

  auto worker = [&] {
    std::unique_lock<std::mutex> lock(mu);
    for (;;) {
      // Bound memory: do not run ahead of the sink by more than `window`.
      cv.wait(lock, [&] { return next >= paths.size() || next < emitted + window; });
      if (next >= paths.size()) break;
      size_t i = next++;
      lock.unlock();
      auto result = std::make_unique<BatchResult>();
      result->path = paths[i];
      if (skip && skip(paths[i])) {
        result->status = BatchResult::Status::kSkipped;
      } else {
        try {
          result->doc = pipeline.Process(paths[i]);
          result->status = BatchResult::Status::kDone;
        } catch (const Error& e) {
          result->error = e.what();
        } catch (const std::exception& e) {
          result->error = paths[i] + ": internal error: " + e.what();
        }
      }
      lock.lock();
      done[i] = std::move(result);
      if (!draining) {
        draining = true;
        while (emitted < paths.size() && done[emitted]) {
          std::unique_ptr<BatchResult> ready = std::move(done[emitted]);
          ++emitted;
          if (ready->status == BatchResult::Status::kFailed) ++failures;
          lock.unlock();
          sink(*ready);
          ready.reset();
          lock.lock();
        }
        draining = false;
      }
      cv.notify_all();
    }
  };

  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  return failures;
}

}  // namespace vnplan
