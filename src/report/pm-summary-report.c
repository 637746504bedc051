/* pm-summary-report.c: the district summaries for a reporting period
 *
 * This file holds the class and the programme's first page; what goes in a
 * pilot's section is in pm-summary-report-pilot.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pm-summary-report.h"
#include "pm-summary-report-private.h"

#include "model/pm-date.h"

struct _PmSummaryReport
{
  PmReport   parent_instance;

  /* Owned references */
  GPtrArray *page_numbers;  /* PangoLayout, one per district row, filled in last */
  GArray    *first_pages;   /* guint per district, from the layout before */
  GListModel *restatements; /* PmRestatement, or NULL */
  GHashTable *signoffs;     /* PmDistrict → its quarter's sign-off, in words */

  /* Plain data */
  gboolean    district_per_page;
  gboolean    has_programme_rag;
  guint       programme_rag[PM_N_RAG];  /* counted by the store, when set */
};

G_DEFINE_FINAL_TYPE (PmSummaryReport, pm_summary_report, PM_TYPE_REPORT)

/* Column widths of the programme table, in points: they add up to the
 * width between the margins of an A4 portrait page. */
static const double programme_widths[] = { 82, 48, 34, 38, 26, 30, 66, 46, 54, 46, 29.2756 };

static GPtrArray *
list_districts (PmReport *report)
{
  GPtrArray *districts = g_ptr_array_new_with_free_func (g_object_unref);
  PmDistrict *only = pm_report_get_district (report);
  GListModel *all;

  if (only != NULL)
    {
      g_ptr_array_add (districts, g_object_ref (only));
      return districts;
    }

  all = pm_programme_get_districts (pm_report_get_programme (report));
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    g_ptr_array_add (districts, g_list_model_get_item (all, i));

  return districts;
}

