#include "rego/builtins/arith.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>
#include <utility>

namespace golden::rego::arith {

namespace {

// Go's big.Float keeps its exponent (of 0.mant × 2^exp) in an int32.
constexpr int64_t kMinExp = std::numeric_limits<int32_t>::min();
constexpr int64_t kMaxExp = std::numeric_limits<int32_t>::max();

// Binary exponents beyond this are not expanded into decimal digits (about kMaxExactDigits
// decimal digits' worth), so printing cannot exhaust memory.
constexpr int64_t kMaxDecimalExpansionBits = kMaxExactDigits * 10 / 3;

int64_t BitLen(const mpz_class& m) {
  return m == 0 ? 0 : static_cast<int64_t>(mpz_sizeinbase(m.get_mpz_t(), 2));
}

// A number's text split the way Go's scanner sees it: sign, every mantissa digit (integer
// and fraction parts, leading zeros included), how many of them follow the point, and the
// decimal exponent (clamped far beyond any usable range).
struct DecimalText {
  bool neg = false;
  std::string digits;
  int64_t frac = 0;
  int64_t exp10 = 0;
};

DecimalText SplitNumber(std::string_view t) {
  DecimalText d;
  size_t i = 0;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) d.neg = t[i++] == '-';
  bool in_frac = false;
  for (; i < t.size(); ++i) {
    char c = t[i];
    if (c >= '0' && c <= '9') {
      d.digits += c;
      if (in_frac) ++d.frac;
    } else if (c == '.') {
      in_frac = true;
    } else {
      break;
    }
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    bool eneg = false;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) eneg = t[i++] == '-';
    int64_t e = 0;
    for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) {
      if (e < (int64_t{1} << 40)) e = e * 10 + (t[i] - '0');
    }
    d.exp10 = eneg ? -e : e;
  }
  if (d.digits.empty()) d.digits = "0";
  return d;
}

// Go's decimal type (math/big/decimal.go): value = 0.mant × 10^exp, mant without leading
// or trailing zeros ("" for zero).
struct Decimal {
  std::string mant;
  int64_t exp = 0;

  char At(int64_t i) const {
    return i >= 0 && i < static_cast<int64_t>(mant.size()) ? mant[static_cast<size_t>(i)] : '0';
  }
  void Trim() {
    size_t n = mant.size();
    while (n > 0 && mant[n - 1] == '0') --n;
    mant.resize(n);
    if (n == 0) exp = 0;
  }
  void RoundUp(size_t n) {
    if (n >= mant.size()) return;
    while (n > 0 && mant[n - 1] >= '9') --n;
    if (n == 0) {
      mant = "1";
      ++exp;
      return;
    }
    ++mant[n - 1];
    mant.resize(n);
  }
  void RoundDown(size_t n) {
    if (n >= mant.size()) return;
    mant.resize(n);
    Trim();
  }
  void RoundHalfEven(size_t n) {
    if (n >= mant.size()) return;
    bool up;
    if (mant[n] == '5' && n + 1 == mant.size()) {
      up = n > 0 && ((mant[n - 1] - '0') & 1) != 0;
    } else {
      up = mant[n] >= '5';
    }
    if (up) {
      RoundUp(n);
    } else {
      RoundDown(n);
    }
  }
};

// The exact decimal expansion of m × 2^shift (m >= 0).
Decimal DecimalOf(const mpz_class& m, int64_t shift) {
  Decimal d;
  if (m == 0) return d;
  mpz_class n = m;
  int64_t exp10_adjust = 0;
  if (shift >= 0) {
    n <<= static_cast<mp_bitcnt_t>(shift);
  } else {
    // m × 2^-k = m × 5^k × 10^-k
    mpz_class p;
    mpz_ui_pow_ui(p.get_mpz_t(), 5, static_cast<unsigned long>(-shift));
    n *= p;
    exp10_adjust = shift;
  }
  d.mant = n.get_str();
  d.exp = static_cast<int64_t>(d.mant.size()) + exp10_adjust;
  d.Trim();
  return d;
}

