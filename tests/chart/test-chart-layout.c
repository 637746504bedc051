/* test-chart-layout.c: where the trend chart puts its points, lines and labels
 *
 * The chart records what it drew where (pm_trend_plot_get_layout()); these
 * tests read that record back. A value sits at the end of its period, the
 * day the RAG rule judges it on, so a point marked off track is on the
 * wrong side of the trajectory drawn; no trajectory is made up when the
 * baseline or target has no date; the time axis starts where the KPI's
 * story starts; counts tick on whole numbers; and no label is written
 * over another, a line or a mark, for every chart of the sample programme
 * and of a generated one, at print and window sizes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pm-test-sample.h"

#include "model/pm-district.h"
#include "model/pm-pilot.h"
#include "report/pm-chart-geometry.h"
#include "report/pm-comparison-chart.h"
#include "report/pm-trend-chart.h"

#define W 700
#define H 400
#define EPSILON 0.01

typedef struct
{
  const char *name;
  double      font_size;
  double      width;
  double      height;
  gboolean    legend;
} Size;

/* A summary page's chart (points), the window's, and a narrow window's. */
static const Size sizes[] = {
  { "print", 6, 250, 110, FALSE },
  { "window", 12, 640, 360, TRUE },
  { "narrow", 12, 330, 220, TRUE },
};

static cairo_surface_t *surface;
static guint n_charts_checked;
static guint n_points_judged;

static PmTrendPlot *
draw_trend (PmKpi      *kpi,
            PmPeriod   *period,
            const Size *size,
            const char *png_name)
{
  PmTrendPlot *plot = pm_trend_plot_new (kpi, period);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  pm_trend_plot_set_font_size (plot, size->font_size);
  pm_trend_plot_set_show_legend (plot, size->legend);
  pm_trend_plot_draw (plot, cr, pm_chart_palette_get (FALSE), 10, 10, size->width, size->height, -1);
  cairo_destroy (cr);

  if (png_name != NULL)
    {
      g_autofree char *file = g_strdup_printf ("chart-layout-%s.png", png_name);
      g_autofree char *path = g_test_build_filename (G_TEST_BUILT, file, NULL);

      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("drawn: %s", path);
    }

  return plot;
}

static gboolean
boxes_overlap (const PmChartBox *a,
               const PmChartBox *b)
{
  return a->x + a->width > b->x + EPSILON && b->x + b->width > a->x + EPSILON
         && a->y + a->height > b->y + EPSILON && b->y + b->height > a->y + EPSILON;
}

static gboolean
inside (const PmChartBox *box,
        double            x,
        double            y)
{
  return x > box->x + EPSILON && x < box->x + box->width - EPSILON
         && y > box->y + EPSILON && y < box->y + box->height - EPSILON;
}

/* Walks the segment in small steps: does any step fall inside @box? */
static gboolean
segment_crosses (const PmChartSegment *s,
                 const PmChartBox     *box)
{
  double length = hypot (s->x1 - s->x0, s->y1 - s->y0);
  guint steps = (guint) MAX (2, ceil (length / 0.05));

  for (guint i = 0; i <= steps; i++)
    {
      double t = (double) i / steps;

      if (inside (box, s->x0 + t * (s->x1 - s->x0), s->y0 + t * (s->y1 - s->y0)))
        return TRUE;
    }

  return FALSE;
}

/* Why the labels recorded in @layout, for a chart at (10, 10) of
 * @width by @height, are not clear of everything else and inside the
 * chart, or NULL. */
static char *
find_clash (PmChartLayout *layout,
            double         width,
            double         height)
{
  guint n_labels, n_segments, n_marks;
  const PmChartBox *labels = pm_chart_layout_get_labels (layout, &n_labels);
  const PmChartSegment *segments = pm_chart_layout_get_segments (layout, &n_segments);
  const PmChartBox *marks = pm_chart_layout_get_marks (layout, &n_marks);

  if (n_labels == 0)
    return g_strdup ("no labels");

  for (guint i = 0; i < n_labels; i++)
    {
      if (labels[i].x < 10 - EPSILON || labels[i].y < 10 - EPSILON
          || labels[i].x + labels[i].width > 10 + width + EPSILON
          || labels[i].y + labels[i].height > 10 + height + EPSILON)
        return g_strdup_printf ("“%s” is outside the chart", labels[i].text);
      for (guint j = i + 1; j < n_labels; j++)
        if (boxes_overlap (&labels[i], &labels[j]))
          return g_strdup_printf ("“%s” overlaps “%s”", labels[i].text, labels[j].text);
      for (guint j = 0; j < n_segments; j++)
        if (segment_crosses (&segments[j], &labels[i]))
          return g_strdup_printf ("a line (part %d) crosses “%s”", segments[j].part, labels[i].text);
      for (guint j = 0; j < n_marks; j++)
        if (boxes_overlap (&marks[j], &labels[i]))
          return g_strdup_printf ("a mark (part %d) is under “%s”", marks[j].part, labels[i].text);
    }

  return NULL;
}

