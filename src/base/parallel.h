#pragma once

#include <cstddef>
#include <functional>

namespace golden {

/// Number of worker threads to use by default: the machine's hardware threads (at least 1).
unsigned DefaultThreadCount();

/// Calls fn(i) for every i in [0, n) on up to `threads` threads (dynamic scheduling, so
/// uneven items balance). Returns when every call has returned. `fn` must be thread-safe;
/// callers write results into slot i of a pre-sized vector so output order never depends
/// on scheduling.
void ParallelFor(size_t n, unsigned threads, const std::function<void(size_t)>& fn);

}  // namespace golden
