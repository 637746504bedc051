/* pm-window-returns.c: quarterly values coming in and going out
 *
 * Values from a CSV file, the leads' returns merged, a district's return
 * sent, and the committee round frozen: each opens its own dialog, and
 * the outcome is a toast or a dialog through the session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-export-dialog.h"
#include "pm-freeze-round-dialog.h"
#include "pm-import-dialog.h"
#include "pm-returns-dialog.h"
#include "pm-window-private.h"
#include "store/pm-return.h"

/* Import quarterly values (CSV) */

static void
import_values_finished_cb (PmImportDialog *dialog,
                           guint           n_written,
                           const GError   *error,
                           PmWindow       *self)
{
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      pm_session_report_saved (self->session, error->message, NULL);
      return;
    }
  if (error != NULL)
    {
      pm_session_report_failure (self->session, _("Could Not Import the Values"), error);
      return;
    }

  /* Translators: toast after a CSV import */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved %u value", "Saved %u values",
                                          n_written), n_written);
  pm_session_report_saved (self->session, message, NULL);
}

static void
import_values_chosen_cb (PmWindow *self,
                         GFile    *file,
                         gpointer  data)
{
  PmStore *store = pm_session_get_store (self->session);
  PmProgramme *programme = pm_session_get_programme (self->session);
  PmImportDialog *dialog;

  if (store == NULL || programme == NULL)
    return;

  dialog = pm_import_dialog_new (GTK_WINDOW (self), store, programme, file);
  g_signal_connect_object (dialog, "finished", G_CALLBACK (import_values_finished_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_values_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _pm_window_choose_file (PM_WINDOW (widget), _("Import Quarterly Values"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                          NULL, FILE_KIND_CSV, import_values_chosen_cb, NULL, NULL);
}

/* Quarterly returns */

static void
returns_merged_cb (PmReturnsDialog *dialog,
                   guint            n_returns,
                   guint            n_values,
                   const GError    *error,
                   PmWindow        *self)
{
  g_autofree char *message = NULL;

  if (error != NULL)
    {
      pm_session_report_failure (self->session, _("Could Not Merge a Return"), error);
      return;
    }

  /* Translators: toast after merging returns: “Merged 2 returns: 7 values saved” */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Merged %u return: %u saved",
                                          "Merged %u returns: %u saved", n_returns),
                             n_returns, n_values);
  pm_session_report_saved (self->session, message, NULL);
}

static void
import_returns_response_cb (GtkNativeDialog *native,
                            int              response,
                            PmWindow        *self)
{
  PmStore *store = pm_session_get_store (self->session);
  PmProgramme *programme = pm_session_get_programme (self->session);

  if (response == GTK_RESPONSE_ACCEPT && store != NULL && programme != NULL)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
      PmReturnsDialog *dialog = pm_returns_dialog_new (GTK_WINDOW (self), store, programme, files);

      g_signal_connect_object (dialog, "merged", G_CALLBACK (returns_merged_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }

  g_object_unref (native);
  g_object_unref (self);
}

static void
import_returns_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  GtkFileChooserNative *native;

  /* Several at once: a chooser of its own. */
  native = gtk_file_chooser_native_new (_("Import Returns"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  _pm_window_add_filter (GTK_FILE_CHOOSER (native), _("Returns"), "*.json", "application/json");
  _pm_window_add_filter (GTK_FILE_CHOOSER (native), _("All files"), "*", NULL);
  g_signal_connect (native, "response", G_CALLBACK (import_returns_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* A district's return */

gboolean
_pm_window_save_return (PmWindow    *self,
                        PmDistrict  *district,
                        PmPeriod    *period,
                        GFile       *file,
                        char       **fingerprint,
                        GError     **error)
{
  PmProgramme *programme = pm_session_get_programme (self->session);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(PmReturn) ret = NULL;
  g_autoptr(PmSigningKey) key = NULL;

  if (programme == NULL || path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be written."));
      return FALSE;
    }

  key = pm_signing_key_load_or_create (NULL, error);
  if (key == NULL)
    return FALSE;

  ret = pm_return_new (programme, district, NULL, period, pm_session_get_author (self->session), now, key);
  if (!pm_return_save (ret, path, error))
    return FALSE;

  *fingerprint = g_strdup (pm_signing_key_get_fingerprint (key));
  return TRUE;
}

/* The pilot page's "Send Return…": the export dialog, with the return
 * of the district (its id the parameter) chosen. */
static void
send_return_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  PmDistrict *district = pm_session_find_district (self->session, g_variant_get_int64 (parameter));

  if (district == NULL)
    return;

  gtk_window_present (GTK_WINDOW (pm_export_dialog_new (GTK_WINDOW (self), self->session, district,
                                                        PM_EXPORT_RETURN)));
}

/* Committee rounds */

static void
freeze_round_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);

  if (pm_session_get_store (self->session) == NULL || pm_session_get_programme (self->session) == NULL)
    return;

  gtk_window_present (GTK_WINDOW (pm_freeze_round_dialog_new (GTK_WINDOW (self), self->session)));
}

void
_pm_window_class_init_returns (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-values", NULL, import_values_action);
  gtk_widget_class_install_action (widget_class, "win.import-returns", NULL, import_returns_action);
  gtk_widget_class_install_action (widget_class, "win.send-return", "x", send_return_action);
  gtk_widget_class_install_action (widget_class, "win.freeze-round", NULL, freeze_round_action);
}