static char *
find_label_clash (PmTrendPlot *plot,
                  const Size  *size)
{
  return find_clash (pm_trend_plot_get_layout (plot), size->width, size->height);
}

static void
assert_labels_clear (PmTrendPlot *plot,
                     const Size  *size,
                     const char  *what)
{
  g_autofree char *clash = find_label_clash (plot, size);

  if (clash != NULL)
    g_error ("%s: %s", what, clash);
}

/* The trajectory's height at @x, from the segments drawn; FALSE when it
 * does not reach @x. */
static gboolean
trajectory_y (PmTrendPlot *plot,
              double       x,
              double      *y)
{
  guint n;
  const PmChartSegment *segments = pm_chart_layout_get_segments (pm_trend_plot_get_layout (plot), &n);

  for (guint i = 0; i < n; i++)
    {
      const PmChartSegment *s = &segments[i];

      if (s->part != PM_CHART_PART_TRAJECTORY || x < s->x0 - EPSILON || x > s->x1 + EPSILON)
        continue;
      *y = s->x1 - s->x0 < EPSILON ? s->y0 : s->y0 + (x - s->x0) / (s->x1 - s->x0) * (s->y1 - s->y0);
      return TRUE;
    }

  return FALSE;
}

static guint
count_parts (PmTrendPlot *plot,
             PmChartPart  part)
{
  guint n, count = 0;
  const PmChartSegment *segments = pm_chart_layout_get_segments (pm_trend_plot_get_layout (plot), &n);

  for (guint i = 0; i < n; i++)
    count += segments[i].part == part;

  return count;
}

/* Each judged point is on the side of the trajectory its status says:
 * green on or above it for a KPI to increase (y grows downwards), amber
 * and red below; the other way round for one to reduce. */
static void
assert_rag_agrees_with_side (PmTrendPlot *plot,
                             PmKpi       *kpi,
                             const char  *what)
{
  PmDirection direction = pm_kpi_get_direction (kpi);

  if (direction == PM_DIRECTION_MAINTAIN)
    return;

  for (guint i = 0; i < pm_trend_plot_get_n_points (plot); i++)
    {
      PmRag rag = pm_trend_plot_get_point_rag (plot, i);
      double px, py, ty, better;

      g_assert_true (pm_trend_plot_get_point_position (plot, i, &px, &py));
      if (rag == PM_RAG_GREY || !trajectory_y (plot, px, &ty))
        continue;

      /* How far the point is on the good side, in pixels. */
      better = direction == PM_DIRECTION_INCREASE ? ty - py : py - ty;
      if (rag == PM_RAG_GREEN && better < -EPSILON)
        g_error ("%s: point %u is green but on the off-track side (%.2f px)", what, i, better);
      if (rag != PM_RAG_GREEN && better > EPSILON)
        g_error ("%s: point %u is %s but on the on-track side (%.2f px)", what, i,
                 rag == PM_RAG_RED ? "red" : "amber", better);
      n_points_judged++;
    }
}

