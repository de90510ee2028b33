#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

namespace golden::cli {

/// "checked N/M repositories" on a terminal, for runs that last: nothing is printed before
/// `delay` has passed, the line is rewritten in place a few times a second, and erased at
/// the end. Tick() is thread-safe and cheap (an atomic increment).
class Progress {
 public:
  /// `enabled` false makes every call a no-op (stderr is not a terminal, or -q).
  Progress(std::FILE* out, size_t total, std::chrono::milliseconds delay, bool enabled);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void Tick() { done_.fetch_add(1, std::memory_order_relaxed); }
  /// Stops the reporter and erases its line (also done by the destructor).
  void Finish();

 private:
  void Run();

  std::FILE* out_;
  size_t total_;
  std::chrono::milliseconds delay_;
  std::atomic<size_t> done_{0};
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  bool printed_ = false;
  std::thread thread_;
};

}  // namespace golden::cli
