/* pm-export-dialog.c
 *
 * Every document the window writes, chosen in one place: what, of which
 * district and quarter, and only then the file (the window asks for it
 * and writes it, through win.export-to).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-export-dialog.h"
#include "pm-edits.h"
#include "pm-format.h"
#include "model/pm-date.h"

struct _PmExportDialog
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  AdwComboRow      *document_row;
  AdwComboRow      *district_row;
  AdwComboRow      *period_row;
  AdwEntryRow      *committee_row;
  AdwEntryRow      *meeting_date_row;
  AdwEntryRow      *report_title_row;
  AdwEntryRow      *contact_officer_row;
  GtkStringList    *district_names;
  GtkStringList    *period_names;

  /* Owned references */
  PmSession        *session;
  GPtrArray        *districts;     /* behind the district row, after "All" */

  int               first_period;  /* the index of the period row's first */
};

G_DEFINE_FINAL_TYPE (PmExportDialog, pm_export_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of the document row. */
static const char * const documents[] = {
  PM_EXPORT_SUMMARIES,
  PM_EXPORT_APPENDIX,
  PM_EXPORT_CSV,
  PM_EXPORT_XLSX,
  PM_EXPORT_RETURN,
  PM_EXPORT_PROGRAMME,
};

static const char *
get_document (PmExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->document_row);

  return documents[MIN (selected, G_N_ELEMENTS (documents) - 1)];
}

static PmDistrict *
get_district (PmExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->district_row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->districts->len)
    return NULL;

  return g_ptr_array_index (self->districts, selected - 1);
}

/* The pack's settings are the PDFs' alone; a meeting date must be a
 * day, said in the dialog's body and nothing exported until it is. */
static gboolean
check_settings (PmExportDialog *self,
                gboolean        pdf)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->committee_row), GTK_WIDGET (self->meeting_date_row),
    GTK_WIDGET (self->report_title_row), GTK_WIDGET (self->contact_officer_row),
  };
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->meeting_date_row));
  g_autoptr(GError) error = NULL;
  gboolean valid = !pdf || date[0] == '\0' || pm_date_validate_day (date, &error);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_set_visible (rows[i], pdf);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->meeting_date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->meeting_date_row), "error");
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               valid ? _("Choose what to export; the file comes next.") : error->message);

  return valid;
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static char *
entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

/* Keeps what the rows say with the programme, for this pack and the next. */
static void
save_settings (PmExportDialog *self)
{
  PmProgramme *programme = pm_session_get_programme (self->session);
  PmStore *store = pm_session_get_store (self->session);
  const char *names[] = { "committee", "meeting-date", "report-title", "contact-officer" };
  AdwEntryRow *rows[] = {
    self->committee_row, self->meeting_date_row, self->report_title_row, self->contact_officer_row,
  };
  GValue values[G_N_ELEMENTS (names)] = { G_VALUE_INIT, };
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;

  if (programme == NULL || store == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_value_init (&values[i], G_TYPE_STRING);
      g_value_take_string (&values[i], entry_text (rows[i]));
    }
  if (!pm_edit_update (store, G_OBJECT (programme), G_N_ELEMENTS (names), names, values, &undo, &error))
    pm_session_report_failure (self->session, _("Could Not Save the Committee’s Details"), error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_value_unset (&values[i]);
}

/* The district matters to the summaries (one or all) and to a return
 * (one, which must be chosen); the rest are of the whole programme. */
static void
choice_changed_cb (PmExportDialog *self)
{
  const char *document = get_document (self);
  gboolean summaries = g_str_equal (document, PM_EXPORT_SUMMARIES);
  gboolean one = g_str_equal (document, PM_EXPORT_RETURN);
  gboolean whole = g_str_equal (document, PM_EXPORT_PROGRAMME);
  gboolean pdf = summaries || g_str_equal (document, PM_EXPORT_APPENDIX);
  gboolean ready = (!one || get_district (self) != NULL) && check_settings (self, pdf);

  gtk_widget_set_sensitive (GTK_WIDGET (self->district_row), summaries || one);
  gtk_widget_set_sensitive (GTK_WIDGET (self->period_row), !whole);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->period_row), whole ? _("Every quarter") : NULL);
  if (summaries || one)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->district_row),
                                 ready ? NULL : _("A return is one district’s: choose it"));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->district_row), _("The whole programme"));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "export", ready);
}