char *
_pm_summary_report_period_text (PmReport *report)
{
  PmPeriod *period = pm_report_get_period (report);
  g_autofree char *label = pm_period_get_label (period);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  GDate date;
  char iso[16];

  pm_period_get_start_date (period, &date);
  g_snprintf (iso, sizeof iso, "%04d-%02d-%02d", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
  start = pm_date_format (iso);
  pm_period_get_end_date (period, &date);
  g_snprintf (iso, sizeof iso, "%04d-%02d-%02d", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
  end = pm_date_format (iso);

  /* Translators: a reporting period: "Q3 2016/17, 1 October 2016 to 31 December 2016" */
  return g_strdup_printf (_("%s, %s to %s"), label, start, end);
}

/* Totals over a district's pilots: families reached and their target,
 * money spent, committed and budgeted (-1 when no pilot entered it), and
 * how many pilots each covers, so that a total says what it is of. */
typedef struct
{
  int    reached;    /* -1: nothing reported */
  int    target;
  gint64 spent;      /* -1: nothing reported */
  gint64 committed;  /* -1: nothing reported */
  gint64 budget;     /* -1: not stated for any pilot */
  guint  n_pilots;
  guint  n_targeted;
  guint  n_budgeted;
  const char *reach_unit;  /* shared by the pilots; "" when they differ */
} Totals;

#define TOTALS_INIT { -1, 0, -1, -1, -1, 0, 0, 0, NULL }

static void
add_reported (gint64 *total,
              gint64  value)
{
  if (value >= 0)
    *total = MAX (*total, 0) + value;
}

static void
totals_add_pilot (Totals   *totals,
                  PmPilot  *pilot,
                  PmPeriod *period)
{
  int reached = pm_pilot_get_reach_at (pilot, period);
  int target = pm_pilot_get_reach_target (pilot);
  gint64 budget = pm_pilot_get_budget_pence (pilot);

  totals->reach_unit = pm_wording_reach_unit_join (totals->n_pilots == 0, totals->reach_unit,
                                                   pm_pilot_get_reach_unit (pilot));
  totals->n_pilots++;
  if (reached >= 0)
    totals->reached = MAX (totals->reached, 0) + reached;
  if (target > 0)
    {
      totals->target += target;
      totals->n_targeted++;
    }
  add_reported (&totals->spent, pm_pilot_get_spend_reported (pilot, period, PM_SPEND_SPENT));
  add_reported (&totals->committed, pm_pilot_get_spend_reported (pilot, period, PM_SPEND_COMMITTED));
  if (budget >= 0)
    totals->n_budgeted++;
  add_reported (&totals->budget, budget);
}

static void
totals_add_district (Totals     *totals,
                     PmDistrict *district,
                     PmPeriod   *period)
{
  GListModel *pilots = pm_district_get_pilots (district);

  for (guint i = 0; i < g_list_model_get_n_items (pilots); i++)
    {
      g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, i);

      totals_add_pilot (totals, pilot, period);
    }
}

static char *
reach_text (const Totals *totals)
{
  return pm_wording_reach_cover (totals->reached, totals->target,
                                 totals->n_targeted, totals->n_pilots, totals->reach_unit);
}

static char *
budget_text (const Totals *totals)
{
  g_autofree char *money = NULL;

  if (totals->budget < 0)
    /* Translators: a budget nobody has entered */
    return g_strdup (_("not stated"));

  money = pm_wording_money (totals->budget);
  if (totals->n_budgeted < totals->n_pilots)
    /* Translators: a budget total when only some pilots stated one: "£50,000 for 1 of 8 pilots" */
    return g_strdup_printf (_("%s for %u of %u pilots"), money, totals->n_budgeted, totals->n_pilots);

  return g_steal_pointer (&money);
}

/* One row of the programme table; @district NULL for the programme
 * total, labelled @total_label. */
static void
add_programme_row (PmSummaryReport *self,
                   PmReportTable   *table,
                   PangoContext    *context,
                   PmDistrict      *district,
                   const char      *total_label,
                   const guint     *counts,
                   const Totals    *totals)
{
  PmReportFont font = district != NULL ? PM_REPORT_FONT_TABLE : PM_REPORT_FONT_TABLE_BOLD;
  PangoLayout *cells[G_N_ELEMENTS (programme_widths)] = { NULL, };
  g_autoptr(GString) delivery = g_string_new (NULL);
  g_autofree char *reach = reach_text (totals);
  g_autofree char *spent = pm_wording_money_reported (totals->spent);
  g_autofree char *committed = pm_wording_money_reported (totals->committed);
  g_autofree char *budget = budget_text (totals);
  static const PmRag order[] = { PM_RAG_GREEN, PM_RAG_AMBER, PM_RAG_RED, PM_RAG_GREY };

  if (district != NULL)
    {
      GListModel *pilots = pm_district_get_pilots (district);

      for (guint i = 0; i < g_list_model_get_n_items (pilots); i++)
        {
          g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, i);

          if (i > 0)
            g_string_append_c (delivery, '\n');
          g_string_append (delivery, pm_delivery_status_get_label (pm_pilot_get_delivery_status (pilot)));
        }
    }

#define CELL(i, text) \
  _pm_report_layout_new_text (context, font, (text), programme_widths[i] - 2 * PM_REPORT_CELL_PADDING)

  cells[0] = CELL (0, district != NULL ? pm_district_get_name (district) : total_label);
  cells[1] = CELL (1, delivery->str);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *count = g_strdup_printf ("%u", counts[order[i]]);

      cells[2 + i] = CELL (2 + i, count);
    }
  cells[6] = CELL (6, reach);
  cells[7] = CELL (7, spent);
  cells[8] = CELL (8, committed);
  cells[9] = CELL (9, budget);
  if (district != NULL)
    {
      /* Filled in once the district sections have been laid out; known
       * already when the pages are laid out again to be drawn one by one. */
      guint row = self->page_numbers->len;
      g_autofree char *number = row < self->first_pages->len
                                ? g_strdup_printf ("%u", g_array_index (self->first_pages, guint, row))
                                : g_strdup ("");

      cells[10] = CELL (10, number);
      g_ptr_array_add (self->page_numbers, g_object_ref (cells[10]));
    }

