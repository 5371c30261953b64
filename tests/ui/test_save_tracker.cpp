// SaveTracker (src/app/save_tracker.h): the one place that knows whether the
// workspace is saved, when the next save is due and what the status bar says.
#include <doctest/doctest.h>

#include "app/app.h"
#include "app/save_tracker.h"
#include "ui/home_view.h"

namespace cairn {

TEST_SUITE("input") {

TEST_CASE("save tracker: a change is saved after the autosave delay, and the status follows each step") {
  SaveTracker save(SaveTracker::Storage::persistent);
  save.loaded(1, "");
  CHECK(save.status() == "Saved");
  CHECK(save.next_save_at() < 0);
  save.changed(2, 10.0);
  CHECK(save.status() == "Unsaved changes");
  CHECK_FALSE(save.due(10.0));
  CHECK(save.due(10.0 + AutosavePolicy::kDelay));
  save.started(2);
  CHECK(save.status() == "Saving\xE2\x80\xA6");
  CHECK_FALSE(save.due(20.0));     // one save at a time
  CHECK(save.next_save_at() < 0);  // its outcome wakes the app
  save.finished(true, "", 11.0, "12:00:01 UTC");
  CHECK(save.status() == "Saved 12:00:01 UTC");
  CHECK_FALSE(save.dirty());
  CHECK_FALSE(save.failed());
}

TEST_CASE("save tracker: a failed save keeps the change, says why, and is retried later") {
  SaveTracker save(SaveTracker::Storage::persistent);
  save.loaded(1, "");
  save.changed(2, 0.0);
  save.started(2);
  save.finished(false, "the quota is full", 1.0, "");
  CHECK(save.status() == "Save failed, retrying: the quota is full");
  CHECK(save.failed());
  CHECK(save.dirty());
  CHECK_FALSE(save.due(1.0 + AutosavePolicy::kFirstRetry / 2));
  CHECK(save.due(1.0 + AutosavePolicy::kFirstRetry));
  save.started(2);
  save.finished(true, "", 4.0, "12:00:04 UTC");
  CHECK(save.status() == "Saved 12:00:04 UTC");
  CHECK_FALSE(save.failed());
}

TEST_CASE("save tracker: a read-only copy never saves and says why; the first reason stays") {
  SaveTracker save(SaveTracker::Storage::persistent);
  save.make_read_only("Cairn is open in another tab.");
  save.make_read_only("a later reason");
  save.loaded(1, "");
  save.changed(2, 0.0);
  CHECK_FALSE(save.due(100.0));
  CHECK(save.read_only());
  CHECK(save.failed());
  CHECK(save.status() == "Read-only: Cairn is open in another tab.");
  save.followed(3, "", "12:30:00 UTC");
  CHECK(save.status() == "Read-only: Cairn is open in another tab. Showing the other tab's save of 12:30:00 UTC.");
}

TEST_CASE("save tracker: what a load worked around is shown until the next save; no store, memory only") {
  SaveTracker save(SaveTracker::Storage::persistent);
  save.loaded(1, "loaded generation 4 instead");
  CHECK(save.status() == "Recovered: loaded generation 4 instead");
  save.add_notice("a history was left out");  // the first notice stays
  CHECK(save.notice() == "loaded generation 4 instead");
  save.changed(2, 0.0);
  save.started(2);
  save.finished(true, "", 1.0, "12:00:01 UTC");
  CHECK(save.status() == "Saved 12:00:01 UTC");

  SaveTracker none(SaveTracker::Storage::none);
  none.changed(2, 0.0);
  CHECK_FALSE(none.due(100.0));
  CHECK(none.status() == "No storage");
  CHECK(SaveTracker(SaveTracker::Storage::memory_only).status().starts_with("Kept in memory only"));
}

namespace {

// A store whose data cannot be read (damaged, or from a newer version).
class UnreadableStorage final : public store::Storage {
 public:
  Loaded load() override {
    Loaded loaded;
    loaded.error = "workspace.cairn is damaged";
    return loaded;
  }
  Saved save(const Workspace&) override {
    ++saves;
    return {true, false, {}, 1};
  }
  std::string location() const override { return "workspace.cairn"; }
  int saves = 0;
};

}  // namespace

TEST_CASE("an app whose stored data cannot be read is read-only: it takes no edit and never saves over the data") {
  auto storage = std::make_unique<UnreadableStorage>();
  const UnreadableStorage& store = *storage;
  AppOptions options;
  options.storage = std::move(storage);
  App app(std::move(options));
  CHECK(app.read_only());
  CHECK(app.save_tracker().status() == "Read-only: workspace.cairn is damaged");
  IdSource ids(7);
  const ApplyResult r = app.execute(ui::new_project_command(ids, 0), 1.0);
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("read-only") != std::string::npos);
  CHECK(app.workspace().size() == 0);
  CHECK(app.exec_json(R"({"ops":[]})", 1.0).find("read-only") != std::string::npos);
  app.save_now(2.0);
  app.save_if_due(100.0);
  CHECK(store.saves == 0);
}

}  // TEST_SUITE

}  // namespace cairn
