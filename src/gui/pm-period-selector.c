/* pm-period-selector.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-format.h"
#include "pm-period-list.h"
#include "pm-period-selector.h"

struct _PmPeriodSelector
{
  AdwBin        parent_instance;

  /* Template widgets */
  GtkDropDown  *drop_down;

  /* Owned references */
  PmProgramme  *programme;
  PmPeriod     *period;
  GListStore   *periods;
  GHashTable   *with_values;    /* codes of the periods with values */

  guint         frequencies;    /* those offered, as pm_period_list_frequencies() */
  gboolean      rebuilding;
};

G_DEFINE_FINAL_TYPE (PmPeriodSelector, pm_period_selector, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROGRAMME,
  PROP_PERIOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
period_label_cb (PmPeriod *period,
                 gpointer  user_data)
{
  return period != NULL ? pm_period_get_label (period) : NULL;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The drop-down's own search filters a GtkFilterListModel under its popup
 * list; GTK 4.8 has no setting for where a match may start. */
static GtkFilterListModel *
find_search_model (PmPeriodSelector *self)
{
  GtkWidget *list = find_descendant (GTK_WIDGET (self->drop_down), GTK_TYPE_LIST_VIEW);
  GtkSelectionModel *selection;
  GListModel *model;

  if (list == NULL)
    return NULL;
  selection = gtk_list_view_get_model (GTK_LIST_VIEW (list));
  if (!GTK_IS_SINGLE_SELECTION (selection))
    return NULL;
  model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection));

  return GTK_IS_FILTER_LIST_MODEL (model) ? GTK_FILTER_LIST_MODEL (model) : NULL;
}

static void
search_changed_cb (PmPeriodSelector *self)
{
  GtkFilterListModel *model = find_search_model (self);
  GtkFilter *filter = model != NULL ? gtk_filter_list_model_get_filter (model) : NULL;

  /* "2016" finds Q3 2016/17: a match anywhere in the label. */
  if (GTK_IS_STRING_FILTER (filter))
    gtk_string_filter_set_match_mode (GTK_STRING_FILTER (filter), GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
}

/* Enter takes the first quarter the search left. */
static void
search_activate_cb (PmPeriodSelector *self)
{
  GtkFilterListModel *model = find_search_model (self);
  g_autoptr(PmPeriod) first = NULL;
  GtkWidget *popover;

  if (model == NULL || g_list_model_get_n_items (G_LIST_MODEL (model)) == 0)
    return;

  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  pm_period_selector_set_period (self, first);

  popover = find_descendant (GTK_WIDGET (self->drop_down), GTK_TYPE_POPOVER);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
item_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *mark = gtk_label_new (_("values entered"));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (mark, "dim-label");
  gtk_widget_add_css_class (mark, "caption");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), mark);
  gtk_list_item_set_child (item, box);
}

static void
item_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PmPeriodSelector         *self)
{
  PmPeriod *period = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *mark = gtk_widget_get_next_sibling (label);
  g_autofree char *text = pm_period_list_get_label (period);
  gboolean month = pm_period_get_frequency (period) == PM_FREQUENCY_MONTHLY;

  gtk_label_set_label (GTK_LABEL (label), text);
  /* Months stand under their quarter, when quarters are offered too. */
  gtk_widget_set_margin_start (label,
                               month && (self->frequencies & (1u << PM_FREQUENCY_QUARTERLY)) != 0 ? 18 : 0);
  gtk_widget_set_visible (mark, pm_period_list_has_values (self->with_values, period));
}

/* Where @period is in the list, or -1. */
static int
find_period (PmPeriodSelector *self,
             PmPeriod         *period)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->periods));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PmPeriod) each = g_list_model_get_item (G_LIST_MODEL (self->periods), i);

      if (pm_period_equal (each, period))
        return (int) i;
    }

  return -1;
}

static void
select_period (PmPeriodSelector *self)
{
  int position = find_period (self, self->period);

  if (position >= 0)
    gtk_drop_down_set_selected (self->drop_down, (guint) position);
}

/* Offers the periods of the programme's frequencies around the data and
 * the current quarter, and the selected one even when it lies outside
 * them or is of a frequency no KPI has now. */
static void
rebuild (PmPeriodSelector *self)
{
  g_autoptr(PmPeriod) current = pm_period_new_current ();
  g_autoptr(GPtrArray) items = NULL;
  guint frequencies = pm_period_list_frequencies (self->programme);
  int first, last;

  pm_period_range (self->programme, current, &first, &last);
  g_clear_pointer (&self->with_values, g_hash_table_unref);
  self->with_values = pm_period_list_with_values (self->programme);
  if (self->period != NULL)
    {
      first = MIN (first, pm_period_get_quarter_index (self->period));
      last = MAX (last, pm_period_get_quarter_index (self->period));
      frequencies |= 1u << pm_period_get_frequency (self->period);
    }
  items = pm_period_list_build (frequencies, first, last);

  /* The drop-down selects something while its model changes: ignore it. */
  self->frequencies = frequencies;
  self->rebuilding = TRUE;
  g_list_store_splice (self->periods, 0, g_list_model_get_n_items (G_LIST_MODEL (self->periods)),
                       items->pdata, items->len);
  self->rebuilding = FALSE;
  select_period (self);
}