#undef CELL

  _pm_report_table_add_row (table, cells, NULL, district == NULL);
  if (district != NULL)
    {
      g_autofree char *dest = _pm_summary_report_district_dest (PM_REPORT (self), district);

      _pm_report_table_link_last_row (table, 10, dest);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    g_clear_object (&cells[i]);
}

guint
_pm_summary_report_count_restatements (PmReport   *report,
                                       PmDistrict *district)
{
  PmSummaryReport *self = PM_SUMMARY_REPORT (report);
  guint count = 0;

  if (self->restatements == NULL)
    return 0;

  for (guint i = 0; i < g_list_model_get_n_items (self->restatements); i++)
    {
      g_autoptr(PmRestatement) restatement = g_list_model_get_item (self->restatements, i);
      PmPilot *pilot = pm_kpi_get_pilot (pm_restatement_get_kpi (restatement));

      if (pm_period_compare (pm_restatement_get_period (restatement), pm_report_get_period (report)) > 0)
        continue;
      if (district == NULL || (pilot != NULL && pm_pilot_get_district (pilot) == district))
        count++;
    }

  return count;
}

GListModel *
_pm_summary_report_get_restatements (PmReport *report)
{
  return PM_SUMMARY_REPORT (report)->restatements;
}

/* Under the programme table: how many figures the committee saw have
 * changed since, so that nobody misses the district sections' tables. */
static void
add_restatement_count (PmSummaryReport *self,
                       PmReportFlow    *flow,
                       GPtrArray       *districts)
{
  g_autoptr(PmRestatement) first = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *reported_on = NULL;
  g_autofree char *text = NULL;
  guint count = 0;

  for (guint i = 0; i < districts->len; i++)
    count += _pm_summary_report_count_restatements (PM_REPORT (self), g_ptr_array_index (districts, i));
  if (count == 0)
    return;

  first = g_list_model_get_item (self->restatements, 0);
  reported_on = pm_date_format (pm_restatement_get_reported_on (first));
  text = g_strdup_printf (g_dngettext (NULL,
                                       "%u value has been restated since the committee’s report of %s: "
                                       "the district’s section lists it, with what was reported and why it changed.",
                                       "%u values have been restated since the committee’s report of %s: "
                                       "each district’s section lists its own, with what was reported and why they changed.",
                                       count),
                          count, reported_on);
  layout = _pm_report_layout_new_text (_pm_report_flow_get_context (flow), PM_REPORT_FONT_BODY_BOLD,
                                       text, _pm_report_flow_get_width (flow));
  _pm_report_flow_add_text (flow, layout, 0, NULL, 10);
}

/* The pack's own title when the programme's settings give one, the
 * programme otherwise; then the meeting and who to ask, and what the
 * programme is. */
static void
layout_programme_title (PmSummaryReport *self,
                        PmReportFlow    *flow)
{
  PmReport *report = PM_REPORT (self);
  PmProgramme *programme = pm_report_get_programme (report);
  PangoContext *context = _pm_report_flow_get_context (flow);
  double width = _pm_report_flow_get_width (flow);
  const char *description = pm_programme_get_description (programme);
  g_autofree char *period_text = _pm_summary_report_period_text (report);
  const char *report_title = pm_programme_get_report_title (programme);
  g_autofree char *subtitle = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *committee = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle_layout = NULL;
  g_autoptr(PangoLayout) meta_layout = NULL;

  title = _pm_report_layout_new_text (context, PM_REPORT_FONT_TITLE,
                                      report_title != NULL ? report_title : pm_programme_get_name (programme),
                                      width);
  _pm_report_flow_add_heading_full (flow, title, 1, NULL, NULL, 0, 0, 4);

  subtitle = g_strdup_printf (_("District summaries for %s"), period_text);
  subtitle_layout = _pm_report_layout_new_text (context, PM_REPORT_FONT_SUBHEADING, subtitle, width);
  _pm_report_flow_add_text (flow, subtitle_layout, 0, NULL, 2);

  if (report_title != NULL)
    meta = g_strdup (pm_programme_get_name (programme));
  committee = _pm_report_committee_text (report);
  if (committee != NULL)
    {
      g_autofree char *joined = meta != NULL ? g_strdup_printf ("%s · %s", meta, committee) : NULL;

      g_free (meta);
      meta = joined != NULL ? g_steal_pointer (&joined) : g_strdup (committee);
    }
  if (meta != NULL)
    {
      meta_layout = _pm_report_layout_new_text (context, PM_REPORT_FONT_BODY, meta, width);
      _pm_report_flow_add_text (flow, meta_layout, 0, NULL, 2);
    }
  _pm_report_flow_set_y (flow, _pm_report_flow_get_y (flow) + 10);

  if (description != NULL && description[0] != '\0')
    {
      g_autoptr(PangoLayout) paragraph = NULL;

      paragraph = _pm_report_layout_new_text (context, PM_REPORT_FONT_BODY, description, width);
      _pm_report_flow_add_text (flow, paragraph, 0, NULL, 10);
    }
}

