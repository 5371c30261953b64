#pragma once
#include <string>

#include "render/gl.h"

namespace cairn::render {

// GLSL from shaders/ is written once, without a #version line: GLSL ES 3.00
// (WebGL2) gets "#version 300 es" and default precisions, desktop GL gets
// "#version 330 core".
std::string shader_prelude(bool gles);

// Compiles and links a program; 0 with `error` set (the compiler's log) on failure.
GLuint build_program(bool gles, const char* vertex_source, const char* fragment_source, std::string& error);

// Names of GL error codes ("GL_INVALID_OPERATION").
const char* gl_error_name(GLenum error);

}  // namespace cairn::render
