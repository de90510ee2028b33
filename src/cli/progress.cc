#include "cli/progress.h"

namespace golden::cli {

Progress::Progress(std::FILE* out, size_t total, std::chrono::milliseconds delay, bool enabled)
    : out_(out), total_(total), delay_(delay) {
  if (enabled) thread_ = std::thread([this] { Run(); });
}

Progress::~Progress() { Finish(); }

void Progress::Finish() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
  if (printed_) {
    std::fputs("\r\033[K", out_);  // erase the progress line
    std::fflush(out_);
  }
}

void Progress::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  if (cv_.wait_for(lock, delay_, [this] { return stop_; })) return;
  size_t shown = static_cast<size_t>(-1);
  while (true) {
    size_t done = done_.load(std::memory_order_relaxed);
    if (done != shown) {
      std::fprintf(out_, "\rgolden: checked %zu/%zu repositories", done, total_);
      std::fflush(out_);
      printed_ = true;
      shown = done;
    }
    if (cv_.wait_for(lock, std::chrono::milliseconds(200), [this] { return stop_; })) return;
  }
}

}  // namespace golden::cli
