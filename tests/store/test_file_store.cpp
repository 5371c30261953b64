#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "store/envelope.h"
#include "store/file_store.h"
#include "support/random_workspace.h"

using namespace cairn;
using namespace cairn::store;
namespace fs = std::filesystem;

namespace {

struct TempFolder {
  fs::path path;
  TempFolder() {
    char pattern[] = "/tmp/cairn-store-XXXXXX";
    path = ::mkdtemp(pattern);
  }
  ~TempFolder() { fs::remove_all(path); }
};

void corrupt(const fs::path& file, std::size_t offset) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  f.seekg(static_cast<std::streamoff>(offset));
  char c = 0;
  f.get(c);
  f.seekp(static_cast<std::streamoff>(offset));
  f.put(static_cast<char>(c ^ 0x40));
}

}  // namespace

TEST_CASE("a first start finds an empty store; saves load back with growing generations") {
  TempFolder dir;
  FileStore store(dir.path / "nested");
  const auto first = store.load();
  CHECK(first.ok);
  CHECK(first.empty);

  const Workspace a = testing::random_workspace(1);
  const Workspace b = testing::random_workspace(2);
  REQUIRE(store.save(a).ok);
  const auto saved = store.save(b);
  REQUIRE(saved.ok);
  CHECK(saved.generation == 2);
  CHECK(fs::exists(dir.path / "nested/workspace.cairn.bak"));

  FileStore reopened(dir.path / "nested");
  const auto loaded = reopened.load();
  REQUIRE(loaded.ok);
  CHECK(loaded.notice.empty());
  CHECK(loaded.generation == 2);
  CHECK(loaded.workspace == b);
  CHECK(reopened.save(a).generation == 3);
}

TEST_CASE("a failure at any step of a save leaves the old or the new workspace, never a torn one") {
  for (const SaveStep step : {SaveStep::write, SaveStep::flush, SaveStep::sync_file, SaveStep::rename_backup,
                              SaveStep::rename_new, SaveStep::sync_folder}) {
    CAPTURE(static_cast<int>(step));
    TempFolder dir;
    const Workspace old_ws = testing::random_workspace(10);
    const Workspace new_ws = testing::random_workspace(11);
    FileStore store(dir.path);
    REQUIRE(store.save(old_ws).ok);
    store.fail_at(step);
    const auto failed = store.save(new_ws);
    CHECK_FALSE(failed.ok);
    CHECK_FALSE(failed.error.empty());

    FileStore reopened(dir.path);
    const auto loaded = reopened.load();
    REQUIRE_MESSAGE(loaded.ok, loaded.error);
    CHECK((loaded.workspace == old_ws || loaded.workspace == new_ws));

    // The store keeps working once the fault is gone.
    store.fail_nowhere();
    REQUIRE(store.save(new_ws).ok);
    CHECK(FileStore(dir.path).load().workspace == new_ws);
  }
}

TEST_CASE("a damaged main file falls back to the previous generation and says so") {
  TempFolder dir;
  FileStore store(dir.path);
  const Workspace a = testing::random_workspace(20);
  REQUIRE(store.save(a).ok);
  REQUIRE(store.save(testing::random_workspace(21)).ok);
  corrupt(dir.path / "workspace.cairn", 100);
  const auto loaded = FileStore(dir.path).load();
  REQUIRE(loaded.ok);
  CHECK(loaded.workspace == a);
  CHECK(loaded.generation == 1);
  CHECK(loaded.notice.find("workspace.cairn is damaged") != std::string::npos);
  CHECK(loaded.notice.find("loaded workspace.cairn.bak (generation 1)") != std::string::npos);
}

TEST_CASE("when every copy is damaged, load says so and changes nothing") {
  TempFolder dir;
  FileStore store(dir.path);
  REQUIRE(store.save(testing::random_workspace(30)).ok);
  REQUIRE(store.save(testing::random_workspace(31)).ok);
  corrupt(dir.path / "workspace.cairn", 60);
  corrupt(dir.path / "workspace.cairn.bak", 60);
  const auto size = fs::file_size(dir.path / "workspace.cairn");
  const auto loaded = FileStore(dir.path).load();
  CHECK_FALSE(loaded.ok);
  CHECK(loaded.error.find("no readable workspace") != std::string::npos);
  CHECK(fs::file_size(dir.path / "workspace.cairn") == size);
}

TEST_CASE("a store from a newer schema is refused and never overwritten") {
  TempFolder dir;
  const auto payload = save_snapshot(testing::random_workspace(40));
  const auto future = seal(payload, kSchemaVersion + 1, 7);
  std::ofstream(dir.path / "workspace.cairn", std::ios::binary)
      .write(reinterpret_cast<const char*>(future.data()), static_cast<std::streamsize>(future.size()));
  FileStore store(dir.path);
  const auto loaded = store.load();
  CHECK_FALSE(loaded.ok);
  CHECK(loaded.error.find("newer version") != std::string::npos);
  const auto saved = store.save(testing::random_workspace(41));
  CHECK_FALSE(saved.ok);
  CHECK(fs::file_size(dir.path / "workspace.cairn") == future.size());
}

TEST_CASE("a process killed in the middle of saving leaves a loadable store") {
  const Workspace a = testing::random_workspace(50, 3, 4);
  const Workspace b = testing::random_workspace(51, 3, 4);
  for (int round = 0; round < 12; ++round) {
    TempFolder dir;
    {
      FileStore first(dir.path);
      REQUIRE(first.save(a).ok);
    }
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      FileStore store(dir.path);
      store.load();
      for (int i = 0;; ++i) store.save(i % 2 ? a : b);  // until killed
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5 + 7 * round));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    const auto loaded = FileStore(dir.path).load();
    REQUIRE_MESSAGE(loaded.ok, loaded.error);
    CHECK((loaded.workspace == a || loaded.workspace == b));
  }
}
