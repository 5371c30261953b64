#include "store/text_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <system_error>

#include "core/byte_size.h"

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
    const SizeOverLimit sizes = size_over_limit(size, max_bytes);
    file.error = name + " is " + sizes.size + "; files over " + sizes.limit + " are refused";
    return file;
  }
  // POSIX calls, not <fstream>: iostreams would bring ~65 KB of locale code
  // into the web build, which links this (desktop) code through the app.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    file.error = "cannot open " + name + ": " + std::strerror(errno);
    return file;
  }
  // Until the end, whatever the size said: the file may change meanwhile.
  std::size_t got = 0;
  while (true) {
    if (file.text.size() - got < 4096) file.text.resize(std::max<std::size_t>(static_cast<std::size_t>(size), got) + 65536);
    const ssize_t n = ::read(fd, file.text.data() + got, file.text.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) file.error = "cannot read " + name + ": " + std::strerror(errno);
    if (n > 0) got += static_cast<std::size_t>(n);
    if (got > max_bytes) file.error = name + " grew over " + size_text(max_bytes) + " while it was read; files over that are refused";
    if (n <= 0 || !file.error.empty()) break;
  }
  ::close(fd);
  if (!file.error.empty()) {
    file.text.clear();
    return file;
  }
  file.text.resize(got);
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
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return "cannot write " + name + ": " + std::strerror(errno);
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  // On the disk before the rename makes it the file: a crash leaves the old file or the new one.
  if (written < text.size() || ::fsync(fd) != 0) {
    const std::string reason = std::strerror(errno);
    ::close(fd);
    fs::remove(temp, error);
    return "cannot write " + name + ": " + reason;
  }
  if (::close(fd) != 0) {
    const std::string reason = std::strerror(errno);
    fs::remove(temp, error);
    return "cannot write " + name + ": " + reason;
  }
  fs::rename(temp, path, error);
  if (error) {
    fs::remove(temp, error);
    return "cannot write " + name + ": " + error.message();
  }
  return {};
}

}  // namespace cairn::store
