/* pm-summary-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pm-format.h"
#include "pm-summary-row.h"
#include "pm-watch.h"

struct _PmSummaryRow
{
  GObject    parent_instance;

  /* Owned references */
  GObject   *item;
  PmPeriod  *period;
  PmWatch   *watch;

  /* Computed */
  char      *strings[7];
  guint      counts[PM_N_RAG];
  double     sort_reach;
  double     sort_spend;
  int        sort_status;
};

G_DEFINE_FINAL_TYPE (PmSummaryRow, pm_summary_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_PERIOD,
  PROP_GREY,
  PROP_RED,
  PROP_AMBER,
  PROP_GREEN,
  PROP_SORT_REACH,
  PROP_SORT_SPEND,
  PROP_SORT_STATUS,
  /* The strings, in the order of string_names, must stay last. */
  PROP_NAME,
  PROP_DISTRICT_NAME,
  PROP_STATUS_LABEL,
  PROP_PILOTS_TEXT,
  PROP_REACH_TEXT,
  PROP_SPEND_TEXT,
  PROP_RAG_TEXT,
  N_PROPS
};

#define FIRST_STRING PROP_NAME
#define N_STRINGS (N_PROPS - FIRST_STRING)
/* The counts' properties follow PmRag's order. */
#define FIRST_COUNT PROP_GREY

G_STATIC_ASSERT (N_STRINGS == 7);

static GParamSpec *properties[N_PROPS];

typedef struct
{
  guint   pilots;
  int     reached;        /* -1 while nothing is reported */
  int     reached_with_target;
  int     target;
  gint64  spent;          /* -1 while nothing is reported */
  gint64  committed;      /* likewise */
  gint64  budget;         /* -1 while no pilot has one */
  guint   counts[PM_N_RAG];
  const char *reach_unit; /* shared by the pilots; "" when they differ */
} Totals;

static void
add_pilot (Totals   *totals,
           PmPilot  *pilot,
           PmPeriod *period)
{
  guint counts[PM_N_RAG] = { 0, };
  int reached = pm_pilot_get_reach_at (pilot, period);
  gint64 budget = pm_pilot_get_budget_pence (pilot);
  gint64 spent, committed;

  totals->reach_unit = pm_wording_reach_unit_join (totals->pilots == 0, totals->reach_unit,
                                                   pm_pilot_get_reach_unit (pilot));
  totals->pilots++;
  if (reached >= 0)
    totals->reached = MAX (totals->reached, 0) + reached;
  if (reached >= 0 && pm_pilot_get_reach_target (pilot) > 0)
    totals->reached_with_target += reached;
  totals->target += pm_pilot_get_reach_target (pilot);
  spent = pm_pilot_get_spend_reported (pilot, period, PM_SPEND_SPENT);
  committed = pm_pilot_get_spend_reported (pilot, period, PM_SPEND_COMMITTED);
  if (spent >= 0)
    totals->spent = MAX (totals->spent, 0) + spent;
  if (committed >= 0)
    totals->committed = MAX (totals->committed, 0) + committed;
  if (budget >= 0)
    totals->budget = MAX (totals->budget, 0) + budget;

  pm_pilot_count_rag (pilot, period, counts);
  for (guint i = 0; i < PM_N_RAG; i++)
    totals->counts[i] += counts[i];
}

static void
add_district (Totals     *totals,
              PmDistrict *district,
              PmPeriod   *period)
{
  GListModel *pilots = pm_district_get_pilots (district);

  for (guint i = 0; i < g_list_model_get_n_items (pilots); i++)
    {
      g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, i);
      add_pilot (totals, pilot, period);
    }
}

