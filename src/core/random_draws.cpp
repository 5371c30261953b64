#include "core/random_draws.h"

#include <cstring>
#include <cmath>

namespace cairn {
namespace {

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

RandomDraws::RandomDraws(std::uint64_t seed) {
  for (std::uint64_t& word : s_) word = splitmix64(seed);
}

std::uint64_t RandomDraws::next() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

double RandomDraws::uniform() {
  // The top 53 bits, centred in their interval: (k + 0.5) / 2^53.
  return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53;
}

double RandomDraws::normal() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_normal_;
  }
  double u = 0, v = 0, s = 0;
  do {
    u = 2 * uniform() - 1;
    v = 2 * uniform() - 1;
    s = u * u + v * v;
  } while (s >= 1 || s == 0);
  const double factor = std::sqrt(-2 * portable_log(s) / s);
  spare_normal_ = v * factor;
  has_spare_ = true;
  return u * factor;
}

RandomDraws::GammaShape::GammaShape(double shape) : d(shape - 1.0 / 3.0), c(1 / std::sqrt(9 * d)) {}

double RandomDraws::gamma(const GammaShape& shape) {
  const double d = shape.d, c = shape.c;
  for (;;) {
    double x = 0, v = 0;
    do {
      x = normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const double u = uniform();
    const double x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;  // the cheap squeeze accepts ~98 %
    if (portable_log(u) < 0.5 * x2 + d * (1 - v + portable_log(v))) return d * v;
  }
}

double RandomDraws::beta(const GammaShape& alpha, const GammaShape& beta_) {
  const double x = gamma(alpha);
  const double y = gamma(beta_);
  return x / (x + y);
}

double portable_log(double x) {
  // x = m * 2^e with m in [sqrt(1/2), sqrt(2)); ln m = 2 atanh(s), s = (m - 1) / (m + 1),
  // |s| <= 0.1716: the odd series to s^19 is below double rounding.
  int e = 0;
  double m = 0;
  if (x >= 0x1.0p-1022) {  // normal numbers: split the bits, as frexp does, without the call
    // memcpy, not std::bit_cast: Emscripten 3.1.6's libc++ has no bit_cast.
    std::uint64_t bits = 0;
    std::memcpy(&bits, &x, sizeof bits);
    e = static_cast<int>(bits >> 52) - 1022;
    const std::uint64_t mantissa = (bits & 0x000FFFFFFFFFFFFFull) | 0x3FE0000000000000ull;  // [0.5, 1)
    std::memcpy(&m, &mantissa, sizeof m);
  } else {
    m = std::frexp(x, &e);
  }
  if (m < 0.70710678118654752440) {
    m *= 2;
    --e;
  }
  const double s = (m - 1) / (m + 1);
  const double s2 = s * s;
  constexpr double kInverseOdd[] = {1.0 / 17, 1.0 / 15, 1.0 / 13, 1.0 / 11, 1.0 / 9, 1.0 / 7, 1.0 / 5, 1.0 / 3, 1.0};
  double series = 1.0 / 19;
  for (const double term : kInverseOdd) series = term + s2 * series;
  constexpr double kLn2High = 0x1.62e42fee00000p-1;  // ln 2 split so that e * high is exact
  constexpr double kLn2Low = 0x1.a39ef35793c76p-33;
  return e * kLn2High + (2 * s * series + e * kLn2Low);
}

}  // namespace cairn
