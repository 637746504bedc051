/* pm-kpi-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/pm-assessment.h"
#include "pm-format.h"
#include "pm-kpi-row.h"
#include "pm-watch.h"

struct _PmKpiRow
{
  GObject    parent_instance;

  /* Owned references */
  PmKpi     *kpi;
  PmPeriod  *period;
  PmWatch   *watch;

  /* Computed, indexed by property id - FIRST_STRING */
  char     **strings;
  PmRag      rag;
  double     sort_value;
  double     sort_change;
};

G_DEFINE_FINAL_TYPE (PmKpiRow, pm_kpi_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KPI,
  PROP_PERIOD,
  PROP_RAG,
  PROP_SORT_VALUE,
  PROP_SORT_CHANGE,
  PROP_SORT_RAG,
  /* The strings, in this order, must stay last. */
  PROP_TITLE,
  PROP_UNIT_LABEL,
  PROP_DIRECTION_LABEL,
  PROP_BASELINE_TEXT,
  PROP_TARGET_TEXT,
  PROP_VALUE_TEXT,
  PROP_CHANGE_TEXT,
  PROP_TRAVEL_REASON,
  PROP_TRAVEL_LABEL,
  PROP_RAG_LETTER,
  PROP_RAG_LABEL,
  PROP_NOTE,
  N_PROPS
};

#define FIRST_STRING PROP_TITLE
#define N_STRINGS (N_PROPS - FIRST_STRING)

static GParamSpec *properties[N_PROPS];

/* Worst first, so sorting by RAG brings what needs attention to the top. */
static int
rag_order (PmRag rag)
{
  switch (rag)
    {
    case PM_RAG_RED:   return 0;
    case PM_RAG_AMBER: return 1;
    case PM_RAG_GREEN: return 2;
    case PM_RAG_GREY:
    default:           return 3;
    }
}