static void
check_kpi_charts (PmKpi *kpi,
                  int    first_index,
                  int    last_index)
{
  /* Under the sanitizers and valgrind (PM_TEST_SLOW) every fourth quarter
   * at print size and in a narrow window, the most crowded, is enough. */
  gboolean slow = g_getenv ("PM_TEST_SLOW") != NULL;

  for (int index = first_index; index <= last_index; index += slow ? 4 : 1)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        if (slow && g_str_equal (sizes[s].name, "window"))
          continue;

        g_autoptr(PmPeriod) period = pm_period_new_from_index (index);
        g_autoptr(PmTrendPlot) plot = draw_trend (kpi, period, &sizes[s], NULL);
        g_autofree char *label = pm_period_get_short_label (period);
        g_autofree char *what = g_strdup_printf ("“%s” at %s (%s)", pm_kpi_get_title (kpi), label, sizes[s].name);
        g_autofree char *clash = find_label_clash (plot, &sizes[s]);

        /* Drawn again where a person can look at it. */
        if (clash != NULL)
          {
            g_clear_pointer (&plot, pm_trend_plot_free);
            plot = draw_trend (kpi, period, &sizes[s], "clash");
            g_error ("%s: %s", what, clash);
          }
        assert_rag_agrees_with_side (plot, kpi, what);
        n_charts_checked++;
      }
}

static void
check_programme (PmProgramme *programme,
                 int          first_index,
                 int          last_index)
{
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (programme);

  g_assert_cmpuint (g_list_model_get_n_items (kpis), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);

      check_kpi_charts (kpi, first_index, last_index);
    }
}

static guint32
julian (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, iso);
  g_assert_true (g_date_valid (&date));
  return g_date_get_julian (&date);
}

/* Cannock Chase's WCFC KPI at Q3 2016/17: 5 families against a baseline
 * of 0 in October 2016 and a target of 75 by 31 October 2017, judged red
 * on 31 December 2016, when the trajectory stands at about 17. */
/* A year is charted once it is over: a calendar year at the quarter it
 * ends with, a financial year at its fourth quarter; not before. */
static void
test_years_over_by_quarter (void)
{
  struct { PmFrequency frequency; const char *first, *second, *over, *not_over; } cases[] = {
    { PM_FREQUENCY_CALENDAR_YEARLY, "CY2019", "CY2020", "FY2020-Q3", "FY2020-Q2" },
    { PM_FREQUENCY_YEARLY, "FY2019", "FY2020", "FY2020-Q4", "FY2020-Q3" },
  };

  for (gsize c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(PmKpi) kpi = pm_kpi_new ("Outturn", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
      g_autoptr(PmPeriod) over = pm_test_period (cases[c].over);
      g_autoptr(PmPeriod) not_over = pm_test_period (cases[c].not_over);
      g_autoptr(PmPeriod) second = pm_test_period (cases[c].second);
      g_autoptr(PmTrendPlot) plot = NULL;

      pm_kpi_set_frequency (kpi, cases[c].frequency);
      for (const char *const *code = (const char *const[]) { cases[c].first, cases[c].second, NULL }; *code; code++)
        {
          g_autoptr(PmPeriod) period = pm_test_period (*code);
          g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);

          pm_progress_entry_set_value (entry, 41);
          g_assert_true (pm_kpi_set_entry (kpi, entry, NULL));
        }

      g_test_message ("%s at %s", cases[c].second, cases[c].over);
      plot = pm_trend_plot_new (kpi, over);
      g_assert_cmpuint (pm_trend_plot_get_n_points (plot), ==, 2);
      g_assert_cmpint (pm_trend_plot_get_point_period (plot, 1), ==, pm_period_get_index (second));
      g_clear_pointer (&plot, pm_trend_plot_free);

      plot = pm_trend_plot_new (kpi, not_over);
      g_assert_cmpuint (pm_trend_plot_get_n_points (plot), ==, 1);
      g_clear_pointer (&plot, pm_trend_plot_free);
    }
}

