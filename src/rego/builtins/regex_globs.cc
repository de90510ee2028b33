// regex.globs_match: do two "glob-style" regular expressions intersect? The patterns are
// characters, '.', [classes] and the '*' and '+' repetitions of one of those. OPA decides with
// the greedy matching of its dependency github.com/yashtewari/glob-intersection (trimming the
// common ends, then consuming tokens, backtracking only at repetitions). This follows that
// algorithm, so answers agree with OPA's, and memoises it on pairs of positions so that no
// pattern costs more than polynomial time.

#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

#include "rego/builtins/names.h"
#include "rego/builtins/operands.h"
#include "rego/builtins/unicode.h"

namespace golden::rego {

namespace {

// One token: a character, any character ('.'), or a set of characters, with an optional
// repetition flag.
struct GlobToken {
  enum class Type { kChar, kDot, kSet } type = Type::kChar;
  // The characters of kChar (one) and kSet, as sorted, merged inclusive ranges.
  std::vector<std::pair<int32_t, int32_t>> ranges;
  enum class Flag { kNone, kPlus, kStar } flag = Flag::kNone;

  bool SameContent(const GlobToken& o) const { return type == o.type && ranges == o.ranges; }
};

using Glob = std::vector<GlobToken>;

void Normalize(std::vector<std::pair<int32_t, int32_t>>* ranges) {
  std::sort(ranges->begin(), ranges->end());
  std::vector<std::pair<int32_t, int32_t>> merged;
  for (const auto& r : *ranges) {
    if (!merged.empty() && r.first <= merged.back().second + 1) {
      merged.back().second = std::max(merged.back().second, r.second);
    } else {
      merged.push_back(r);
    }
  }
  *ranges = std::move(merged);
}

Status GlobError(size_t pos, const std::string& what) {
  return InvalidArgument("the input provided is invalid: pos:" + std::to_string(pos) + ":" + what);
}

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) {
    for (size_t pos = 0; pos < text.size();) in_.push_back(unicode::DecodeRune(text, &pos));
  }

  Result<Glob> Run() {
    Glob out;
    while (i_ < in_.size()) {
      int32_t r = 0;
      bool escaped = false;
      GOLDEN_RETURN_IF_ERROR(Next(&r, &escaped));
      GlobToken t;
      if (!escaped && (r == '*' || r == '+')) {
        return GlobError(
            i_, std::string("flag '") + static_cast<char>(r) + "' must be preceded by a non-flag");
      }
      if (!escaped && r == '.') {
        t.type = GlobToken::Type::kDot;
      } else if (!escaped && r == ']') {
        return GlobError(i_, "set-close ']' with no preceding '['");
      } else if (!escaped && r == '[') {
        t.type = GlobToken::Type::kSet;
        GOLDEN_RETURN_IF_ERROR(Set(&t.ranges));
      } else {
        t.ranges = {{r, r}};
      }
      // A flag right after the token applies to it.
      if (i_ < in_.size() && (in_[i_] == '*' || in_[i_] == '+')) {
        t.flag = in_[i_] == '*' ? GlobToken::Flag::kStar : GlobToken::Flag::kPlus;
        ++i_;
      }
      out.push_back(std::move(t));
    }
    return out;
  }

 private:
  Status Next(int32_t* r, bool* escaped) {
    if (in_[i_] == '\\') {
      if (i_ + 1 >= in_.size()) return GlobError(i_, "input ends with a \\ (escape) character");
      *r = in_[i_ + 1];
      *escaped = true;
      i_ += 2;
      return Status::Ok();
    }
    *r = in_[i_++];
    *escaped = false;
    return Status::Ok();
  }

  // After '[': characters, ranges a-z and escapes, up to ']'.
  Status Set(std::vector<std::pair<int32_t, int32_t>>* ranges) {
    bool have_prev = false;
    while (i_ < in_.size()) {
      int32_t c = 0;
      bool esc = false;
      GOLDEN_RETURN_IF_ERROR(Next(&c, &esc));
      if (!esc && c == ']') {
        Normalize(ranges);
        return Status::Ok();
      }
      if (!esc && c == '-') {
        if (!have_prev)
          return GlobError(i_, "range character '-' must be preceded by a Unicode character");
        if (i_ >= in_.size())
          return GlobError(i_, "range character '-' must be followed by a Unicode character");
        int32_t hi = 0;
        bool hi_esc = false;
        GOLDEN_RETURN_IF_ERROR(Next(&hi, &hi_esc));
        if (!hi_esc && (hi == ']' || hi == '-')) {
          return GlobError(i_, "range character '-' cannot be followed by a special symbol");
        }
        if (hi < ranges->back().first) return GlobError(i_, "range is out of order");
        ranges->back().second = hi;
        have_prev = false;
        continue;
      }
      ranges->push_back({c, c});
      have_prev = true;
    }
    return GlobError(i_, "found [ without matching ]");
  }

  std::vector<int32_t> in_;
  size_t i_ = 0;
};

// Consecutive repetitions of the same token collapse: t*t* is t*, t+t* and t*t+ are t+.
Glob Simplify(Glob tokens) {
  Glob out;
  for (GlobToken& t : tokens) {
    if (!out.empty() && t.flag != GlobToken::Flag::kNone &&
        out.back().flag != GlobToken::Flag::kNone && t.SameContent(out.back())) {
      if (t.flag == GlobToken::Flag::kPlus) out.back().flag = GlobToken::Flag::kPlus;
      continue;
    }
    out.push_back(std::move(t));
  }
  return out;
}

