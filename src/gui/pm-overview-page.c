/* pm-overview-page.c
 *
 * The page follows its session's programme and quarter; the window says
 * which district, if any. Links to a pilot or a KPI are buttons and rows
 * bound to the window's win.show-pilot and win.show-kpi actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-bin-measure.h"
#include "pm-chase-item.h"
#include "pm-chase-row.h"
#include "pm-mirror.h"
#include "pm-district-chart.h"
#include "pm-indicator-totals-group.h"
#include "pm-overview-page.h"
#include "pm-overview-tables.h"
#include "pm-summary-row.h"
#include "pm-watch.h"

struct _PmOverviewPage
{
  AdwBin            parent_instance;

  /* Template widgets */
  GtkStack         *stack;
  GtkWidget        *content_box;
  GtkLabel         *title_label;
  GtkLabel         *description_label;
  GtkMenuButton    *district_menu_button;
  AdwPreferencesGroup *totals_group;
  GtkGrid          *totals_grid;
  AdwPreferencesGroup *comparison_group;
  PmDistrictChart  *district_chart;
  GtkDropDown      *measure_dropdown;
  AdwPreferencesGroup *pilots_group;
  GtkGrid          *pilots_grid;
  AdwPreferencesGroup *chase_group;
  GtkListBox       *chase_list;
  GtkButton        *more_districts_button;
  GtkButton        *more_pilots_button;
  GtkButton        *more_chase_button;
  PmIndicatorTotalsGroup *indicator_totals;

  /* Owned references */
  PmSession        *session;
  GBindingGroup    *session_bindings;
  GSignalGroup     *programme_signals;
  GSignalGroup     *districts_signals;
  GSignalGroup     *district_signals;
  GSignalGroup     *totals_signals;
  GSignalGroup     *pilots_signals;
  PmProgramme      *programme;
  PmDistrict       *district;
  PmPeriod         *period;
  GListModel       *totals;     /* PmSummaryRow */
  GListModel       *pilots;     /* PmSummaryRow */
  GListStore       *chase;      /* PmChaseItem */
  GListStore       *chase_groups; /* GListStore of PmChaseItem, one per pilot */
  GtkSliceListModel *district_slice; /* PmDistrict, the first shown */
  GtkSliceListModel *pilot_slice;    /* PmPilot, the first shown */
  GtkSliceListModel *chase_slice;    /* of chase_groups, the first shown */
  GListStore       *fixed;      /* PmSummaryRow: the programme's total */
  GListStore       *districts;  /* PmDistrict: the one shown, if any */
  PmWatch          *watch;
  guint             chase_idle;
  /* What is below the first rows, built once they have been drawn. */
  gboolean          rest_pending;
  guint             rest_tick;
  guint             rest_idle;
};

G_DEFINE_FINAL_TYPE (PmOverviewPage, pm_overview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_PROGRAMME,
  PROP_DISTRICT,
  PROP_PERIOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A large programme has hundreds of districts and pilots: a table or
 * the chase list shows its first rows, and the rest when asked, so that
 * the window does not build and lay out thousands of widgets nobody has
 * scrolled to. Rows are made only for what is shown. */
#define FIRST_ROWS 25

static void update_more_buttons (PmOverviewPage *self);

static void
fill_tables (PmOverviewPage *self)
{
  _pm_overview_table_fill (self->totals_grid, PM_OVERVIEW_TABLE_TOTALS, self->totals);
  _pm_overview_table_fill (self->pilots_grid, PM_OVERVIEW_TABLE_PILOTS, self->pilots);
}

static gpointer
summary_row_new_cb (gpointer item,
                    gpointer user_data)
{
  PmOverviewPage *self = user_data;

  return pm_summary_row_new (G_OBJECT (item), self->period);
}

static gpointer
district_pilots_cb (gpointer item,
                    gpointer user_data)
{
  GListModel *pilots = pm_district_get_pilots (PM_DISTRICT (item));

  g_object_unref (item);
  return g_object_ref (pilots);
}

static void
set_rows_period (GListModel *rows,
                 PmPeriod   *period)
{
  for (guint i = 0; rows != NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PmSummaryRow) row = g_list_model_get_item (rows, i);
      pm_summary_row_set_period (row, period);
    }
}

