/* pm-edit-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-edit-dialog.h"

typedef struct
{
  GtkWidget *widget;      /* AdwEntryRow, AdwComboRow or GtkTextView */
  GtkWidget *row;         /* what is shown or hidden */
  GtkWidget *error_row;
  GtkWidget *error_label;
} Field;

struct _PmEditDialog
{
  AdwWindow         parent_instance;

  /* Borrowed references */
  GtkWidget        *groups;
  GtkWidget        *list;        /* the current group's list */
  GtkWidget        *accept_button;
  GtkWidget        *scrolled;

  /* Owned */
  GHashTable       *fields;      /* key → Field */
  PmEditDialogFunc  func;
  gpointer          user_data;
  GDestroyNotify    destroy;
};

G_DEFINE_FINAL_TYPE (PmEditDialog, pm_edit_dialog, ADW_TYPE_WINDOW)

static void
accept_clicked_cb (PmEditDialog *self)
{
  pm_edit_dialog_clear_errors (self);

  if (self->func (self, self->user_data))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_clicked_cb (PmEditDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
pm_edit_dialog_finalize (GObject *object)
{
  PmEditDialog *self = PM_EDIT_DIALOG (object);

  if (self->destroy != NULL)
    self->destroy (self->user_data);
  g_clear_pointer (&self->fields, g_hash_table_unref);

  G_OBJECT_CLASS (pm_edit_dialog_parent_class)->finalize (object);
}

static void
pm_edit_dialog_class_init (PmEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pm_edit_dialog_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pm_edit_dialog_init (PmEditDialog *self)
{
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

PmEditDialog *
pm_edit_dialog_new (GtkWindow        *parent,
                    const char       *title,
                    const char       *accept_label,
                    PmEditDialogFunc  func,
                    gpointer          user_data,
                    GDestroyNotify    destroy)
{
  PmEditDialog *self;
  GtkWidget *box, *header, *cancel, *scrolled, *clamp, *window_title;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (title != NULL && accept_label != NULL, NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = g_object_new (PM_TYPE_EDIT_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "default-width", 560,
                       "title", title,
                       NULL);
  self->func = func;
  self->user_data = user_data;
  self->destroy = destroy;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  window_title = adw_window_title_new (title, NULL);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), window_title);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);

  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);

  self->accept_button = gtk_button_new_with_mnemonic (accept_label);
  gtk_widget_add_css_class (self->accept_button, "suggested-action");
  g_signal_connect_swapped (self->accept_button, "clicked", G_CALLBACK (accept_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->accept_button);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->accept_button);

  self->groups = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (self->groups, 18);
  gtk_widget_set_margin_bottom (self->groups, 18);
  gtk_widget_set_margin_start (self->groups, 18);
  gtk_widget_set_margin_end (self->groups, 18);

  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), self->groups);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 620);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  self->scrolled = scrolled;

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);

  return self;
}

void
pm_edit_dialog_set_subject (PmEditDialog *self,
                            const char   *subject)
{
  GtkWidget *label;

  g_return_if_fail (PM_IS_EDIT_DIALOG (self));
  g_return_if_fail (subject != NULL);

  label = gtk_label_new (subject);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_prepend (GTK_BOX (self->groups), label);
}

void
pm_edit_dialog_add_group (PmEditDialog *self,
                          const char   *title,
                          const char   *description)
{
  GtkWidget *group;

  g_return_if_fail (PM_IS_EDIT_DIALOG (self));

  group = adw_preferences_group_new ();
  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  /* A plain boxed list, so that error rows can sit under their field. */
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->list);
  gtk_box_append (GTK_BOX (self->groups), group);
}

static Field *
add_field (PmEditDialog *self,
           const char   *key,
           GtkWidget    *widget,
           GtkWidget    *row)
{
  Field *field = g_new0 (Field, 1);

  if (self->list == NULL)
    pm_edit_dialog_add_group (self, NULL, NULL);

  field->widget = widget;
  field->row = row;
  field->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (field->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (field->error_label), 0);
  gtk_widget_set_margin_top (field->error_label, 6);
  gtk_widget_set_margin_bottom (field->error_label, 6);
  gtk_widget_set_margin_start (field->error_label, 12);
  gtk_widget_set_margin_end (field->error_label, 12);
  gtk_widget_add_css_class (field->error_label, "error");
  field->error_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (field->error_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (field->error_row), field->error_label);
  gtk_widget_set_visible (field->error_row, FALSE);

  gtk_list_box_append (GTK_LIST_BOX (self->list), row);
  gtk_list_box_append (GTK_LIST_BOX (self->list), field->error_row);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, field->error_label, NULL,
                                  -1);

  g_hash_table_replace (self->fields, g_strdup (key), field);

  /* The first field has the focus, not the header bar's Cancel. */
  if (gtk_window_get_focus (GTK_WINDOW (self)) == NULL && !ADW_IS_COMBO_ROW (widget))
    gtk_window_set_focus (GTK_WINDOW (self), widget);
  return field;
}