static void
layout_programme_page (PmSummaryReport *self,
                       PmReportFlow    *flow,
                       GPtrArray       *districts)
{
  PmReport *report = PM_REPORT (self);
  PmProgramme *programme = pm_report_get_programme (report);
  PmPeriod *period = pm_report_get_period (report);
  PangoContext *context = _pm_report_flow_get_context (flow);
  double width = _pm_report_flow_get_width (flow);
  g_autoptr(PangoLayout) heading = NULL;
  const char *headers[] = {
    _("District"), _("Lead’s view"), _("Green"), _("Amber"), _("Red"), _("Grey"),
    /* Translators: a column of reach totals, each with its own noun ("7 of 125 families") */
    _("Reached"), _("Spent"), _("Committed"), _("Budget"), _("Page"),
  };
  PmReportTable *table;
  guint counts[PM_N_RAG] = { 0, };
  Totals total = TOTALS_INIT;
  g_autofree char *total_label = NULL;
  GListModel *all;

  G_STATIC_ASSERT (G_N_ELEMENTS (headers) == G_N_ELEMENTS (programme_widths));

  layout_programme_title (self, flow);

  heading = _pm_report_layout_new_text (context, PM_REPORT_FONT_HEADING,
                                        _("Districts and the programme total"), width);
  _pm_report_flow_add_heading_full (flow, heading, 2, NULL, NULL, 6, 40, 6);

  table = _pm_report_table_new (flow, G_N_ELEMENTS (programme_widths), programme_widths, headers,
                                _("Districts and the programme total (continued)"));
  for (guint i = 2; i < G_N_ELEMENTS (programme_widths); i++)
    _pm_report_table_set_alignment (table, i, PANGO_ALIGN_RIGHT);
  /* The RAG columns: the legend is at the foot of this page. */
  _pm_report_flow_reserve_footnote (flow);
  _pm_report_table_begin (table);

  for (guint i = 0; i < districts->len; i++)
    {
      PmDistrict *district = g_ptr_array_index (districts, i);
      guint district_counts[PM_N_RAG] = { 0, };
      Totals totals = TOTALS_INIT;

      pm_district_count_rag (district, period, district_counts);
      totals_add_district (&totals, district, period);
      add_programme_row (self, table, context, district, NULL, district_counts, &totals);
    }

  /* The total is the whole programme's even when one district is printed,
   * so a district is always seen beside it; then it says so, lest it be
   * read as the district's own. */
  if (self->has_programme_rag)
    memcpy (counts, self->programme_rag, sizeof counts);
  else
    pm_programme_count_rag (programme, period, counts);
  all = pm_programme_get_districts (programme);
  if (pm_report_get_district (report) != NULL)
    /* Translators: the last row of a one-district summary's table */
    total_label = g_strdup_printf (g_dngettext (NULL, "Whole programme (%u district), for comparison",
                                                "Whole programme (%u districts), for comparison",
                                                g_list_model_get_n_items (all)),
                                   g_list_model_get_n_items (all));
  else
    total_label = g_strdup (_("Programme total"));
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (all, i);

      totals_add_district (&total, district, period);
    }
  add_programme_row (self, table, context, NULL, total_label, counts, &total);

  _pm_report_table_end (table, 14);
  _pm_report_table_free (table);
  if (pm_report_get_district (report) == NULL)
    _pm_report_add_indicator_totals (flow, programme, period);
  else
    _pm_report_add_district_indicator_totals (flow, programme, pm_report_get_district (report), period);

  add_restatement_count (self, flow, districts);

  _pm_summary_report_add_delivery_list (report, flow, districts);
}