/* One expandable row per pilot keeps a long list short, and its rows are
 * only made when it is opened. */
static void
fill_chase (PmOverviewPage *self)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *group = NULL;
  PmPilot *pilot = NULL;

  pm_chase_list_fill (self->chase, self->programme, self->district, self->period);

  /* Baselines come first, then values, each in programme order: a pilot's
   * items may be in two runs, so look for its group before adding one. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->chase)); i++)
    {
      g_autoptr(PmChaseItem) item = g_list_model_get_item (G_LIST_MODEL (self->chase), i);
      PmPilot *item_pilot = pm_kpi_get_pilot (pm_chase_item_get_kpi (item));

      if (item_pilot != pilot)
        {
          group = NULL;
          for (guint j = 0; j < groups->len && group == NULL; j++)
            {
              g_autoptr(PmChaseItem) first = g_list_model_get_item (g_ptr_array_index (groups, j), 0);

              if (pm_kpi_get_pilot (pm_chase_item_get_kpi (first)) == item_pilot)
                group = g_ptr_array_index (groups, j);
            }
          if (group == NULL)
            {
              group = g_list_store_new (PM_TYPE_CHASE_ITEM);
              g_ptr_array_add (groups, group);
            }
          pilot = item_pilot;
        }

      g_list_store_append (group, item);
    }

  g_list_store_splice (self->chase_groups, 0, g_list_model_get_n_items (G_LIST_MODEL (self->chase_groups)),
                       groups->pdata, groups->len);
  update_more_buttons (self);
}

/* The comparison is across all districts: shown on the programme's page,
 * not on one district's. */
static void
update_comparison (PmOverviewPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->comparison_group),
                          self->programme != NULL && self->district == NULL);
  pm_district_chart_set_programme (self->district_chart, self->programme);
  pm_district_chart_set_period (self->district_chart, self->period);
  pm_district_chart_refresh (self->district_chart);
  pm_indicator_totals_group_update (self->indicator_totals,
                                    self->district == NULL ? self->programme : NULL, self->period);
}

static gboolean
refill_chase_cb (gpointer user_data)
{
  PmOverviewPage *self = user_data;

  self->chase_idle = 0;
  fill_chase (self);
  update_comparison (self);

  return G_SOURCE_REMOVE;
}

/* Saves come one at a time, but a delete or an import changes many
 * things at once: rebuild the chase list once, when they are done. */
static void
queue_chase_refill (gpointer user_data)
{
  PmOverviewPage *self = user_data;

  if (self->chase_idle == 0)
    self->chase_idle = g_idle_add (refill_chase_cb, self);
}

static void
update_texts (PmOverviewPage *self)
{
  g_autofree char *period = self->period != NULL ? pm_period_get_label (self->period) : g_strdup ("");
  g_autofree char *description = NULL;

  if (self->district != NULL)
    {
      gtk_label_set_label (self->title_label, pm_district_get_name (self->district));
      description = g_strdup_printf (_("The district’s pilots for %s, with the district beside the programme as a whole."), period);
      gtk_label_set_label (self->description_label, description);
      adw_preferences_group_set_title (self->totals_group, _("District and Programme"));
    }
  else if (self->programme != NULL)
    {
      const char *text = pm_programme_get_description (self->programme);

      gtk_label_set_label (self->title_label, pm_programme_get_name (self->programme));
      gtk_label_set_label (self->description_label, text != NULL ? text : "");
      adw_preferences_group_set_title (self->totals_group, _("Districts"));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          gtk_label_get_label (self->description_label)[0] != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->district_menu_button), self->district != NULL);

  g_free (description);
  description = g_strdup_printf (_("Reach, spend and KPIs by RAG status at the end of %s."), period);
  adw_preferences_group_set_description (self->totals_group, description);

  g_free (description);
  description = g_strdup_printf (_("Baselines still to be settled and KPIs with no value for %s, by pilot. Open a pilot and select a KPI to go to it."), period);
  adw_preferences_group_set_description (self->chase_group, description);
}