static void
selected_changed_cb (PmPeriodSelector *self)
{
  PmPeriod *period = gtk_drop_down_get_selected_item (self->drop_down);

  if (self->rebuilding || period == NULL || (self->period != NULL && pm_period_equal (period, self->period)))
    return;

  g_set_object (&self->period, period);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

static void
pm_period_selector_dispose (GObject *object)
{
  PmPeriodSelector *self = PM_PERIOD_SELECTOR (object);

  /* The drop-down lets go of its selection as it goes: not a choice. */
  self->rebuilding = TRUE;
  /* AdwBin would unparent its child a second time after the template
   * has: let it go first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_PERIOD_SELECTOR);
  g_clear_object (&self->programme);
  g_clear_object (&self->period);
  g_clear_object (&self->periods);
  g_clear_pointer (&self->with_values, g_hash_table_unref);

  G_OBJECT_CLASS (pm_period_selector_parent_class)->dispose (object);
}

static void
pm_period_selector_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PmPeriodSelector *self = PM_PERIOD_SELECTOR (object);

  switch (prop_id)
    {
    case PROP_PROGRAMME:
      g_value_set_object (value, self->programme);
      break;

    case PROP_PERIOD:
      g_value_set_object (value, self->period);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_period_selector_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PmPeriodSelector *self = PM_PERIOD_SELECTOR (object);

  switch (prop_id)
    {
    case PROP_PROGRAMME:
      pm_period_selector_set_programme (self, g_value_get_object (value));
      break;

    case PROP_PERIOD:
      pm_period_selector_set_period (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_period_selector_class_init (PmPeriodSelectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_period_selector_dispose;
  object_class->get_property = pm_period_selector_get_property;
  object_class->set_property = pm_period_selector_set_property;

  properties[PROP_PROGRAMME] =
    g_param_spec_object ("programme", NULL, NULL, PM_TYPE_PROGRAMME,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD] =
    g_param_spec_object ("period", NULL, NULL, PM_TYPE_PERIOD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilotmonitor/PilotMonitor/pm-period-selector.ui");
  gtk_widget_class_bind_template_child (widget_class, PmPeriodSelector, drop_down);
  gtk_widget_class_bind_template_callback (widget_class, selected_changed_cb);
}

static void
pm_period_selector_init (PmPeriodSelector *self)
{
  g_autoptr(GtkExpression) expression = NULL;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *search;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->periods = g_list_store_new (PM_TYPE_PERIOD);
  self->period = pm_period_new_current ();

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (period_label_cb), NULL, NULL);
  gtk_drop_down_set_expression (self->drop_down, expression);
  gtk_drop_down_set_model (self->drop_down, G_LIST_MODEL (self->periods));

  /* The popup marks the quarters that have values. */
  g_signal_connect (factory, "setup", G_CALLBACK (item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (item_bind_cb), self);
  gtk_drop_down_set_list_factory (self->drop_down, factory);

  search = find_descendant (GTK_WIDGET (self->drop_down), GTK_TYPE_SEARCH_ENTRY);
  if (search != NULL)
    {
      g_signal_connect_object (search, "search-changed", G_CALLBACK (search_changed_cb),
                               self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (search, "activate", G_CALLBACK (search_activate_cb),
                               self, G_CONNECT_SWAPPED);
    }
  search_changed_cb (self);
  rebuild (self);
}

GtkWidget *
pm_period_selector_new (void)
{
  return g_object_new (PM_TYPE_PERIOD_SELECTOR, NULL);
}

void
pm_period_selector_set_programme (PmPeriodSelector *self,
                                  PmProgramme      *programme)
{
  g_return_if_fail (PM_IS_PERIOD_SELECTOR (self));
  g_return_if_fail (programme == NULL || PM_IS_PROGRAMME (programme));

  if (!g_set_object (&self->programme, programme))
    return;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMME]);
}

PmPeriod *
pm_period_selector_get_period (PmPeriodSelector *self)
{
  g_return_val_if_fail (PM_IS_PERIOD_SELECTOR (self), NULL);

  return self->period;
}

void
pm_period_selector_set_period (PmPeriodSelector *self,
                               PmPeriod         *period)
{
  int position;

  g_return_if_fail (PM_IS_PERIOD_SELECTOR (self));
  g_return_if_fail (PM_IS_PERIOD (period));

  /* A year or a month stays itself: the list offers it (rebuilt to, if
   * no KPI is of its frequency now). */
  if (self->period != NULL && pm_period_equal (self->period, period))
    return;

  position = find_period (self, period);
  if (position < 0)
    {
      g_set_object (&self->period, period);
      rebuild (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
      return;
    }

  /* selected_changed_cb() takes it from here. */
  gtk_drop_down_set_selected (self->drop_down, (guint) position);
}

gboolean
pm_period_selector_has_values (PmPeriodSelector *self,
                               PmPeriod         *period)
{
  g_return_val_if_fail (PM_IS_PERIOD_SELECTOR (self), FALSE);
  g_return_val_if_fail (PM_IS_PERIOD (period), FALSE);

  return pm_period_list_has_values (self->with_values, period);
}

void
pm_period_selector_refresh (PmPeriodSelector *self)
{
  g_autoptr(GHashTable) now = NULL;
  GHashTableIter iter;
  gpointer key;
  gboolean same;

  g_return_if_fail (PM_IS_PERIOD_SELECTOR (self));

  /* A KPI's frequency may have changed, or the first value of a period
   * come. */
  now = pm_period_list_with_values (self->programme);
  same = (pm_period_list_frequencies (self->programme) & ~self->frequencies) == 0
         && g_hash_table_size (now) == g_hash_table_size (self->with_values);
  g_hash_table_iter_init (&iter, now);
  while (same && g_hash_table_iter_next (&iter, &key, NULL))
    same = g_hash_table_contains (self->with_values, key);

  /* The list's rows are bound again only when its items change. */
  if (!same)
    rebuild (self);
}