GtkWidget *
pm_edit_dialog_add_entry (PmEditDialog *self,
                          const char   *key,
                          const char   *title,
                          const char   *text)
{
  GtkWidget *row;

  g_return_val_if_fail (PM_IS_EDIT_DIALOG (self), NULL);
  g_return_val_if_fail (key != NULL && title != NULL, NULL);

  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  add_field (self, key, row, row);

  return row;
}

GtkWidget *
pm_edit_dialog_add_combo (PmEditDialog       *self,
                          const char         *key,
                          const char         *title,
                          const char * const *labels,
                          guint               selected)
{
  g_autoptr(GtkStringList) model = NULL;
  GtkWidget *row;

  g_return_val_if_fail (PM_IS_EDIT_DIALOG (self), NULL);
  g_return_val_if_fail (key != NULL && title != NULL && labels != NULL, NULL);

  model = gtk_string_list_new (labels);
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  add_field (self, key, row, row);

  return row;
}

GtkWidget *
pm_edit_dialog_add_text (PmEditDialog *self,
                         const char   *key,
                         const char   *title,
                         const char   *text)
{
  GtkWidget *row, *box, *label, *view;

  g_return_val_if_fail (PM_IS_EDIT_DIALOG (self), NULL);
  g_return_val_if_fail (key != NULL && title != NULL, NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");

  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_size_request (view, -1, 80);
  gtk_widget_add_css_class (view, "inline");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text != NULL ? text : "", -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), view);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  add_field (self, key, view, row);

  return view;
}

static Field *
get_field (PmEditDialog *self,
           const char   *key)
{
  Field *field = g_hash_table_lookup (self->fields, key);

  g_return_val_if_fail (field != NULL, NULL);
  return field;
}

GtkWidget *
pm_edit_dialog_get_field (PmEditDialog *self,
                          const char   *key)
{
  Field *field;

  g_return_val_if_fail (PM_IS_EDIT_DIALOG (self), NULL);

  field = get_field (self, key);
  return field != NULL ? field->widget : NULL;
}

char *
pm_edit_dialog_get_text (PmEditDialog *self,
                         const char   *key)
{
  Field *field;
  char *text;

  g_return_val_if_fail (PM_IS_EDIT_DIALOG (self), NULL);

  field = get_field (self, key);
  if (field == NULL)
    return g_strdup ("");

  if (GTK_IS_TEXT_VIEW (field->widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  else
    {
      text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget)));
    }

  return g_strstrip (text);
}

guint
pm_edit_dialog_get_selected (PmEditDialog *self,
                             const char   *key)
{
  Field *field;

  g_return_val_if_fail (PM_IS_EDIT_DIALOG (self), 0);

  field = get_field (self, key);
  g_return_val_if_fail (field != NULL && ADW_IS_COMBO_ROW (field->widget), 0);

  return adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));
}

void
pm_edit_dialog_set_field_visible (PmEditDialog *self,
                                  const char   *key,
                                  gboolean      visible)
{
  Field *field;

  g_return_if_fail (PM_IS_EDIT_DIALOG (self));

  field = get_field (self, key);
  if (field == NULL)
    return;

  gtk_widget_set_visible (field->row, visible);
  if (!visible)
    gtk_widget_set_visible (field->error_row, FALSE);
}

/* A window keeps its size when its content would like more: so that a
 * message shown under a field is never cut, the window is sized to its
 * content again (up to the list's most, beyond which it scrolls) once
 * the message is laid out. */
static gboolean
grow_to_content_cb (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  int width, height;

  /* (GTK 4.8 takes no NULL here.) */
  gtk_window_get_default_size (GTK_WINDOW (widget), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (widget), width, -1);

  return G_SOURCE_REMOVE;
}

static void
grow_to_content (PmEditDialog *self)
{
  gtk_widget_add_tick_callback (GTK_WIDGET (self), grow_to_content_cb, NULL, NULL);
}

void
pm_edit_dialog_set_error (PmEditDialog *self,
                          const char   *key,
                          const char   *message)
{
  Field *field;

  g_return_if_fail (PM_IS_EDIT_DIALOG (self));

  field = get_field (self, key);
  if (field == NULL)
    return;

  gtk_label_set_label (GTK_LABEL (field->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (field->error_row, message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (field->row, "error");
      gtk_widget_grab_focus (field->widget);
      grow_to_content (self);
    }
  else
    {
      gtk_widget_remove_css_class (field->row, "error");
    }
}

void
pm_edit_dialog_clear_errors (PmEditDialog *self)
{
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (PM_IS_EDIT_DIALOG (self));

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    pm_edit_dialog_set_error (self, key, NULL);
}
