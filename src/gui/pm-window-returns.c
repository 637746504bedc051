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

static void
send_return_chosen_cb (PmWindow *self,
                       GFile    *file,
                       gpointer  data)
{
  PmDistrict *district = data;
  PmProgramme *programme = pm_session_get_programme (self->session);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  const char *author = pm_session_get_author (self->session);
  g_autofree char *message = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(PmReturn) ret = NULL;
  g_autoptr(PmSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;

  if (programme == NULL || path == NULL)
    return;

  key = pm_signing_key_load_or_create (NULL, &error);
  if (key == NULL)
    {
      pm_session_report_failure (self->session, _("Could Not Sign the Return"), error);
      return;
    }

  ret = pm_return_new (programme, district, NULL, pm_session_get_period (self->session), author, now, key);
  if (!pm_return_save (ret, path, &error))
    {
      _pm_window_report_file_error (self, _("Could Not Save “%s”"), file, error);
      return;
    }

  /* Translators: toast after saving a return: “Return saved as “tamworth-FY2016-Q3.json”, signed
   * with your key 3F2A-9C01-77BE-D402” */
  message = g_strdup_printf (_("Return saved as “%s”, signed with your key %s"), basename,
                             pm_signing_key_get_fingerprint (key));
  pm_session_report_saved (self->session, message, NULL);
}

/* Asks where to save the district's return (its id the parameter) for
 * the quarter shown. */
static void
send_return_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  PmDistrict *district = pm_session_find_district (self->session, g_variant_get_int64 (parameter));
  g_autofree char *code = NULL;
  g_autofree char *suggested = NULL;
  g_autofree char *lower = NULL;

  if (district == NULL)
    return;

  code = pm_period_to_code (pm_session_get_period (self->session));
  lower = g_utf8_strdown (pm_district_get_name (district), -1);
  g_strdelimit (lower, " /\\", '-');
  /* Translators: the suggested name of a return: district, then quarter */
  suggested = g_strdup_printf (_("%s-%s-return.json"), lower, code);
  _pm_window_choose_file (self, _("Send Quarterly Return"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                          suggested, FILE_KIND_PROGRAMME, send_return_chosen_cb,
                          g_object_ref (district), g_object_unref);
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
