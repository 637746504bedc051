/* test-chart-render.c: each chart kind drawn off screen for the sample
 *
 * The charts are drawn on cairo image surfaces, as a PDF page or the
 * window would draw them, and written as PNG files into the build folder
 * (chart-*.png) for a person to look at. The checks read pixels back: the
 * status marks are where the plot says its points are, in their colours;
 * nothing is drawn outside the rectangle given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "report/pm-chart-palette.h"
#include "report/pm-comparison-chart.h"
#include "report/pm-sparkline.h"
#include "report/pm-trend-chart.h"
#include "model/pm-district.h"
#include "model/pm-pilot.h"
#include "store/pm-sample.h"

#define W 640
#define H 360
#define MARGIN 20

static PmProgramme *programme;
static PmPeriod *period;

static cairo_surface_t *
surface_new (cairo_t **cr)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);

  *cr = cairo_create (surface);
  cairo_set_source_rgb (*cr, 1, 1, 1);
  cairo_paint (*cr);

  return surface;
}

static void
pixel (cairo_surface_t *surface,
       int              x,
       int              y,
       double          *r,
       double          *g,
       double          *b)
{
  const guint8 *data;
  guint32 value;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  value = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
  *r = ((value >> 16) & 0xff) / 255.0;
  *g = ((value >> 8) & 0xff) / 255.0;
  *b = (value & 0xff) / 255.0;
}

static gboolean
pixel_is (cairo_surface_t     *surface,
          int                  x,
          int                  y,
          const PmChartColour *colour)
{
  double r, g, b;

  pixel (surface, x, y, &r, &g, &b);
  return fabs (r - colour->red) < 0.06 && fabs (g - colour->green) < 0.06 && fabs (b - colour->blue) < 0.06;
}

/* Counts pixels in the rectangle that are not white. */
static guint
count_ink (cairo_surface_t *surface,
           int              x0,
           int              y0,
           int              x1,
           int              y1)
{
  const PmChartColour white = { 1, 1, 1 };
  guint n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if (!pixel_is (surface, x, y, &white))
        n++;

  return n;
}

static void
assert_margin_blank (cairo_surface_t *surface)
{
  g_assert_cmpuint (count_ink (surface, 0, 0, W, MARGIN), ==, 0);
  g_assert_cmpuint (count_ink (surface, 0, H - MARGIN, W, H), ==, 0);
  g_assert_cmpuint (count_ink (surface, 0, 0, MARGIN, H), ==, 0);
  g_assert_cmpuint (count_ink (surface, W - MARGIN, 0, W, H), ==, 0);
}

static void
write_png (cairo_surface_t *surface,
           const char      *name)
{
  g_autofree char *file = g_strdup_printf ("chart-%s.png", name);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, file, NULL);

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("drawn: %s", path);
}

static guint
n_values (PmKpi *kpi)
{
  GListModel *entries = pm_kpi_get_entries (kpi);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PmProgressEntry) entry = g_list_model_get_item (entries, i);

      if (pm_progress_entry_has_value (entry)
          && pm_period_compare (pm_progress_entry_get_period (entry), period) <= 0)
        n++;
    }

  return n;
}

/* The first KPI in the sample that @match accepts. */
static PmKpi *
find_kpi (gboolean (*match) (PmKpi *kpi))
{
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (programme);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);

      if (match (kpi))
        return kpi;  /* the programme keeps it alive */
    }

  g_assert_not_reached ();
}

static gboolean
is_increasing_with_values (PmKpi *kpi)
{
  return pm_kpi_get_direction (kpi) == PM_DIRECTION_INCREASE && n_values (kpi) >= 2
         && pm_baseline_has_value (pm_kpi_get_baseline (kpi)) && pm_kpi_get_current_target (kpi) != NULL;
}

static gboolean
is_reducing_with_values (PmKpi *kpi)
{
  return pm_kpi_get_direction (kpi) == PM_DIRECTION_REDUCE && n_values (kpi) >= 1
         && pm_kpi_get_current_target (kpi) != NULL;
}

