/* pm-chart.c: a KPI's trend against its baseline and target, in the window
 *
 * The drawing is the report layer's (pm-trend-chart.c), so the window shows
 * what the printed summary shows. This widget adds what a screen can do:
 * a tooltip on each point, keyboard focus moving between points with the
 * arrow keys, the light or dark palette, and the trend in words for screen
 * readers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "pm-chart.h"
#include "report/pm-trend-chart.h"

#define FONT_SIZE 12.0
#define HIT_RADIUS 10.0

struct _PmChart
{
  GtkWidget    parent_instance;

  PmKpi       *kpi;
  PmPeriod    *period;
  PmTrendPlot *plot;
  int          focus_point;
  char        *description;
};

G_DEFINE_FINAL_TYPE (PmChart, pm_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KPI,
  PROP_PERIOD,
  PROP_FOCUS_POINT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_description (PmChart *self)
{
  g_autofree char *trend = NULL;

  g_clear_pointer (&self->description, g_free);
  if (self->plot == NULL)
    {
      self->description = g_strdup (_("No KPI selected"));
    }
  else
    {
      trend = pm_trend_plot_describe (self->plot);
      if (self->focus_point >= 0)
        {
          g_autofree char *point = pm_trend_plot_describe_point (self->plot, (guint) self->focus_point);

          /* Translators: the trend in words, then the value the keyboard is on */
          self->description = g_strdup_printf (_("%s Selected: %s"), trend, point);
        }
      else
        {
          self->description = g_steal_pointer (&trend);
        }
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

void
pm_chart_refresh (PmChart *self)
{
  g_return_if_fail (PM_IS_CHART (self));

  g_clear_pointer (&self->plot, pm_trend_plot_free);
  if (self->kpi != NULL && self->period != NULL)
    {
      self->plot = pm_trend_plot_new (self->kpi, self->period);
      pm_trend_plot_set_font_size (self->plot, FONT_SIZE);
      pm_trend_plot_set_show_legend (self->plot, TRUE);
    }

  if (self->plot == NULL || self->focus_point >= (int) pm_trend_plot_get_n_points (self->plot))
    pm_chart_set_focus_point (self, -1);

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pm_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  PmChart *self = PM_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  cairo_t *cr;

  if (self->plot == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pm_trend_plot_draw (self->plot, cr, pm_chart_palette_get (dark), 0, 0, width, height,
                      gtk_widget_has_focus (widget) ? self->focus_point : -1);
  cairo_destroy (cr);
}

static void
pm_chart_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 560;
    }
  else
    {
      *minimum = 180;
      *natural = 240;
    }
}

static gboolean
pm_chart_query_tooltip (GtkWidget  *widget,
                        int         x,
                        int         y,
                        gboolean    keyboard_tooltip,
                        GtkTooltip *tooltip)
{
  PmChart *self = PM_CHART (widget);
  g_autofree char *text = NULL;
  int point;

  if (self->plot == NULL)
    return FALSE;

  point = keyboard_tooltip ? self->focus_point
                           : pm_trend_plot_find_point (self->plot, x, y, HIT_RADIUS);
  if (point < 0)
    return FALSE;

  text = pm_trend_plot_describe_point (self->plot, (guint) point);
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static gboolean
key_pressed_cb (PmChart         *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  int n = self->plot != NULL ? (int) pm_trend_plot_get_n_points (self->plot) : 0;
  int point = self->focus_point;

  if (n == 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      point = point < 0 ? n - 1 : MAX (point - 1, 0);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      point = point < 0 ? 0 : MIN (point + 1, n - 1);
      break;
    case GDK_KEY_Home:
      point = 0;
      break;
    case GDK_KEY_End:
      point = n - 1;
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  pm_chart_set_focus_point (self, point);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));

  return GDK_EVENT_STOP;
}

static void
pressed_cb (PmChart         *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  int point = self->plot != NULL ? pm_trend_plot_find_point (self->plot, x, y, HIT_RADIUS) : -1;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (point >= 0)
    pm_chart_set_focus_point (self, point);
}

