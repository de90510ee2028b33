#include "rego/eval/frames.h"

namespace golden::rego {

Binding* FrameStack::Push(uint32_t n) {
  if (current_ == 0 && inline_used_ + n <= kInline) {
    Binding* b = inline_ + inline_used_;
    inline_used_ += n;
    return b;
  }
  // Find (or make) a chunk with room, after the current one.
  for (;;) {
    if (current_ > 0) {
      Chunk& c = chunks_[current_ - 1];
      if (c.used + n <= c.size) {
        Binding* b = c.data.get() + c.used;
        c.used += n;
        return b;
      }
    }
    if (current_ == chunks_.size()) {
      Chunk c;
      c.size = n > kChunk ? n : kChunk;
      c.data = std::make_unique<Binding[]>(c.size);
      chunks_.push_back(std::move(c));
    }
    ++current_;
    chunks_[current_ - 1].used = 0;
  }
}

}  // namespace golden::rego