static void
fill (PmExportDialog *self,
      PmDistrict     *district)
{
  PmProgramme *programme = pm_session_get_programme (self->session);
  PmPeriod *period = pm_session_get_period (self->session);
  g_autoptr(PmPeriod) current = pm_period_new_current ();
  GListModel *districts;
  int first, last;

  gtk_string_list_append (self->district_names, _("All districts"));
  districts = programme != NULL ? pm_programme_get_districts (programme) : NULL;
  for (guint i = 0; districts != NULL && i < g_list_model_get_n_items (districts); i++)
    {
      g_autoptr(PmDistrict) each = g_list_model_get_item (districts, i);

      gtk_string_list_append (self->district_names, pm_district_get_name (each));
      g_ptr_array_add (self->districts, g_object_ref (each));
      if (each == district)
        adw_combo_row_set_selected (self->district_row, i + 1);
    }

  /* The documents are of a quarter: the quarters around the data, the
   * one shown chosen (for a year or a month, the quarter it ends in). */
  pm_period_range (programme, current, &first, &last);
  first = MIN (first, pm_period_get_quarter_index (period));
  last = MAX (last, pm_period_get_quarter_index (period));
  self->first_period = first;
  for (int index = first; index <= last; index++)
    {
      g_autoptr(PmPeriod) each = pm_period_new_from_index (index);
      g_autofree char *label = pm_period_get_label (each);

      gtk_string_list_append (self->period_names, label);
    }
  adw_combo_row_set_selected (self->period_row, pm_period_get_quarter_index (period) - first);

  if (programme != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->committee_row),
                             or_empty (pm_programme_get_committee (programme)));
      gtk_editable_set_text (GTK_EDITABLE (self->meeting_date_row),
                             or_empty (pm_programme_get_meeting_date (programme)));
      gtk_editable_set_text (GTK_EDITABLE (self->report_title_row),
                             or_empty (pm_programme_get_report_title (programme)));
      gtk_editable_set_text (GTK_EDITABLE (self->contact_officer_row),
                             or_empty (pm_programme_get_contact_officer (programme)));
    }
}

void
pm_export_dialog_export_to (PmExportDialog *self,
                            GFile          *file)
{
  GtkWindow *parent;
  PmDistrict *district;
  g_autofree char *uri = NULL;
  int period;

  g_return_if_fail (PM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  district = get_district (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self->committee_row)) && check_settings (self, TRUE))
    save_settings (self);
  period = self->first_period + (int) adw_combo_row_get_selected (self->period_row);
  uri = file != NULL ? g_file_get_uri (file) : g_strdup ("");

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.export-to", "(sxis)", get_document (self),
                                district != NULL ? pm_district_get_id (district) : (gint64) 0,
                                period, uri);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
pm_export_dialog_response (AdwMessageDialog *dialog,
                           const char       *response)
{
  PmExportDialog *self = PM_EXPORT_DIALOG (dialog);

  if (g_str_equal (response, "export"))
    {
      /* The dialog goes with its response: keep it for the export. */
      g_object_ref (self);
      pm_export_dialog_export_to (self, NULL);
      g_object_unref (self);
      return;
    }

  if (ADW_MESSAGE_DIALOG_CLASS (pm_export_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (pm_export_dialog_parent_class)->response (dialog, response);
}

static void
pm_export_dialog_dispose (GObject *object)
{
  PmExportDialog *self = PM_EXPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->session);
  g_clear_pointer (&self->districts, g_ptr_array_unref);

  G_OBJECT_CLASS (pm_export_dialog_parent_class)->dispose (object);
}

static void
pm_export_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PmExportDialog *self = PM_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_export_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PmExportDialog *self = PM_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_export_dialog_class_init (PmExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = pm_export_dialog_dispose;
  object_class->get_property = pm_export_dialog_get_property;
  object_class->set_property = pm_export_dialog_set_property;
  dialog_class->response = pm_export_dialog_response;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pilotmonitor/PilotMonitor/pm-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PmExportDialog, document_row);
  gtk_widget_class_bind_template_child (widget_class, PmExportDialog, district_row);
  gtk_widget_class_bind_template_child (widget_class, PmExportDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, PmExportDialog, committee_row);
  gtk_widget_class_bind_template_child (widget_class, PmExportDialog, meeting_date_row);
  gtk_widget_class_bind_template_child (widget_class, PmExportDialog, report_title_row);
  gtk_widget_class_bind_template_child (widget_class, PmExportDialog, contact_officer_row);
  gtk_widget_class_bind_template_child (widget_class, PmExportDialog, district_names);
  gtk_widget_class_bind_template_child (widget_class, PmExportDialog, period_names);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
}

static void
pm_export_dialog_init (PmExportDialog *self)
{
  self->districts = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

PmExportDialog *
pm_export_dialog_new (GtkWindow  *parent,
                      PmSession  *session,
                      PmDistrict *district,
                      const char *document)
{
  PmExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PM_IS_SESSION (session), NULL);
  g_return_val_if_fail (district == NULL || PM_IS_DISTRICT (district), NULL);

  self = g_object_new (PM_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "session", session,
                       NULL);
  fill (self, district);
  for (guint i = 0; document != NULL && i < G_N_ELEMENTS (documents); i++)
    if (g_str_equal (document, documents[i]))
      adw_combo_row_set_selected (self->document_row, i);
  choice_changed_cb (self);

  return self;
}
