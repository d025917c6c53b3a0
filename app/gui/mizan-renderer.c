/* mizan-renderer.c — which GSK renderer draws Mizan's windows
 * Where OpenGL is only a software rasterizer (Mesa's llvmpipe: virtual machines,
 * remote desktops, machines without a GPU driver) GTK 4.8's GL renderer compiles
 * every shader on the CPU and keeps the compiler's memory; its cairo renderer
 * draws the same pixels sooner and in about half the memory (docs/performance.md).
 * There, and only when the user has not chosen with GSK_RENDERER, cairo draws. */

#include "config.h"

#include <string.h>

#include <epoxy/gl.h>
#include <gtk/gtk.h>

#include "mizan-renderer.h"

static gboolean
is_software (const char *renderer)
{
  static const char * const software[] = { "llvmpipe", "softpipe", "Software Rasterizer", NULL };

  for (guint i = 0; software[i] != NULL; i++)
    if (strstr (renderer, software[i]) != NULL)
      return TRUE;
  return FALSE;
}

void
mizan_renderer_choose (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GdkGLContext) context = NULL;
  const char *renderer;

  if (display == NULL || g_getenv ("GSK_RENDERER") != NULL)
    return;
  /* The display's own context: GTK makes the same one for its GL renderer. */
  if (!gdk_display_prepare_gl (display, NULL) ||
      (context = gdk_display_create_gl_context (display, NULL)) == NULL ||
      !gdk_gl_context_realize (context, NULL))
    return;
  gdk_gl_context_make_current (context);
  renderer = (const char *) glGetString (GL_RENDERER);
  if (renderer != NULL && is_software (renderer))
    {
      g_debug ("OpenGL is %s, a software rasterizer: drawing with cairo", renderer);
      /* GSK reads it when the first window is realized, not before. */
      g_setenv ("GSK_RENDERER", "cairo", TRUE);
    }
  gdk_gl_context_clear_current ();
}
