/* gui-test.h — what the widget tests share: a private data folder, the test framework, waiting
 * Each test gets a fresh database in its own temporary XDG folders, removed afterwards. */
#pragma once

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "mizan-catalog.h"
#include "mizan-gui.h"
#include "mizan-preferences.h"
#include "mizan-store.h"

typedef struct {
  char             *root;
  MizanStore       *store;
  MizanCatalog     *catalog;
  MizanFramework   *framework;   /* "mini" from tests/data/frameworks */
  MizanPreferences *preferences;
} GuiFixture;

static inline void
gui_test_rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          gui_test_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

static inline void
gui_fixture_setup (GuiFixture    *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *config_home = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *mini = NULL;
  g_autofree char *prefs_path = NULL;

  fixture->root = g_dir_make_tmp ("mizan-gui-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (fixture->root, "data", NULL);
  config_home = g_build_filename (fixture->root, "config", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);

  db_path = g_build_filename (data_home, "mizan", "mizan.db", NULL);
  fixture->store = mizan_store_open (db_path, &error);
  g_assert_no_error (error);

  mini = g_build_filename (g_getenv ("MIZAN_TEST_DATA"), "frameworks", "mini.json", NULL);
  fixture->framework = mizan_framework_new_from_file (mini, &error);
  g_assert_no_error (error);
  fixture->catalog = mizan_catalog_new ();
  mizan_catalog_add (fixture->catalog, fixture->framework);

  /* GLib caches the XDG folders on first use: paths are given explicitly. */
  prefs_path = g_build_filename (config_home, "mizan", "preferences.ini", NULL);
  fixture->preferences = mizan_preferences_new (prefs_path, &error);
  g_assert_no_error (error);
}

static inline void
gui_fixture_teardown (GuiFixture    *fixture,
                      gconstpointer  data)
{
  g_clear_object (&fixture->preferences);
  g_clear_object (&fixture->catalog);
  g_clear_object (&fixture->framework);
  g_clear_object (&fixture->store);
  gui_test_rm_rf (fixture->root);
  g_clear_pointer (&fixture->root, g_free);
}

/* Runs the main loop until @done says so, failing after a few seconds. */
static inline void
gui_test_wait_until (gboolean (*done) (gpointer),
                     gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Lets pending idles and timeouts of @ms milliseconds run. */
static inline void
gui_test_spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* A stored assessment of "mini" for @fixture; transfer full. */
static inline MizanAssessment *
gui_test_store_assessment (GuiFixture *fixture,
                           const char *title)
{
  g_autoptr(GError) error = NULL;
  MizanAssessment *assessment = mizan_assessment_new (NULL);

  mizan_assessment_set_title (assessment, title);
  mizan_assessment_set_framework (assessment, "mini", "1.0.0");
  mizan_assessment_set_organization (assessment, "Ministry of Tests", "PAK", "government", "large");
  mizan_store_save_assessment (fixture->store, assessment, FALSE, &error);
  g_assert_no_error (error);
  return assessment;
}

/* What a click does. (gtk_widget_activate() only emits "clicked" after the
 * button's pressed-look timeout.) */
static inline void
gui_test_click (gpointer button)
{
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
}

static inline void
gui_test_init (int    *argc,
               char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  mizan_gui_init ();
}

#define GUI_TEST_ADD(path, func) \
  g_test_add (path, GuiFixture, NULL, gui_fixture_setup, func, gui_fixture_teardown)
