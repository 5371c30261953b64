// Timeline bars, one instance per bar (src/render/timeline_renderer.cpp).
// Each instance is a quad built from gl_VertexID (two triangles, 6 vertices);
// pan and zoom only change uniforms, never the instance buffer.
layout(location = 0) in vec2 a_span;   // start, end: days from the frame's day 0
layout(location = 1) in float a_row;
layout(location = 2) in vec4 a_fill;   // RGBA, normalised bytes
layout(location = 3) in uint a_flags;  // bit 0 critical, bit 1 scheduled, bit 2 milestone

uniform vec2 u_display_pos;   // ImGui's display rectangle (logical pixels)
uniform vec2 u_display_size;
uniform vec4 u_axis;          // x of day 0, pixels per day, y of row 0, row height
uniform int u_hidden;         // instance (from the start of the buffer) not drawn, or -1
uniform int u_hovered;
uniform int u_first;          // index of this draw's first instance in the whole buffer

out vec4 v_fill;
out vec2 v_local;             // pixels from the bar's top-left corner
flat out vec2 v_size;         // the bar's size in pixels
flat out uint v_flags;
flat out int v_hovered;

void main() {
  int corner = gl_VertexID;
  vec2 uv = vec2((corner == 1 || corner == 2 || corner == 4) ? 1.0 : 0.0,
                 (corner == 2 || corner == 4 || corner == 5) ? 1.0 : 0.0);
  float pad = floor(u_axis.w * 0.18);
  float height = u_axis.w - 2.0 * pad;
  float top = u_axis.z + a_row * u_axis.w + pad;
  float left = u_axis.x + a_span.x * u_axis.y;
  float width = max((a_span.y - a_span.x) * u_axis.y, 2.0);
  if ((a_flags & 4u) != 0u) {  // a milestone: a square centred on its day, the fragment shader cuts the diamond
    width = height;
    left -= height * 0.5;
  }
  vec2 pos = vec2(left, top) + uv * vec2(width, height);
  v_fill = a_fill;
  v_local = uv * vec2(width, height);
  v_size = vec2(width, height);
  v_flags = a_flags;
  int instance = gl_InstanceID + u_first;
  v_hovered = instance == u_hovered ? 1 : 0;
  vec2 ndc = (pos - u_display_pos) / u_display_size * 2.0 - 1.0;
  gl_Position = instance == u_hidden ? vec4(2.0, 2.0, 2.0, 1.0) : vec4(ndc.x, -ndc.y, 0.0, 1.0);
}