static void
update_stack (PmOverviewPage *self)
{
  gboolean empty = self->programme == NULL
                   || g_list_model_get_n_items (pm_programme_get_districts (self->programme)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "overview");
}

/* What lies below the districts' first rows: the programme's total, the
 * comparison, the pilots and the chase list, and the watch that keeps
 * the chase list and the comparison current. */
static void
build_rest (PmOverviewPage *self)
{
  GListModel *district_list = self->district != NULL ? G_LIST_MODEL (self->districts)
                                                     : pm_programme_get_districts (self->programme);
  GtkMapListModel *pilot_lists;
  GtkFlattenListModel *all_pilots;

  self->rest_pending = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->pilots_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->chase_group), TRUE);

  /* The table is filled once, below, rather than on each change. */
  g_signal_group_block (self->totals_signals);
  {
    g_autoptr(PmSummaryRow) total = pm_summary_row_new (G_OBJECT (self->programme), self->period);
    g_list_store_append (self->fixed, total);
  }
  g_signal_group_unblock (self->totals_signals);

  pilot_lists = gtk_map_list_model_new (g_object_ref (district_list), district_pilots_cb, NULL, NULL);
  all_pilots = gtk_flatten_list_model_new (G_LIST_MODEL (pilot_lists));
  /* A pilot added or removed past the rows shown changes only the count. */
  g_signal_connect_object (all_pilots, "items-changed", G_CALLBACK (update_more_buttons), self,
                           G_CONNECT_SWAPPED);
  self->pilot_slice = gtk_slice_list_model_new (G_LIST_MODEL (all_pilots), 0, FIRST_ROWS);
  self->pilots = pm_mirror_new (G_LIST_MODEL (self->pilot_slice), PM_TYPE_SUMMARY_ROW, summary_row_new_cb, self);
  g_signal_group_set_target (self->pilots_signals, self->pilots);
  fill_tables (self);

  self->watch = pm_watch_new (self->district != NULL ? G_OBJECT (self->district) : G_OBJECT (self->programme),
                              queue_chase_refill, self);
  fill_chase (self);
  update_comparison (self);
  update_more_buttons (self);
}

static gboolean
rest_idle_cb (gpointer user_data)
{
  PmOverviewPage *self = user_data;

  self->rest_idle = 0;
  if (self->rest_pending)
    build_rest (self);

  return G_SOURCE_REMOVE;
}

/* Called as the page's first frame is drawn: the rest follows it. */
static gboolean
rest_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  PmOverviewPage *self = PM_OVERVIEW_PAGE (widget);

  self->rest_tick = 0;
  if (self->rest_idle == 0)
    self->rest_idle = g_idle_add (rest_idle_cb, self);

  return G_SOURCE_REMOVE;
}

static void
cancel_rest (PmOverviewPage *self)
{
  self->rest_pending = FALSE;
  if (self->rest_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->rest_tick);
  self->rest_tick = 0;
  g_clear_handle_id (&self->rest_idle, g_source_remove);
}