static void
test_judged_at_period_end (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_load ();
  PmKpi *kpi = pm_test_find_kpi (programme, "Cannock Chase", "WCFC");
  g_autoptr(PmPeriod) q3 = pm_test_period ("FY2016-Q3");
  guint32 baseline_day = julian ("2016-10-01");
  guint32 judged_day = julian ("2016-12-31");
  guint32 target_day = julian ("2017-10-31");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *name = g_strdup_printf ("cannock-wcfc-q3-%s", sizes[s].name);
      g_autoptr(PmTrendPlot) plot = draw_trend (kpi, q3, &sizes[s], name);
      guint n;
      const PmChartSegment *segments = pm_chart_layout_get_segments (pm_trend_plot_get_layout (plot), &n);
      const PmChartSegment *rise = NULL;
      double px, py, ty;

      g_assert_cmpuint (pm_trend_plot_get_n_points (plot), ==, 1);
      g_assert_cmpfloat (pm_trend_plot_get_point_value (plot, 0), ==, 5);
      g_assert_cmpint (pm_trend_plot_get_point_rag (plot, 0), ==, PM_RAG_RED);
      g_assert_true (pm_trend_plot_get_point_position (plot, 0, &px, &py));

      for (guint i = 0; i < n && rise == NULL; i++)
        if (segments[i].part == PM_CHART_PART_TRAJECTORY)
          rise = &segments[i];
      g_assert_nonnull (rise);

      /* The trajectory runs from the baseline's date to the target's, and
       * the value sits right of the baseline, at 31 December 2016. */
      g_assert_cmpfloat (px, >, rise->x0 + 1);
      g_assert_cmpfloat_with_epsilon ((px - rise->x0) / (rise->x1 - rise->x0),
                                      (double) (judged_day - baseline_day) / (target_day - baseline_day),
                                      1e-6);

      /* Red: below the line it is judged against. */
      g_assert_true (trajectory_y (plot, px, &ty));
      g_assert_cmpfloat (py, >, ty + 1);
      assert_rag_agrees_with_side (plot, kpi, name);
    }
}

static PmKpi *
kpi_with_values (const char *title,
                 PmUnit      unit,
                 PmBaseline *baseline,
                 PmTarget   *target,
                 int         first_index,
                 const double *values,
                 guint       n_values)
{
  PmKpi *kpi = pm_kpi_new (title, unit, PM_DIRECTION_INCREASE);

  if (baseline != NULL)
    g_assert_true (pm_kpi_set_baseline (kpi, baseline, NULL));
  if (target != NULL)
    g_assert_true (pm_kpi_add_target (kpi, target, NULL));
  for (guint i = 0; i < n_values; i++)
    {
      g_autoptr(PmPeriod) period = pm_period_new_from_index (first_index + (int) i);
      g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);

      pm_progress_entry_set_value (entry, values[i]);
      g_assert_true (pm_kpi_set_entry (kpi, entry, NULL));
    }

  return kpi;
}

static gboolean
has_label (PmTrendPlot *plot,
           const char  *text)
{
  guint n;
  const PmChartBox *labels = pm_chart_layout_get_labels (pm_trend_plot_get_layout (plot), &n);

  for (guint i = 0; i < n; i++)
    if (strstr (labels[i].text, text) != NULL)
      return TRUE;

  return FALSE;
}

/* An undated baseline and target give no line to judge along (the target
 * itself stands): none is drawn, at any period, and a note says why. */
static void
test_no_trajectory_without_dates (void)
{
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (10, NULL, NULL);
  g_autoptr(PmTarget) target = pm_target_new (40, NULL);
  const double values[] = { 12, 18, 25 };
  g_autoptr(PmKpi) kpi = kpi_with_values ("Families with a plan", PM_UNIT_COUNT, baseline, target,
                                          2016 * 4 + 2, values, G_N_ELEMENTS (values));

  for (int index = 2016 * 4 + 2; index <= 2016 * 4 + 4; index++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autoptr(PmPeriod) period = pm_period_new_from_index (index);
        g_autoptr(PmTrendPlot) plot = draw_trend (kpi, period, &sizes[s],
                                                  index == 2016 * 4 + 4 && s == 1 ? "undated" : NULL);

        g_assert_cmpuint (count_parts (plot, PM_CHART_PART_TRAJECTORY), ==, 0);
        g_assert_true (has_label (plot, "No trajectory: the baseline or target has no date"));
        assert_labels_clear (plot, &sizes[s], "undated");
      }
}

/* The quarters on the axis, from the record of the ticks. */
static guint
n_quarters (PmTrendPlot *plot)
{
  return count_parts (plot, PM_CHART_PART_TICK);
}

static const char *
first_quarter_label (PmTrendPlot *plot)
{
  guint n;
  const PmChartBox *labels = pm_chart_layout_get_labels (pm_trend_plot_get_layout (plot), &n);
  const PmChartBox *first = NULL;

  for (guint i = 0; i < n; i++)
    if (g_str_has_prefix (labels[i].text, "Q") && strchr (labels[i].text, '/') != NULL
        && (first == NULL || labels[i].x < first->x))
      first = &labels[i];

  g_assert_nonnull (first);
  return first->text;
}

/* The axis starts at the baseline's quarter or the first value's,
 * whichever is earlier, and never before the pilot started. */
