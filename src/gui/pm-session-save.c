/* pm-session-save.c: a KPI's value as typed, saved and reported
 *
 * A file's save takes a fraction of a millisecond and is made at once. A
 * server's waits on the network, and on anyone else's lock on the row:
 * it is made in the store's worker (pm_edit_set_entry_async()), one at a
 * time and in the order typed, while the window goes on; the model, and
 * so the window, shows the value as saved only once it has committed.
 * Until then the application is held, so that closing the window does
 * not end the process before the save has committed or failed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-session-private.h"

typedef struct
{
  PmSession    *session;
  PmKpi        *kpi;
  PmPeriod     *period;
  char         *value_text;
  char         *note_text;
  GApplication *application;  /* held meanwhile */
} EntrySave;

static void
entry_save_free (EntrySave *save)
{
  if (save->application != NULL)
    g_application_release (save->application);
  g_clear_object (&save->application);
  g_clear_object (&save->session);
  g_clear_object (&save->kpi);
  g_clear_object (&save->period);
  g_free (save->value_text);
  g_free (save->note_text);
  g_free (save);
}

/* Takes @undo. */
static void
report (PmSession    *self,
        PmKpi        *kpi,
        PmPeriod     *period,
        const char   *value_text,
        const char   *note_text,
        PmUndo       *undo,
        const GError *error)
{
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;

  _pm_session_emit_entry_saved (self, kpi, period, undo != NULL, error);

  if (error == NULL)
    {
      if (undo == NULL)
        return;
      label = pm_period_get_label (period);
      /* Translators: toast after saving a KPI value: "Saved for Q3 2016/17" */
      message = g_strdup_printf (_("Saved for %s"), label);
      pm_session_report_saved (self, message, undo);
    }
  /* Someone else saved first: the model now holds their value, which the
   * editor shows, and the dialog says whose it is. */
  else if (g_error_matches (error, PM_STORE_ERROR, PM_STORE_ERROR_CONFLICT))
    pm_session_report_failure (self, _("Someone Else Saved This Value First"), error);
  /* The server went: what was typed is saved once the connection is
   * back (the window's banner says so). */
  else if (g_error_matches (error, PM_STORE_ERROR, PM_STORE_ERROR_DISCONNECTED))
    pm_session_keep_pending_entry (self, kpi, period, value_text, note_text);
  /* A value the KPI refuses is explained beside the field; a failure to
   * write deserves a dialog. */
  else if (error->domain != PM_MODEL_ERROR)
    pm_session_report_failure (self, _("Could Not Save the Value"), error);
}

static void
entry_saved_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  EntrySave *save = user_data;
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;

  pm_edit_set_entry_finish (PM_STORE (source_object), result, &undo, &error);
  /* Another document since: its window has nothing of this one's. */
  if (pm_session_get_store (save->session) == PM_STORE (source_object))
    report (save->session, save->kpi, save->period, save->value_text, save->note_text,
            g_steal_pointer (&undo), error);
  else if (error != NULL)
    pm_session_report_failure (save->session, _("Could Not Save the Value"), error);
  entry_save_free (save);
}

void
pm_session_save_entry (PmSession  *self,
                       PmKpi      *kpi,
                       PmPeriod   *period,
                       const char *value_text,
                       const char *note_text)
{
  PmStore *store;
  EntrySave *save;

  g_return_if_fail (PM_IS_SESSION (self));
  g_return_if_fail (PM_IS_KPI (kpi));
  g_return_if_fail (PM_IS_PERIOD (period));

  store = pm_session_get_store (self);
  g_return_if_fail (store != NULL);

  if (!pm_store_is_server (store))
    {
      g_autoptr(PmUndo) undo = NULL;
      g_autoptr(GError) error = NULL;

      pm_edit_set_entry (store, kpi, period, value_text, note_text, &undo, &error);
      report (self, kpi, period, value_text, note_text, g_steal_pointer (&undo), error);
      return;
    }

  save = g_new0 (EntrySave, 1);
  save->session = g_object_ref (self);
  save->kpi = g_object_ref (kpi);
  save->period = g_object_ref (period);
  save->value_text = g_strdup (value_text);
  save->note_text = g_strdup (note_text);
  save->application = g_application_get_default ();
  if (save->application != NULL)
    {
      g_object_ref (save->application);
      g_application_hold (save->application);
    }
  pm_edit_set_entry_async (store, kpi, period, value_text, note_text, entry_saved_cb, save);
}

/* A value still on its way to the server would be saved after the undo
 * (or the undo would find it), and one of them would be reported as
 * someone else's change: the undo waits to be asked again. */
gboolean
_pm_session_check_saved (PmSession  *self,
                         const char *heading)
{
  g_autoptr(GError) error = NULL;

  if (!pm_store_is_saving (pm_session_get_store (self)))
    return TRUE;

  g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_BUSY,
                       _("A value is still being saved to the server. "
                         "Try again once it is saved."));
  pm_session_report_failure (self, heading, error);
  return FALSE;
}
