#include "render/shader.h"

#include <vector>

namespace cairn::render {
namespace {

GLuint compile(GLenum kind, const std::string& source, std::string& error) {
  const GLuint shader = glCreateShader(kind);
  const char* text = source.c_str();
  glShaderSource(shader, 1, &text, nullptr);
  glCompileShader(shader);
  GLint ok = GL_FALSE;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok == GL_TRUE) return shader;
  GLint length = 0;
  glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
  std::vector<char> log(static_cast<std::size_t>(length > 0 ? length : 1), '\0');
  glGetShaderInfoLog(shader, static_cast<GLsizei>(log.size()), nullptr, log.data());
  error = std::string(kind == GL_VERTEX_SHADER ? "vertex shader: " : "fragment shader: ") + log.data();
  glDeleteShader(shader);
  return 0;
}

}  // namespace

std::string shader_prelude(bool gles) {
  return gles ? "#version 300 es\nprecision highp float;\nprecision highp int;\n#line 1\n" : "#version 330 core\n#line 1\n";
}

GLuint build_program(bool gles, const char* vertex_source, const char* fragment_source, std::string& error) {
  const std::string prelude = shader_prelude(gles);
  const GLuint vs = compile(GL_VERTEX_SHADER, prelude + vertex_source, error);
  if (!vs) return 0;
  const GLuint fs = compile(GL_FRAGMENT_SHADER, prelude + fragment_source, error);
  if (!fs) {
    glDeleteShader(vs);
    return 0;
  }
  const GLuint program = glCreateProgram();
  glAttachShader(program, vs);
  glAttachShader(program, fs);
  glLinkProgram(program);
  glDeleteShader(vs);  // flagged; freed with the program
  glDeleteShader(fs);
  GLint ok = GL_FALSE;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (ok == GL_TRUE) return program;
  GLint length = 0;
  glGetProgramiv(program, GL_INFO_LOG_LENGTH, &length);
  std::vector<char> log(static_cast<std::size_t>(length > 0 ? length : 1), '\0');
  glGetProgramInfoLog(program, static_cast<GLsizei>(log.size()), nullptr, log.data());
  error = std::string("link: ") + log.data();
  glDeleteProgram(program);
  return 0;
}

const char* gl_error_name(GLenum error) {
  switch (error) {
    case GL_NO_ERROR: return "GL_NO_ERROR";
    case GL_INVALID_ENUM: return "GL_INVALID_ENUM";
    case GL_INVALID_VALUE: return "GL_INVALID_VALUE";
    case GL_INVALID_OPERATION: return "GL_INVALID_OPERATION";
    case GL_INVALID_FRAMEBUFFER_OPERATION: return "GL_INVALID_FRAMEBUFFER_OPERATION";
    case GL_OUT_OF_MEMORY: return "GL_OUT_OF_MEMORY";
    default: return "unknown GL error";
  }
}

}  // namespace cairn::render
