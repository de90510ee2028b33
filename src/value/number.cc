#include "value/number.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <limits>

#include "value/node.h"

namespace golden {

namespace detail {

Decimal DecimalOf(int64_t v) {
  Decimal d;
  if (v == 0) return d;
  d.negative = v < 0;
  uint64_t u = d.negative ? (~static_cast<uint64_t>(v) + 1) : static_cast<uint64_t>(v);
  d.digits = std::to_string(u);
  d.exp = static_cast<int64_t>(d.digits.size());
  while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
  return d;
}

int CompareDecimal(bool an, std::string_view ad, int64_t ae, bool bn, std::string_view bd,
                   int64_t be) {
  int as = ad.empty() ? 0 : (an ? -1 : 1);
  int bs = bd.empty() ? 0 : (bn ? -1 : 1);
  if (as != bs) return as < bs ? -1 : 1;
  if (as == 0) return 0;
  int mag;
  if (ae != be) {
    mag = ae < be ? -1 : 1;
  } else {
    int c = ad.compare(bd);
    mag = c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  return as > 0 ? mag : -mag;
}

}  // namespace detail

namespace {

using detail::NumberNode;

// Parses JSON number grammar into a normalised decimal. Returns false on bad syntax.
bool ParseDecimal(std::string_view t, bool* neg, std::string* digits, int64_t* exp,
                  bool* plain_int) {
  size_t i = 0;
  *neg = false;
  if (i < t.size() && t[i] == '-') {
    *neg = true;
    ++i;
  }
  if (i >= t.size() || t[i] < '0' || t[i] > '9') return false;
  if (t[i] == '0' && i + 1 < t.size() && t[i + 1] >= '0' && t[i + 1] <= '9') return false;
  std::string all;  // integer and fraction digits
  int64_t int_digits = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
    all += t[i++];
    ++int_digits;
  }
  *plain_int = true;
  if (i < t.size() && t[i] == '.') {
    *plain_int = false;
    ++i;
    if (i >= t.size() || t[i] < '0' || t[i] > '9') return false;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') all += t[i++];
  }
  int64_t e = 0;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    *plain_int = false;
    ++i;
    bool eneg = false;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) eneg = t[i++] == '-';
    if (i >= t.size() || t[i] < '0' || t[i] > '9') return false;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
      if (e < 1'000'000'000'000LL) e = e * 10 + (t[i] - '0');
      ++i;
    }
    if (eneg) e = -e;
  }
  if (i != t.size()) return false;
  // Normalise: strip leading zeros (adjusting the exponent) and trailing zeros.
  size_t lead = 0;
  while (lead < all.size() && all[lead] == '0') ++lead;
  if (lead == all.size()) {
    digits->clear();
    *exp = 0;
    return true;
  }
  *exp = int_digits - static_cast<int64_t>(lead) + e;
  size_t end = all.size();
  while (end > lead && all[end - 1] == '0') --end;
  *digits = all.substr(lead, end - lead);
  return true;
}

NumberNode* MakeNode(std::string text, bool neg, std::string digits, int64_t exp) {
  auto* n = new NumberNode();
  n->negative = neg;
  n->digits = std::move(digits);
  n->exp = exp;
  n->approx = std::strtod(text.c_str(), nullptr);
  n->text = std::move(text);
  return n;
}

bool NodeIsInteger(const NumberNode* n) {
  return n->digits.empty() || n->exp >= static_cast<int64_t>(n->digits.size());
}

std::optional<int64_t> NodeToInt64(const NumberNode* n) {
  if (!NodeIsInteger(n)) return std::nullopt;
  if (n->digits.empty()) return 0;
  if (n->exp > 19) return std::nullopt;
  std::string s = n->digits;
  s.append(static_cast<size_t>(n->exp) - s.size(), '0');
  if (n->negative) s.insert(s.begin(), '-');
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

size_t MixHash(size_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h == 0 ? 1 : h;
}

size_t HashInt(int64_t v) { return MixHash(std::hash<int64_t>()(v) + 0x9e3779b97f4a7c15ULL); }

}  // namespace

Number::Number(const Number& other) noexcept : small_(other.small_), node_(other.node_) {
  if (node_) node_->Ref();
}

Number& Number::operator=(const Number& other) noexcept {
  if (this != &other) {
    if (other.node_) other.node_->Ref();
    if (node_) node_->Unref();
    small_ = other.small_;
    node_ = other.node_;
  }
  return *this;
}

