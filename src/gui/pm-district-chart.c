/* pm-district-chart.c: the districts side by side on one measure
 *
 * Draws the report layer's comparison chart (pm-comparison-chart.c) in the
 * window's light or dark palette; the bars in words are its accessible
 * description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "pm-district-chart.h"

#define FONT_SIZE 12.0

struct _PmDistrictChart
{
  GtkWidget            parent_instance;

  PmProgramme         *programme;
  PmPeriod            *period;
  PmComparisonMeasure  measure;
  PmComparison        *comparison;
  char                *description;
};

G_DEFINE_FINAL_TYPE (PmDistrictChart, pm_district_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MEASURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
pm_district_chart_refresh (PmDistrictChart *self)
{
  g_return_if_fail (PM_IS_DISTRICT_CHART (self));

  g_clear_pointer (&self->comparison, pm_comparison_free);
  g_clear_pointer (&self->description, g_free);

  if (self->programme != NULL && self->period != NULL)
    {
      self->comparison = pm_comparison_new (self->programme, self->measure, self->period);
      pm_comparison_set_font_size (self->comparison, FONT_SIZE);
      self->description = pm_comparison_describe (self->comparison);
    }
  else
    {
      self->description = g_strdup (_("No programme open"));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
pm_district_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  PmDistrictChart *self = PM_DISTRICT_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  cairo_t *cr;

  if (self->comparison == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pm_comparison_draw (self->comparison, cr, pm_chart_palette_get (dark), 0, 0, width, height);
  cairo_destroy (cr);
}

static void
pm_district_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  PmDistrictChart *self = PM_DISTRICT_CHART (widget);
  guint n = self->comparison != NULL ? pm_comparison_get_n_bars (self->comparison) : 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 260;
      *natural = 600;
    }
  else
    {
      /* A heading, the axis, then a row per district. */
      *minimum = *natural = (int) (FONT_SIZE * (4 + 2.6 * n));
    }
}

static void
dark_changed_cb (PmDistrictChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pm_district_chart_dispose (GObject *object)
{
  PmDistrictChart *self = PM_DISTRICT_CHART (object);

  g_clear_pointer (&self->comparison, pm_comparison_free);
  g_clear_object (&self->programme);
  g_clear_object (&self->period);

  G_OBJECT_CLASS (pm_district_chart_parent_class)->dispose (object);
}

static void
pm_district_chart_finalize (GObject *object)
{
  PmDistrictChart *self = PM_DISTRICT_CHART (object);

  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (pm_district_chart_parent_class)->finalize (object);
}

static void
pm_district_chart_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PmDistrictChart *self = PM_DISTRICT_CHART (object);

  switch (prop_id)
    {
    case PROP_MEASURE:
      g_value_set_uint (value, self->measure);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_district_chart_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PmDistrictChart *self = PM_DISTRICT_CHART (object);

  switch (prop_id)
    {
    case PROP_MEASURE:
      pm_district_chart_set_measure (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_district_chart_class_init (PmDistrictChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_district_chart_dispose;
  object_class->finalize = pm_district_chart_finalize;
  object_class->get_property = pm_district_chart_get_property;
  object_class->set_property = pm_district_chart_set_property;

  widget_class->snapshot = pm_district_chart_snapshot;
  widget_class->measure = pm_district_chart_measure;

  /* The index of a PmComparisonMeasure, as a GtkDropDown's "selected". */
  properties[PROP_MEASURE] =
    g_param_spec_uint ("measure", NULL, NULL, 0, PM_N_COMPARISONS - 1, PM_COMPARISON_REACH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "pm-district-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pm_district_chart_init (PmDistrictChart *self)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  pm_district_chart_refresh (self);
}

GtkWidget *
pm_district_chart_new (void)
{
  return g_object_new (PM_TYPE_DISTRICT_CHART, NULL);
}

void
pm_district_chart_set_programme (PmDistrictChart *self,
                                 PmProgramme     *programme)
{
  g_return_if_fail (PM_IS_DISTRICT_CHART (self));

  if (g_set_object (&self->programme, programme))
    pm_district_chart_refresh (self);
}

void
pm_district_chart_set_period (PmDistrictChart *self,
                              PmPeriod        *period)
{
  g_return_if_fail (PM_IS_DISTRICT_CHART (self));

  if (g_set_object (&self->period, period))
    pm_district_chart_refresh (self);
}

PmComparisonMeasure
pm_district_chart_get_measure (PmDistrictChart *self)
{
  g_return_val_if_fail (PM_IS_DISTRICT_CHART (self), PM_COMPARISON_REACH);

  return self->measure;
}

void
pm_district_chart_set_measure (PmDistrictChart     *self,
                               PmComparisonMeasure  measure)
{
  g_return_if_fail (PM_IS_DISTRICT_CHART (self));
  g_return_if_fail (measure < PM_N_COMPARISONS);

  if (self->measure == measure)
    return;

  self->measure = measure;
  pm_district_chart_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE]);
}

const char *
pm_district_chart_get_description (PmDistrictChart *self)
{
  g_return_val_if_fail (PM_IS_DISTRICT_CHART (self), NULL);

  return self->description;
}

guint
pm_district_chart_get_n_bars (PmDistrictChart *self)
{
  g_return_val_if_fail (PM_IS_DISTRICT_CHART (self), 0);

  return self->comparison != NULL ? pm_comparison_get_n_bars (self->comparison) : 0;
}
