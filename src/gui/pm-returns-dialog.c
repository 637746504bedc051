/* pm-returns-dialog.c: leads' returns, reviewed and merged by the office
 *
 * One group per file: its district, quarter and sender, then a row per
 * value or narrative it would change, old beside new. A conflict (the
 * office entered a different value itself) has a switch: on takes the
 * lead's value, off (where it starts) keeps the office's. A refused file
 * (changed since it was signed, signed by a key other than the one the
 * office trusts for its district, older than a return already merged)
 * shows why and is left out. The first return of a district, whose key
 * the office does not trust yet, shows the key's fingerprint and a
 * switch to trust it, off to begin with: it is merged only once the
 * office has compared the fingerprint with the lead's and switched it on.
 * The returns are merged together, all or none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-returns-dialog.h"

struct _PmReturnsDialog
{
  AdwWindow           parent_instance;

  /* Template widgets */
  AdwPreferencesPage *page;
  GtkButton          *merge_button;

  /* Owned references */
  PmStore            *store;
  PmProgramme        *programme;
  GPtrArray          *merges;      /* PmReturnMerge or NULL, per file */
};

G_DEFINE_FINAL_TYPE (PmReturnsDialog, pm_returns_dialog, ADW_TYPE_WINDOW)

enum {
  MERGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static char *
entry_text (PmKpi           *kpi,
            PmProgressEntry *entry)
{
  if (entry == NULL || !pm_progress_entry_has_value (entry))
    return g_strdup (_("none"));
  return pm_unit_format_value (pm_kpi_get_unit (kpi), pm_progress_entry_get_value (entry));
}

static void
update_merge_button (PmReturnsDialog *self)
{
  g_autofree char *label = NULL;
  guint n_mergeable = 0;

  for (guint i = 0; i < self->merges->len; i++)
    {
      PmReturnMerge *merge = g_ptr_array_index (self->merges, i);

      n_mergeable += merge != NULL && pm_return_merge_check (merge, PM_MERGE_CONFLICTS_KEEP, NULL);
    }

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Merge %u Return", "_Merge %u Returns",
                                        n_mergeable), n_mergeable);
  gtk_button_set_label (self->merge_button, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "returns.merge", n_mergeable > 0);
}

static void
trust_toggled_cb (GtkSwitch       *toggle,
                  GParamSpec      *pspec,
                  PmReturnsDialog *self)
{
  PmReturnMerge *merge = g_object_get_data (G_OBJECT (toggle), "merge");

  pm_return_merge_set_trust_key (merge, gtk_switch_get_active (toggle));
  update_merge_button (self);
}

/* The first return of a district: its key's fingerprint, to compare with
 * the lead's, and the switch that trusts it. */
static GtkWidget *
trust_row (PmReturnsDialog *self,
           PmReturnMerge   *merge)
{
  PmReturn *ret = pm_return_merge_get_return (merge);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: a switch beside a return's key: “Trust This Key for Cannock Chase” */
  title = g_strdup_printf (_("Trust this key for %s"), pm_return_get_district_name (ret));
  /* Translators: the key's fingerprint, then the district */
  subtitle = g_strdup_printf (_("Signed with the key %s. The office trusts no key for %s yet: check "
                                "with the lead, by phone or in person (not by e-mail), that this is "
                                "their key’s fingerprint before you trust it."),
                              pm_return_get_fingerprint (ret), pm_return_get_district_name (ret));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);

  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data (G_OBJECT (toggle), "merge", merge);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (trust_toggled_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  gtk_widget_add_css_class (row, "warning");

  return row;
}

static void
conflict_toggled_cb (GtkSwitch       *toggle,
                     GParamSpec      *pspec,
                     PmReturnsDialog *self)
{
  PmReturnMerge *merge = g_object_get_data (G_OBJECT (toggle), "merge");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "index"));

  pm_return_merge_set_choice (merge, index,
                              gtk_switch_get_active (toggle) ? PM_MERGE_TAKE_RETURN : PM_MERGE_KEEP_OFFICE);
}

