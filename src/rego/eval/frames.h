#pragma once

// Variable bindings of an evaluation: one frame of slots per rule (or query) invocation,
// allocated LIFO from chunks, and a trail of the bindings made so that backtracking can
// undo them.

#include <cstdint>
#include <memory>
#include <vector>

#include "value/value.h"

namespace golden::rego {

/// One variable of a frame: unbound, bound to a value, or an alias of another slot of the
/// same frame (`x = y` with both unbound).
struct Binding {
  Value value;
  int32_t alias = -1;
  bool bound = false;
};

/// Frames of bindings, allocated and released in stack order. The first chunk is inline so
/// that small evaluations do not allocate.
class FrameStack {
 public:
  FrameStack() = default;
  FrameStack(const FrameStack&) = delete;
  FrameStack& operator=(const FrameStack&) = delete;

  /// Where the stack is, to release everything pushed after it.
  struct Mark {
    size_t chunk;
    uint32_t used;
  };
  Mark mark() const { return {current_, CurrentUsed()}; }

  /// A frame of `n` unbound slots.
  Binding* Push(uint32_t n);
  /// Releases every frame pushed since `m`; their slots must already be unbound.
  void Release(Mark m) {
    current_ = m.chunk;
    if (current_ == 0) {
      inline_used_ = m.used;
    } else {
      chunks_[current_ - 1].used = m.used;
    }
  }

 private:
  static constexpr uint32_t kInline = 48;
  static constexpr uint32_t kChunk = 256;
  struct Chunk {
    std::unique_ptr<Binding[]> data;
    uint32_t size = 0;
    uint32_t used = 0;
  };
  uint32_t CurrentUsed() const {
    return current_ == 0 ? inline_used_ : chunks_[current_ - 1].used;
  }

  Binding inline_[kInline];
  uint32_t inline_used_ = 0;
  std::vector<Chunk> chunks_;
  size_t current_ = 0;  // 0: the inline chunk, i: chunks_[i - 1]
};

/// The bindings made so far, in order; undoing pops back to a mark.
class Trail {
 public:
  Trail() = default;
  Trail(const Trail&) = delete;
  Trail& operator=(const Trail&) = delete;

  size_t size() const { return size_; }
  void Push(Binding* b) {
    if (size_ < kInline) {
      inline_[size_++] = b;
      return;
    }
    if (more_.size() <= size_ - kInline) more_.push_back(b); else more_[size_ - kInline] = b;
    ++size_;
  }
  /// Unbinds everything bound after `mark`.
  void Undo(size_t mark) {
    while (size_ > mark) {
      --size_;
      Binding* b = size_ < kInline ? inline_[size_] : more_[size_ - kInline];
      b->bound = false;
      b->alias = -1;
      b->value = Value();
    }
  }

 private:
  static constexpr size_t kInline = 64;
  Binding* inline_[kInline];
  std::vector<Binding*> more_;
  size_t size_ = 0;
};

}  // namespace golden::rego