/* The tables: rebuilt when the programme or the district changes. */
static void
rebuild (PmOverviewPage *self)
{
  g_autoptr(GListStore) totals_sources = NULL;
  GListModel *district_list;
  GtkSliceListModel *district_slice;

  cancel_rest (self);
  g_clear_pointer (&self->watch, pm_watch_free);
  g_signal_group_set_target (self->totals_signals, NULL);
  g_signal_group_set_target (self->pilots_signals, NULL);
  g_clear_object (&self->totals);
  g_clear_object (&self->pilots);
  g_clear_object (&self->fixed);
  g_clear_object (&self->districts);
  g_clear_object (&self->district_slice);
  g_clear_object (&self->pilot_slice);
  g_list_store_remove_all (self->chase);
  g_list_store_remove_all (self->chase_groups);
  gtk_slice_list_model_set_size (self->chase_slice, FIRST_ROWS);

  update_texts (self);
  update_stack (self);

  if (self->programme == NULL)
    {
      fill_tables (self);
      update_more_buttons (self);
      return;
    }

  if (self->district != NULL)
    {
      self->districts = g_list_store_new (PM_TYPE_DISTRICT);
      g_list_store_append (self->districts, self->district);
      district_list = G_LIST_MODEL (self->districts);
    }
  else
    {
      district_list = pm_programme_get_districts (self->programme);
    }

  /* Each district, then the programme total below them. */
  self->fixed = g_list_store_new (PM_TYPE_SUMMARY_ROW);
  totals_sources = g_list_store_new (G_TYPE_LIST_MODEL);
  district_slice = gtk_slice_list_model_new (g_object_ref (district_list), 0, FIRST_ROWS);
  self->district_slice = g_object_ref (district_slice);
  {
    g_autoptr(GListModel) district_rows = pm_mirror_new (G_LIST_MODEL (district_slice), PM_TYPE_SUMMARY_ROW,
                                                         summary_row_new_cb, self);
    g_list_store_append (totals_sources, district_rows);
  }
  g_object_unref (district_slice);
  g_list_store_append (totals_sources, self->fixed);
  self->totals = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&totals_sources))));
  g_signal_group_set_target (self->totals_signals, self->totals);

  /* Below a full table of districts nothing else is on screen: it is
   * built once the page has been drawn (on the large programme the
   * programme's total, the chase list and the watch behind them took
   * a sixth of a second), hidden until then rather than shown empty. */
  if (g_list_model_get_n_items (district_list) >= FIRST_ROWS)
    {
      self->rest_pending = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (self->comparison_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->indicator_totals), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->pilots_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->chase_group), FALSE);
      fill_tables (self);
      update_more_buttons (self);
      self->rest_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), rest_tick_cb, NULL, NULL);
      return;
    }

  build_rest (self);
}

static void
programme_changed_cb (PmOverviewPage *self)
{
  update_texts (self);
  update_stack (self);
  update_more_buttons (self);
}

/* The number of items a "Show All" button below @slice would show, or 0
 * when the slice already shows them all. */
static guint
count_hidden (GtkSliceListModel *slice)
{
  GListModel *all;
  guint n_all;

  if (slice == NULL || (all = gtk_slice_list_model_get_model (slice)) == NULL)
    return 0;

  n_all = g_list_model_get_n_items (all);
  return n_all > g_list_model_get_n_items (G_LIST_MODEL (slice)) ? n_all : 0;
}

static void
set_more_label (GtkButton  *button,
                const char *label)
{
  gtk_widget_set_visible (GTK_WIDGET (button), label != NULL);
  if (label != NULL)
    gtk_button_set_label (button, label);
}

static void
update_more_buttons (PmOverviewPage *self)
{
  guint n;
  g_autofree char *districts = NULL;
  g_autofree char *pilots = NULL;
  g_autofree char *chase = NULL;

  if ((n = count_hidden (self->district_slice)) > 0)
    districts = g_strdup_printf (ngettext ("Show All %u District", "Show All %u Districts", n), n);
  if ((n = count_hidden (self->pilot_slice)) > 0)
    pilots = g_strdup_printf (ngettext ("Show All %u Pilot", "Show All %u Pilots", n), n);
  if ((n = count_hidden (self->chase_slice)) > 0)
    chase = g_strdup_printf (ngettext ("Show All %u Pilot to Chase", "Show All %u Pilots to Chase", n), n);

  set_more_label (self->more_districts_button, districts);
  set_more_label (self->more_pilots_button, pilots);
  set_more_label (self->more_chase_button, chase);
}

static void
show_all (PmOverviewPage    *self,
          GtkSliceListModel *slice)
{
  if (slice != NULL)
    gtk_slice_list_model_set_size (slice, G_MAXUINT);
  update_more_buttons (self);
}

static void
more_districts_clicked_cb (PmOverviewPage *self)
{
  show_all (self, self->district_slice);
}

static void
more_pilots_clicked_cb (PmOverviewPage *self)
{
  show_all (self, self->pilot_slice);
}

static void
more_chase_clicked_cb (PmOverviewPage *self)
{
  show_all (self, self->chase_slice);
}

