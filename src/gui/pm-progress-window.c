/* pm-progress-window.c: a long task's progress, with Cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-progress-window.h"

struct _PmProgressWindow
{
  AdwWindow       parent_instance;

  GtkProgressBar *bar;
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (PmProgressWindow, pm_progress_window, ADW_TYPE_WINDOW)

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PmProgressWindow *self = PM_PROGRESS_WINDOW (widget);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_action_set_enabled (widget, "progress.cancel", FALSE);
}

static gboolean
pm_progress_window_close_request (GtkWindow *window)
{
  /* Closed by the window manager: the same as Cancel; the task's end
   * closes the window for good. */
  gtk_widget_activate_action (GTK_WIDGET (window), "progress.cancel", NULL);
  return GDK_EVENT_STOP;
}

static void
pm_progress_window_dispose (GObject *object)
{
  PmProgressWindow *self = PM_PROGRESS_WINDOW (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pm_progress_window_parent_class)->dispose (object);
}

static void
pm_progress_window_class_init (PmProgressWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_progress_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = pm_progress_window_close_request;

  gtk_widget_class_install_action (widget_class, "progress.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "progress.cancel", NULL);
}

static void
pm_progress_window_init (PmProgressWindow *self)
{
  self->cancellable = g_cancellable_new ();
}

PmProgressWindow *
pm_progress_window_new (GtkWindow  *parent,
                        const char *title)
{
  PmProgressWindow *self;
  GtkWidget *box, *label, *cancel;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (PM_TYPE_PROGRESS_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       "resizable", FALSE,
                       "default-width", 420,
                       "title", title,
                       NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);

  label = gtk_label_new (title);
  gtk_widget_add_css_class (label, "title-4");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);

  self->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->bar, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->bar));

  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_halign (cancel, GTK_ALIGN_END);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "progress.cancel");
  gtk_box_append (GTK_BOX (box), cancel);

  adw_window_set_content (ADW_WINDOW (self), box);

  return self;
}

GCancellable *
pm_progress_window_get_cancellable (PmProgressWindow *self)
{
  g_return_val_if_fail (PM_IS_PROGRESS_WINDOW (self), NULL);

  return self->cancellable;
}

void
pm_progress_window_set_progress (PmProgressWindow *self,
                                 double            fraction,
                                 const char       *text)
{
  g_return_if_fail (PM_IS_PROGRESS_WINDOW (self));

  gtk_progress_bar_set_fraction (self->bar, CLAMP (fraction, 0, 1));
  gtk_progress_bar_set_text (self->bar, text);
}

double
pm_progress_window_get_fraction (PmProgressWindow *self)
{
  g_return_val_if_fail (PM_IS_PROGRESS_WINDOW (self), 0);

  return gtk_progress_bar_get_fraction (self->bar);
}