// Go's big.Float pow5: 5^n at precision 128, computed as Go computes it (exactly up to 5^27,
// then by repeated squaring at 192 bits), so that decimal parsing rounds as Go's does.
BigFloat Pow5(uint64_t n) {
  constexpr uint32_t kPrec = BigFloat::kDefaultPrec + 64;
  constexpr uint64_t kTab = 27;
  mpz_class p;
  mpz_ui_pow_ui(p.get_mpz_t(), 5, static_cast<unsigned long>(std::min(n, kTab)));
  BigFloat z = BigFloat::FromInt(p, kPrec);
  if (n <= kTab) return z;
  n -= kTab;
  BigFloat f = BigFloat::FromInt(5, kPrec + 64);
  while (n > 0) {
    if (n & 1) z = BigFloat::Mul(z, f, kPrec);
    f = BigFloat::Mul(f, f, kPrec + 64);
    n >>= 1;
  }
  return z;
}

Result<Number> OutOfRange() { return Status(StatusCode::kInvalidArgument, kOutOfRange); }

Result<Number> FloatResult(const BigFloat& f) {
  std::optional<Number> n = f.ToNumber();
  if (!n) return OutOfRange();
  return *std::move(n);
}

std::optional<BigFloat> Float(const Number& n) { return BigFloat::FromNumber(n); }

}  // namespace

// ---- BigFloat ----

std::optional<BigFloat> BigFloat::FromNumber(const Number& n) {
  if (n.IsSmallInt()) return FromInt(mpz_class(static_cast<long>(n.small_int())), kDefaultPrec);
  DecimalText t = SplitNumber(n.ToString());
  BigFloat z;
  z.neg_ = t.neg;
  z.prec_ = kDefaultPrec;
  z.mant_.set_str(t.digits, 10);
  if (z.mant_ == 0) return z;
  // value = M × 10^e5 = (M × 2^e5) × 5^e5; Go scales by 5^e5 with one correctly rounded
  // multiplication or division.
  int64_t e5 = t.exp10 - t.frac;
  z.exp_ = e5;
  int64_t top = e5 + BitLen(z.mant_);
  if (top < kMinExp || top > kMaxExp) return std::nullopt;
  if (e5 == 0) {
    z.Round(false);
  } else {
    BigFloat p = Pow5(static_cast<uint64_t>(e5 < 0 ? -e5 : e5));
    z = e5 < 0 ? Quo(z, p, kDefaultPrec) : Mul(z, p, kDefaultPrec);
  }
  top = z.exp_ + BitLen(z.mant_);
  if (!z.IsZero() && (top < kMinExp || top > kMaxExp)) return std::nullopt;
  return z;
}

BigFloat BigFloat::FromInt(const mpz_class& i, uint32_t prec) {
  BigFloat z;
  z.neg_ = i < 0;
  z.mant_ = abs(i);
  z.exp_ = 0;
  z.prec_ = prec != 0 ? prec
                      : static_cast<uint32_t>(std::max<int64_t>(BitLen(z.mant_), kDefaultPrec));
  z.Round(false);
  return z;
}

BigFloat BigFloat::FromDouble(double d) {
  int e = 0;
  double frac = std::frexp(std::fabs(d), &e);  // |d| = frac × 2^e, frac in [0.5, 1)
  BigFloat z;
  z.neg_ = std::signbit(d);
  z.prec_ = 53;
  z.mant_ = mpz_class(static_cast<unsigned long>(std::ldexp(frac, 53)));
  z.exp_ = e - 53;
  z.Round(false);
  return z;
}

void BigFloat::Round(bool sticky) {
  if (mant_ == 0) {
    exp_ = 0;
    return;
  }
  int64_t bits = BitLen(mant_);
  if (bits > static_cast<int64_t>(prec_)) {
    auto r = static_cast<mp_bitcnt_t>(bits - prec_);
    mpz_class q;
    mpz_tdiv_q_2exp(q.get_mpz_t(), mant_.get_mpz_t(), r);
    bool round_bit = mpz_tstbit(mant_.get_mpz_t(), r - 1) != 0;
    bool rest = sticky || mpz_scan1(mant_.get_mpz_t(), 0) < r - 1;
    if (round_bit && (rest || mpz_odd_p(q.get_mpz_t()))) {
      q += 1;
      if (BitLen(q) > static_cast<int64_t>(prec_)) {
        q >>= 1;
        ++exp_;
      }
    }
    mant_ = std::move(q);
    exp_ += static_cast<int64_t>(r);
  }
  // Drop trailing zero bits: the value is unchanged and the numbers stay small.
  mp_bitcnt_t tz = mpz_scan1(mant_.get_mpz_t(), 0);
  if (tz > 0) {
    mant_ >>= tz;
    exp_ += static_cast<int64_t>(tz);
  }
}

