#include <doctest/doctest.h>

#include "core/file_names.h"

using cairn::base_name;
using cairn::suggested_export_name;

TEST_CASE("export file names are safe slugs of the project name with the date") {
  CHECK(suggested_export_name("Churn model", "2026-11-26") == "churn-model-2026-11-26.json");
  CHECK(suggested_export_name("", "2026-11-26") == "cairn-workspace-2026-11-26.json");
  CHECK(suggested_export_name("  LLM: eval / v2!  ", "2026-01-02") == "llm-eval-v2-2026-01-02.json");
  CHECK(suggested_export_name("中文", "2026-11-26") == "cairn-project-2026-11-26.json");
  CHECK(suggested_export_name("Café ../../etc/passwd", "2026-11-26") == "caf-etc-passwd-2026-11-26.json");
  CHECK(suggested_export_name(std::string(300, 'a'), "2026-11-26").size() == 48 + 16);
}

TEST_CASE("a file's own name, without its folders") {
  CHECK(base_name("/tmp/tmp.eyX3BizJ6v/home/cairn-workspace-2026-11-28.json") == "cairn-workspace-2026-11-28.json");
  CHECK(base_name("C:\\Users\\mei\\plan.json") == "plan.json");
  CHECK(base_name("plan.json") == "plan.json");
  CHECK(base_name("folder/") == "");
  CHECK(base_name("") == "");
}