static void
test_axis_start (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_load ();
  PmKpi *early_help = pm_test_find_kpi (programme, "Cannock Chase", "Increase the number of families");
  g_autoptr(PmPeriod) q3 = pm_test_period ("FY2016-Q3");
  g_autoptr(PmPeriod) q1_next = pm_test_period ("FY2017-Q1");
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (10, "2016-04", NULL);
  g_autoptr(PmTarget) target = pm_target_new (40, "2017-03-31");
  const double values[] = { 12, 18 };
  g_autoptr(PmKpi) kpi = kpi_with_values ("Referrals", PM_UNIT_COUNT, baseline, target,
                                          2016 * 4 + 3, values, G_N_ELEMENTS (values));
  g_autoptr(PmPilot) pilot = pm_pilot_new ("A pilot started in the autumn");
  g_autoptr(PmTrendPlot) plot = NULL;

  /* No baseline yet and a first value in the quarter the pilot started
   * (October 2016): that quarter alone, not a year back from it. */
  g_assert_cmpstr (pm_pilot_get_start_date (pm_kpi_get_pilot (early_help)), ==, "2016-10");
  plot = draw_trend (early_help, q3, &sizes[1], "axis-start-pilot");
  g_assert_cmpuint (n_quarters (plot), ==, 1);
  g_assert_cmpstr (first_quarter_label (plot), ==, "Q3 16/17");
  g_clear_pointer (&plot, pm_trend_plot_free);

  /* Not in a pilot: from the baseline's quarter, before the first value. */
  plot = draw_trend (kpi, q1_next, &sizes[1], "axis-start-baseline");
  g_assert_cmpstr (first_quarter_label (plot), ==, "Q1 16/17");
  g_assert_cmpuint (n_quarters (plot), ==, 5);
  g_clear_pointer (&plot, pm_trend_plot_free);

  /* In a pilot that started after the baseline: from the pilot's start. */
  pm_pilot_set_start_date (pilot, "2016-10");
  pm_pilot_add_kpi (pilot, kpi);
  plot = draw_trend (kpi, q1_next, &sizes[1], "axis-start-after-baseline");
  g_assert_cmpstr (first_quarter_label (plot), ==, "Q3 16/17");
  g_assert_cmpuint (n_quarters (plot), ==, 3);
  assert_rag_agrees_with_side (plot, kpi, "axis-start-after-baseline");
}

/* The value axis's labels: the texts of labels left of the plot. */
static GPtrArray *
value_axis_labels (PmTrendPlot *plot)
{
  GPtrArray *texts = g_ptr_array_new ();
  guint n;
  const PmChartBox *labels = pm_chart_layout_get_labels (pm_trend_plot_get_layout (plot), &n);
  double x0, y0;

  g_assert_true (pm_trend_plot_get_point_position (plot, 0, &x0, &y0));
  for (guint i = 0; i < n; i++)
    if (labels[i].x + labels[i].width < x0 && g_ascii_isdigit (labels[i].text[strlen (labels[i].text) - 1])
        && !g_str_has_prefix (labels[i].text, "Q"))
      g_ptr_array_add (texts, labels[i].text);

  return texts;
}

/* Nine or ten families tick on whole families from none, not 9.0, 9.5,
 * 10.0; money starts at £0 too. */
static void
test_count_ticks (void)
{
  const double families[] = { 9, 10, 10 };
  const double pence[] = { 500000, 560000, 610000 };
  g_autoptr(PmKpi) counts = kpi_with_values ("Families", PM_UNIT_COUNT, NULL, NULL, 2016 * 4 + 2,
                                             families, G_N_ELEMENTS (families));
  g_autoptr(PmKpi) money = kpi_with_values ("Spend", PM_UNIT_MONEY, NULL, NULL, 2016 * 4 + 2,
                                            pence, G_N_ELEMENTS (pence));
  g_autoptr(PmPeriod) period = pm_period_new_from_index (2016 * 4 + 4);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(PmTrendPlot) count_plot = draw_trend (counts, period, &sizes[s],
                                                      s == 1 ? "count-ticks" : NULL);
      g_autoptr(PmTrendPlot) money_plot = draw_trend (money, period, &sizes[s], NULL);
      g_autoptr(GPtrArray) count_labels = value_axis_labels (count_plot);
      g_autoptr(GPtrArray) money_labels = value_axis_labels (money_plot);

      g_assert_cmpuint (count_labels->len, >=, 2);
      g_assert_cmpstr (g_ptr_array_index (count_labels, 0), ==, "0");
      for (guint i = 0; i < count_labels->len; i++)
        g_assert_null (strchr (g_ptr_array_index (count_labels, i), '.'));
      g_assert_cmpuint (money_labels->len, >=, 2);
      g_assert_cmpstr (g_ptr_array_index (money_labels, 0), ==, "£0");
      for (guint i = 0; i < money_labels->len; i++)
        g_assert_null (strchr (g_ptr_array_index (money_labels, i), '.'));
    }
}

