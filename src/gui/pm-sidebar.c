/* pm-sidebar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-format.h"
#include "pm-sidebar.h"

struct _PmSidebar
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;

  /* Owned references */
  PmProgramme        *programme;
  GObject            *selected_item;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GSignalGroup       *selection_signals;
  char               *search_key;
};

G_DEFINE_FINAL_TYPE (PmSidebar, pm_sidebar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROGRAMME,
  PROP_SELECTED_ITEM,
  PROP_SEARCH_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  if (PM_IS_DISTRICT (item))
    return g_object_ref (pm_district_get_pilots (PM_DISTRICT (item)));
  /* Listed only when a search finds them. */
  if (PM_IS_PILOT (item))
    return g_object_ref (pm_pilot_get_kpis (PM_PILOT (item)));

  return NULL;
}

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  PmSidebar *self = user_data;
  GObject *object = gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (item));
  gboolean visible = TRUE;

  if (PM_IS_KPI (object))
    visible = self->search_key != NULL && pm_search_text_matches (pm_kpi_get_title (PM_KPI (object)),
                                                                   self->search_key);
  else if (self->search_key == NULL)
    visible = TRUE;
  else if (PM_IS_PILOT (object))
    visible = pm_search_pilot_matches (PM_PILOT (object), self->search_key);
  else if (PM_IS_DISTRICT (object))
    visible = pm_search_district_matches (PM_DISTRICT (object), self->search_key);
  else
    visible = FALSE;   /* the overview is not a search result */

  g_clear_object (&object);
  return visible;
}

static void
update_empty_state (PmSidebar *self)
{
  gboolean empty = self->filtered == NULL
                   || g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty && self->search_key != NULL ? "no-results" : "list");
}

static void
search_changed_cb (PmSidebar *self)
{
  g_clear_pointer (&self->search_key, g_free);
  self->search_key = pm_search_prepare (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty_state (self);
}

static void
stop_search_cb (PmSidebar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* Enter in the search entry opens the first result. */
static void
search_activate_cb (PmSidebar *self)
{
  for (guint i = 0; self->filtered != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->filtered)); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);
      g_autoptr(GObject) object = gtk_tree_list_row_get_item (row);

      if (PM_IS_PILOT (object))
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
          return;
        }
    }
}

static void
selection_changed_cb (PmSidebar *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GObject) object = NULL;

  /* A search hiding the selected row leaves the page as it was. */
  if (row == NULL)
    return;

  object = gtk_tree_list_row_get_item (row);
  if (g_set_object (&self->selected_item, object))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ITEM]);
}

/* Enter on a row, or a double click. */
static void
list_activate_cb (PmSidebar *self,
                  guint      position)
{
  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  else
    g_signal_emit (self, signals[ACTIVATED], 0);
}

/* A click on the row already selected selects nothing new: say so. */
static void
row_released_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkListItem     *item)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  PmSidebar *self = PM_SIDEBAR (gtk_widget_get_ancestor (widget, PM_TYPE_SIDEBAR));

  if (self != NULL && n_press == 1 && gtk_list_item_get_selected (item))
    g_signal_emit (self, signals[ACTIVATED], 0);
}

static void
search_mode_changed_cb (PmSidebar *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

/* Rows */

static gboolean
status_to_label (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  g_value_set_string (to, pm_format_lead_status (g_value_get_enum (from)));
  return TRUE;
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkGesture *click = gtk_gesture_click_new ();

  /* Bubbling up from the row's contents, before the list's own click
   * (which would select again, and do nothing more). */
  g_signal_connect_object (click, "released", G_CALLBACK (row_released_cb), item, 0);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (click));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 28);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_list_item_set_child (item, box);
}

static void
unbind_all (gpointer data)
{
  GPtrArray *bindings = data;

  for (guint i = 0; i < bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (bindings, i));
  g_ptr_array_unref (bindings);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  g_autoptr(GObject) object = gtk_tree_list_row_get_item (row);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *labels = gtk_widget_get_next_sibling (icon);
  GtkWidget *title = gtk_widget_get_first_child (labels);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GPtrArray *bindings = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_set_margin_start (box, 0);
  gtk_widget_set_visible (icon, TRUE);
  gtk_widget_set_visible (subtitle, TRUE);

  if (PM_IS_KPI (object))
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "view-list-bullet-symbolic");
      gtk_widget_set_margin_start (box, 24);
      g_ptr_array_add (bindings, g_object_ref (g_object_bind_property (object, "title", title, "label",
                                                                      G_BINDING_SYNC_CREATE)));
      gtk_label_set_label (GTK_LABEL (subtitle), _("KPI"));
    }
  else if (PM_IS_PILOT (object))
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "x-office-spreadsheet-symbolic");
      gtk_widget_set_margin_start (box, 12);
      g_ptr_array_add (bindings, g_object_ref (g_object_bind_property (object, "title", title, "label",
                                                                      G_BINDING_SYNC_CREATE)));
      g_ptr_array_add (bindings, g_object_ref (g_object_bind_property_full (object, "delivery-status",
                                                                           subtitle, "label",
                                                                           G_BINDING_SYNC_CREATE,
                                                                           status_to_label, NULL,
                                                                           NULL, NULL)));
    }
  else if (PM_IS_DISTRICT (object))
    {
      /* A row like the others (it opens the district's page), not a
       * heading. */
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "mark-location-symbolic");
      g_ptr_array_add (bindings, g_object_ref (g_object_bind_property (object, "name", title, "label",
                                                                      G_BINDING_SYNC_CREATE)));
      gtk_widget_set_visible (subtitle, FALSE);
    }
  else
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "view-grid-symbolic");
      gtk_label_set_label (GTK_LABEL (title), _("Programme Overview"));
      gtk_widget_set_visible (subtitle, FALSE);
    }

  g_object_set_data_full (G_OBJECT (item), "pm-bindings", bindings, unbind_all);
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  g_object_set_data (G_OBJECT (item), "pm-bindings", NULL);
}

