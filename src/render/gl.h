#pragma once
// The GL API for Cairn's own drawing: WebGL2 (OpenGL ES 3.0) in the browser,
// OpenGL 3.3 core on the desktop. On Linux, libGL (GLVND) exports every core
// entry point, so prototypes are enough; a Windows or macOS port would put a
// function loader here (nothing else includes GL headers directly).
#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/gl.h>
#include <GL/glext.h>
#endif