static void
dark_changed_cb (PmChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pm_chart_dispose (GObject *object)
{
  PmChart *self = PM_CHART (object);

  g_clear_pointer (&self->plot, pm_trend_plot_free);
  g_clear_object (&self->kpi);
  g_clear_object (&self->period);

  G_OBJECT_CLASS (pm_chart_parent_class)->dispose (object);
}

static void
pm_chart_finalize (GObject *object)
{
  PmChart *self = PM_CHART (object);

  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (pm_chart_parent_class)->finalize (object);
}

static void
pm_chart_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PmChart *self = PM_CHART (object);

  switch (prop_id)
    {
    case PROP_KPI:
      g_value_set_object (value, self->kpi);
      break;
    case PROP_PERIOD:
      g_value_set_object (value, self->period);
      break;
    case PROP_FOCUS_POINT:
      g_value_set_int (value, self->focus_point);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_chart_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  PmChart *self = PM_CHART (object);

  switch (prop_id)
    {
    case PROP_KPI:
      pm_chart_set_kpi (self, g_value_get_object (value));
      break;
    case PROP_PERIOD:
      pm_chart_set_period (self, g_value_get_object (value));
      break;
    case PROP_FOCUS_POINT:
      pm_chart_set_focus_point (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_chart_class_init (PmChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_chart_dispose;
  object_class->finalize = pm_chart_finalize;
  object_class->get_property = pm_chart_get_property;
  object_class->set_property = pm_chart_set_property;

  widget_class->snapshot = pm_chart_snapshot;
  widget_class->measure = pm_chart_measure;
  widget_class->query_tooltip = pm_chart_query_tooltip;

  properties[PROP_KPI] =
    g_param_spec_object ("kpi", NULL, NULL, PM_TYPE_KPI,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD] =
    g_param_spec_object ("period", NULL, NULL, PM_TYPE_PERIOD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOCUS_POINT] =
    g_param_spec_int ("focus-point", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "pm-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pm_chart_init (PmChart *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->focus_point = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);

  update_description (self);
}

GtkWidget *
pm_chart_new (void)
{
  return g_object_new (PM_TYPE_CHART, NULL);
}

PmKpi *
pm_chart_get_kpi (PmChart *self)
{
  g_return_val_if_fail (PM_IS_CHART (self), NULL);

  return self->kpi;
}

void
pm_chart_set_kpi (PmChart *self,
                  PmKpi   *kpi)
{
  g_return_if_fail (PM_IS_CHART (self));
  g_return_if_fail (kpi == NULL || PM_IS_KPI (kpi));

  if (!g_set_object (&self->kpi, kpi))
    return;

  self->focus_point = -1;
  pm_chart_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KPI]);
}

PmPeriod *
pm_chart_get_period (PmChart *self)
{
  g_return_val_if_fail (PM_IS_CHART (self), NULL);

  return self->period;
}

void
pm_chart_set_period (PmChart  *self,
                     PmPeriod *period)
{
  g_return_if_fail (PM_IS_CHART (self));
  g_return_if_fail (period == NULL || PM_IS_PERIOD (period));

  if (!g_set_object (&self->period, period))
    return;

  pm_chart_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

guint
pm_chart_get_n_points (PmChart *self)
{
  g_return_val_if_fail (PM_IS_CHART (self), 0);

  return self->plot != NULL ? pm_trend_plot_get_n_points (self->plot) : 0;
}

double
pm_chart_get_point_value (PmChart *self,
                          guint    i)
{
  g_return_val_if_fail (PM_IS_CHART (self), 0);
  g_return_val_if_fail (i < pm_chart_get_n_points (self), 0);

  return pm_trend_plot_get_point_value (self->plot, i);
}

int
pm_chart_get_point_period (PmChart *self,
                           guint    i)
{
  g_return_val_if_fail (PM_IS_CHART (self), -1);
  g_return_val_if_fail (i < pm_chart_get_n_points (self), -1);

  return pm_trend_plot_get_point_period (self->plot, i);
}

int
pm_chart_get_focus_point (PmChart *self)
{
  g_return_val_if_fail (PM_IS_CHART (self), -1);

  return self->focus_point;
}

void
pm_chart_set_focus_point (PmChart *self,
                          int      i)
{
  g_return_if_fail (PM_IS_CHART (self));
  g_return_if_fail (i >= -1);

  if (i >= (int) pm_chart_get_n_points (self))
    i = -1;
  if (self->focus_point == i)
    return;

  self->focus_point = i;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_POINT]);
}

const char *
pm_chart_get_description (PmChart *self)
{
  g_return_val_if_fail (PM_IS_CHART (self), NULL);

  return self->description;
}
