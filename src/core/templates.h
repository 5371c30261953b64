#pragma once
#include <span>
#include <string_view>

#include "core/id.h"
#include "core/json_io.h"
#include "core/time.h"
#include "core/workspace.h"

namespace cairn {

// Project templates: Cairn exports (assets/templates/*.json, embedded in the
// binary at build time) holding one project with its charter, metrics, data
// sources, tasks, sprints, gates and risks. A template is instantiated
// through the import path, so it is exactly what a user file could hold.
//
// Dates in a template are written relative to its top-level "anchor" (a
// Monday); instantiating shifts every date by the distance from the anchor to
// the Monday of `today`'s week, so a new project always starts this week.

struct TemplateInfo {
  std::string_view id;       // "computer-vision"
  std::string_view name;     // "Computer vision"
  std::string_view summary;  // one line for the welcome screen
  std::string_view json;     // the template file's text
};

// Computer vision, NLP/LLM, recommender, tabular, blank: always in this order.
std::span<const TemplateInfo> builtin_templates();

// The Monday of the week (Monday to Sunday) that holds `day`.
Date week_start(Date day);

// One undoable command creating a new project from the template. Every item
// gets a fresh id (instantiating twice gives two independent projects), every
// date is shifted as described above, and the project is named
// `project_name` when one is given. Fails for an unknown template id.
ImportPlan instantiate_template(std::string_view template_id, const Workspace& current, IdSource& ids, Date today,
                                std::string_view project_name = {});

}  // namespace cairn