/* The work of laying a district out and drawing it: its KPIs, each a
 * row and a chart, and its pilots. */
static guint64
district_work (PmDistrict *district)
{
  GListModel *pilots = pm_district_get_pilots (district);
  guint64 work = 1;

  for (guint i = 0; i < g_list_model_get_n_items (pilots); i++)
    {
      g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, i);

      work += 1 + g_list_model_get_n_items (pm_pilot_get_kpis (pilot));
    }

  return work;
}

static void
pm_summary_report_layout (PmReport     *report,
                          PmReportFlow *flow)
{
  PmSummaryReport *self = PM_SUMMARY_REPORT (report);
  g_autoptr(GPtrArray) districts = list_districts (report);
  g_autoptr(GArray) first_pages = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) known = g_steal_pointer (&self->first_pages);
  g_autoptr(GArray) work = g_array_sized_new (FALSE, FALSE, sizeof (guint64), districts->len);
  /* The programme's pages: rows for each district and its pilots. */
  guint64 total = 5 * (guint64) districts->len;

  g_ptr_array_set_size (self->page_numbers, 0);
  /* The district list is the same as last time, or no pages are known. */
  self->first_pages = known->len == districts->len ? g_array_ref (known)
                                                    : g_array_new (FALSE, FALSE, sizeof (guint));

  _pm_report_set_section (report, _("Programme summary"));
  _pm_report_flow_new_page (flow);
  layout_programme_page (self, flow, districts);

  /* The work before each district, for a long export drawn side by side. */
  for (guint i = 0; i < districts->len; i++)
    {
      g_array_append_val (work, total);
      total += district_work (g_ptr_array_index (districts, i));
    }

  /* The districts follow one another, each on a new page only when asked. */
  for (guint i = 0; i < districts->len; i++)
    {
      PmDistrict *district = g_ptr_array_index (districts, i);
      guint first;

      /* The part drawn here is complete: the rest is another's. */
      if (!_pm_report_resume_point (report, flow, g_array_index (work, guint64, i), total))
        {
          g_array_unref (self->first_pages);
          self->first_pages = g_steal_pointer (&known);
          return;
        }

      _pm_report_set_section (report, pm_district_get_name (district));
      if (self->district_per_page)
        _pm_report_flow_new_page (flow);

      _pm_summary_report_add_district (report, flow, district);
      first = _pm_report_flow_get_last_outline_page (flow);
      g_array_append_val (first_pages, first);
    }

  /* Now the pages are known, the programme table can point at them. */
  for (guint i = 0; i < self->page_numbers->len && i < first_pages->len; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", g_array_index (first_pages, guint, i));

      pango_layout_set_text (g_ptr_array_index (self->page_numbers, i), number, -1);
    }
  g_array_unref (self->first_pages);
  self->first_pages = g_steal_pointer (&first_pages);
}

static char *
pm_summary_report_get_title (PmReport *report)
{
  g_autofree char *label = pm_period_get_label (pm_report_get_period (report));

  /* Translators: the title of the printed district summaries */
  return g_strdup_printf (_("District summaries, %s"), label);
}

static char *
pm_summary_report_get_footnote (PmReport *report)
{
  return g_strdup (_("<b>RAG status</b> compares the value for the period with the "
                     "<i>profiled target</i>: a straight line from the baseline to the target "
                     "by its date, or from each milestone to the next when the target is a "
                     "schedule (the target itself when either is undated). "
                     "<b>G</b> green: on or better than the profiled target. "
                     "<b>A</b> amber: short of it by no more than the KPI’s tolerance "
                     "(10% of the distance from baseline to the target or milestone ahead unless set "
                     "otherwise). "
                     "<b>R</b> red: further short than that. "
                     "<b>–</b> grey: cannot be judged, because there is no value for the period, "
                     "no baseline value or no target. "
                     "A KPI to be maintained is green within its tolerance of the level and amber "
                     "within twice that. "
                     "<b>Travel</b>: improving, steady or worsening since the previous value "
                     "(or the baseline when there is none), judged by the way the KPI should go."));
}

