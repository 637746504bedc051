/* pm-people-page.c: the people of a programme on a server
 *
 * A table of name, role and districts over pm_session_list_people(),
 * read again each time the page is shown and after each change. Adding
 * asks for the name, the role, a lead's districts (only shown for a lead)
 * and an optional password in one dialog; removing asks first. What the
 * server refuses (a name taken, your own login) is a toast here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-format.h"
#include "pm-people-page.h"
#include "store/pm-store-people.h"

struct _PmPeoplePage
{
  AdwBin               parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toasts;
  GtkColumnView       *people_view;
  GtkWidget           *add_button;
  GtkWidget           *remove_button;

  /* Owned references */
  PmSession           *session;
  AdwToast            *toast;         /* the latest failure, while it shows */
  GListStore          *people;        /* PmPerson */
  GtkSingleSelection  *selection;
};

G_DEFINE_FINAL_TYPE (PmPeoplePage, pm_people_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The roles offered, in the order of the form's drop-down. */
static const PmAccess offered[] = { PM_ACCESS_OFFICE, PM_ACCESS_LEAD, PM_ACCESS_VIEWER };

static void
toast_dismissed_cb (AdwToast     *toast,
                    PmPeoplePage *self)
{
  if (toast == self->toast)
    g_clear_object (&self->toast);
}

static void
show_error (PmPeoplePage *self,
            const GError *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  g_set_object (&self->toast, toast);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

AdwToast *
pm_people_page_get_toast (PmPeoplePage *self)
{
  g_return_val_if_fail (PM_IS_PEOPLE_PAGE (self), NULL);

  return self->toast;
}

static PmPerson *
get_selected (PmPeoplePage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (PmPeoplePage *self)
{
  gboolean may = self->session != NULL && pm_session_may_manage_people (self->session);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.add", may);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.remove", may && get_selected (self) != NULL);
}

void
pm_people_page_reload (PmPeoplePage *self)
{
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (PM_IS_PEOPLE_PAGE (self));

  if (self->session != NULL && pm_session_may_manage_people (self->session))
    people = pm_session_list_people (self->session, &error);
  if (error != NULL)
    show_error (self, error);

  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
    g_ptr_array_add (items, g_list_model_get_item (people, i));
  g_list_store_splice (self->people, 0, g_list_model_get_n_items (G_LIST_MODEL (self->people)),
                       items->pdata, items->len);
  update_actions (self);
}

GListModel *
pm_people_page_get_people (PmPeoplePage *self)
{
  g_return_val_if_fail (PM_IS_PEOPLE_PAGE (self), NULL);

  return G_LIST_MODEL (self->people);
}

/* The table */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  column)
{
  PmPerson *person = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  switch (GPOINTER_TO_INT (column))
    {
    case 0:
      text = g_strdup (pm_person_get_name (person));
      break;
    case 1:
      text = g_strdup (pm_format_access (pm_person_get_access (person)));
      break;
    default:
      text = pm_format_name_list (pm_person_get_districts (person));
      break;
    }
  gtk_label_set_label (label, text);
}

static void
add_column (PmPeoplePage *self,
            const char   *title,
            int           column,
            gboolean      expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_append_column (self->people_view, view_column);
}

/* Adding */

typedef struct
{
  PmPeoplePage *page;
  GtkEditable  *name;
  AdwComboRow  *role;
  GtkEditable  *password;
  GtkWidget    *districts_group;
  GPtrArray    *district_checks;   /* GtkCheckButton, named after its district */
} AddForm;

static void
add_form_free (gpointer  data,
               GClosure *closure)
{
  AddForm *form = data;

  g_object_unref (form->page);
  g_ptr_array_unref (form->district_checks);
  g_free (form);
}

static PmAccess
form_access (AddForm *form)
{
  guint selected = adw_combo_row_get_selected (form->role);

  return selected < G_N_ELEMENTS (offered) ? offered[selected] : PM_ACCESS_VIEWER;
}

static void
role_changed_cb (AddForm *form)
{
  gtk_widget_set_visible (form->districts_group, form_access (form) == PM_ACCESS_LEAD);
}

static void
add_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 AddForm          *form)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) districts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const char *password;
  PmAccess access;

  if (g_strcmp0 (response, "add") != 0)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (form->name)));
  password = gtk_editable_get_text (form->password);
  access = form_access (form);
  for (guint i = 0; access == PM_ACCESS_LEAD && i < form->district_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (form->district_checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (builder, gtk_widget_get_name (GTK_WIDGET (check)));
    }
  districts = g_strv_builder_end (builder);

  if (!pm_session_add_person (form->page->session, name, access, (const char * const *) districts,
                              password[0] != '\0' ? password : NULL, &error))
    show_error (form->page, error);
  pm_people_page_reload (form->page);
}

