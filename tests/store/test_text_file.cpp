#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "store/text_file.h"

using namespace cairn::store;
namespace fs = std::filesystem;

namespace {
fs::path temp_folder() {
  const fs::path dir = fs::temp_directory_path() / ("cairn-text-" + std::to_string(std::rand()));
  fs::create_directories(dir);
  return dir;
}
}  // namespace

TEST_CASE("paths as people type them: quotes, spaces, ~ and relative paths") {
  const fs::path base = "/data/exports";
  CHECK(resolve_user_path("plan.json", base) == fs::path("/data/exports/plan.json"));
  CHECK(resolve_user_path("  '/tmp/a b.json' \n", base) == fs::path("/tmp/a b.json"));
  CHECK(resolve_user_path("\"/tmp/q.json\"", base) == fs::path("/tmp/q.json"));
  setenv("HOME", "/home/ana", 1);
  CHECK(resolve_user_path("~/plans/x.json", base) == fs::path("/home/ana/plans/x.json"));
}

TEST_CASE("text files are written whole and read back; errors name the file") {
  const fs::path dir = temp_folder();
  const fs::path file = dir / "export.json";
  CHECK(write_text_file(file, "{\"é\":\"中文\"}\n") == "");
  CHECK(write_text_file(file, "second") == "");  // replaces
  TextFile read = read_text_file(file, 1024);
  REQUIRE(read.ok);
  CHECK(read.text == "second");
  CHECK_FALSE(fs::exists(dir / "export.json.tmp"));

  CHECK(write_text_file(dir, "x").find("is a folder") != std::string::npos);
  CHECK(write_text_file(dir / "missing" / "x.json", "x").find("cannot write") != std::string::npos);

  TextFile missing = read_text_file(dir / "nope.json", 1024);
  CHECK_FALSE(missing.ok);
  CHECK(missing.error.find("nope.json") != std::string::npos);
  TextFile folder = read_text_file(dir, 1024);
  CHECK(folder.error.find("is a folder") != std::string::npos);

  std::ofstream(dir / "big.json") << std::string(3 * 1024 * 1024, 'x');
  TextFile big = read_text_file(dir / "big.json", 2 * 1024 * 1024);
  CHECK_FALSE(big.ok);
  CHECK(big.error.find("files over 2 MB are refused") != std::string::npos);

  // Read whole past the read buffer's steps, and an empty file.
  std::string long_text;
  for (int i = 0; long_text.size() < 300 * 1024; ++i) long_text += "line " + std::to_string(i) + "\n";
  REQUIRE(write_text_file(dir / "long.csv", long_text) == "");
  CHECK(read_text_file(dir / "long.csv", 1024 * 1024).text == long_text);
  REQUIRE(write_text_file(dir / "empty.csv", "") == "");
  const TextFile empty = read_text_file(dir / "empty.csv", 1024);
  CHECK(empty.ok);
  CHECK(empty.text.empty());
  fs::remove_all(dir);
}

TEST_CASE("a file whose size is not known in advance is read to its end, and refused past the limit") {
  // /proc files report a size of 0 and have content.
  const TextFile status = read_text_file("/proc/self/status", 1024 * 1024);
  REQUIRE(status.ok);
  CHECK(status.text.find("Name:") != std::string::npos);
  const TextFile too_long = read_text_file("/proc/self/status", 16);
  CHECK_FALSE(too_long.ok);
  CHECK(too_long.error.find("grew over 16 bytes while it was read") != std::string::npos);
  CHECK(too_long.text.empty());
}
