#pragma once
#include <string>
#include <vector>

#include "ui/fonts.h"
#include "ui/theme.h"

namespace cairn::ui {

// Shows the Markdown our reports are written in (core/report_markdown.h:
// headings, paragraphs, bullet lists two deep, emphasis) as readable text:
// headings in the strong fonts, text wrapped, markers and escapes removed.
// Not a general Markdown renderer. Parsed once per text, not per frame.
struct MarkdownPreview {
  enum class Kind { title, heading, subheading, paragraph, note, item };
  struct Line {
    Kind kind = Kind::paragraph;
    int depth = 0;  // list nesting
    std::string text;
  };
  std::string source;
  std::vector<Line> lines;
  bool parsed = false;

  void set(const std::string& markdown);  // re-parses only when the text changed
};

// Draws into the current window (the caller makes it scroll).
void draw_markdown(const MarkdownPreview& preview, const Fonts& fonts, Theme theme);

// A line of our Markdown as plain text: "\*x\*" -> "*x*", "**Go**" -> "Go".
std::string markdown_plain_text(const std::string& inline_markdown);

}  // namespace cairn::ui
