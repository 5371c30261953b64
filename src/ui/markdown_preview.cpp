#include "ui/markdown_preview.h"

#include <imgui.h>

#include <cctype>

#include "ui/widgets.h"

namespace cairn::ui {

std::string markdown_plain_text(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size() && std::ispunct(static_cast<unsigned char>(text[i + 1]))) {
      out += text[++i];  // an escaped character is itself
    } else if (c != '*') {  // every literal '*' is escaped, so a bare one is emphasis
      out += c;
    }
  }
  return out;
}

void MarkdownPreview::set(const std::string& markdown) {
  if (parsed && markdown == source) return;
  parsed = true;
  source = markdown;
  lines.clear();
  std::size_t start = 0;
  while (start < markdown.size()) {
    std::size_t end = markdown.find('\n', start);
    if (end == std::string::npos) end = markdown.size();
    const std::string line = markdown.substr(start, end - start);
    start = end + 1;
    if (line.empty()) continue;
    std::size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ') ++indent;
    const std::string body = line.substr(indent);
    Line out;
    if (body.rfind("### ", 0) == 0) {
      out = {Kind::subheading, 0, markdown_plain_text(body.substr(4))};
    } else if (body.rfind("## ", 0) == 0) {
      out = {Kind::heading, 0, markdown_plain_text(body.substr(3))};
    } else if (body.rfind("# ", 0) == 0) {
      out = {Kind::title, 0, markdown_plain_text(body.substr(2))};
    } else if (body.rfind("- ", 0) == 0) {
      out = {Kind::item, static_cast<int>(indent / 2), markdown_plain_text(body.substr(2))};
    } else if (body.size() > 2 && body.front() == '*' && body.back() == '*' && body[1] != '*') {
      out = {Kind::note, 0, markdown_plain_text(body)};  // a paragraph in emphasis: a side note
    } else {
      out = {Kind::paragraph, 0, markdown_plain_text(body)};
    }
    lines.push_back(std::move(out));
  }
}

void draw_markdown(const MarkdownPreview& preview, const Fonts& fonts, Theme theme) {
  ImGui::PushTextWrapPos(0.0f);
  for (const MarkdownPreview::Line& line : preview.lines) {
    switch (line.kind) {
      case MarkdownPreview::Kind::title:
      case MarkdownPreview::Kind::heading:
        if (&line != &preview.lines.front()) ImGui::Spacing();
        ImGui::PushFont(line.kind == MarkdownPreview::Kind::title ? fonts.heading : fonts.strong);
        ImGui::TextUnformatted(line.text.c_str());
        ImGui::PopFont();
        if (line.kind == MarkdownPreview::Kind::title) ImGui::Separator();
        break;
      case MarkdownPreview::Kind::subheading:
        ImGui::PushFont(fonts.strong);
        ImGui::TextUnformatted(line.text.c_str());
        ImGui::PopFont();
        break;
      case MarkdownPreview::Kind::note:
        ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color(theme));
        ImGui::TextUnformatted(line.text.c_str());
        ImGui::PopStyleColor();
        break;
      case MarkdownPreview::Kind::item: {
        const float indent = ImGui::GetFontSize() * 1.2f * static_cast<float>(line.depth);
        if (indent > 0) ImGui::Indent(indent);
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::TextUnformatted(line.text.c_str());
        if (indent > 0) ImGui::Unindent(indent);
        break;
      }
      case MarkdownPreview::Kind::paragraph: ImGui::TextUnformatted(line.text.c_str()); break;
    }
  }
  ImGui::PopTextWrapPos();
}

}  // namespace cairn::ui