static GtkWidget *
create_chase_row_cb (gpointer item,
                     gpointer user_data)
{
  return pm_chase_row_new (G_LIST_MODEL (item));
}

/* libadwaita 1.2 has no breakpoints: the tables are fitted to the width
 * here, before the child is given it. (The page allocates its child
 * itself, see pm-bin-measure.h.) */
static void
pm_overview_page_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  PmOverviewPage *self = PM_OVERVIEW_PAGE (widget);
  int margin = width < PM_OVERVIEW_PHONE_WIDTH ? 12 : 18;

  if (gtk_widget_get_margin_start (self->content_box) != margin)
    {
      gtk_widget_set_margin_start (self->content_box, margin);
      gtk_widget_set_margin_end (self->content_box, margin);
    }
  _pm_overview_table_fit (self->totals_grid, PM_OVERVIEW_TABLE_TOTALS, width);
  _pm_overview_table_fit (self->pilots_grid, PM_OVERVIEW_TABLE_PILOTS, width);
  if (adw_bin_get_child (ADW_BIN (widget)) != NULL)
    gtk_widget_allocate (adw_bin_get_child (ADW_BIN (widget)), width, height, baseline, NULL);
}

/* GObject */

static void
pm_overview_page_dispose (GObject *object)
{
  PmOverviewPage *self = PM_OVERVIEW_PAGE (object);

  g_clear_handle_id (&self->chase_idle, g_source_remove);
  cancel_rest (self);
  g_clear_pointer (&self->watch, pm_watch_free);
  g_binding_group_set_source (self->session_bindings, NULL);
  g_signal_group_set_target (self->programme_signals, NULL);
  g_signal_group_set_target (self->districts_signals, NULL);
  g_signal_group_set_target (self->district_signals, NULL);
  g_signal_group_set_target (self->totals_signals, NULL);
  g_signal_group_set_target (self->pilots_signals, NULL);

  /* AdwBin would unparent its child a second time after the template
   * has: let it go first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->totals);
  g_clear_object (&self->pilots);
  g_clear_object (&self->fixed);
  g_clear_object (&self->districts);
  g_clear_object (&self->chase);
  g_clear_object (&self->chase_groups);
  g_clear_object (&self->chase_slice);
  g_clear_object (&self->district_slice);
  g_clear_object (&self->pilot_slice);
  g_clear_object (&self->session_bindings);
  g_clear_object (&self->programme_signals);
  g_clear_object (&self->districts_signals);
  g_clear_object (&self->district_signals);
  g_clear_object (&self->totals_signals);
  g_clear_object (&self->pilots_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->programme);
  g_clear_object (&self->district);
  g_clear_object (&self->period);

  G_OBJECT_CLASS (pm_overview_page_parent_class)->dispose (object);
}

static void
pm_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PmOverviewPage *self = PM_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_PROGRAMME:
      g_value_set_object (value, self->programme);
      break;

    case PROP_DISTRICT:
      g_value_set_object (value, self->district);
      break;

    case PROP_PERIOD:
      g_value_set_object (value, self->period);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_overview_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PmOverviewPage *self = PM_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      pm_overview_page_set_session (self, g_value_get_object (value));
      break;

    case PROP_PROGRAMME:
      pm_overview_page_set_programme (self, g_value_get_object (value));
      break;

    case PROP_DISTRICT:
      pm_overview_page_set_district (self, g_value_get_object (value));
      break;

    case PROP_PERIOD:
      pm_overview_page_set_period (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_overview_page_class_init (PmOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_overview_page_dispose;
  object_class->get_property = pm_overview_page_get_property;
  object_class->set_property = pm_overview_page_set_property;
  widget_class->measure = pm_bin_measure_child;
  widget_class->size_allocate = pm_overview_page_size_allocate;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRAMME] =
    g_param_spec_object ("programme", NULL, NULL, PM_TYPE_PROGRAMME,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISTRICT] =
    g_param_spec_object ("district", NULL, NULL, PM_TYPE_DISTRICT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD] =
    g_param_spec_object ("period", NULL, NULL, PM_TYPE_PERIOD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PM_TYPE_DISTRICT_CHART);
  g_type_ensure (PM_TYPE_INDICATOR_TOTALS_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilotmonitor/PilotMonitor/pm-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, district_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, totals_group);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, totals_grid);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, comparison_group);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, indicator_totals);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, district_chart);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, measure_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, pilots_group);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, pilots_grid);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, chase_group);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, chase_list);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, more_districts_button);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, more_pilots_button);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, more_chase_button);
  gtk_widget_class_bind_template_callback (widget_class, more_districts_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_pilots_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_chase_clicked_cb);
}

static void
pm_overview_page_init (PmOverviewPage *self)
{
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The programme and the quarter are the session's. */
  self->session_bindings = g_binding_group_new ();
  g_binding_group_bind (self->session_bindings, "programme", self, "programme", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->session_bindings, "period", self, "period", G_BINDING_SYNC_CREATE);

  self->programme_signals = g_signal_group_new (PM_TYPE_PROGRAMME);
  g_signal_group_connect_swapped (self->programme_signals, "notify", G_CALLBACK (programme_changed_cb), self);
  self->districts_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->districts_signals, "items-changed", G_CALLBACK (programme_changed_cb), self);
  self->district_signals = g_signal_group_new (PM_TYPE_DISTRICT);
  g_signal_group_connect_swapped (self->district_signals, "notify::name", G_CALLBACK (update_texts), self);
  self->totals_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->totals_signals, "items-changed", G_CALLBACK (fill_tables), self);
  self->pilots_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->pilots_signals, "items-changed", G_CALLBACK (fill_tables), self);

  self->period = pm_period_new_current ();
  self->chase = g_list_store_new (PM_TYPE_CHASE_ITEM);
  self->chase_groups = g_list_store_new (G_TYPE_LIST_STORE);
  self->chase_slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->chase_groups)), 0, FIRST_ROWS);
  gtk_list_box_bind_model (self->chase_list, G_LIST_MODEL (self->chase_slice),
                           create_chase_row_cb, NULL, NULL);
  update_stack (self);
}