static void
test_sample_charts (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_load ();

  n_charts_checked = n_points_judged = 0;
  /* Q1 2016/17 to Q4 2017/18: before the pilots, their values, after. */
  check_programme (programme, 2016 * 4 + 1, 2017 * 4 + 4);
  g_test_message ("sample: %u charts, %u judged points", n_charts_checked, n_points_judged);
  g_assert_cmpuint (n_points_judged, >, 0);
}

/* A programme of 20 districts whose KPIs vary in everything the chart
 * draws: units, directions, small and large figures, dated, undated and
 * missing baselines and targets, pilots with and without a start, gaps. */
static PmProgramme *
generate_programme (guint32 seed)
{
  static const PmUnit units[] = { PM_UNIT_COUNT, PM_UNIT_PERCENTAGE, PM_UNIT_DAYS, PM_UNIT_MONEY, PM_UNIT_RATE };
  static const char * const dates[] = { "2016-04", "2016-10-01", "2017-01-15", NULL };
  static const char * const target_dates[] = { "2017-03-31", "2018-03", "2025-03-31", NULL, "2016-06" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  PmProgramme *programme = pm_programme_new ("Generated programme");

  for (guint d = 0; d < 20; d++)
    {
      g_autofree char *name = g_strdup_printf ("District %02u", d + 1);
      g_autoptr(PmDistrict) district = pm_district_new (name);
      g_autoptr(PmPilot) pilot = pm_pilot_new (name);

      if (d % 3 != 0)
        pm_pilot_set_start_date (pilot, d % 3 == 1 ? "2016-07" : "2016-10-15");
      for (guint k = 0; k < 5; k++)
        {
          g_autofree char *title = g_strdup_printf ("KPI %u of district %u", k + 1, d + 1);
          PmUnit unit = units[(d + k) % G_N_ELEMENTS (units)];
          PmDirection direction = (PmDirection) g_rand_int_range (rand, 0, 3);
          g_autoptr(PmKpi) kpi = pm_kpi_new (title, unit, direction);
          double scale = unit == PM_UNIT_PERCENTAGE ? 100 : unit == PM_UNIT_MONEY ? 1e6
                         : g_rand_boolean (rand) ? 12 : 400;
          double base = round (g_rand_double_range (rand, 0, scale) * 10) / 10;
          double goal = round (g_rand_double_range (rand, 0, scale) * 10) / 10;
          int first = 2016 * 4 + g_rand_int_range (rand, 1, 5);
          int n = g_rand_int_range (rand, 0, 8);

          if (unit == PM_UNIT_COUNT || unit == PM_UNIT_DAYS || unit == PM_UNIT_MONEY)
            base = round (base), goal = round (goal);
          if (g_rand_int_range (rand, 0, 5) > 0)
            {
              g_autoptr(PmBaseline) baseline = pm_baseline_new_value (base, dates[g_rand_int_range (rand, 0, 4)], NULL);

              pm_kpi_set_baseline (kpi, baseline, NULL);
            }
          if (g_rand_int_range (rand, 0, 5) > 0)
            {
              g_autoptr(PmTarget) target = pm_target_new (goal, target_dates[g_rand_int_range (rand, 0, 5)]);

              pm_kpi_add_target (kpi, target, NULL);
            }
          for (int q = 0; q < n; q++)
            {
              g_autoptr(PmPeriod) period = pm_period_new_from_index (first + q);
              g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);
              double value = base + (goal - base) * q / 6.0 + g_rand_double_range (rand, -0.2, 0.2) * scale;

              if (g_rand_int_range (rand, 0, 6) == 0)
                continue;  /* a quarter not reported */
              value = unit == PM_UNIT_PERCENTAGE ? CLAMP (round (value * 10) / 10, 0, 100)
                                                 : MAX (0, unit == PM_UNIT_RATE ? round (value * 100) / 100 : round (value));
              pm_progress_entry_set_value (entry, value);
              pm_kpi_set_entry (kpi, entry, NULL);
            }
          pm_pilot_add_kpi (pilot, kpi);
        }
      pm_district_add_pilot (district, pilot);
      g_assert_true (pm_programme_add_district (programme, district, NULL));
    }

  return programme;
}