Number& Number::operator=(Number&& other) noexcept {
  if (this != &other) {
    if (node_) node_->Unref();
    small_ = other.small_;
    node_ = other.node_;
    other.node_ = nullptr;
  }
  return *this;
}

Number::~Number() {
  if (node_) node_->Unref();
}

std::optional<Number> Number::Parse(std::string_view text) {
  bool neg = false;
  bool plain_int = false;
  std::string digits;
  int64_t exp = 0;
  if (!ParseDecimal(text, &neg, &digits, &exp, &plain_int)) return std::nullopt;
  if (plain_int) {
    int64_t v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec == std::errc() && p == text.data() + text.size()) return Number(v);
  }
  return Number(MakeNode(std::string(text), neg, std::move(digits), exp));
}

std::optional<Number> Number::FromDouble(double d) {
  if (!std::isfinite(d)) return std::nullopt;
  char buf[400];
  if (d == std::trunc(d)) {
    if (std::fabs(d) < 9.2e18) return Number(static_cast<int64_t>(d));
    // Whole numbers print in full ('f'), as OPA's FloatToNumber does.
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
    return Parse(std::string_view(buf, static_cast<size_t>(end - buf)));
  }
  // Shortest round-trip digits, laid out as Go's 'g' with precision -1: %e when the decimal
  // exponent is below -4 or at least 6 ("1.2345675e+06"), plain decimal otherwise.
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, end);  // [-]d[.ddd]e±XX
  size_t epos = sci.find('e');
  std::string mant = sci.substr(0, epos);
  int x = std::atoi(sci.c_str() + epos + 1);
  bool neg = !mant.empty() && mant[0] == '-';
  if (neg) mant.erase(0, 1);
  std::string digs;
  for (char c : mant) {
    if (c != '.') digs += c;
  }
  std::string out = neg ? "-" : "";
  if (x < -4 || x >= 6) {
    out += digs.substr(0, 1);
    if (digs.size() > 1) out += "." + digs.substr(1);
    out += 'e';
    out += x < 0 ? '-' : '+';
    int ax = std::abs(x);
    if (ax < 10) out += '0';
    out += std::to_string(ax);
  } else if (x < 0) {
    out += "0." + std::string(static_cast<size_t>(-x - 1), '0') + digs;
  } else {
    size_t ip = static_cast<size_t>(x) + 1;
    if (digs.size() <= ip) {
      out += digs + std::string(ip - digs.size(), '0');
    } else {
      out += digs.substr(0, ip) + "." + digs.substr(ip);
    }
  }
  return Parse(out);
}

bool Number::IsInteger() const { return node_ == nullptr || NodeIsInteger(node_); }

std::optional<int64_t> Number::AsInt64() const {
  if (node_ == nullptr) return small_;
  return NodeToInt64(node_);
}

double Number::ToDouble() const {
  return node_ == nullptr ? static_cast<double>(small_) : node_->approx;
}

std::string Number::ToString() const {
  return node_ == nullptr ? std::to_string(small_) : node_->text;
}

int Number::Compare(const Number& other) const {
  if (node_ == nullptr && other.node_ == nullptr) {
    return small_ < other.small_ ? -1 : (small_ > other.small_ ? 1 : 0);
  }
  if (node_ == nullptr) return -other.Compare(*this);
  const NumberNode* a = node_;
  if (other.node_ == nullptr) {
    detail::Decimal b = detail::DecimalOf(other.small_);
    return detail::CompareDecimal(a->negative, a->digits, a->exp, b.negative, b.digits, b.exp);
  }
  const NumberNode* b = other.node_;
  return detail::CompareDecimal(a->negative, a->digits, a->exp, b->negative, b->digits, b->exp);
}

size_t Number::Hash() const {
  if (node_ == nullptr) return HashInt(small_);
  size_t cached = node_->hash.load(std::memory_order_relaxed);
  if (cached != 0) return cached;
  size_t h;
  if (auto i = NodeToInt64(node_)) {
    h = HashInt(*i);
  } else {
    h = MixHash(std::hash<std::string>()(node_->digits) ^
                (std::hash<int64_t>()(node_->exp) * 31) ^ (node_->negative ? 0x55 : 0));
  }
  node_->hash.store(h, std::memory_order_relaxed);
  return h;
}

}  // namespace golden