static GtkWidget *
build_add_form (PmPeoplePage *self,
                AddForm      *form)
{
  PmProgramme *programme = pm_session_get_programme (self->session);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *fields = gtk_list_box_new ();
  GtkWidget *districts = gtk_list_box_new ();
  GtkWidget *name = adw_entry_row_new ();
  GtkWidget *role = adw_combo_row_new ();
  GtkWidget *password = adw_password_entry_row_new ();
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  GListModel *list = programme != NULL ? pm_programme_get_districts (programme) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (offered); i++)
    gtk_string_list_append (roles, pm_format_access (offered[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Login name"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (role), _("Role"));
  adw_combo_row_set_model (ADW_COMBO_ROW (role), G_LIST_MODEL (roles));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (password), _("Password (optional)"));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (fields), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (fields, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (fields), name);
  gtk_list_box_append (GTK_LIST_BOX (fields), role);
  gtk_list_box_append (GTK_LIST_BOX (fields), password);
  gtk_box_append (GTK_BOX (box), fields);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (districts), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (districts, "boxed-list");
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (list, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pm_district_get_name (district));
      gtk_widget_set_name (check, pm_district_get_name (district));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (districts), row);
      g_ptr_array_add (form->district_checks, check);
    }
  gtk_box_append (GTK_BOX (box), districts);

  form->name = GTK_EDITABLE (name);
  form->role = ADW_COMBO_ROW (role);
  form->password = GTK_EDITABLE (password);
  form->districts_group = districts;
  g_signal_connect_swapped (role, "notify::selected", G_CALLBACK (role_changed_cb), form);
  role_changed_cb (form);
  return box;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PmPeoplePage *self = PM_PEOPLE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  AddForm *form = g_new0 (AddForm, 1);
  AdwMessageDialog *dialog;

  form->page = g_object_ref (self);
  form->district_checks = g_ptr_array_new ();
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Add a Person"),
                                                       _("They log in to the server with this name. "
                                                         "A district lead changes only the districts "
                                                         "ticked below.")));
  adw_message_dialog_set_extra_child (dialog, build_add_form (self, form));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");
  g_signal_connect_data (dialog, "response", G_CALLBACK (add_response_cb), form,
                         add_form_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Removing */

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PmPeoplePage     *self)
{
  const char *name = g_object_get_data (G_OBJECT (dialog), "name");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;

  if (!pm_session_remove_person (self->session, name, &error))
    show_error (self, error);
  pm_people_page_reload (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PmPeoplePage *self = PM_PEOPLE_PAGE (widget);
  PmPerson *person = get_selected (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (person == NULL)
    return;

  /* Translators: asked before removing someone: "Remove jo?" */
  heading = g_strdup_printf (_("Remove %s?"), pm_person_get_name (person));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                                       _("They will no longer be able to open this "
                                                         "programme. The changes they made stay in the "
                                                         "audit trail.")));
  g_object_set_data_full (G_OBJECT (dialog), "name", g_strdup (pm_person_get_name (person)), g_free);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
pm_people_page_dispose (GObject *object)
{
  PmPeoplePage *self = PM_PEOPLE_PAGE (object);

  g_clear_object (&self->toast);
  g_clear_object (&self->selection);
  g_clear_object (&self->people);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pm_people_page_parent_class)->dispose (object);
}

static void
pm_people_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PmPeoplePage *self = PM_PEOPLE_PAGE (object);

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
pm_people_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PmPeoplePage *self = PM_PEOPLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      if (g_set_object (&self->session, g_value_get_object (value)))
        {
          pm_people_page_reload (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_people_page_class_init (PmPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_people_page_dispose;
  object_class->get_property = pm_people_page_get_property;
  object_class->set_property = pm_people_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilotmonitor/PilotMonitor/pm-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PmPeoplePage, toasts);
  gtk_widget_class_bind_template_child (widget_class, PmPeoplePage, people_view);
  gtk_widget_class_bind_template_child (widget_class, PmPeoplePage, add_button);
  gtk_widget_class_bind_template_child (widget_class, PmPeoplePage, remove_button);

  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "people.remove", NULL, remove_action);
}

static void
pm_people_page_init (PmPeoplePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->people = g_list_store_new (PM_TYPE_PERSON);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->people)));
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (update_actions), self);
  gtk_column_view_set_model (self->people_view, GTK_SELECTION_MODEL (self->selection));
  add_column (self, _("Name"), 0, FALSE);
  add_column (self, _("Role"), 1, FALSE);
  add_column (self, _("Districts"), 2, TRUE);
  update_actions (self);
}

/* Public API */

GtkWidget *
pm_people_page_new (PmSession *session)
{
  return g_object_new (PM_TYPE_PEOPLE_PAGE, "session", session, NULL);
}
