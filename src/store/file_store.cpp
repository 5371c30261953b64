#include "store/file_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>

#include "store/envelope.h"

namespace cairn::store {
namespace {

namespace fs = std::filesystem;

constexpr const char* kMain = "workspace.cairn";
constexpr const char* kBackup = "workspace.cairn.bak";
constexpr const char* kTemp = "workspace.cairn.tmp";

std::string system_error(const std::string& what) { return what + ": " + std::strerror(errno); }

bool write_all(int fd, const std::uint8_t* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

std::optional<std::vector<std::uint8_t>> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::vector<std::uint8_t>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

Storage::Usage FileStore::usage() const {
  Usage u{location(), "a file on this computer, with the previous save kept as a backup", -1, -1, generation_};
  std::error_code error;
  std::int64_t used = 0;
  for (const char* name : {kMain, kBackup}) {
    const auto size = fs::file_size(folder_ / name, error);
    if (!error) used += static_cast<std::int64_t>(size);
  }
  u.used_bytes = used;
  const fs::space_info space = fs::space(folder_, error);
  if (!error) u.quota_bytes = used + static_cast<std::int64_t>(space.available);
  return u;
}

fs::path default_data_folder() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "cairn";
  if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".local/share/cairn";
  return fs::current_path() / "cairn-data";
}

FileStore::Saved FileStore::save(const Workspace& workspace) {
  Saved saved;
  if (read_only_) {
    saved.error = "the store in " + folder_.string() + " was written by a newer version of Cairn; not overwriting it";
    return saved;
  }
  std::error_code ec;
  fs::create_directories(folder_, ec);
  if (ec) {
    saved.error = "cannot create " + folder_.string() + ": " + ec.message();
    return saved;
  }
  const std::uint64_t generation = generation_ + 1;
  const std::vector<std::uint8_t> bytes = encode_workspace(workspace, generation);
  const fs::path temp = folder_ / kTemp;

  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    saved.error = system_error("cannot create " + temp.string());
    return saved;
  }
  const bool wrote = failing(SaveStep::write) ? (write_all(fd, bytes.data(), bytes.size() / 2), errno = EIO, false)
                                              : write_all(fd, bytes.data(), bytes.size());
  if (!wrote) {
    saved.error = system_error("cannot write " + temp.string());
    ::close(fd);
    return saved;
  }
  // Nothing is buffered in user space (we write(2) directly): "flush" is the
  // point where a buffered implementation would flush.
  if (failing(SaveStep::flush) || failing(SaveStep::sync_file) || ::fsync(fd) != 0) {
    if (failing(SaveStep::flush) || failing(SaveStep::sync_file)) errno = EIO;
    saved.error = system_error("cannot flush " + temp.string() + " to disk");
    ::close(fd);
    return saved;
  }
  if (::close(fd) != 0) {
    saved.error = system_error("cannot close " + temp.string());
    return saved;
  }
  // Keep the previous generation as the backup.
  const fs::path main = folder_ / kMain;
  if (fs::exists(main, ec)) {
    if (failing(SaveStep::rename_backup) || ::rename(main.c_str(), (folder_ / kBackup).c_str()) != 0) {
      if (failing(SaveStep::rename_backup)) errno = EIO;
      saved.error = system_error("cannot keep the previous file as " + (folder_ / kBackup).string());
      return saved;
    }
  }
  if (failing(SaveStep::rename_new) || ::rename(temp.c_str(), main.c_str()) != 0) {
    if (failing(SaveStep::rename_new)) errno = EIO;
    saved.error = system_error("cannot move the new file into place as " + main.string());
    return saved;
  }
  // Make the renames themselves durable.
  const int dir = ::open(folder_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  const bool synced = dir >= 0 && !failing(SaveStep::sync_folder) && ::fsync(dir) == 0;
  if (dir >= 0) ::close(dir);
  if (!synced) {
    if (failing(SaveStep::sync_folder)) errno = EIO;
    saved.error = system_error("cannot flush the folder " + folder_.string() + " to disk");
    return saved;
  }
  generation_ = generation;
  saved.ok = true;
  saved.generation = generation;
  return saved;
}

FileStore::Loaded FileStore::load() {
  Loaded result;
  // Envelopes first (magic, length, checksum: cheap); then only the newest
  // sound one is decoded, the older ones only if that fails.
  struct Candidate {
    const char* name;
    std::vector<std::uint8_t> bytes;
    Opened envelope;
    std::string error;  // why this file was not used
  };
  std::vector<Candidate> found;
  found.reserve(3);  // the envelopes point into the bytes: no reallocation
  for (const char* name : {kMain, kBackup, kTemp}) {
    if (auto bytes = read_file(folder_ / name)) {
      Candidate& c = found.emplace_back(Candidate{name, std::move(*bytes), {}, {}});
      c.envelope = store::open(c.bytes);
      if (!c.envelope.ok) c.error = c.envelope.error;
    }
  }
  if (found.empty()) {
    result.empty = true;
    result.ok = true;
    return result;
  }
  // A store written by a newer version is never overwritten: refuse to
  // load, and refuse to save from now on.
  for (const Candidate& c : found) {
    if (c.envelope.ok && c.envelope.schema > kSchemaVersion) {
      read_only_ = true;
      const LoadedSnapshot refused = load_snapshot(c.envelope.payload, c.envelope.schema);
      result.error = folder_.string() + "/" + c.name + ": " + refused.error + "; it was left untouched";
      return result;
    }
  }
  std::vector<Candidate*> order;
  for (Candidate& c : found)
    if (c.envelope.ok) order.push_back(&c);
  std::stable_sort(order.begin(), order.end(),
                   [](const Candidate* a, const Candidate* b) { return a->envelope.generation > b->envelope.generation; });
  Candidate* best = nullptr;
  for (Candidate* c : order) {
    LoadedSnapshot snapshot = load_snapshot(c->envelope.payload, c->envelope.schema);
    if (!snapshot.ok) {
      c->error = snapshot.error;
      continue;
    }
    best = c;
    result.workspace = std::move(snapshot.workspace);
    break;
  }
  if (!best) {
    result.error = "no readable workspace in " + folder_.string() + ": " + found.front().name + ": " +
                   found.front().error;
    return result;
  }
  // Tell the user when the main file was not the one used, and why.
  if (std::strcmp(best->name, kMain) != 0) {
    std::string why = std::string(kMain) + " is missing";
    for (const Candidate& c : found)
      if (std::strcmp(c.name, kMain) == 0)
        why = c.error.empty() ? std::string(kMain) + " holds an older generation (" +
                                    std::to_string(c.envelope.generation) + ")"
                              : std::string(kMain) + " is damaged (" + c.error + ")";
    result.notice = "loaded " + std::string(best->name) + " (generation " + std::to_string(best->envelope.generation) +
                    ") because " + why;
  }
  generation_ = best->envelope.generation;
  result.ok = true;
  result.generation = generation_;
  return result;
}

}  // namespace cairn::store