static void
pm_summary_report_dispose (GObject *object)
{
  PmSummaryReport *self = PM_SUMMARY_REPORT (object);

  g_clear_pointer (&self->page_numbers, g_ptr_array_unref);
  g_clear_pointer (&self->first_pages, g_array_unref);
  g_clear_object (&self->restatements);
  g_clear_pointer (&self->signoffs, g_hash_table_unref);

  G_OBJECT_CLASS (pm_summary_report_parent_class)->dispose (object);
}

static void
pm_summary_report_class_init (PmSummaryReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PmReportClass *report_class = PM_REPORT_CLASS (klass);

  object_class->dispose = pm_summary_report_dispose;

  report_class->layout = pm_summary_report_layout;
  report_class->get_title = pm_summary_report_get_title;
  report_class->get_footnote = pm_summary_report_get_footnote;
}

static void
pm_summary_report_init (PmSummaryReport *self)
{
  self->page_numbers = g_ptr_array_new_with_free_func (g_object_unref);
  self->first_pages = g_array_new (FALSE, FALSE, sizeof (guint));
  self->signoffs = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
}

void
pm_summary_report_set_signoff (PmSummaryReport *self,
                               PmDistrict      *district,
                               const char      *state)
{
  g_return_if_fail (PM_IS_SUMMARY_REPORT (self));
  g_return_if_fail (PM_IS_DISTRICT (district));

  if (state == NULL)
    g_hash_table_remove (self->signoffs, district);
  else
    g_hash_table_replace (self->signoffs, g_object_ref (district), g_strdup (state));
}

const char *
_pm_summary_report_get_signoff (PmReport   *report,
                                PmDistrict *district)
{
  return g_hash_table_lookup (PM_SUMMARY_REPORT (report)->signoffs, district);
}

void
pm_summary_report_set_restatements (PmSummaryReport *self,
                                    GListModel      *restatements)
{
  g_return_if_fail (PM_IS_SUMMARY_REPORT (self));
  g_return_if_fail (restatements == NULL || G_IS_LIST_MODEL (restatements));

  g_set_object (&self->restatements, restatements);
}

char *
_pm_summary_report_district_dest (PmReport   *report,
                                  PmDistrict *district)
{
  GListModel *all = pm_programme_get_districts (pm_report_get_programme (report));
  guint position = 0;

  /* By position: a programme not yet saved has no ids. */
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PmDistrict) item = g_list_model_get_item (all, i);

      if (item == district)
        position = i + 1;
    }

  return g_strdup_printf ("district-%u", position);
}

void
pm_summary_report_set_programme_rag (PmSummaryReport *self,
                                     const guint     *counts)
{
  g_return_if_fail (PM_IS_SUMMARY_REPORT (self));

  self->has_programme_rag = counts != NULL;
  if (counts != NULL)
    memcpy (self->programme_rag, counts, sizeof self->programme_rag);
}

void
pm_summary_report_set_district_per_page (PmSummaryReport *self,
                                         gboolean         district_per_page)
{
  g_return_if_fail (PM_IS_SUMMARY_REPORT (self));

  self->district_per_page = !!district_per_page;
}

gboolean
pm_summary_report_get_district_per_page (PmSummaryReport *self)
{
  g_return_val_if_fail (PM_IS_SUMMARY_REPORT (self), FALSE);

  return self->district_per_page;
}

PmReport *
pm_summary_report_new (PmProgramme *programme,
                       PmPeriod    *period,
                       PmDistrict  *district)
{
  g_return_val_if_fail (PM_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);
  g_return_val_if_fail (district == NULL || PM_IS_DISTRICT (district), NULL);

  return g_object_new (PM_TYPE_SUMMARY_REPORT,
                       "programme", programme,
                       "period", period,
                       "district", district,
                       "landscape", FALSE,
                       NULL);
}