static void
set_string (PmKpiRow   *self,
            guint       prop_id,
            const char *value)
{
  char **slot = &self->strings[prop_id - FIRST_STRING];

  if (g_strcmp0 (*slot, value) == 0)
    return;

  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
take_string (PmKpiRow *self,
             guint     prop_id,
             char     *value)
{
  set_string (self, prop_id, value);
  g_free (value);
}

static void
set_double (PmKpiRow *self,
            double   *slot,
            double    value,
            guint     prop_id)
{
  if (*slot == value)
    return;

  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
recompute (PmKpiRow *self)
{
  PmKpi *kpi = self->kpi;
  PmUnit unit = pm_kpi_get_unit (kpi);
  g_autoptr(PmAssessment) assessment = pm_assessment_new (kpi, self->period);
  PmProgressEntry *entry = pm_kpi_get_entry (kpi, self->period);
  PmTravel travel;
  PmRag rag;

  g_object_freeze_notify (G_OBJECT (self));

  set_string (self, PROP_TITLE, pm_kpi_get_title (kpi));
  set_string (self, PROP_UNIT_LABEL, pm_unit_get_label (unit));
  set_string (self, PROP_DIRECTION_LABEL, pm_direction_get_label (pm_kpi_get_direction (kpi)));
  take_string (self, PROP_BASELINE_TEXT, pm_baseline_format (pm_kpi_get_baseline (kpi), unit));
  take_string (self, PROP_TARGET_TEXT, pm_format_kpi_target (kpi));
  set_string (self, PROP_NOTE, entry != NULL ? pm_progress_entry_get_note (entry) : NULL);

  if (entry != NULL && pm_progress_entry_has_value (entry))
    {
      take_string (self, PROP_VALUE_TEXT, pm_wording_entry_value (entry, unit));
      set_double (self, &self->sort_value, pm_progress_entry_get_value (entry), PROP_SORT_VALUE);
    }
  else if (entry != NULL && g_list_model_get_n_items (pm_progress_entry_get_sites (entry)) > 0)
    {
      /* Percentages by site with no overall figure: the sites. */
      take_string (self, PROP_VALUE_TEXT, pm_wording_entry_value (entry, unit));
      set_double (self, &self->sort_value, -G_MAXDOUBLE, PROP_SORT_VALUE);
    }
  else
    {
      /* A note alone still counts as reported, but it is not a figure. */
      set_string (self, PROP_VALUE_TEXT, entry != NULL ? _("Note only") : _("Not entered"));
      set_double (self, &self->sort_value, -G_MAXDOUBLE, PROP_SORT_VALUE);
    }

  if (pm_assessment_has_change (assessment))
    {
      take_string (self, PROP_CHANGE_TEXT,
                   pm_unit_format_change (unit, pm_assessment_get_change (assessment)));
      set_double (self, &self->sort_change, pm_assessment_get_change (assessment), PROP_SORT_CHANGE);
    }
  else
    {
      set_string (self, PROP_CHANGE_TEXT, "");
      set_double (self, &self->sort_change, -G_MAXDOUBLE, PROP_SORT_CHANGE);
    }

  /* Since the previous period when there is one, else since the baseline. */
  travel = pm_assessment_get_travel_since_previous (assessment);
  if (travel == PM_TRAVEL_UNKNOWN)
    travel = pm_assessment_get_travel_since_baseline (assessment);
  set_string (self, PROP_TRAVEL_LABEL, pm_travel_get_label (travel));
  take_string (self, PROP_TRAVEL_REASON, pm_wording_travel_reason (kpi, self->period));

  rag = pm_assessment_get_rag (assessment);
  set_string (self, PROP_RAG_LETTER, pm_rag_get_letter (rag));
  set_string (self, PROP_RAG_LABEL, pm_rag_get_label (rag));
  if (rag != self->rag)
    {
      self->rag = rag;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RAG]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_RAG]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
kpi_changed_cb (gpointer user_data)
{
  recompute (PM_KPI_ROW (user_data));
}

static void
pm_kpi_row_constructed (GObject *object)
{
  PmKpiRow *self = PM_KPI_ROW (object);

  G_OBJECT_CLASS (pm_kpi_row_parent_class)->constructed (object);

  g_assert (self->kpi != NULL);

  if (self->period == NULL)
    self->period = pm_period_new_current ();

  self->watch = pm_watch_new (G_OBJECT (self->kpi), kpi_changed_cb, self);
  recompute (self);
}

static void
pm_kpi_row_dispose (GObject *object)
{
  PmKpiRow *self = PM_KPI_ROW (object);

  g_clear_pointer (&self->watch, pm_watch_free);
  g_clear_object (&self->kpi);
  g_clear_object (&self->period);

  G_OBJECT_CLASS (pm_kpi_row_parent_class)->dispose (object);
}

static void
pm_kpi_row_finalize (GObject *object)
{
  PmKpiRow *self = PM_KPI_ROW (object);

  for (guint i = 0; i < N_STRINGS; i++)
    g_free (self->strings[i]);
  g_free (self->strings);

  G_OBJECT_CLASS (pm_kpi_row_parent_class)->finalize (object);
}

static void
pm_kpi_row_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PmKpiRow *self = PM_KPI_ROW (object);

  if (prop_id >= FIRST_STRING && prop_id < N_PROPS)
    {
      g_value_set_string (value, self->strings[prop_id - FIRST_STRING]);
      return;
    }

  switch (prop_id)
    {
    case PROP_KPI:
      g_value_set_object (value, self->kpi);
      break;

    case PROP_PERIOD:
      g_value_set_object (value, self->period);
      break;

    case PROP_RAG:
      g_value_set_enum (value, self->rag);
      break;

    case PROP_SORT_VALUE:
      g_value_set_double (value, self->sort_value);
      break;

    case PROP_SORT_CHANGE:
      g_value_set_double (value, self->sort_change);
      break;

    case PROP_SORT_RAG:
      g_value_set_int (value, rag_order (self->rag));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_kpi_row_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PmKpiRow *self = PM_KPI_ROW (object);

  switch (prop_id)
    {
    case PROP_KPI:
      self->kpi = g_value_dup_object (value);
      break;

    case PROP_PERIOD:
      pm_kpi_row_set_period (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_kpi_row_class_init (PmKpiRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char *string_names[N_STRINGS] = {
    "title", "unit-label", "direction-label", "baseline-text", "target-text",
    "value-text", "change-text", "travel-reason", "travel-label", "rag-letter",
    "rag-label", "note",
  };

  object_class->constructed = pm_kpi_row_constructed;
  object_class->dispose = pm_kpi_row_dispose;
  object_class->finalize = pm_kpi_row_finalize;
  object_class->get_property = pm_kpi_row_get_property;
  object_class->set_property = pm_kpi_row_set_property;

  properties[PROP_KPI] =
    g_param_spec_object ("kpi", NULL, NULL, PM_TYPE_KPI,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD] =
    g_param_spec_object ("period", NULL, NULL, PM_TYPE_PERIOD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RAG] =
    g_param_spec_enum ("rag", NULL, NULL, PM_TYPE_RAG, PM_RAG_GREY,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_VALUE] =
    g_param_spec_double ("sort-value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_CHANGE] =
    g_param_spec_double ("sort-change", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_RAG] =
    g_param_spec_int ("sort-rag", NULL, NULL, 0, 3, 3,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  for (guint i = 0; i < N_STRINGS; i++)
    properties[FIRST_STRING + i] =
      g_param_spec_string (string_names[i], NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_kpi_row_init (PmKpiRow *self)
{
  self->strings = g_new0 (char *, N_STRINGS);
  self->rag = PM_RAG_GREY;
  self->sort_value = -G_MAXDOUBLE;
  self->sort_change = -G_MAXDOUBLE;
}

PmKpiRow *
pm_kpi_row_new (PmKpi    *kpi,
                PmPeriod *period)
{
  g_return_val_if_fail (PM_IS_KPI (kpi), NULL);
  g_return_val_if_fail (period == NULL || PM_IS_PERIOD (period), NULL);

  return g_object_new (PM_TYPE_KPI_ROW, "kpi", kpi, "period", period, NULL);
}

PmKpi *
pm_kpi_row_get_kpi (PmKpiRow *self)
{
  g_return_val_if_fail (PM_IS_KPI_ROW (self), NULL);

  return self->kpi;
}

PmPeriod *
pm_kpi_row_get_period (PmKpiRow *self)
{
  g_return_val_if_fail (PM_IS_KPI_ROW (self), NULL);

  return self->period;
}

void
pm_kpi_row_set_period (PmKpiRow *self,
                       PmPeriod *period)
{
  g_return_if_fail (PM_IS_KPI_ROW (self));
  g_return_if_fail (period == NULL || PM_IS_PERIOD (period));

  if (period == NULL || (self->period != NULL && pm_period_equal (self->period, period)))
    return;

  g_set_object (&self->period, period);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);

  /* Before construction ends there is no KPI to compute from yet. */
  if (self->watch != NULL)
    recompute (self);
}

const char *
pm_kpi_row_get_title (PmKpiRow *self)
{
  g_return_val_if_fail (PM_IS_KPI_ROW (self), NULL);
  return self->strings[PROP_TITLE - FIRST_STRING];
}

const char *
pm_kpi_row_get_baseline_text (PmKpiRow *self)
{
  g_return_val_if_fail (PM_IS_KPI_ROW (self), NULL);
  return self->strings[PROP_BASELINE_TEXT - FIRST_STRING];
}

const char *
pm_kpi_row_get_target_text (PmKpiRow *self)
{
  g_return_val_if_fail (PM_IS_KPI_ROW (self), NULL);
  return self->strings[PROP_TARGET_TEXT - FIRST_STRING];
}

const char *
pm_kpi_row_get_value_text (PmKpiRow *self)
{
  g_return_val_if_fail (PM_IS_KPI_ROW (self), NULL);
  return self->strings[PROP_VALUE_TEXT - FIRST_STRING];
}

const char *
pm_kpi_row_get_change_text (PmKpiRow *self)
{
  g_return_val_if_fail (PM_IS_KPI_ROW (self), NULL);
  return self->strings[PROP_CHANGE_TEXT - FIRST_STRING];
}

const char *
pm_kpi_row_get_travel_label (PmKpiRow *self)
{
  g_return_val_if_fail (PM_IS_KPI_ROW (self), NULL);
  return self->strings[PROP_TRAVEL_LABEL - FIRST_STRING];
}

PmRag
pm_kpi_row_get_rag (PmKpiRow *self)
{
  g_return_val_if_fail (PM_IS_KPI_ROW (self), PM_RAG_GREY);
  return self->rag;
}
