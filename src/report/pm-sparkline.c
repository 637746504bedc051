/* pm-sparkline.c: a word-sized trend of one KPI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-chart-geometry.h"
#include "pm-sparkline.h"
#include "pm-trend-chart.h"

guint
pm_sparkline_draw (cairo_t              *cr,
                   const PmChartPalette *palette,
                   PmKpi                *kpi,
                   PmPeriod             *upto,
                   double                x,
                   double                y,
                   double                width,
                   double                height)
{
  g_autoptr(PmTrendPlot) plot = NULL;
  PmChartScale xs, ys;
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, mark;
  guint n;
  PmRag rag;

  g_return_val_if_fail (cr != NULL && palette != NULL, 0);
  g_return_val_if_fail (PM_IS_KPI (kpi) && PM_IS_PERIOD (upto), 0);

  plot = pm_trend_plot_new (kpi, upto);
  n = pm_trend_plot_get_n_points (plot);
  if (n == 0)
    return 0;

  for (guint i = 0; i < n; i++)
    {
      lo = MIN (lo, pm_trend_plot_get_point_value (plot, i));
      hi = MAX (hi, pm_trend_plot_get_point_value (plot, i));
    }

  mark = MIN (height / 4, 3.5);
  /* One value, or all equal, sits in the middle. */
  pm_chart_scale_init (&xs, pm_trend_plot_get_point_period (plot, 0),
                       pm_trend_plot_get_point_period (plot, n - 1),
                       x + mark, x + width - mark * 1.5);
  pm_chart_scale_init (&ys, lo, hi, y + height - mark * 1.3, y + mark * 1.3);
  rag = pm_trend_plot_get_point_rag (plot, n - 1);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);

  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  pm_chart_set_source (cr, rag == PM_RAG_GREY ? &palette->line : &palette->rag[rag], 1);
  for (guint i = 0; i < n; i++)
    {
      double px = n == 1 ? x + width / 2 : pm_chart_scale_map (&xs, pm_trend_plot_get_point_period (plot, i));
      double py = pm_chart_scale_map (&ys, pm_trend_plot_get_point_value (plot, i));

      if (i == 0)
        cairo_move_to (cr, px, py);
      else
        cairo_line_to (cr, px, py);

      if (i == n - 1)
        {
          cairo_stroke (cr);
          pm_chart_draw_rag_mark (cr, palette, rag, px, py, mark);
        }
    }

  cairo_restore (cr);

  return n;
}