static void
test_generated_charts (void)
{
  g_autoptr(PmProgramme) programme = generate_programme (17);

  n_charts_checked = n_points_judged = 0;
  check_programme (programme, 2016 * 4 + 1, 2018 * 4 + 2);
  g_test_message ("generated: %u charts, %u judged points", n_charts_checked, n_points_judged);
  g_assert_cmpuint (n_points_judged, >, 100);
}

/* The districts side by side, on each measure, in a window and a narrow
 * one: no label over another, a bar, a target or its rule. */
static void
check_comparisons (PmProgramme *programme,
                   const char  *name)
{
  static const Size window_sizes[] = {
    { "window", 12, 640, 560, FALSE },
    { "narrow", 12, 300, 560, FALSE },
  };

  for (int index = 2016 * 4 + 2; index <= 2017 * 4 + 2; index += 2)
    for (guint m = 0; m < PM_N_COMPARISONS; m++)
      for (guint s = 0; s < G_N_ELEMENTS (window_sizes); s++)
        {
          g_autoptr(PmPeriod) period = pm_period_new_from_index (index);
          g_autoptr(PmComparison) comparison = pm_comparison_new (programme, (PmComparisonMeasure) m, period);
          cairo_t *cr = cairo_create (surface);
          g_autofree char *clash = NULL;
          guint n_labels;

          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
          pm_comparison_set_font_size (comparison, window_sizes[s].font_size);
          pm_comparison_draw (comparison, cr, pm_chart_palette_get (FALSE), 10, 10,
                              window_sizes[s].width, window_sizes[s].height);
          cairo_destroy (cr);

          if (g_str_equal (name, "sample") && index == 2017 * 4 + 2)
            {
              g_autofree char *file = g_strdup_printf ("chart-layout-districts-%u-%s.png", m, window_sizes[s].name);
              g_autofree char *path = g_test_build_filename (G_TEST_BUILT, file, NULL);

              g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
            }
          pm_chart_layout_get_labels (pm_comparison_get_layout (comparison), &n_labels);
          g_assert_cmpuint (n_labels, >, 0);
          clash = find_clash (pm_comparison_get_layout (comparison), window_sizes[s].width,
                              window_sizes[s].height);
          if (clash != NULL)
            {
              g_autofree char *file = g_strdup_printf ("chart-layout-clash-%s.png", name);
              g_autofree char *path = g_test_build_filename (G_TEST_BUILT, file, NULL);

              cairo_surface_write_to_png (surface, path);
              g_error ("%s, %s, measure %u (%s): %s", name, pm_comparison_measure_title (m),
                       m, window_sizes[s].name, clash);
            }
          n_charts_checked++;
        }
}

static void
test_sample_comparisons (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_load ();

  check_comparisons (programme, "sample");
}

static void
test_generated_comparisons (void)
{
  g_autoptr(PmProgramme) programme = generate_programme (17);

  check_comparisons (programme, "generated");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);

  g_test_add_func ("/chart/layout/judged-at-period-end", test_judged_at_period_end);
  g_test_add_func ("/chart/layout/years-over-by-quarter", test_years_over_by_quarter);
  g_test_add_func ("/chart/layout/no-trajectory-without-dates", test_no_trajectory_without_dates);
  g_test_add_func ("/chart/layout/axis-start", test_axis_start);
  g_test_add_func ("/chart/layout/count-ticks", test_count_ticks);
  g_test_add_func ("/chart/layout/sample-charts", test_sample_charts);
  g_test_add_func ("/chart/layout/generated-charts", test_generated_charts);
  g_test_add_func ("/chart/layout/sample-comparisons", test_sample_comparisons);
  g_test_add_func ("/chart/layout/generated-comparisons", test_generated_comparisons);

  status = g_test_run ();

  cairo_surface_destroy (surface);
  return status;
}
