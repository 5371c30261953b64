#pragma once
#include <cstdint>

namespace cairn {

// Random draws that give the same numbers on every platform: a
// xoshiro256** generator seeded through splitmix64, and distributions built
// only from +, -, *, /, sqrt and frexp, which IEEE 754 defines exactly.
// std::*_distribution and std::log may differ between standard libraries
// (libstdc++ natively, libc++ and musl in WebAssembly), so they are not used.
class RandomDraws {
 public:
  explicit RandomDraws(std::uint64_t seed);

  std::uint64_t next();  // xoshiro256**
  double uniform();      // in (0, 1), never 0 or 1
  double normal();       // standard normal (Marsaglia's polar method)
  // Gamma(shape, 1) for shape >= 1 (Marsaglia and Tsang, 2000), with the
  // constants of a shape computed once (a forecast draws each shape 10k times).
  struct GammaShape {
    explicit GammaShape(double shape);
    double d, c;
  };
  double gamma(const GammaShape& shape);
  // Beta(alpha, beta) for alpha, beta >= 1, as X / (X + Y) of two gammas.
  double beta(const GammaShape& alpha, const GammaShape& beta);
  double beta(double alpha, double beta) { return this->beta(GammaShape(alpha), GammaShape(beta)); }

 private:
  std::uint64_t s_[4];
  double spare_normal_ = 0;
  bool has_spare_ = false;
};

// Natural logarithm for x > 0 from arithmetic only, accurate to a few ulps.
double portable_log(double x);

}  // namespace cairn
