/* mizan-application.c — the single-instance org.comstech.Mizan application
 * Opens the shared state at startup, installs app-wide actions and accelerators, opens .mizan files. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mizan-application.h"
#include "mizan-backup.h"
#include "mizan-gui.h"
#include "mizan-preferences-window.h"
#include "mizan-renderer.h"
#include "mizan-sharing.h"
#include "mizan-toolkit-catalogs.h"
#include "mizan-restore-dialog.h"
#include "mizan-window.h"

struct _MizanApplication
{
  AdwApplication    parent_instance;

  MizanCatalog     *catalog;
  MizanStore       *store;
  GError           *store_error;
  MizanPreferences *preferences;
  GError           *preferences_error;   /* the schema is not installed */
};

G_DEFINE_FINAL_TYPE (MizanApplication, mizan_application, ADW_TYPE_APPLICATION)

static MizanWindow *
get_window (MizanApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (MIZAN_IS_WINDOW (window))
    return MIZAN_WINDOW (window);
  return mizan_window_new (self);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  MizanApplication *self = user_data;
  GList *windows;

  /* Destroying the windows lets every page write what is still being typed
   * before the process ends. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (windows->data);
  g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  MizanApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "COMSTECH", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Mizan"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("COMSTECH"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Assess your organization’s cybersecurity capability maturity, "
                                      "see the gaps, and plan how to close them. "
                                      "Everything stays on this computer unless you choose to share anonymized scores."),
                        "copyright", _("© COMSTECH"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  MizanApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *window = mizan_preferences_window_new (self->preferences);

  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_restore_chosen (MizanRestoreDialog *dialog,
                   const char         *backup,
                   gpointer            user_data)
{
  MizanApplication *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mizan_application_restore_backup (self, backup, &error))
    mizan_window_show_error (get_window (self), _("Could Not Restore"), error->message);
}

static void
restore_backup_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  MizanApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *db_path = mizan_store_get_default_path ();
  MizanRestoreDialog *dialog = mizan_restore_dialog_new (db_path);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
  g_signal_connect_object (dialog, "restore", G_CALLBACK (on_restore_chosen), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Once a day, off the main thread: the copy must not delay the first frame. */
static void
backup_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (!mizan_backup_ensure_daily (task_data, MIZAN_BACKUP_KEEP_DEFAULT, NULL, &error))
    g_warning ("No backup made today: %s", error->message);
  g_task_return_boolean (task, TRUE);
}

static void
start_daily_backup (MizanApplication *self,
                    const char       *db_path)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, NULL, NULL);

  g_task_set_task_data (task, g_strdup (db_path), g_free);
  g_task_run_in_thread (task, backup_in_thread);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "restore-backup", restore_backup_action },
};

static void
mizan_application_startup (GApplication *application)
{
  MizanApplication *self = MIZAN_APPLICATION (application);
  g_autofree char *db_path = NULL;
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Primary>q", NULL } },
    { "app.about", { "F1", NULL } },
    { "app.preferences", { "<Primary>comma", NULL } },
    { "window.close", { "<Primary>w", NULL } },
    { "win.new-assessment", { "<Primary>n", NULL } },
    { "win.import", { "<Primary>o", NULL } },
    { "win.search", { "<Primary>f", NULL } },
    { "win.show-start", { "<Alt>Home", NULL } },
    { "win.show-page('questionnaire')", { "<Alt>1", NULL } },
    { "win.show-page('results')", { "<Alt>2", NULL } },
    { "win.show-page('roadmap')", { "<Alt>3", NULL } },
    { "win.show-page('compare')", { "<Alt>4", NULL } },
    /* Not Ctrl+Page Up/Down: scrolled windows take those to scroll sideways. */
    { "win.previous-capability", { "<Alt>Page_Up", NULL } },
    { "win.next-capability", { "<Alt>Page_Down", NULL } },
  };

  mizan_gui_init ();

  G_APPLICATION_CLASS (mizan_application_parent_class)->startup (application);

  mizan_renderer_choose ();
  mizan_toolkit_catalogs_bind ();
  gtk_window_set_default_icon_name (APPLICATION_ID);

  self->catalog = mizan_catalog_new_default ();
  for (guint i = 0; i < mizan_catalog_get_warnings (self->catalog)->len; i++)
    g_warning ("%s", (const char *) g_ptr_array_index (mizan_catalog_get_warnings (self->catalog), i));

  db_path = mizan_store_get_default_path ();
  self->store = mizan_store_open (db_path, &self->store_error);
  if (self->store != NULL)
    start_daily_backup (self, db_path);
  self->preferences = mizan_preferences_new (NULL, &self->preferences_error);
  /* Queued sends and withdrawals go out on their own once the server answers. */
  if (self->store != NULL && self->preferences != NULL)
    mizan_sharing_start_retries (self->preferences, self->store);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}

