#include <doctest/doctest.h>

#include "core/display_scale.h"

using namespace cairn;

TEST_CASE("pixel ratio is drawable over window width") {
  CHECK(pixel_ratio({1280, 800, 1280, 800}) == 1.0f);
  CHECK(pixel_ratio({1280, 800, 2560, 1600}) == 2.0f);
  CHECK(pixel_ratio({1000, 700, 1500, 1050}) == doctest::Approx(1.5f));
}

TEST_CASE("a window without a size yet has ratio 1") {
  CHECK(pixel_ratio({0, 0, 0, 0}) == 1.0f);
  CHECK(pixel_ratio({800, 600, 0, 0}) == 1.0f);
}

TEST_CASE("fonts are rasterized at device pixels and scaled back for layout") {
  const FontRaster r = plan_font_raster(16.0f, 1.0f, 2.0f);
  CHECK(r.pixel_size == 32.0f);
  CHECK(r.global_scale == 0.5f);
  // Logical size stays 16 whatever the ratio.
  CHECK(r.pixel_size * r.global_scale == doctest::Approx(16.0f));
}

TEST_CASE("rasterizer sizes are whole pixels, so glyphs stay sharp") {
  const FontRaster r = plan_font_raster(16.0f, 1.0f, 1.25f);
  CHECK(r.pixel_size == 20.0f);
  const FontRaster odd = plan_font_raster(15.0f, 1.1f, 1.0f);
  CHECK(odd.pixel_size == 17.0f);  // 16.5 rounds to 17
}

TEST_CASE("the user's UI scale multiplies the font size") {
  CHECK(plan_font_raster(16.0f, 1.5f, 1.0f).pixel_size == 24.0f);
  CHECK(plan_font_raster(16.0f, 1.5f, 2.0f).pixel_size == 48.0f);
}

TEST_CASE("a changed ratio changes the plan; the same ratio does not") {
  CHECK(plan_font_raster(16.0f, 1.0f, 1.0f) == plan_font_raster(16.0f, 1.0f, 1.0f));
  CHECK_FALSE(plan_font_raster(16.0f, 1.0f, 1.0f) == plan_font_raster(16.0f, 1.0f, 2.0f));
}

TEST_CASE("absurd inputs are clamped instead of producing zero-size fonts") {
  CHECK(plan_font_raster(16.0f, 1.0f, 0.0f).pixel_size >= 6.0f);
  CHECK(plan_font_raster(16.0f, 0.0f, 1.0f).pixel_size >= 6.0f);
  CHECK(plan_font_raster(16.0f, 1.0f, 1000.0f).pixel_size <= 16.0f * 8.0f);
}