static void
set_string (PmSummaryRow *self,
            guint         prop_id,
            const char   *value)
{
  char **slot = &self->strings[prop_id - FIRST_STRING];

  if (g_strcmp0 (*slot, value) == 0)
    return;

  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
take_string (PmSummaryRow *self,
             guint         prop_id,
             char         *value)
{
  set_string (self, prop_id, value);
  g_free (value);
}

static void
set_double (PmSummaryRow *self,
            double       *slot,
            double        value,
            guint         prop_id)
{
  if (*slot == value)
    return;

  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
recompute (PmSummaryRow *self)
{
  Totals totals = { 0, -1, 0, 0, -1, -1, -1, { 0, }, NULL };
  int status = -1;

  g_object_freeze_notify (G_OBJECT (self));

  if (PM_IS_PILOT (self->item))
    {
      PmPilot *pilot = PM_PILOT (self->item);
      PmDistrict *district = pm_pilot_get_district (pilot);

      add_pilot (&totals, pilot, self->period);
      status = pm_pilot_get_delivery_status (pilot);
      set_string (self, PROP_NAME, pm_pilot_get_title (pilot));
      set_string (self, PROP_DISTRICT_NAME, district != NULL ? pm_district_get_name (district) : "");
      set_string (self, PROP_STATUS_LABEL, pm_delivery_status_get_label (status));
    }
  else if (PM_IS_DISTRICT (self->item))
    {
      PmDistrict *district = PM_DISTRICT (self->item);

      add_district (&totals, district, self->period);
      set_string (self, PROP_NAME, pm_district_get_name (district));
      set_string (self, PROP_DISTRICT_NAME, pm_district_get_name (district));
      set_string (self, PROP_STATUS_LABEL, "");
    }
  else if (PM_IS_PROGRAMME (self->item))
    {
      GListModel *districts = pm_programme_get_districts (PM_PROGRAMME (self->item));

      for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
        {
          g_autoptr(PmDistrict) district = g_list_model_get_item (districts, i);
          add_district (&totals, district, self->period);
        }
      set_string (self, PROP_NAME, _("Programme total"));
      set_string (self, PROP_DISTRICT_NAME, "");
      set_string (self, PROP_STATUS_LABEL, "");
    }

  take_string (self, PROP_PILOTS_TEXT, g_strdup_printf ("%u", totals.pilots));
  take_string (self, PROP_REACH_TEXT, pm_wording_reach_total (totals.reached, totals.reached_with_target,
                                                              totals.target, totals.reach_unit));
  take_string (self, PROP_SPEND_TEXT, pm_wording_spend (totals.spent, totals.committed, totals.budget));
  take_string (self, PROP_RAG_TEXT, pm_wording_rag_counts (totals.counts));

  set_double (self, &self->sort_reach,
              totals.target > 0 ? (double) totals.reached_with_target / totals.target : -1,
              PROP_SORT_REACH);
  set_double (self, &self->sort_spend,
              totals.budget > 0 ? (double) MAX (totals.spent, 0) / (double) totals.budget : -1,
              PROP_SORT_SPEND);

  if (status != self->sort_status)
    {
      self->sort_status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_STATUS]);
    }

  for (guint i = 0; i < PM_N_RAG; i++)
    {
      if (self->counts[i] == totals.counts[i])
        continue;
      self->counts[i] = totals.counts[i];
      g_object_notify_by_pspec (G_OBJECT (self), properties[FIRST_COUNT + i]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
item_changed_cb (gpointer user_data)
{
  recompute (PM_SUMMARY_ROW (user_data));
}

static void
pm_summary_row_constructed (GObject *object)
{
  PmSummaryRow *self = PM_SUMMARY_ROW (object);

  G_OBJECT_CLASS (pm_summary_row_parent_class)->constructed (object);

  g_assert (self->item != NULL);

  if (self->period == NULL)
    self->period = pm_period_new_current ();

  self->watch = pm_watch_new (self->item, item_changed_cb, self);
  recompute (self);
}

static void
pm_summary_row_dispose (GObject *object)
{
  PmSummaryRow *self = PM_SUMMARY_ROW (object);

  g_clear_pointer (&self->watch, pm_watch_free);
  g_clear_object (&self->item);
  g_clear_object (&self->period);

  G_OBJECT_CLASS (pm_summary_row_parent_class)->dispose (object);
}

static void
pm_summary_row_finalize (GObject *object)
{
  PmSummaryRow *self = PM_SUMMARY_ROW (object);

  for (guint i = 0; i < N_STRINGS; i++)
    g_free (self->strings[i]);

  G_OBJECT_CLASS (pm_summary_row_parent_class)->finalize (object);
}

static void
pm_summary_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PmSummaryRow *self = PM_SUMMARY_ROW (object);

  if (prop_id >= FIRST_STRING && prop_id < N_PROPS)
    {
      g_value_set_string (value, self->strings[prop_id - FIRST_STRING]);
      return;
    }

  if (prop_id >= FIRST_COUNT && prop_id < FIRST_COUNT + PM_N_RAG)
    {
      g_value_set_uint (value, self->counts[prop_id - FIRST_COUNT]);
      return;
    }

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_PERIOD:
      g_value_set_object (value, self->period);
      break;

    case PROP_SORT_REACH:
      g_value_set_double (value, self->sort_reach);
      break;

    case PROP_SORT_SPEND:
      g_value_set_double (value, self->sort_spend);
      break;

    case PROP_SORT_STATUS:
      g_value_set_int (value, self->sort_status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_summary_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PmSummaryRow *self = PM_SUMMARY_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;

    case PROP_PERIOD:
      pm_summary_row_set_period (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_summary_row_class_init (PmSummaryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char *string_names[N_STRINGS] = {
    "name", "district-name", "status-label", "pilots-text", "reach-text",
    "spend-text", "rag-text",
  };
  static const char *count_names[PM_N_RAG] = { "grey", "red", "amber", "green" };

  object_class->constructed = pm_summary_row_constructed;
  object_class->dispose = pm_summary_row_dispose;
  object_class->finalize = pm_summary_row_finalize;
  object_class->get_property = pm_summary_row_get_property;
  object_class->set_property = pm_summary_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD] =
    g_param_spec_object ("period", NULL, NULL, PM_TYPE_PERIOD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_REACH] =
    g_param_spec_double ("sort-reach", NULL, NULL, -1, G_MAXDOUBLE, -1,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_SPEND] =
    g_param_spec_double ("sort-spend", NULL, NULL, -1, G_MAXDOUBLE, -1,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_STATUS] =
    g_param_spec_int ("sort-status", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  for (guint i = 0; i < PM_N_RAG; i++)
    properties[FIRST_COUNT + i] =
      g_param_spec_uint (count_names[i], NULL, NULL, 0, G_MAXUINT, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  for (guint i = 0; i < N_STRINGS; i++)
    properties[FIRST_STRING + i] =
      g_param_spec_string (string_names[i], NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_summary_row_init (PmSummaryRow *self)
{
  self->sort_reach = -1;
  self->sort_spend = -1;
  self->sort_status = -1;
}

PmSummaryRow *
pm_summary_row_new (GObject  *item,
                    PmPeriod *period)
{
  g_return_val_if_fail (PM_IS_PILOT (item) || PM_IS_DISTRICT (item) || PM_IS_PROGRAMME (item), NULL);
  g_return_val_if_fail (period == NULL || PM_IS_PERIOD (period), NULL);

  return g_object_new (PM_TYPE_SUMMARY_ROW, "item", item, "period", period, NULL);
}

GObject *
pm_summary_row_get_item (PmSummaryRow *self)
{
  g_return_val_if_fail (PM_IS_SUMMARY_ROW (self), NULL);

  return self->item;
}

void
pm_summary_row_set_period (PmSummaryRow *self,
                           PmPeriod     *period)
{
  g_return_if_fail (PM_IS_SUMMARY_ROW (self));
  g_return_if_fail (period == NULL || PM_IS_PERIOD (period));

  if (period == NULL || (self->period != NULL && pm_period_equal (self->period, period)))
    return;

  g_set_object (&self->period, period);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);

  if (self->watch != NULL)
    recompute (self);
}

const char *
pm_summary_row_get_name (PmSummaryRow *self)
{
  g_return_val_if_fail (PM_IS_SUMMARY_ROW (self), NULL);
  return self->strings[PROP_NAME - FIRST_STRING];
}

const char *
pm_summary_row_get_reach_text (PmSummaryRow *self)
{
  g_return_val_if_fail (PM_IS_SUMMARY_ROW (self), NULL);
  return self->strings[PROP_REACH_TEXT - FIRST_STRING];
}

const char *
pm_summary_row_get_spend_text (PmSummaryRow *self)
{
  g_return_val_if_fail (PM_IS_SUMMARY_ROW (self), NULL);
  return self->strings[PROP_SPEND_TEXT - FIRST_STRING];
}

void
pm_summary_row_get_rag_counts (PmSummaryRow *self,
                               guint        *counts)
{
  g_return_if_fail (PM_IS_SUMMARY_ROW (self));
  g_return_if_fail (counts != NULL);

  memcpy (counts, self->counts, sizeof self->counts);
}