/* Public API */

void
pm_overview_page_set_session (PmOverviewPage *self,
                              PmSession      *session)
{
  g_return_if_fail (PM_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (session == NULL || PM_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_binding_group_set_source (self->session_bindings, session);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
pm_overview_page_set_programme (PmOverviewPage *self,
                                PmProgramme    *programme)
{
  gboolean period_changed = FALSE;

  g_return_if_fail (PM_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (programme == NULL || PM_IS_PROGRAMME (programme));

  if (self->programme == programme)
    return;

  g_set_object (&self->programme, programme);
  g_signal_group_set_target (self->district_signals, NULL);
  g_clear_object (&self->district);
  g_signal_group_set_target (self->programme_signals, programme);
  g_signal_group_set_target (self->districts_signals,
                             programme != NULL ? pm_programme_get_districts (programme) : NULL);

  /* A session opening a file has its period already, and tells of it
   * after the programme: built at it, the rows are built once. */
  if (self->session != NULL && programme != NULL && programme == pm_session_get_programme (self->session)
      && !pm_period_equal (self->period, pm_session_get_period (self->session)))
    {
      g_set_object (&self->period, pm_session_get_period (self->session));
      period_changed = TRUE;
    }

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMME]);
  if (period_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

void
pm_overview_page_set_district (PmOverviewPage *self,
                               PmDistrict     *district)
{
  g_return_if_fail (PM_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (district == NULL || PM_IS_DISTRICT (district));

  if (self->district == district)
    return;

  g_set_object (&self->district, district);
  g_signal_group_set_target (self->district_signals, district);

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISTRICT]);
}

void
pm_overview_page_set_period (PmOverviewPage *self,
                             PmPeriod       *period)
{
  g_return_if_fail (PM_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (PM_IS_PERIOD (period));

  if (self->period != NULL && pm_period_equal (self->period, period))
    return;

  g_set_object (&self->period, period);
  set_rows_period (self->totals, period);
  set_rows_period (self->pilots, period);
  update_texts (self);
  /* Those still to be built are built at the new period. */
  if (!self->rest_pending)
    {
      fill_chase (self);
      update_comparison (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}
