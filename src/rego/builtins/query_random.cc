#include "rego/builtins/query_random.h"

#include <openssl/evp.h>

#include "rego/builtins/crypto_util.h"

namespace golden::rego {

namespace {

// SHA-256 in counter mode over (seed, tag, key): a deterministic stream per query and key.
std::string Block(const BuiltinContext& ctx, std::string_view tag, std::string_view key,
                  uint64_t counter) {
  std::string input;
  input.reserve(tag.size() + key.size() + 24);
  for (int i = 0; i < 8; ++i) input.push_back(static_cast<char>(ctx.seed >> (8 * i)));
  input.append(tag);
  input.push_back('\0');
  input.append(key);
  input.push_back('\0');
  for (int i = 0; i < 8; ++i) input.push_back(static_cast<char>(counter >> (8 * i)));
  return crypto::Digest(EVP_sha256(), input);
}

}  // namespace

std::string QueryRandomBytes(const BuiltinContext& ctx, std::string_view tag, std::string_view key,
                             size_t n) {
  std::string out;
  for (uint64_t counter = 0; out.size() < n; ++counter) out += Block(ctx, tag, key, counter);
  out.resize(n);
  return out;
}

uint64_t QueryRandomBelow(const BuiltinContext& ctx, std::string_view tag, std::string_view key,
                          uint64_t bound) {
  // Rejection sampling keeps the distribution uniform for any bound.
  const uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
  for (uint64_t counter = 0;; ++counter) {
    std::string block = Block(ctx, tag, key, counter);
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<uint8_t>(block[static_cast<size_t>(i)]);
    if (v < limit) return v % bound;
  }
}

}  // namespace golden::rego