/* Without its settings schema Mizan cannot keep preferences: a broken
 * install, said once on the terminal, rather than a window that aborts. */
static gboolean
check_installed (MizanApplication *self)
{
  if (self->preferences_error == NULL)
    return TRUE;
  g_printerr ("mizan: %s\n", self->preferences_error->message);
  g_application_quit (G_APPLICATION (self));
  return FALSE;
}

static void
mizan_application_activate (GApplication *application)
{
  MizanApplication *self = MIZAN_APPLICATION (application);

  if (!check_installed (self))
    return;
  gtk_window_present (GTK_WINDOW (get_window (self)));
}

static void
mizan_application_open (GApplication  *application,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  MizanApplication *self = MIZAN_APPLICATION (application);
  MizanWindow *window;

  if (!check_installed (self))
    return;
  window = get_window (self);
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < n_files; i++)
    mizan_window_import_file (window, files[i]);
}

static void
mizan_application_finalize (GObject *object)
{
  MizanApplication *self = MIZAN_APPLICATION (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_object (&self->preferences);
  g_clear_error (&self->preferences_error);

  G_OBJECT_CLASS (mizan_application_parent_class)->finalize (object);
}

static void
mizan_application_class_init (MizanApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = mizan_application_finalize;
  app_class->startup = mizan_application_startup;
  app_class->activate = mizan_application_activate;
  app_class->open = mizan_application_open;
}

static void
mizan_application_init (MizanApplication *self)
{
}

MizanApplication *
mizan_application_new (void)
{
  return g_object_new (MIZAN_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/comstech/Mizan",
                       NULL);
}

MizanCatalog *
mizan_application_get_catalog (MizanApplication *self)
{
  g_return_val_if_fail (MIZAN_IS_APPLICATION (self), NULL);
  return self->catalog;
}

MizanStore *
mizan_application_get_store (MizanApplication *self)
{
  g_return_val_if_fail (MIZAN_IS_APPLICATION (self), NULL);
  return self->store;
}

const GError *
mizan_application_get_store_error (MizanApplication *self)
{
  g_return_val_if_fail (MIZAN_IS_APPLICATION (self), NULL);
  return self->store_error;
}

MizanPreferences *
mizan_application_get_preferences (MizanApplication *self)
{
  g_return_val_if_fail (MIZAN_IS_APPLICATION (self), NULL);
  return self->preferences;
}

gboolean
mizan_application_restore_backup (MizanApplication  *self,
                                  const char        *backup,
                                  GError           **error)
{
  g_autofree char *db_path = mizan_store_get_default_path ();
  GList *windows;
  gboolean restored;

  g_return_val_if_fail (MIZAN_IS_APPLICATION (self), FALSE);

  /* Closing the windows writes what is still being typed; then nothing of
   * ours holds the file while it is swapped. The hold keeps the
   * application running without a window. */
  g_application_hold (G_APPLICATION (self));
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (windows->data);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);

  restored = mizan_backup_restore (db_path, backup, NULL, error);

  /* Whether or not it worked, the app goes on with what is now there. */
  self->store = mizan_store_open (db_path, &self->store_error);
  gtk_window_present (GTK_WINDOW (get_window (self)));
  g_application_release (G_APPLICATION (self));
  return restored;
}