/* GObject */

static void
pm_sidebar_dispose (GObject *object)
{
  PmSidebar *self = PM_SIDEBAR (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  if (self->selection_signals != NULL)
    g_signal_group_set_target (self->selection_signals, NULL);
  /* AdwBin would unparent its child a second time after the template
   * has: let it go first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_SIDEBAR);
  g_clear_object (&self->selection_signals);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->selected_item);
  g_clear_object (&self->programme);

  G_OBJECT_CLASS (pm_sidebar_parent_class)->dispose (object);
}

static void
pm_sidebar_finalize (GObject *object)
{
  PmSidebar *self = PM_SIDEBAR (object);

  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (pm_sidebar_parent_class)->finalize (object);
}

static void
pm_sidebar_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PmSidebar *self = PM_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_PROGRAMME:
      g_value_set_object (value, self->programme);
      break;

    case PROP_SELECTED_ITEM:
      g_value_set_object (value, self->selected_item);
      break;

    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, pm_sidebar_get_search_mode (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_sidebar_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PmSidebar *self = PM_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_PROGRAMME:
      pm_sidebar_set_programme (self, g_value_get_object (value));
      break;

    case PROP_SEARCH_MODE:
      pm_sidebar_set_search_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_sidebar_class_init (PmSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_sidebar_dispose;
  object_class->finalize = pm_sidebar_finalize;
  object_class->get_property = pm_sidebar_get_property;
  object_class->set_property = pm_sidebar_set_property;

  properties[PROP_PROGRAMME] =
    g_param_spec_object ("programme", NULL, NULL, PM_TYPE_PROGRAMME,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ITEM] =
    g_param_spec_object ("selected-item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilotmonitor/PilotMonitor/pm-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, PmSidebar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PmSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PmSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, PmSidebar, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pm_sidebar_init (PmSidebar *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->selection_signals = g_signal_group_new (GTK_TYPE_SINGLE_SELECTION);
  g_signal_group_connect_swapped (self->selection_signals, "notify::selected-item",
                                  G_CALLBACK (selection_changed_cb), self);
}

/* Public API */

GtkWidget *
pm_sidebar_new (void)
{
  return g_object_new (PM_TYPE_SIDEBAR, NULL);
}

void
pm_sidebar_set_programme (PmSidebar   *self,
                          PmProgramme *programme)
{
  g_autoptr(GListStore) top = NULL;
  g_autoptr(GListStore) roots = NULL;
  GtkFlattenListModel *flat;
  GtkTreeListModel *tree;

  g_return_if_fail (PM_IS_SIDEBAR (self));
  g_return_if_fail (programme == NULL || PM_IS_PROGRAMME (programme));

  if (!g_set_object (&self->programme, programme))
    return;

  gtk_list_view_set_model (self->list_view, NULL);
  g_signal_group_set_target (self->selection_signals, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);

  if (programme != NULL)
    {
      /* The overview row, then each district with its pilots below it. */
      top = g_list_store_new (G_TYPE_OBJECT);
      g_list_store_append (top, programme);
      roots = g_list_store_new (G_TYPE_LIST_MODEL);
      g_list_store_append (roots, top);
      g_list_store_append (roots, pm_programme_get_districts (programme));

      flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&roots)));
      tree = gtk_tree_list_model_new (G_LIST_MODEL (flat), FALSE, TRUE, create_children_cb, NULL, NULL);
      self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (tree), GTK_FILTER (g_object_ref (self->filter)));
      self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, FALSE);
      gtk_single_selection_set_selected (self->selection, 0);

      g_signal_group_set_target (self->selection_signals, self->selection);
      g_signal_connect_swapped (self->filtered, "items-changed",
                                G_CALLBACK (update_empty_state), self);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
    }

  g_clear_object (&self->selected_item);
  if (programme != NULL)
    self->selected_item = G_OBJECT (g_object_ref (programme));

  update_empty_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMME]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ITEM]);
}

GObject *
pm_sidebar_get_selected_item (PmSidebar *self)
{
  g_return_val_if_fail (PM_IS_SIDEBAR (self), NULL);

  return self->selected_item;
}

static gboolean
find_position (PmSidebar *self,
               GObject   *item,
               guint     *position)
{
  GListModel *model = G_LIST_MODEL (self->filtered);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(GObject) object = gtk_tree_list_row_get_item (row);

      if (object == item)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
pm_sidebar_select (PmSidebar *self,
                   GObject   *item)
{
  guint position = 0;

  g_return_val_if_fail (PM_IS_SIDEBAR (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);

  if (self->filtered == NULL)
    return FALSE;

  if (!find_position (self, item, &position))
    {
      stop_search_cb (self);
      if (!find_position (self, item, &position))
        return FALSE;
    }

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  return TRUE;
}

void
pm_sidebar_set_search_mode (PmSidebar *self,
                            gboolean   search_mode)
{
  g_return_if_fail (PM_IS_SIDEBAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, search_mode);
  if (search_mode)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
pm_sidebar_get_search_mode (PmSidebar *self)
{
  g_return_val_if_fail (PM_IS_SIDEBAR (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}

const char *
pm_sidebar_get_search_key (PmSidebar *self)
{
  g_return_val_if_fail (PM_IS_SIDEBAR (self), NULL);

  return self->search_key;
}

void
pm_sidebar_set_key_capture_widget (PmSidebar *self,
                                   GtkWidget *widget)
{
  g_return_if_fail (PM_IS_SIDEBAR (self));

  gtk_search_bar_set_key_capture_widget (self->search_bar, widget);
}