// Two tokens match when some single character satisfies both (a '.' matches any set, even
// an empty one, as in the library).
bool Match(const GlobToken& a, const GlobToken& b) {
  if (a.type == GlobToken::Type::kDot || b.type == GlobToken::Type::kDot) return true;
  for (const auto& [lo1, hi1] : a.ranges) {
    for (const auto& [lo2, hi2] : b.ranges) {
      if (lo1 <= hi2 && lo2 <= hi1) return true;
    }
  }
  return false;
}

// The library's intersectNormal/intersectSpecial/intersectStar/intersectPlus over suffixes
// g1[i:], g2[j:] of the two globs, memoised.
class Intersector {
 public:
  Intersector(const Glob& a, const Glob& b) : a_(a), b_(b) {}

  bool Normal(const Glob& g1, size_t i, const Glob& g2, size_t j) {
    auto key = std::make_tuple(0, &g1 == &a_, i, j);
    if (auto it = memo_.find(key); it != memo_.end()) return it->second;
    bool result = NormalUncached(g1, i, g2, j);
    memo_[key] = result;
    return result;
  }

 private:
  bool NormalUncached(const Glob& g1, size_t i, const Glob& g2, size_t j) {
    for (; i < g1.size() && j < g2.size(); ++i, ++j) {
      if (g1[i].flag == GlobToken::Flag::kNone && g2[j].flag == GlobToken::Flag::kNone) {
        if (!Match(g1[i], g2[j])) return false;
      } else {
        return Special(g1, i, g2, j);
      }
    }
    return i == g1.size() && j == g2.size();
  }

  bool Special(const Glob& g1, size_t i, const Glob& g2, size_t j) {
    if (g1[i].flag != GlobToken::Flag::kNone) {
      return g1[i].flag == GlobToken::Flag::kPlus ? Plus(g1, i, g2, j) : Star(g1, i, g2, j);
    }
    return g2[j].flag == GlobToken::Flag::kPlus ? Plus(g2, j, g1, i) : Star(g2, j, g1, i);
  }

  bool Plus(const Glob& plussed, size_t p, const Glob& other, size_t o) {
    if (!Match(plussed[p], other[o])) return false;
    // Either the repetition consumed other[o]...
    if (Star(plussed, p, other, o + 1)) return true;
    // ...or other[o], being a repetition itself, consumes the whole of plussed[p].
    return other[o].flag != GlobToken::Flag::kNone && Normal(plussed, p + 1, other, o);
  }

  bool Star(const Glob& starred, size_t s, const Glob& other, size_t o) {
    auto key = std::make_tuple(1, &starred == &a_, s, o);
    if (auto it = memo_.find(key); it != memo_.end()) return it->second;
    bool result = StarUncached(starred, s, other, o);
    memo_[key] = result;
    return result;
  }

  bool StarUncached(const Glob& starred, size_t s, const Glob& other, size_t o) {
    const GlobToken& star = starred[s];
    const GlobToken* next = s + 1 < starred.size() ? &starred[s + 1] : nullptr;
    for (size_t k = o; k < other.size(); ++k) {
      const GlobToken& t = other[k];
      if (next && Match(t, *next)) {
        // Stop consuming here if the rest matches all the way.
        if (Normal(starred, s + 1, other, k)) return true;
        if (!Match(t, star)) return false;
      } else if (!Match(t, star)) {
        return false;
      }
    }
    return next == nullptr;
  }

  const Glob& a_;
  const Glob& b_;
  std::map<std::tuple<int, bool, size_t, size_t>, bool> memo_;
};

bool NonEmpty(Glob g1, Glob g2) {
  // Trim matching unflagged prefixes and suffixes, keeping one token of each so that neither
  // glob becomes empty; a mismatch there decides at once.
  size_t l = 0;
  for (; l < g1.size() && l < g2.size() && g1[l].flag == GlobToken::Flag::kNone &&
         g2[l].flag == GlobToken::Flag::kNone;
       ++l) {
    if (!Match(g1[l], g2[l])) return false;
  }
  if (l > 0) --l;
  int64_t r1 = static_cast<int64_t>(g1.size()) - 1, r2 = static_cast<int64_t>(g2.size()) - 1;
  int64_t li = static_cast<int64_t>(l);
  for (; r1 >= 0 && r1 >= li && r2 >= 0 && r2 >= li &&
         g1[static_cast<size_t>(r1)].flag == GlobToken::Flag::kNone &&
         g2[static_cast<size_t>(r2)].flag == GlobToken::Flag::kNone;
       --r1, --r2) {
    if (!Match(g1[static_cast<size_t>(r1)], g2[static_cast<size_t>(r2)])) return false;
  }
  if (r1 < static_cast<int64_t>(g1.size()) - 1) ++r1, ++r2;
  Glob a(g1.begin() + static_cast<ptrdiff_t>(std::min(l, g1.size())),
         g1.begin() + std::max<int64_t>(r1 + 1, li));
  Glob b(g2.begin() + static_cast<ptrdiff_t>(std::min(l, g2.size())),
         g2.begin() + std::max<int64_t>(r2 + 1, li));
  Intersector x(a, b);
  return x.Normal(a, 0, b, 0);
}

BuiltinResult GlobsMatch(std::string_view glob1, std::string_view glob2) {
  Result<Glob> a = Tokenizer(glob1).Run();
  if (!a.ok()) return BuiltinResult::Error(a.status().message());
  Result<Glob> b = Tokenizer(glob2).Run();
  if (!b.ok()) return BuiltinResult::Error(b.status().message());
  return Value::Bool(NonEmpty(Simplify(std::move(a).value()), Simplify(std::move(b).value())));
}

}  // namespace

Status RegisterRegexGlobsBuiltins(Registry& r) {
  return r.Register({.name = builtins::kRegexGlobsMatch,
                     .args = {t::String(), t::String()},
                     .result = t::Boolean(),
                     .fn = Adapt<&GlobsMatch>()});
}

}  // namespace golden::rego
