#pragma once
#include <string>

namespace cairn::ui {

// A file a view wants saved (the status report's Markdown, the decision
// log's CSV): the App downloads it in the browser and asks for a path on the
// desktop, then clears `requested`.
struct FileToSave {
  bool requested = false;
  std::string name;  // suggested file name
  std::string text;
};

}  // namespace cairn::ui
