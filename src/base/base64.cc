#include "base/base64.h"

#include <array>
#include <cstdint>

namespace golden {

namespace {

constexpr char kStdChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kUrlChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr uint8_t kInvalid = 0xff;

bool IsUrl(Base64Alphabet a) {
  return a == Base64Alphabet::kUrl || a == Base64Alphabet::kRawUrl;
}
bool IsPadded(Base64Alphabet a) {
  return a == Base64Alphabet::kStd || a == Base64Alphabet::kUrl;
}

std::array<uint8_t, 256> DecodeMap(Base64Alphabet a) {
  std::array<uint8_t, 256> map;
  map.fill(kInvalid);
  const char* chars = IsUrl(a) ? kUrlChars : kStdChars;
  for (uint8_t i = 0; i < 64; ++i) map[static_cast<unsigned char>(chars[i])] = i;
  return map;
}

Status CorruptInput(size_t offset) {
  return InvalidArgument("illegal base64 data at input byte " + std::to_string(offset));
}

bool IsNewline(char c) { return c == '\n' || c == '\r'; }

}  // namespace

std::string Base64Encode(std::string_view data, Base64Alphabet alphabet) {
  const char* chars = IsUrl(alphabet) ? kUrlChars : kStdChars;
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= data.size(); i += 3) {
    uint32_t v = (uint32_t{static_cast<uint8_t>(data[i])} << 16) |
                 (uint32_t{static_cast<uint8_t>(data[i + 1])} << 8) |
                 uint32_t{static_cast<uint8_t>(data[i + 2])};
    out += chars[(v >> 18) & 63];
    out += chars[(v >> 12) & 63];
    out += chars[(v >> 6) & 63];
    out += chars[v & 63];
  }
  size_t rest = data.size() - i;
  if (rest > 0) {
    uint32_t v = uint32_t{static_cast<uint8_t>(data[i])} << 16;
    if (rest == 2) v |= uint32_t{static_cast<uint8_t>(data[i + 1])} << 8;
    out += chars[(v >> 18) & 63];
    out += chars[(v >> 12) & 63];
    if (rest == 2) out += chars[(v >> 6) & 63];
    if (IsPadded(alphabet)) out.append(rest == 2 ? "=" : "==");
  }
  return out;
}

// A transcription of Go's decodeQuantum loop (encoding/base64), so that the accepted inputs and
// the reported error offsets are the same as OPA's.
Result<std::string> Base64Decode(std::string_view src, Base64Alphabet alphabet) {
  const std::array<uint8_t, 256> map = DecodeMap(alphabet);
  const bool padded = IsPadded(alphabet);
  std::string out;
  out.reserve(src.size() / 4 * 3 + 3);
  size_t si = 0;
  while (si < src.size()) {
    uint8_t dbuf[4] = {0, 0, 0, 0};
    size_t dlen = 4;
    bool trailing_garbage = false;
    size_t garbage_at = 0;
    for (size_t j = 0; j < 4; ++j) {
      if (si == src.size()) {
        if (j == 0) return out;
        if (j == 1 || padded) return CorruptInput(si - j);
        dlen = j;
        break;
      }
      char in = src[si++];
      uint8_t v = map[static_cast<unsigned char>(in)];
      if (v != kInvalid) {
        dbuf[j] = v;
        continue;
      }
      if (IsNewline(in)) {
        --j;
        continue;
      }
      if (!padded || in != '=') return CorruptInput(si - 1);
      // Padding: only after two or three symbols.
      if (j == 0 || j == 1) return CorruptInput(si - 1);
      if (j == 2) {
        // "==" is expected; the first '=' is consumed.
        while (si < src.size() && IsNewline(src[si])) ++si;
        if (si == src.size()) return CorruptInput(src.size());
        if (src[si] != '=') return CorruptInput(si - 1);
        ++si;
      }
      while (si < src.size() && IsNewline(src[si])) ++si;
      if (si < src.size()) {
        trailing_garbage = true;
        garbage_at = si;
      }
      dlen = j;
      break;
    }
    uint32_t val = (uint32_t{dbuf[0]} << 18) | (uint32_t{dbuf[1]} << 12) |
                   (uint32_t{dbuf[2]} << 6) | uint32_t{dbuf[3]};
    char bytes[3] = {static_cast<char>(val >> 16), static_cast<char>(val >> 8),
                     static_cast<char>(val)};
    out.append(bytes, dlen - 1);
    if (trailing_garbage) return CorruptInput(garbage_at);
    if (dlen < 4) break;
  }
  return out;
}

}  // namespace golden
