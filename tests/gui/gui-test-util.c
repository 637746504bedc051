/* gui-test-util.c: what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "store/pm-sample.h"
#include "store/pm-store.h"

void
gui_test_wait_until (gboolean (*done) (gpointer),
                     gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () +
                    (g_getenv ("PM_TEST_SLOW") != NULL ? 180 : 20) * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
}

gboolean
gui_test_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

void
gui_test_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

gpointer
gui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) each = g_list_model_get_item (toplevels, i);

      /* GTK keeps the list's windows alive while they are shown. */
      if (G_TYPE_CHECK_INSTANCE_TYPE (each, type))
        return each;
    }

  return NULL;
}

char *
gui_test_make_sample_database (const char  *prefix,
                               char       **db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) sample = pm_sample_programme_load (&error);
  g_autoptr(PmStore) store = NULL;
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);
  char *dir;

  g_assert_no_error (error);
  dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  *db_path = g_build_filename (dir, "sample.db", NULL);

  store = pm_store_open (*db_path, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (pm_store_import (store, sample, &error));
  g_assert_no_error (error);
  pm_store_close (store);

  return dir;
}

void
gui_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}
