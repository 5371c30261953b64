// Timeline bars: fill, a 1 px outline (2 px in the critical colour on the
// critical path), hatching for bars the schedule placed, a diamond for
// milestones. Blending is ImGui's (straight alpha), set by its backend.
uniform vec4 u_outline;
uniform vec4 u_critical;

in vec4 v_fill;
in vec2 v_local;
flat in vec2 v_size;
flat in uint v_flags;
flat in int v_hovered;

out vec4 o_color;

void main() {
  bool critical = (v_flags & 1u) != 0u;
  float edge;  // distance to the outline, in pixels
  if ((v_flags & 4u) != 0u) {
    vec2 c = abs(v_local - v_size * 0.5);
    float d = (c.x + c.y - v_size.y * 0.5) * 0.7071;
    if (d > 0.0) discard;
    edge = -d;
  } else {
    vec2 e = min(v_local, v_size - v_local);
    edge = min(e.x, e.y);
  }
  vec4 fill = v_fill;
  if ((v_flags & 2u) != 0u && mod(gl_FragCoord.x + gl_FragCoord.y, 8.0) < 3.0)
    fill.rgb = mix(fill.rgb, vec3(1.0), 0.45);
  if (v_hovered != 0) fill.rgb = mix(fill.rgb, vec3(1.0), 0.3);
  float border = critical ? 2.0 : 1.0;
  o_color = edge < border ? (critical ? u_critical : u_outline) : fill;
}