static gboolean
has_state_baseline (PmKpi *kpi)
{
  return !pm_baseline_has_value (pm_kpi_get_baseline (kpi)) && n_values (kpi) >= 1;
}

/* Draws @kpi's trend, checks each judged point's mark sits where the plot
 * says in its status colour, and that the margins stay blank. */
static void
check_trend (PmKpi      *kpi,
             const char *name)
{
  const PmChartPalette *palette = pm_chart_palette_get (FALSE);
  g_autoptr(PmTrendPlot) plot = pm_trend_plot_new (kpi, period);
  cairo_surface_t *surface;
  cairo_t *cr;
  guint checked = 0;

  g_assert_cmpuint (pm_trend_plot_get_n_points (plot), ==, n_values (kpi));

  surface = surface_new (&cr);
  pm_trend_plot_set_font_size (plot, 11);
  pm_trend_plot_set_show_legend (plot, TRUE);
  pm_trend_plot_draw (plot, cr, palette, MARGIN, MARGIN, W - 2 * MARGIN, H - 2 * MARGIN, -1);
  write_png (surface, name);

  for (guint i = 0; i < pm_trend_plot_get_n_points (plot); i++)
    {
      PmRag rag = pm_trend_plot_get_point_rag (plot, i);
      double px, py;

      g_assert_true (pm_trend_plot_get_point_position (plot, i, &px, &py));
      g_assert_cmpfloat (px, >=, MARGIN);
      g_assert_cmpfloat (px, <=, W - MARGIN);
      g_assert_cmpint (pm_trend_plot_find_point (plot, px + 1, py - 1, 4), ==, (int) i);

      if (rag == PM_RAG_GREY)
        continue;
      /* A later mark may overlap: check the last one and any lone ones. */
      if (i == pm_trend_plot_get_n_points (plot) - 1)
        {
          g_assert_true (pixel_is (surface, (int) round (px), (int) round (py) + (rag == PM_RAG_AMBER ? 1 : 0),
                                   &palette->rag[rag]));
          checked++;
        }
    }

  assert_margin_blank (surface);
  g_test_message ("%s: %u marks checked", name, checked);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_trend_increase (void)
{
  PmKpi *kpi = find_kpi (is_increasing_with_values);
  g_autoptr(PmTrendPlot) plot = pm_trend_plot_new (kpi, period);
  g_autofree char *description = pm_trend_plot_describe (plot);

  check_trend (kpi, "trend");
  g_assert_nonnull (strstr (description, pm_kpi_get_title (kpi)));
  g_assert_nonnull (strstr (description, "Target "));
}

static void
test_trend_reduce (void)
{
  PmKpi *kpi = find_kpi (is_reducing_with_values);

  check_trend (kpi, "trend-reduce");
}

static void
test_trend_state_baseline (void)
{
  PmKpi *kpi = find_kpi (has_state_baseline);

  check_trend (kpi, "trend-state-baseline");
}

static void
test_trend_empty_and_one_point (void)
{
  const PmChartPalette *palette = pm_chart_palette_get (FALSE);
  g_autoptr(PmKpi) kpi = pm_kpi_new ("Families with a plan", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(PmTrendPlot) empty = pm_trend_plot_new (kpi, period);
  g_autoptr(PmTrendPlot) one = NULL;
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);
  g_autofree char *empty_words = pm_trend_plot_describe (empty);
  g_autofree char *one_words = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double px, py;

  /* No data: no points, a message in the middle of the plot. */
  g_assert_cmpuint (pm_trend_plot_get_n_points (empty), ==, 0);
  g_assert_nonnull (strstr (empty_words, "no values yet"));
  g_assert_cmpint (pm_trend_plot_find_point (empty, W / 2, H / 2, 50), ==, -1);

  surface = surface_new (&cr);
  pm_trend_plot_set_font_size (empty, 11);
  pm_trend_plot_draw (empty, cr, palette, MARGIN, MARGIN, W - 2 * MARGIN, H - 2 * MARGIN, -1);
  write_png (surface, "trend-empty");
  g_assert_cmpuint (count_ink (surface, W / 2 - 60, H / 2 - 15, W / 2 + 60, H / 2 + 15), >, 50);
  assert_margin_blank (surface);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* One value: one point, inside the plot. */
  pm_progress_entry_set_value (entry, 212);
  g_assert_true (pm_kpi_set_entry (kpi, entry, NULL));
  one = pm_trend_plot_new (kpi, period);
  g_assert_cmpuint (pm_trend_plot_get_n_points (one), ==, 1);
  g_assert_false (pm_trend_plot_get_point_position (one, 0, &px, &py));

  surface = surface_new (&cr);
  pm_trend_plot_set_font_size (one, 11);
  pm_trend_plot_draw (one, cr, palette, MARGIN, MARGIN, W - 2 * MARGIN, H - 2 * MARGIN, 0);
  write_png (surface, "trend-one-point");
  g_assert_true (pm_trend_plot_get_point_position (one, 0, &px, &py));
  g_assert_cmpfloat (px, >, MARGIN);
  g_assert_cmpfloat (px, <, W - MARGIN);
  g_assert_cmpfloat (py, >, MARGIN);
  g_assert_cmpfloat (py, <, H - MARGIN);
  one_words = pm_trend_plot_describe (one);
  g_assert_nonnull (strstr (one_words, "1 value, latest Q2 17/18: 212"));
  assert_margin_blank (surface);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_trend_far_outside (void)
{
  const PmChartPalette *palette = pm_chart_palette_get (FALSE);
  g_autoptr(PmKpi) kpi = pm_kpi_new ("Referrals", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(PmTarget) target = pm_target_new (20, "2017-03");
  g_autoptr(PmTrendPlot) plot = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double px, py;

  g_assert_true (pm_kpi_add_target (kpi, target, NULL));
  for (int q = 1; q <= 3; q++)
    {
      g_autoptr(PmPeriod) p = pm_period_new (2016, q);
      g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (p);

      pm_progress_entry_set_value (entry, q == 3 ? 5000 : 10);
      g_assert_true (pm_kpi_set_entry (kpi, entry, NULL));
    }

  plot = pm_trend_plot_new (kpi, period);
  surface = surface_new (&cr);
  pm_trend_plot_set_font_size (plot, 11);
  pm_trend_plot_draw (plot, cr, palette, MARGIN, MARGIN, W - 2 * MARGIN, H - 2 * MARGIN, -1);
  write_png (surface, "trend-far-outside");

  /* The outlier is on the chart, not cut off. */
  g_assert_true (pm_trend_plot_get_point_position (plot, 2, &px, &py));
  g_assert_cmpfloat (py, >=, MARGIN);
  assert_margin_blank (surface);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_sparkline (void)
{
  const PmChartPalette *palette = pm_chart_palette_get (FALSE);
  PmKpi *kpi = find_kpi (is_increasing_with_values);
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(PmKpi) none = pm_kpi_new ("Nothing yet", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);

  surface = surface_new (&cr);
  g_assert_cmpuint (pm_sparkline_draw (cr, palette, kpi, period, MARGIN, MARGIN, 80, 24), ==, n_values (kpi));
  write_png (surface, "sparkline");
  g_assert_cmpuint (count_ink (surface, MARGIN, MARGIN, MARGIN + 80, MARGIN + 24), >, 20);
  /* Nothing outside its small box. */
  g_assert_cmpuint (count_ink (surface, MARGIN + 81, 0, W, H), ==, 0);
  g_assert_cmpuint (count_ink (surface, 0, MARGIN + 25, W, H), ==, 0);

  /* No values: nothing drawn. */
  g_assert_cmpuint (pm_sparkline_draw (cr, palette, none, period, 300, 200, 80, 24), ==, 0);
  g_assert_cmpuint (count_ink (surface, 300, 200, 380, 224), ==, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
check_comparison (PmComparisonMeasure measure,
                  const char         *name)
{
  const PmChartPalette *palette = pm_chart_palette_get (FALSE);
  g_autoptr(PmComparison) comparison = pm_comparison_new (programme, measure, period);
  GListModel *districts = pm_programme_get_districts (programme);
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n = pm_comparison_get_n_bars (comparison);
  g_autofree char *description = pm_comparison_describe (comparison);

  g_assert_cmpuint (n, ==, g_list_model_get_n_items (districts));
  /* Largest first; districts with nothing to show last. */
  for (guint i = 1; i < n; i++)
    {
      if (!pm_comparison_has_value (comparison, i))
        continue;
      g_assert_true (pm_comparison_has_value (comparison, i - 1));
      g_assert_cmpfloat (pm_comparison_get_value (comparison, i - 1), >=, pm_comparison_get_value (comparison, i));
    }
  for (guint i = 0; i < n; i++)
    g_assert_nonnull (strstr (description, pm_comparison_get_label (comparison, i)));
  g_assert_true (pm_comparison_has_value (comparison, 0));

  surface = surface_new (&cr);
  pm_comparison_set_font_size (comparison, 11);
  pm_comparison_draw (comparison, cr, palette, MARGIN, MARGIN, W - 2 * MARGIN, H - 2 * MARGIN);
  write_png (surface, name);
  assert_margin_blank (surface);
  g_assert_cmpuint (count_ink (surface, MARGIN, MARGIN, W - MARGIN, H - MARGIN), >, 2000);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_comparison_reach (void)
{
  g_autoptr(PmComparison) comparison = pm_comparison_new (programme, PM_COMPARISON_REACH, period);
  double targets = 0;

  check_comparison (PM_COMPARISON_REACH, "districts-reach");

  /* The targets are the sums of the pilots' reach targets. */
  for (guint i = 0; i < pm_comparison_get_n_bars (comparison); i++)
    if (pm_comparison_has_target (comparison, i))
      targets += pm_comparison_get_target (comparison, i);
  {
    g_autoptr(GListModel) kpis = NULL;
    GListModel *districts = pm_programme_get_districts (programme);
    double expected = 0;

    for (guint d = 0; d < g_list_model_get_n_items (districts); d++)
      {
        g_autoptr(PmDistrict) district = g_list_model_get_item (districts, d);
        GListModel *pilots = pm_district_get_pilots (district);

        for (guint p = 0; p < g_list_model_get_n_items (pilots); p++)
          {
            g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, p);

            expected += pm_pilot_get_reach_target (pilot);
          }
      }
    g_assert_cmpfloat (expected, >, 0);
    g_assert_cmpfloat_with_epsilon (targets, expected, 1e-9);
  }
}

/* The title alone (too short a rectangle for any bar): all of it is drawn
 * in a narrow window's chart, on more lines, as in a wide one. */
static guint
comparison_title_ink (PmComparison *comparison,
                      double        width)
{
  cairo_t *cr;
  cairo_surface_t *surface = surface_new (&cr);
  guint ink;

  pm_comparison_draw (comparison, cr, pm_chart_palette_get (FALSE), MARGIN, MARGIN, width, 60);
  ink = count_ink (surface, 0, 0, W, H);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return ink;
}

static void
test_comparison_narrow_title (void)
{
  g_autoptr(PmComparison) comparison = pm_comparison_new (programme, PM_COMPARISON_REACH, period);
  guint wide, narrow;

  pm_comparison_set_font_size (comparison, 11);
  wide = comparison_title_ink (comparison, W - 2 * MARGIN);
  narrow = comparison_title_ink (comparison, 180);
  g_assert_cmpuint (wide, >, 200);
  g_assert_cmpuint (narrow, >, wide * 9 / 10);
}

static void
test_comparison_spend (void)
{
  check_comparison (PM_COMPARISON_SPEND, "districts-spend");
}

static void
test_comparison_on_track (void)
{
  g_autoptr(PmComparison) comparison = pm_comparison_new (programme, PM_COMPARISON_ON_TRACK, period);

  check_comparison (PM_COMPARISON_ON_TRACK, "districts-on-track");
  for (guint i = 0; i < pm_comparison_get_n_bars (comparison); i++)
    if (pm_comparison_has_value (comparison, i))
      {
        g_assert_cmpfloat (pm_comparison_get_value (comparison, i), >=, 0);
        g_assert_cmpfloat (pm_comparison_get_value (comparison, i), <=, 100);
      }
}

static void
test_dark_palette (void)
{
  const PmChartPalette *light = pm_chart_palette_get (FALSE);
  const PmChartPalette *dark = pm_chart_palette_get (TRUE);

  /* Text must stand out from its own background in both styles. */
  g_assert_cmpfloat (fabs (light->text.red - light->background.red), >, 0.7);
  g_assert_cmpfloat (fabs (dark->text.red - dark->background.red), >, 0.7);
  g_assert_true (light != dark);
}

/* Whether the pixel is at least @by darker (summed channels) than @colour. */
static gboolean
pixel_darker (cairo_surface_t     *surface,
              int                  x,
              int                  y,
              const PmChartColour *colour,
              double               by)
{
  double r, g, b;

  pixel (surface, x, y, &r, &g, &b);
  return r + g + b < colour->red + colour->green + colour->blue - by;
}

#define MARK_R 20

/* Marks drawn together look as drawn one by one: each status in its
 * colour and shape with a dark outline (a grey one hollow), and a mark
 * drawn after another it overlaps covers it, whatever their statuses. */
static void
test_marks (void)
{
  const PmChartPalette *palette = pm_chart_palette_get (FALSE);
  const PmChartColour white = { 1, 1, 1 };
  /* One of each status apart, then a green overlapped by a later red, a
   * mark apart from both between them in the list. */
  const PmChartMark marks[] = {
    { 60, 60, PM_RAG_GREEN }, { 140, 60, PM_RAG_AMBER }, { 220, 60, PM_RAG_RED },
    { 300, 60, PM_RAG_GREY }, { 60, 180, PM_RAG_GREEN }, { 300, 180, PM_RAG_AMBER },
    { 60 + MARK_R, 180, PM_RAG_RED },
  };
  cairo_surface_t *together, *apart;
  cairo_t *cr, *cr_apart;
  guint differing = 0;

  together = surface_new (&cr);
  apart = surface_new (&cr_apart);
  pm_chart_draw_rag_marks (cr, palette, marks, G_N_ELEMENTS (marks), MARK_R);
  pm_chart_draw_rag_marks (cr, palette, NULL, 0, MARK_R);
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    pm_chart_draw_rag_mark (cr_apart, palette, marks[i].rag, marks[i].x, marks[i].y, MARK_R);
  write_png (together, "marks");

  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      {
        double r, g, b, r2, g2, b2;

        pixel (together, x, y, &r, &g, &b);
        pixel (apart, x, y, &r2, &g2, &b2);
        if (fabs (r - r2) > 0.02 || fabs (g - g2) > 0.02 || fabs (b - b2) > 0.02)
          differing++;
      }
  g_assert_cmpuint (differing, ==, 0);

  /* On track: a circle, filled to its edge but not into the corners of
   * its box, outlined inside its edge in a darker colour. */
  g_assert_true (pixel_is (together, 60, 60, &palette->rag[PM_RAG_GREEN]));
  g_assert_true (pixel_is (together, 60 + 16, 60, &palette->rag[PM_RAG_GREEN]));
  g_assert_true (pixel_is (together, 60 + 17, 60 - 17, &white));
  g_assert_true (pixel_darker (together, 60 + 18, 60, &palette->rag[PM_RAG_GREEN], 0.3));
  /* Close to track: a triangle, point up. */
  g_assert_true (pixel_is (together, 140, 60, &palette->rag[PM_RAG_AMBER]));
  g_assert_true (pixel_is (together, 140, 60 - 16, &palette->rag[PM_RAG_AMBER]));
  g_assert_true (pixel_is (together, 140 + 16, 60 - 16, &white));
  g_assert_true (pixel_darker (together, 140, 60 + 14, &palette->rag[PM_RAG_AMBER], 0.3));
  /* Off track: a square, filled into its corners. */
  g_assert_true (pixel_is (together, 220, 60, &palette->rag[PM_RAG_RED]));
  g_assert_true (pixel_is (together, 220 + 14, 60 - 14, &palette->rag[PM_RAG_RED]));
  g_assert_true (pixel_darker (together, 220 + 16, 60, &palette->rag[PM_RAG_RED], 0.3));
  /* Not judged: hollow, a grey ring. */
  g_assert_true (pixel_is (together, 300, 60, &palette->background));
  g_assert_true (pixel_is (together, 300 + 17, 60, &palette->rag[PM_RAG_GREY]));
  /* The later red covers the green it overlaps. */
  g_assert_true (pixel_is (together, 60 + 10, 180, &palette->rag[PM_RAG_RED]));
  g_assert_true (pixel_is (together, 60 - 10, 180, &palette->rag[PM_RAG_GREEN]));
  g_assert_true (pixel_is (together, 300, 180, &palette->rag[PM_RAG_AMBER]));
  assert_margin_blank (together);

  cairo_destroy (cr);
  cairo_destroy (cr_apart);
  cairo_surface_destroy (together);
  cairo_surface_destroy (apart);
}

/* The sample holds the one quarter the source document reports. Charts
 * are about several quarters, so later quarters are entered here as a lead
 * would: for two KPIs of each direction with a numeric baseline and a
 * target, values that move towards the target at different speeds. */
static void
enter_later_quarters (void)
{
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (programme);
  guint increasing = 0, reducing = 0;

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);
      PmBaseline *baseline = pm_kpi_get_baseline (kpi);
      PmTarget *target = pm_kpi_get_current_target (kpi);
      PmDirection direction = pm_kpi_get_direction (kpi);
      guint *seen = direction == PM_DIRECTION_INCREASE ? &increasing : &reducing;
      double from, to;

      if (direction == PM_DIRECTION_MAINTAIN || target == NULL || !pm_baseline_has_value (baseline) || *seen >= 2)
        continue;

      from = pm_baseline_get_value (baseline);
      to = pm_target_get_value (target);
      for (int step = 1; step <= 4; step++)
        {
          /* Q3 16/17 to Q2 17/18; the second KPI of each kind falls behind. */
          g_autoptr(PmPeriod) quarter = pm_period_new (step == 1 ? 2016 : 2017, step == 1 ? 3 : step == 2 ? 4 : step - 2);
          g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (quarter);
          double share = (*seen == 0 ? 0.24 : 0.12) * step;
          double value = round (from + (to - from) * share);

          if (step == 1 && pm_kpi_get_entry (kpi, quarter) != NULL)
            continue;
          if (pm_kpi_get_unit (kpi) == PM_UNIT_PERCENTAGE)
            value = CLAMP (value, 0, 100);
          pm_progress_entry_set_value (entry, MAX (value, 0));
          g_assert_true (pm_kpi_set_entry (kpi, entry, NULL));
        }
      (*seen)++;
    }

  g_assert_cmpuint (increasing, ==, 2);
  g_assert_cmpuint (reducing, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  programme = pm_sample_programme_load (&error);
  g_assert_no_error (error);
  enter_later_quarters ();
  period = pm_period_new (2017, 2);

  g_test_add_func ("/chart/render/trend/increase", test_trend_increase);
  g_test_add_func ("/chart/render/trend/reduce", test_trend_reduce);
  g_test_add_func ("/chart/render/trend/state-baseline", test_trend_state_baseline);
  g_test_add_func ("/chart/render/trend/empty-and-one-point", test_trend_empty_and_one_point);
  g_test_add_func ("/chart/render/trend/far-outside", test_trend_far_outside);
  g_test_add_func ("/chart/render/sparkline", test_sparkline);
  g_test_add_func ("/chart/render/districts/reach", test_comparison_reach);
  g_test_add_func ("/chart/render/districts/narrow-title", test_comparison_narrow_title);
  g_test_add_func ("/chart/render/districts/spend", test_comparison_spend);
  g_test_add_func ("/chart/render/districts/on-track", test_comparison_on_track);
  g_test_add_func ("/chart/render/palette", test_dark_palette);
  g_test_add_func ("/chart/render/marks", test_marks);

  status = g_test_run ();

  g_clear_object (&programme);
  g_clear_object (&period);

  return status;
}
