#include "render/timeline_renderer.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "render/shader.h"
#include "timeline_shaders.h"  // generated from shaders/ (cmake/EmbedShaders.cmake)

namespace cairn::render {
namespace {

constexpr GLsizei kStride = sizeof(ui::BarInstance);

// Points the instance attributes at bar `first` of the buffer: WebGL2 has no
// base-instance draw, so the visible range is chosen by the pointers.
void point_attributes(std::size_t first) {
  const auto at = [first](std::size_t offset) {
    return reinterpret_cast<const void*>(first * sizeof(ui::BarInstance) + offset);
  };
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, kStride, at(offsetof(ui::BarInstance, start)));
  glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, kStride, at(offsetof(ui::BarInstance, row)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, kStride, at(offsetof(ui::BarInstance, fill)));
  glVertexAttribIPointer(3, 1, GL_UNSIGNED_INT, kStride, at(offsetof(ui::BarInstance, flags)));
}

void set_color(GLint location, std::uint32_t color) {
  const ImVec4 c = ImGui::ColorConvertU32ToFloat4(color);
  glUniform4f(location, c.x, c.y, c.z, c.w);
}

}  // namespace

TimelineRenderer::TimelineRenderer(bool gles) : gles_(gles) {
  program_ = build_program(gles, shaders::kTimelineBarVert, shaders::kTimelineBarFrag, error_);
  if (!program_) return;
  u_display_pos_ = glGetUniformLocation(program_, "u_display_pos");
  u_display_size_ = glGetUniformLocation(program_, "u_display_size");
  u_axis_ = glGetUniformLocation(program_, "u_axis");
  u_hidden_ = glGetUniformLocation(program_, "u_hidden");
  u_hovered_ = glGetUniformLocation(program_, "u_hovered");
  u_first_ = glGetUniformLocation(program_, "u_first");
  u_outline_ = glGetUniformLocation(program_, "u_outline");
  u_critical_ = glGetUniformLocation(program_, "u_critical");

  // Remember what ImGui's backend had bound; it rebinds its own state only
  // when asked (ImDrawCallback_ResetRenderState), which happens mid-frame.
  GLint previous_vao = 0, previous_buffer = 0;
  glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &previous_vao);
  glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &previous_buffer);
  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &buffer_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, buffer_);
  for (GLuint a = 0; a < 4; ++a) {
    glEnableVertexAttribArray(a);
    glVertexAttribDivisor(a, 1);  // per bar, not per vertex
  }
  point_attributes(0);
  glBindVertexArray(static_cast<GLuint>(previous_vao));
  glBindBuffer(GL_ARRAY_BUFFER, static_cast<GLuint>(previous_buffer));
  check("set-up");
}

TimelineRenderer::~TimelineRenderer() {
  if (buffer_) glDeleteBuffers(1, &buffer_);
  if (vao_) glDeleteVertexArrays(1, &vao_);
  if (program_) glDeleteProgram(program_);
}

void TimelineRenderer::check(const char* where) {
  if (!check_errors_) return;
  for (GLenum e = glGetError(); e != GL_NO_ERROR; e = glGetError())
    if (gl_error_.empty()) gl_error_ = std::string(gl_error_name(e)) + " in " + where;
}

void TimelineRenderer::set_bars(std::span<const ui::BarInstance> bars) {
  if (!ok()) return;
  GLint previous_buffer = 0;
  glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &previous_buffer);
  glBindBuffer(GL_ARRAY_BUFFER, buffer_);
  // A new store each time: the driver can orphan the old one still in use.
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(bars.size_bytes()), bars.empty() ? nullptr : bars.data(),
               GL_STATIC_DRAW);
  glBindBuffer(GL_ARRAY_BUFFER, static_cast<GLuint>(previous_buffer));
  uploaded_ = bars.size();
  check("upload");
}

void TimelineRenderer::draw(ImDrawList& list, const ui::BarFrame& frame) {
  if (!ok() || frame.count == 0) return;
  if (queued_frame_ != ImGui::GetFrameCount()) {  // a new ImGui frame: the last one's queue was rendered
    queued_frame_ = ImGui::GetFrameCount();
    queued_.clear();
  }
  queued_.push_back({this, frame});  // a deque: earlier entries stay where the callbacks point
  list.AddCallback(render_callback, &queued_.back());
  list.AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

void TimelineRenderer::render_callback(const ImDrawList*, const ImDrawCmd* command) {
  const auto* queued = static_cast<const Queued*>(command->UserCallbackData);
  queued->self->render(queued->frame, *command);
}

void TimelineRenderer::render(const ui::BarFrame& frame, const ImDrawCmd& command) {
  const ImDrawData* data = ImGui::GetDrawData();
  if (!data) return;
  const ImVec2 pos = data->DisplayPos, size = data->DisplaySize, scale = data->FramebufferScale;
  // The chart's clip rectangle, in framebuffer pixels (GL counts y from the bottom).
  ImVec2 lo(std::max(command.ClipRect.x, frame.clip_min.x), std::max(command.ClipRect.y, frame.clip_min.y));
  ImVec2 hi(std::min(command.ClipRect.z, frame.clip_max.x), std::min(command.ClipRect.w, frame.clip_max.y));
  if (hi.x <= lo.x || hi.y <= lo.y) return;
  const float fb_height = size.y * scale.y;
  glScissor(static_cast<GLint>((lo.x - pos.x) * scale.x), static_cast<GLint>(fb_height - (hi.y - pos.y) * scale.y),
            static_cast<GLsizei>((hi.x - lo.x) * scale.x), static_cast<GLsizei>((hi.y - lo.y) * scale.y));
  glUseProgram(program_);
  glUniform2f(u_display_pos_, pos.x, pos.y);
  glUniform2f(u_display_size_, size.x, size.y);
  glUniform4f(u_axis_, frame.x0, frame.px_per_day, frame.y0, frame.row_height);
  glUniform1i(u_hidden_, frame.hidden);
  glUniform1i(u_hovered_, frame.hovered);
  glUniform1i(u_first_, static_cast<GLint>(frame.first));
  set_color(u_outline_, frame.outline);
  set_color(u_critical_, frame.critical);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, buffer_);
  point_attributes(frame.first);
  glDrawArraysInstanced(GL_TRIANGLES, 0, 6, static_cast<GLsizei>(frame.count));
  ++draw_calls_;
  check("draw");
  // ImDrawCallback_ResetRenderState, queued right after, restores ImGui's state.
}

}  // namespace cairn::render
