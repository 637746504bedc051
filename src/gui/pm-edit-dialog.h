/* pm-edit-dialog.h: a small form in a dialog, with errors beside fields
 *
 * Fields are added by key; the accept callback reads them, and either
 * succeeds (the dialog closes) or marks what is wrong with
 * pm_edit_dialog_set_error() and returns FALSE (the dialog stays open
 * with what was typed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PM_TYPE_EDIT_DIALOG (pm_edit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PmEditDialog, pm_edit_dialog, PM, EDIT_DIALOG, AdwWindow)

/* TRUE to close the dialog. */
typedef gboolean (*PmEditDialogFunc) (PmEditDialog *dialog,
                                      gpointer      user_data);

PmEditDialog *pm_edit_dialog_new          (GtkWindow           *parent,
                                           const char          *title,
                                           const char          *accept_label,
                                           PmEditDialogFunc     func,
                                           gpointer             user_data,
                                           GDestroyNotify       destroy);
/* What the form is about ("WCFC to work with 75 families…"), shown in
 * full above the fields. */
void          pm_edit_dialog_set_subject  (PmEditDialog        *self,
                                           const char          *subject);
/* Starts a new group of fields; @description may be NULL. */
void          pm_edit_dialog_add_group    (PmEditDialog        *self,
                                           const char          *title,
                                           const char          *description);
GtkWidget    *pm_edit_dialog_add_entry    (PmEditDialog        *self,
                                           const char          *key,
                                           const char          *title,
                                           const char          *text);
GtkWidget    *pm_edit_dialog_add_combo    (PmEditDialog        *self,
                                           const char          *key,
                                           const char          *title,
                                           const char * const  *labels,
                                           guint                selected);
/* Several lines of text. */
GtkWidget    *pm_edit_dialog_add_text     (PmEditDialog        *self,
                                           const char          *key,
                                           const char          *title,
                                           const char          *text);
/* The field's widget (AdwEntryRow, AdwComboRow or GtkTextView). */
GtkWidget    *pm_edit_dialog_get_field    (PmEditDialog        *self,
                                           const char          *key);
/* The field's text, trimmed (a new string, "" when empty). */
char         *pm_edit_dialog_get_text     (PmEditDialog        *self,
                                           const char          *key);
guint         pm_edit_dialog_get_selected (PmEditDialog        *self,
                                           const char          *key);
void          pm_edit_dialog_set_field_visible (PmEditDialog   *self,
                                                const char     *key,
                                                gboolean        visible);
/* Shows @message under the field, or clears it for NULL. */
void          pm_edit_dialog_set_error    (PmEditDialog        *self,
                                           const char          *key,
                                           const char          *message);
void          pm_edit_dialog_clear_errors (PmEditDialog        *self);

G_END_DECLS
