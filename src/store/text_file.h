#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace cairn::store {

// Plain files the user names (desktop import and export), as opposed to the
// workspace store.

struct TextFile {
  bool ok = false;
  std::string text;
  std::string error;  // names the file and the reason
};

// A path as a person types or pastes it: surrounding spaces and quotes
// dropped, "~/" is the home folder, a relative path is taken from `base`.
std::filesystem::path resolve_user_path(std::string_view typed, const std::filesystem::path& base);

// Reads a whole file; refuses one larger than `max_bytes` before reading it.
TextFile read_text_file(const std::filesystem::path& path, std::size_t max_bytes);

// Writes through a temporary file in the same folder and a rename, so an
// existing file is replaced whole or not at all. Returns an error, or "".
std::string write_text_file(const std::filesystem::path& path, const std::string& text);

}  // namespace cairn::store
