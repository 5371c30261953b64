#pragma once
#include <string>
#include <vector>

#include "core/commands.h"

namespace cairn::ui {

// Views never change the model: they describe changes here and the App
// executes them after the frame, through the command stack.
struct PendingCommand {
  Command command;
  std::string coalesce_key;  // same key in a row = one undo step (typing in one field)
};

struct CommandSink {
  std::vector<PendingCommand> commands;
  bool seal = false;  // a text field was left: end the current coalescing run

  void push(Command command, std::string coalesce_key = {}) {
    commands.push_back({std::move(command), std::move(coalesce_key)});
  }
};

}  // namespace cairn::ui