static GtkWidget *
item_row (PmReturnsDialog *self,
          PmReturnMerge   *merge,
          guint            index)
{
  GtkWidget *row = adw_action_row_new ();
  PmKpi *kpi = pm_return_merge_get_kpi (merge, index);
  PmMergeChange change = pm_return_merge_get_change (merge, index);
  g_autofree char *subtitle = NULL;
  const char *title;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);

  if (kpi != NULL)
    {
      g_autofree char *ours = entry_text (kpi, pm_return_merge_get_office_entry (merge, index));
      g_autofree char *theirs = entry_text (kpi, pm_return_merge_get_return_entry (merge, index));

      title = pm_kpi_get_title (kpi);
      if (change == PM_MERGE_NEW)
        /* Translators: a new value from a return: “New: 9” */
        subtitle = g_strdup_printf (_("New: %s"), theirs);
      else if (change == PM_MERGE_CHANGED)
        /* Translators: a revised value: “Changed: 5 → 9” */
        subtitle = g_strdup_printf (_("Changed: %s → %s"), ours, theirs);
      else
        /* Translators: a conflict: “Conflict: the office entered 8, the return gives 9” */
        subtitle = g_strdup_printf (_("Conflict: the office entered %s, the return gives %s"), ours, theirs);
    }
  else
    {
      PmNarrative *theirs = pm_return_merge_get_return_narrative (merge, index);

      /* Translators: a pilot's narrative in a return: “Narrative: <pilot>” */
      title = pm_pilot_get_title (pm_return_merge_get_pilot (merge, index));
      subtitle = g_strdup_printf (change == PM_MERGE_NEW ? _("New narrative: %s") : _("Changed narrative: %s"),
                                  pm_narrative_get_progress (theirs) != NULL ? pm_narrative_get_progress (theirs) : "");
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  if (change == PM_MERGE_CONFLICT)
    {
      GtkWidget *toggle = gtk_switch_new ();

      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (toggle, _("On: take the return’s value. Off: keep the office’s."));
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Take the return’s value"), -1);
      g_object_set_data (G_OBJECT (toggle), "merge", merge);
      g_object_set_data (G_OBJECT (toggle), "index", GUINT_TO_POINTER (index));
      /* Off keeps the office's value, the safe side, until someone
       * chooses; choosing nothing then keeps the office's. */
      pm_return_merge_set_choice (merge, index, PM_MERGE_KEEP_OFFICE);
      g_signal_connect (toggle, "notify::active", G_CALLBACK (conflict_toggled_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      gtk_widget_add_css_class (row, "warning");
    }

  return row;
}

static void
add_file (PmReturnsDialog *self,
          GFile           *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(PmReturn) ret = NULL;
  PmReturnMerge *merge = NULL;
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  if (path != NULL)
    ret = pm_return_load (path, &error);
  else
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be read."));
  if (ret != NULL)
    merge = pm_return_merge_new (self->store, self->programme, ret, &error);
  /* Another key than the district's, or older than one merged: refused
   * as the command line refuses it. A key not trusted yet is asked
   * about below. */
  if (merge != NULL && (pm_return_merge_get_key_state (merge) == PM_RETURN_KEY_OTHER ||
                        pm_return_merge_is_stale (merge)))
    {
      pm_return_merge_check (merge, PM_MERGE_CONFLICTS_KEEP, &error);
      g_clear_object (&merge);
    }

  if (merge == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      /* Translators: a return that cannot be merged: “Refused: cannock.json” */
      g_autofree char *title = g_strdup_printf (_("Refused: %s"), basename);

      adw_preferences_group_set_title (group, title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 6);
      gtk_widget_add_css_class (row, "error");
      adw_preferences_group_add (group, row);
    }
  else
    {
      g_autofree char *period = pm_period_get_label (pm_return_get_period (ret));
      g_autofree char *title = g_strdup_printf ("%s · %s", pm_return_get_district_name (ret), period);
      g_autofree char *description = NULL;
      guint n_items = pm_return_merge_get_n_items (merge);

      /* Translators: who sent a return, which file and the key that signed it:
       * “From Alex Lead · cannock.json · key 3F2A-9C01-77BE-D402” */
      description = g_strdup_printf (_("From %s · %s · key %s"),
                                     pm_return_get_author (ret) != NULL ? pm_return_get_author (ret)
                                                                        : _("an unnamed sender"),
                                     basename, pm_return_get_fingerprint (ret));
      adw_preferences_group_set_title (group, title);
      adw_preferences_group_set_description (group, description);

      if (pm_return_merge_get_key_state (merge) == PM_RETURN_KEY_NEW)
        adw_preferences_group_add (group, trust_row (self, merge));

      for (guint i = 0; i < n_items; i++)
        adw_preferences_group_add (group, item_row (self, merge, i));
      if (n_items == 0)
        {
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         _("Nothing new: the office already holds all of it."));
          adw_preferences_group_add (group, row);
        }
    }

  g_ptr_array_add (self->merges, merge);
  adw_preferences_page_add (self->page, group);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PmReturnsDialog *self = PM_RETURNS_DIALOG (widget);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  guint n_values = 0;

  /* A return whose key the office has not trusted is left out. */
  for (guint i = 0; i < self->merges->len; i++)
    {
      PmReturnMerge *merge = g_ptr_array_index (self->merges, i);

      if (merge != NULL && pm_return_merge_check (merge, PM_MERGE_CONFLICTS_KEEP, NULL))
        g_ptr_array_add (chosen, merge);
    }
  if (chosen->len == 0)
    return;

  if (pm_return_merge_apply_all ((PmReturnMerge **) chosen->pdata, chosen->len,
                                 PM_MERGE_CONFLICTS_KEEP, NULL, &error))
    {
      for (guint i = 0; i < chosen->len; i++)
        n_values += pm_return_merge_get_n_written (g_ptr_array_index (chosen, i));
    }

  g_signal_emit (self, signals[MERGED], 0, error == NULL ? chosen->len : 0, n_values, error);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
pm_returns_dialog_dispose (GObject *object)
{
  PmReturnsDialog *self = PM_RETURNS_DIALOG (object);

  g_clear_pointer (&self->merges, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->programme);
  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_RETURNS_DIALOG);

  G_OBJECT_CLASS (pm_returns_dialog_parent_class)->dispose (object);
}

static void
pm_returns_dialog_class_init (PmReturnsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_returns_dialog_dispose;

  signals[MERGED] = g_signal_new ("merged",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pilotmonitor/PilotMonitor/pm-returns-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PmReturnsDialog, page);
  gtk_widget_class_bind_template_child (widget_class, PmReturnsDialog, merge_button);
  gtk_widget_class_install_action (widget_class, "returns.merge", NULL, merge_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pm_returns_dialog_init (PmReturnsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->merges = g_ptr_array_new_with_free_func (unref_if_set);
}

PmReturnsDialog *
pm_returns_dialog_new (GtkWindow   *parent,
                       PmStore     *store,
                       PmProgramme *programme,
                       GListModel  *files)
{
  PmReturnsDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PM_IS_STORE (store), NULL);
  g_return_val_if_fail (PM_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (files), NULL);

  self = g_object_new (PM_TYPE_RETURNS_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->programme = g_object_ref (programme);

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      add_file (self, file);
    }
  update_merge_button (self);

  return self;
}

PmReturnMerge *
pm_returns_dialog_get_merge (PmReturnsDialog *self,
                             guint            index)
{
  g_return_val_if_fail (PM_IS_RETURNS_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->merges->len, NULL);

  return g_ptr_array_index (self->merges, index);
}