bool BigFloat::IsInt() const { return mant_ == 0 || exp_ >= 0; }

int64_t BigFloat::IntegerBits() const { return mant_ == 0 ? 0 : exp_ + BitLen(mant_); }

int BigFloat::Cmp(const BigFloat& other) const {
  if (IsZero() && other.IsZero()) return 0;
  int s1 = IsZero() ? 0 : (neg_ ? -1 : 1);
  int s2 = other.IsZero() ? 0 : (other.neg_ ? -1 : 1);
  if (s1 != s2) return s1 < s2 ? -1 : 1;
  // Same sign, both non-zero: compare magnitudes.
  int64_t t1 = exp_ + BitLen(mant_);
  int64_t t2 = other.exp_ + BitLen(other.mant_);
  int mag;
  if (t1 != t2) {
    mag = t1 < t2 ? -1 : 1;
  } else {
    mpz_class a = mant_;
    mpz_class b = other.mant_;
    if (exp_ > other.exp_) {
      a <<= static_cast<mp_bitcnt_t>(exp_ - other.exp_);
    } else {
      b <<= static_cast<mp_bitcnt_t>(other.exp_ - exp_);
    }
    int c = cmp(a, b);
    mag = c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  return s1 > 0 ? mag : -mag;
}

mpz_class BigFloat::Trunc() const {
  mpz_class r = mant_;
  if (exp_ >= 0) {
    r <<= static_cast<mp_bitcnt_t>(exp_);
  } else {
    r >>= static_cast<mp_bitcnt_t>(-exp_);
  }
  return neg_ ? mpz_class(-r) : r;
}

BigFloat BigFloat::Abs() const {
  BigFloat z = *this;
  z.neg_ = false;
  return z;
}

BigFloat BigFloat::Add(const BigFloat& x, const BigFloat& y, uint32_t prec) {
  BigFloat z;
  z.prec_ = prec != 0 ? prec : std::max(x.prec_, y.prec_);
  if (x.IsZero() && y.IsZero()) {
    z.neg_ = x.neg_ && y.neg_;  // -0 + -0 == -0
    return z;
  }
  if (y.IsZero() || x.IsZero()) {
    z.neg_ = y.IsZero() ? x.neg_ : y.neg_;
    z.mant_ = y.IsZero() ? x.mant_ : y.mant_;
    z.exp_ = y.IsZero() ? x.exp_ : y.exp_;
    z.Round(false);
    return z;
  }
  const BigFloat* hi = &x;
  const BigFloat* lo = &y;
  if (y.exp_ + BitLen(y.mant_) > x.exp_ + BitLen(x.mant_)) std::swap(hi, lo);
  // An operand far below the rounding position only acts as a sticky bit: replace it by a
  // tiny stand-in of the same sign instead of shifting by a huge exponent gap.
  mpz_class lo_mant = lo->mant_;
  int64_t lo_exp = lo->exp_;
  int64_t floor_pos = hi->exp_ + BitLen(hi->mant_) - static_cast<int64_t>(z.prec_) - 4;
  if (lo_exp + BitLen(lo_mant) < floor_pos && hi->exp_ > floor_pos) {
    lo_mant = 1;
    lo_exp = floor_pos;
  }
  int64_t e = std::min(hi->exp_, lo_exp);
  mpz_class a = hi->mant_ << static_cast<mp_bitcnt_t>(hi->exp_ - e);
  mpz_class b = lo_mant << static_cast<mp_bitcnt_t>(lo_exp - e);
  if (hi->neg_) a = -a;
  if (lo->neg_) b = -b;
  mpz_class s = a + b;
  z.neg_ = s < 0;  // an exact zero difference is +0, as in Go
  z.mant_ = abs(s);
  z.exp_ = e;
  z.Round(false);
  return z;
}

BigFloat BigFloat::Sub(const BigFloat& x, const BigFloat& y, uint32_t prec) {
  BigFloat ny = y;
  ny.neg_ = !ny.neg_;
  return Add(x, ny, prec);
}

BigFloat BigFloat::Mul(const BigFloat& x, const BigFloat& y, uint32_t prec) {
  BigFloat z;
  z.prec_ = prec != 0 ? prec : std::max(x.prec_, y.prec_);
  z.neg_ = x.neg_ != y.neg_;
  if (x.IsZero() || y.IsZero()) return z;
  z.mant_ = x.mant_ * y.mant_;
  z.exp_ = x.exp_ + y.exp_;
  z.Round(false);
  return z;
}

BigFloat BigFloat::Quo(const BigFloat& x, const BigFloat& y, uint32_t prec) {
  BigFloat z;
  z.prec_ = prec != 0 ? prec : std::max(x.prec_, y.prec_);
  z.neg_ = x.neg_ != y.neg_;
  if (x.IsZero() || y.IsZero()) return z;  // callers reject zero divisors
  // A quotient with at least prec+2 bits, plus the remainder as a sticky bit, rounds
  // correctly.
  int64_t shift = std::max<int64_t>(0, z.prec_ + 2 + BitLen(y.mant_) - BitLen(x.mant_));
  mpz_class num = x.mant_ << static_cast<mp_bitcnt_t>(shift);
  mpz_class q;
  mpz_class r;
  mpz_tdiv_qr(q.get_mpz_t(), r.get_mpz_t(), num.get_mpz_t(), y.mant_.get_mpz_t());
  z.mant_ = std::move(q);
  z.exp_ = x.exp_ - y.exp_ - shift;
  z.Round(r != 0);
  return z;
}

namespace {

// Go's roundShortest (math/big/ftoa.go): the shortest decimal in the interval of numbers that
// round to x at x's precision.
void RoundShortest(Decimal& d, const mpz_class& mant, int64_t exp, uint32_t prec) {
  if (d.mant.empty()) return;
  // x = m × 2^e with lsb(m) worth half an ulp at precision prec.
  int64_t s = BitLen(mant) - static_cast<int64_t>(prec + 1);
  mpz_class m = mant;
  if (s < 0) {
    m <<= static_cast<mp_bitcnt_t>(-s);
  } else if (s > 0) {
    m >>= static_cast<mp_bitcnt_t>(s);
  }
  int64_t e = exp + s;
  Decimal lower = DecimalOf(m - 1, e);
  Decimal upper = DecimalOf(m + 1, e);
  bool inclusive = mpz_tstbit(m.get_mpz_t(), 1) == 0;
  for (size_t i = 0; i < d.mant.size(); ++i) {
    char c = d.mant[i];
    char l = lower.At(static_cast<int64_t>(i));
    char u = upper.At(static_cast<int64_t>(i));
    bool okdown = l != c || (inclusive && i + 1 == lower.mant.size());
    bool okup = c != u && (inclusive || c + 1 < u || i + 1 < upper.mant.size());
    if (okdown && okup) {
      d.RoundHalfEven(i + 1);
      return;
    }
    if (okdown) {
      d.RoundDown(i + 1);
      return;
    }
    if (okup) {
      d.RoundUp(i + 1);
      return;
    }
  }
}

void AppendF(std::string& out, int64_t prec, const Decimal& d) {
  if (d.exp > 0) {
    int64_t m = std::min<int64_t>(static_cast<int64_t>(d.mant.size()), d.exp);
    out.append(d.mant, 0, static_cast<size_t>(m));
    out.append(static_cast<size_t>(d.exp - m), '0');
  } else {
    out += '0';
  }
  if (prec > 0) {
    out += '.';
    for (int64_t i = 0; i < prec; ++i) out += d.At(d.exp + i);
  }
}

void AppendE(std::string& out, int64_t prec, const Decimal& d) {
  out += d.mant.empty() ? '0' : d.mant[0];
  if (prec > 0) {
    out += '.';
    int64_t i = 1;
    int64_t m = std::min<int64_t>(static_cast<int64_t>(d.mant.size()), prec + 1);
    if (i < m) {
      out.append(d.mant, 1, static_cast<size_t>(m - 1));
      i = m;
    }
    for (; i <= prec; ++i) out += '0';
  }
  out += 'e';
  int64_t exp = d.mant.empty() ? 0 : d.exp - 1;
  out += exp < 0 ? '-' : '+';
  if (exp < 0) exp = -exp;
  if (exp < 10) out += '0';
  out += std::to_string(exp);
}

}  // namespace

std::string BigFloat::TextShortestG() const {
  Decimal d = DecimalOf(mant_, exp_);
  RoundShortest(d, mant_, exp_, prec_);
  std::string out = neg_ ? "-" : "";
  auto prec = static_cast<int64_t>(d.mant.size());
  int64_t exp = d.exp - 1;
  if (exp < -4 || exp >= 6) {
    AppendE(out, prec - 1, d);
  } else {
    AppendF(out, std::max<int64_t>(prec - d.exp, 0), d);
  }
  return out;
}

std::string BigFloat::TextShortestF() const {
  Decimal d = DecimalOf(mant_, exp_);
  RoundShortest(d, mant_, exp_, prec_);
  std::string out = neg_ ? "-" : "";
  AppendF(out, std::max<int64_t>(static_cast<int64_t>(d.mant.size()) - d.exp, 0), d);
  return out;
}

std::optional<Number> BigFloat::ToNumber() const {
  if (!IsZero() && (exp_ > kMaxDecimalExpansionBits || exp_ < -kMaxDecimalExpansionBits)) {
    return std::nullopt;
  }
  return Number::Parse(IsInt() ? TextShortestF() : TextShortestG());
}

// ---- integers ----

std::optional<mpz_class> ToBigInt(const Number& n) {
  if (n.IsSmallInt()) return mpz_class(static_cast<long>(n.small_int()));
  DecimalText t = SplitNumber(n.ToString());
  // Strip leading zeros; the value is digits × 10^(exp10 - frac).
  size_t lead = t.digits.find_first_not_of('0');
  if (lead == std::string::npos) return mpz_class(0);
  std::string digits = t.digits.substr(lead);
  int64_t k = t.exp10 - t.frac;
  if (k < 0) {
    size_t tz = digits.size() - 1 - digits.find_last_not_of('0');
    if (static_cast<int64_t>(tz) < -k) return std::nullopt;  // has a fraction
    digits.resize(digits.size() - static_cast<size_t>(-k));
  } else {
    if (static_cast<int64_t>(digits.size()) + k > kMaxExactDigits) return std::nullopt;
    digits.append(static_cast<size_t>(k), '0');
  }
  mpz_class r(digits, 10);
  return t.neg ? mpz_class(-r) : r;
}

Number FromBigInt(const mpz_class& i) {
  if (mpz_fits_slong_p(i.get_mpz_t()) && sizeof(long) == sizeof(int64_t)) {
    return Number(static_cast<int64_t>(i.get_si()));
  }
  return *Number::Parse(i.get_str());
}

std::optional<int64_t> PlainInt64(const Number& n) {
  if (n.IsSmallInt()) return n.small_int();
  return std::nullopt;
}

// ---- the builtins ----

namespace {

enum class Op { kAdd, kSub, kMul };

Result<Number> Exact3(Op op, const Number& a, const Number& b) {
  if (a.IsSmallInt() && b.IsSmallInt()) {
    int64_t r = 0;
    bool overflow = false;
    switch (op) {
      case Op::kAdd:
        overflow = __builtin_add_overflow(a.small_int(), b.small_int(), &r);
        break;
      case Op::kSub:
        overflow = __builtin_sub_overflow(a.small_int(), b.small_int(), &r);
        break;
      case Op::kMul:
        overflow = __builtin_mul_overflow(a.small_int(), b.small_int(), &r);
        break;
    }
    if (!overflow) return Number(r);
  }
  if (auto x = ToBigInt(a)) {
    if (auto y = ToBigInt(b)) {
      switch (op) {
        case Op::kAdd:
          return FromBigInt(*x + *y);
        case Op::kSub:
          return FromBigInt(*x - *y);
        case Op::kMul:
          return FromBigInt(*x * *y);
      }
    }
  }
  std::optional<BigFloat> x = Float(a);
  std::optional<BigFloat> y = Float(b);
  if (!x || !y) return OutOfRange();
  switch (op) {
    case Op::kAdd:
      return FloatResult(BigFloat::Add(*x, *y));
    case Op::kSub:
      return FloatResult(BigFloat::Sub(*x, *y));
    case Op::kMul:
      return FloatResult(BigFloat::Mul(*x, *y));
  }
  return OutOfRange();
}

// Round, ceil and floor keep whole numbers in the int32 window as they are and compute
// everything else on 64-bit floats, as OPA does.
template <typename F>
Result<Number> Unary(const Number& a, F float_op) {
  if (auto i = PlainInt64(a); i && *i >= INT32_MIN && *i <= INT32_MAX) return a;
  std::optional<BigFloat> x = Float(a);
  if (!x) return OutOfRange();
  if (x->IntegerBits() > kMaxDecimalExpansionBits) return OutOfRange();
  return FloatResult(float_op(*x));
}

}  // namespace

Result<Number> Add(const Number& a, const Number& b) { return Exact3(Op::kAdd, a, b); }
Result<Number> Sub(const Number& a, const Number& b) { return Exact3(Op::kSub, a, b); }
Result<Number> Mul(const Number& a, const Number& b) { return Exact3(Op::kMul, a, b); }

Result<Number> Div(const Number& a, const Number& b) {
  if (a.IsSmallInt() && b.IsSmallInt()) {
    int64_t x = a.small_int();
    int64_t y = b.small_int();
    if (y == 0) return Status(StatusCode::kInvalidArgument, kDivideByZero);
    // Only an exact quotient of a non-zero dividend stays an integer; the rest (including
    // 0 / y, whose float quotient may be -0) is a float quotient.
    if (x != 0 && y != -1 && x % y == 0) return Number(x / y);
  }
  std::optional<BigFloat> x = Float(a);
  std::optional<BigFloat> y = Float(b);
  if (!x || !y) return OutOfRange();
  if (y->IsZero()) return Status(StatusCode::kInvalidArgument, kDivideByZero);
  return FloatResult(BigFloat::Quo(*x, *y));
}

Result<Number> Rem(const Number& a, const Number& b) {
  if (a.IsSmallInt() && b.IsSmallInt()) {
    int64_t x = a.small_int();
    int64_t y = b.small_int();
    if (y == 0) return Status(StatusCode::kInvalidArgument, kModuloByZero);
    if (y == -1) return Number(int64_t{0});
    return Number(x % y);
  }
  std::optional<mpz_class> x = ToBigInt(a);
  std::optional<mpz_class> y = ToBigInt(b);
  if (!x || !y) return Status(StatusCode::kInvalidArgument, kModuloOnFloat);
  if (*y == 0) return Status(StatusCode::kInvalidArgument, kModuloByZero);
  mpz_class r;
  mpz_tdiv_r(r.get_mpz_t(), x->get_mpz_t(), y->get_mpz_t());  // sign of the dividend, as Go
  return FromBigInt(r);
}

Result<Number> Negate(const Number& a) { return Sub(Number(int64_t{0}), a); }

Result<Number> Abs(const Number& a) {
  if (auto i = PlainInt64(a); i && *i > INT64_MIN) return Number(*i < 0 ? -*i : *i);
  std::optional<BigFloat> x = Float(a);
  if (!x) return OutOfRange();
  return FloatResult(x->Abs());
}

Result<Number> Round(const Number& a) {
  return Unary(a, [](const BigFloat& x) {
    // Half away from zero: truncate x ± 0.5.
    BigFloat half = BigFloat::FromDouble(0.5);
    BigFloat shifted = x.Signbit() ? BigFloat::Sub(x, half) : BigFloat::Add(x, half);
    return BigFloat::FromInt(shifted.Trunc());
  });
}

Result<Number> Ceil(const Number& a) {
  return Unary(a, [](const BigFloat& x) {
    // As OPA: a truncated value of +0 (for -1 < x < 0) counts as non-negative, so
    // ceil(-0.5) is 1 in OPA; kept for identical answers.
    BigFloat f = BigFloat::FromInt(x.Trunc());
    if (f.Signbit() || x.Cmp(f) == 0) return f;
    return BigFloat::Add(f, BigFloat::FromDouble(1.0));
  });
}

Result<Number> Floor(const Number& a) {
  return Unary(a, [](const BigFloat& x) {
    // As OPA (and with the same quirk as Ceil: floor(-0.5) is 0 in OPA).
    BigFloat f = BigFloat::FromInt(x.Trunc());
    if (!f.Signbit() || x.Cmp(f) == 0) return f;
    return BigFloat::Sub(f, BigFloat::FromDouble(1.0));
  });
}

}  // namespace golden::rego::arith
