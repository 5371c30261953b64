#include "store/text_file.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

namespace cairn::store {

namespace fs = std::filesystem;

fs::path resolve_user_path(std::string_view typed, const fs::path& base) {
  while (!typed.empty() && (typed.front() == ' ' || typed.front() == '\t')) typed.remove_prefix(1);
  while (!typed.empty() && (typed.back() == ' ' || typed.back() == '\t' || typed.back() == '\n')) typed.remove_suffix(1);
  if (typed.size() >= 2 && (typed.front() == '"' || typed.front() == '\'') && typed.back() == typed.front())
    typed = typed.substr(1, typed.size() - 2);
  if (typed.starts_with("~/")) {
    const char* home = std::getenv("HOME");
    if (home && *home) return fs::path(home) / typed.substr(2);
  }
  fs::path path(typed);
  return path.is_absolute() ? path : base / path;
}

TextFile read_text_file(const fs::path& path, std::size_t max_bytes) {
  TextFile file;
  const std::string name = path.string();
  std::error_code error;
  if (fs::is_directory(path, error)) {
    file.error = name + " is a folder, not a file";
    return file;
  }
  const auto size = fs::file_size(path, error);
  if (error) {
    file.error = "cannot read " + name + ": " + error.message();
    return file;
  }
  if (size > max_bytes) {
    file.error = name + " is " + std::to_string(size / (1024 * 1024)) + " MB; files over " +
                 std::to_string(max_bytes / (1024 * 1024)) + " MB are refused";
    return file;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    file.error = "cannot open " + name + ": " + std::strerror(errno);
    return file;
  }
  file.text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    file.error = "cannot read " + name + ": " + std::strerror(errno);
    file.text.clear();
    return file;
  }
  file.ok = true;
  return file;
}

std::string write_text_file(const fs::path& path, const std::string& text) {
  const std::string name = path.string();
  if (path.filename().empty()) return "no file name given";
  std::error_code error;
  if (fs::is_directory(path, error)) return name + " is a folder: add a file name";
  fs::path temp = path;
  temp += ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return "cannot write " + name + ": " + std::strerror(errno);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out) {
      const std::string reason = std::strerror(errno);
      fs::remove(temp, error);
      return "cannot write " + name + ": " + reason;
    }
  }
  fs::rename(temp, path, error);
  if (error) {
    fs::remove(temp, error);
    return "cannot write " + name + ": " + error.message();
  }
  return {};
}

}  // namespace cairn::store
