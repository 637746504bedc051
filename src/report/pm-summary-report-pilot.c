/* pm-summary-report-pilot.c: a district's section of the summaries
 *
 * Everything the committee needs to see at once about a pilot, in the
 * order they ask for it: what it is, how each KPI stands, who it reached,
 * what it spent, what it says about the period, and the trends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pm-summary-report-private.h"
#include "pm-trend-chart.h"

#include "model/pm-assessment.h"
#include "model/pm-date.h"

#define KEY_WIDTH       92.0
#define PARAGRAPH_SPACE 5.0
#define HEADING_BEFORE  12.0
#define HEADING_AFTER   4.0
#define HEADING_KEEP    36.0
#define CHART_HEIGHT    110.0
#define CHART_GAP       16.0
#define SECONDARY_SPAN  "<span foreground=\"#3d3846\">"

/* The Travel column takes "Worsening" whole at 9 pt bold. */
static const double kpi_widths[] = { 117, 96, 68, 56, 58, 64, 40.2756 };
static const double spend_widths[] = { 259.2756, 80, 80, 80 };
static const double delivery_widths[] = { 84, 150, 265.2756 };
static const double restated_widths[] = { 170, 58, 64, 64, 143.2756 };

static void
add_heading (PmReportFlow *flow,
             PmReportFont  font,
             const char   *text)
{
  g_autoptr(PangoLayout) layout = NULL;

  layout = _pm_report_layout_new_text (_pm_report_flow_get_context (flow), font, text,
                                       _pm_report_flow_get_width (flow));
  _pm_report_flow_add_heading (flow, layout,
                               font == PM_REPORT_FONT_HEADING ? HEADING_BEFORE + 4 : HEADING_BEFORE,
                               HEADING_KEEP, HEADING_AFTER);
}

/* Paragraphs are separated by a blank line in the data. */
static void
add_paragraphs (PmReportFlow *flow,
                const char   *text,
                double        indent)
{
  g_auto(GStrv) paragraphs = NULL;

  if (text == NULL)
    return;

  paragraphs = g_strsplit (text, "\n\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      g_autofree char *trimmed = g_strstrip (g_strdup (paragraphs[i]));

      if (trimmed[0] == '\0')
        continue;

      layout = _pm_report_layout_new_text (_pm_report_flow_get_context (flow), PM_REPORT_FONT_BODY,
                                           trimmed, _pm_report_flow_get_width (flow) - indent);
      _pm_report_flow_add_text (flow, layout, indent, NULL, PARAGRAPH_SPACE);
    }
}

/* A label in the left column with its value beside it. */
static void
add_fact (PmReportFlow *flow,
          const char   *key,
          const char   *value)
{
  PangoContext *context = _pm_report_flow_get_context (flow);
  double width = _pm_report_flow_get_width (flow);
  g_autoptr(PangoLayout) key_layout = NULL;
  g_autoptr(PangoLayout) value_layout = NULL;
  PmReportPage *page;
  double top;

  if (value == NULL || value[0] == '\0')
    return;

  key_layout = _pm_report_layout_new_text (context, PM_REPORT_FONT_BODY_BOLD, key, KEY_WIDTH - 6);
  value_layout = _pm_report_layout_new_text (context, PM_REPORT_FONT_BODY, value, width - KEY_WIDTH);

  /* Make sure the value starts on this page, then put the key beside it. */
  _pm_report_flow_ensure (flow, MAX (_pm_report_layout_height (key_layout),
                                     _pm_report_layout_lines_height (value_layout, 2)));
  page = _pm_report_flow_get_page (flow);
  top = _pm_report_flow_get_y (flow);
  _pm_report_page_add_text (page, key_layout, _pm_report_flow_get_left (flow), top, 0, -1, NULL);
  _pm_report_flow_add_text (flow, value_layout, KEY_WIDTH, NULL, 3);

  /* A key on two lines beside a value on one must not meet the next key. */
  if (_pm_report_flow_get_page (flow) == page)
    _pm_report_flow_set_y (flow, MAX (_pm_report_flow_get_y (flow),
                                      top + _pm_report_layout_height (key_layout) + 3));
}

static char *
providers_text (PmPilot *pilot)
{
  GListModel *providers = pm_pilot_get_providers (pilot);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (providers); i++)
    {
      g_autoptr(PmProvider) provider = g_list_model_get_item (providers, i);
      const char *full_name = pm_provider_get_full_name (provider);

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, pm_provider_get_name (provider));
      if (full_name != NULL && full_name[0] != '\0')
        g_string_append_printf (text, " (%s)", full_name);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_facts (PmReport     *report,
           PmReportFlow *flow,
           PmPilot      *pilot)
{
  g_autofree char *started = pm_date_format (pm_pilot_get_start_date (pilot));
  g_autofree char *providers = providers_text (pilot);

  /* The status itself is in the line under the title, beside the KPIs'. */
  add_fact (flow, _("Lead’s note"), pm_pilot_get_status_note (pilot));
  add_fact (flow, _("Focus area"), pm_pilot_get_focus_area (pilot));
  add_fact (flow, _("Started"), started);
  add_fact (flow, _("Lead"), pm_pilot_get_lead (pilot));
  add_fact (flow, _("Providers"), providers);
  add_fact (flow, _("Funding"), pm_pilot_get_funding (pilot));
}

/* ------------------------------------------------------------------ */
/* The KPI table */

static char *
kpi_cell_markup (PmKpi    *kpi,
                 PmPeriod *period)
{
  PmProgressEntry *entry = pm_kpi_get_entry_at (kpi, period);
  const char *source = pm_kpi_get_data_source (kpi);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *title = g_markup_escape_text (pm_kpi_get_title (kpi), -1);
  g_autofree char *notes = NULL;

  g_string_append (markup, title);

  if (entry != NULL && pm_progress_entry_get_note (entry) != NULL)
    {
      g_autofree char *note = g_markup_escape_text (pm_progress_entry_get_note (entry), -1);

      g_string_append_printf (markup, "\n" SECONDARY_SPAN "%s</span>", note);
    }

  if (source != NULL && source[0] != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (source, -1);

      /* Translators: who provides a KPI's figures */
      g_string_append_printf (markup, "\n" SECONDARY_SPAN "%s</span>", _("Source:"));
      g_string_append_printf (markup, SECONDARY_SPAN " %s</span>", escaped);
    }

  notes = _pm_report_data_notes_markup (pm_kpi_get_data_notes (kpi));
  if (notes != NULL)
    g_string_append_printf (markup, "\n%s", notes);

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static char *
secondary (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return g_strdup_printf (SECONDARY_SPAN "%s</span>", escaped);
}

static char *
escaped_or_secondary (const char *text,
                      const char *otherwise)
{
  if (text != NULL)
    return g_markup_escape_text (text, -1);

  return secondary (otherwise);
}

static void
add_kpi_row (PmReportTable *table,
             PangoContext  *context,
             PmKpi         *kpi,
             PmPeriod      *period)
{
  g_autoptr(PmAssessment) assessment = pm_assessment_new (kpi, period);
  PmUnit unit = pm_kpi_get_unit (kpi);
  PangoLayout *cells[G_N_ELEMENTS (kpi_widths)] = { NULL, };
  PmRag rags[G_N_ELEMENTS (kpi_widths)];
  PmTravel travel = PM_TRAVEL_UNKNOWN;
  g_autofree char *title = kpi_cell_markup (kpi, period);
  g_autofree char *baseline_text = pm_wording_kpi_baseline (kpi);
  g_autofree char *baseline = g_markup_escape_text (baseline_text, -1);
  g_autofree char *target_text = pm_wording_kpi_target (kpi);
  g_autofree char *target = escaped_or_secondary (target_text, _("No target"));
  g_autofree char *value_text = pm_wording_kpi_value_printed (kpi, period);
  g_autofree char *value = escaped_or_secondary (value_text, _("No value"));
  g_autofree char *change_text = NULL;
  g_autofree char *change = NULL;
  g_autofree char *travel_move = NULL;
  g_autofree char *travel_markup = NULL;

  if (pm_assessment_has_change (assessment))
    change_text = pm_unit_format_change (unit, pm_assessment_get_change (assessment));
  change = escaped_or_secondary (change_text, "–");

  /* The word, then which way the value moved: an arrow alone read
   * backwards for a KPI that should go down. */
  travel_move = pm_wording_travel_move (kpi, period, &travel);
  if (travel_move == NULL)
    travel_markup = secondary ("–");
  else
    travel_markup = g_markup_printf_escaped ("<b>%s</b>\n" SECONDARY_SPAN "%s</span>",
                                             pm_travel_get_label (travel), travel_move);

#define CELL(i, markup) \
  _pm_report_layout_new (context, PM_REPORT_FONT_TABLE, (markup), kpi_widths[i] - 2 * PM_REPORT_CELL_PADDING)

  cells[0] = CELL (0, title);
  cells[1] = CELL (1, baseline);
  cells[2] = CELL (2, target);
  cells[3] = CELL (3, value);
  cells[4] = CELL (4, change);
  cells[5] = CELL (5, travel_markup);
  cells[6] = _pm_report_layout_new_text (context, PM_REPORT_FONT_BADGE,
                                         pm_rag_get_letter (pm_assessment_get_rag (assessment)), -1);

#undef CELL

  for (guint i = 0; i < G_N_ELEMENTS (rags); i++)
    rags[i] = PM_REPORT_NO_BADGE;
  rags[6] = pm_assessment_get_rag (assessment);

  _pm_report_table_add_row (table, cells, rags, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    g_clear_object (&cells[i]);
}

static void
add_kpi_table (PmReport     *report,
               PmReportFlow *flow,
               PmDistrict   *district,
               PmPilot      *pilot)
{
  PmPeriod *period = pm_report_get_period (report);
  GListModel *kpis = pm_pilot_get_kpis (pilot);
  g_autofree char *label = pm_period_get_label (period);
  g_autofree char *caption = NULL;
  const char *headers[] = {
    _("KPI"), _("Baseline"), _("Target"), label, _("Change since baseline"), _("Travel"), _("RAG"),
  };
  PmReportTable *table;

  G_STATIC_ASSERT (G_N_ELEMENTS (headers) == G_N_ELEMENTS (kpi_widths));

  add_heading (flow, PM_REPORT_FONT_SUBHEADING, _("Headline KPIs"));

  if (g_list_model_get_n_items (kpis) == 0)
    {
      add_paragraphs (flow, _("No headline KPI is recorded for this pilot."), 0);
      return;
    }

  /* Translators: above the repeated header of a table carried on to a new page */
  caption = g_strdup_printf (_("Headline KPIs, %s (continued)"), pm_district_get_name (district));
  table = _pm_report_table_new (flow, G_N_ELEMENTS (kpi_widths), kpi_widths, headers, caption);
  _pm_report_table_set_alignment (table, 3, PANGO_ALIGN_RIGHT);
  _pm_report_table_set_alignment (table, 4, PANGO_ALIGN_RIGHT);
  _pm_report_table_set_merge_column (table, 1);
  _pm_report_table_begin (table);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);

      add_kpi_row (table, _pm_report_flow_get_context (flow), kpi, period);
    }

  _pm_report_table_end (table, 4);
  _pm_report_table_free (table);
}

/* ------------------------------------------------------------------ */
/* Reach and spend */

/* A thin bar showing @fraction of the whole. */
static void
add_bar (PmReportFlow *flow,
         double        fraction)
{
  PmReportPage *page;
  double x = _pm_report_flow_get_left (flow);
  double y;
  double width = 220;

  _pm_report_flow_ensure (flow, 10);
  page = _pm_report_flow_get_page (flow);
  y = _pm_report_flow_get_y (flow) + 1;

  _pm_report_page_add_rect (page, x, y, width, 6, 3, &pm_report_header_fill);
  if (fraction > 0)
    _pm_report_page_add_rect (page, x, y, MAX (6, width * MIN (fraction, 1.0)), 6, 3,
                              &pm_report_accent);
  _pm_report_flow_set_y (flow, y + 6 + 5);
}

/* The latest cumulative figure of one provider at or before @period. */
static int
provider_reach_at (PmPilot    *pilot,
                   const char *provider,
                   PmPeriod   *period)
{
  GListModel *reach = pm_pilot_get_reach (pilot);
  PmPeriod *best = NULL;
  int families = -1;

  for (guint i = 0; i < g_list_model_get_n_items (reach); i++)
    {
      g_autoptr(PmReachEntry) entry = g_list_model_get_item (reach, i);
      PmPeriod *when = pm_reach_entry_get_period (entry);

      if (g_strcmp0 (pm_reach_entry_get_provider (entry), provider) != 0 ||
          pm_period_compare (when, period) > 0)
        continue;

      if (best == NULL || pm_period_compare (when, best) >= 0)
        {
          best = when;
          families = pm_reach_entry_get_families (entry);
        }
    }

  return families;
}

static void
add_reach (PmReport     *report,
           PmReportFlow *flow,
           PmPilot      *pilot)
{
  PmPeriod *period = pm_report_get_period (report);
  PangoContext *context = _pm_report_flow_get_context (flow);
  GListModel *providers = pm_pilot_get_providers (pilot);
  int reached = pm_pilot_get_reach_at (pilot, period);
  int target = pm_pilot_get_reach_target (pilot);
  const char *unit = pm_pilot_get_reach_unit (pilot);
  g_autofree char *reach = pm_wording_reach (reached, target, unit);
  g_autofree char *label = pm_period_get_label (period);
  g_autofree char *title = pm_wording_reach_title (unit);
  g_autofree char *heading = NULL;
  g_autofree char *sentence = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  /* Translators: a heading, "Families reached against the target" */
  heading = g_strdup_printf (_("%s reached against the target"), title);
  add_heading (flow, PM_REPORT_FONT_SUBHEADING, heading);

  /* Translators: "7 of 125 families (6%) by the end of Q3 2016/17." */
  sentence = g_strdup_printf (_("%s by the end of %s."), reach, label);
  add_paragraphs (flow, sentence, 0);

  if (reached >= 0 && target > 0)
    add_bar (flow, reached / (double) target);

  for (guint i = 0; i < g_list_model_get_n_items (providers); i++)
    {
      g_autoptr(PmProvider) provider = g_list_model_get_item (providers, i);
      int provider_target = pm_provider_get_reach_target (provider);
      int provider_reached = provider_reach_at (pilot, pm_provider_get_name (provider), period);
      g_autofree char *text = NULL;

      /* Partners with no target and no figures are not part of the reach. */
      if (provider_target <= 0 && provider_reached < 0)
        continue;

      text = pm_wording_reach (provider_reached, provider_target, unit);
      g_ptr_array_add (lines, g_strdup_printf ("%s: %s", pm_provider_get_name (provider), text));
    }

  if (lines->len > 0)
    {
      g_autoptr(PangoLayout) bullets = NULL;

      g_ptr_array_add (lines, NULL);
      bullets = _pm_report_bullets_new (context, PM_REPORT_FONT_BODY,
                                        (const char * const *) lines->pdata,
                                        _pm_report_flow_get_width (flow) - 8);
      _pm_report_flow_add_text (flow, bullets, 8, NULL, PARAGRAPH_SPACE);
    }
}

static void
add_spend (PmReport     *report,
           PmReportFlow *flow,
           PmPilot      *pilot)
{
  PmPeriod *period = pm_report_get_period (report);
  PangoContext *context = _pm_report_flow_get_context (flow);
  GListModel *items = pm_pilot_get_spend (pilot);
  gint64 spent = pm_pilot_get_spend_reported (pilot, period, PM_SPEND_SPENT);
  gint64 committed = pm_pilot_get_spend_reported (pilot, period, PM_SPEND_COMMITTED);
  gint64 budget = pm_pilot_get_budget_pence (pilot);
  g_autofree char *spent_text = pm_wording_money_reported (spent);
  g_autofree char *committed_text = pm_wording_money_reported (committed);
  g_autofree char *budget_text = NULL;
  g_autofree char *label = pm_period_get_label (period);
  g_autofree char *sentence = NULL;
  const char *headers[] = { _("Item"), _("Period"), _("Status"), _("Amount") };
  PmReportTable *table = NULL;

  add_heading (flow, PM_REPORT_FONT_SUBHEADING, _("Spend against budget"));

  /* Each figure on its own, so that one nobody entered reads "not
   * reported" rather than £0. */
  if (budget >= 0)
    budget_text = pm_wording_money (budget);
  else
    /* Translators: a pilot's budget nobody has entered */
    budget_text = g_strdup (_("not stated"));

  /* Translators: "By the end of Q3 2016/17: spent £4,900; committed not reported; budget £50,000." */
  sentence = g_strdup_printf (_("By the end of %s: spent %s; committed %s; budget %s."),
                              label, spent_text, committed_text, budget_text);
  add_paragraphs (flow, sentence, 0);

  if (budget > 0)
    add_bar (flow, (MAX (spent, 0) + MAX (committed, 0)) / (double) budget);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PmSpendItem) item = g_list_model_get_item (items, i);
      PmPeriod *when = pm_spend_item_get_period (item);
      PangoLayout *cells[G_N_ELEMENTS (spend_widths)];
      g_autofree char *when_text = when != NULL ? pm_period_get_label (when) : g_strdup ("–");
      g_autofree char *amount = pm_wording_money (pm_spend_item_get_amount_pence (item));
      const char *texts[G_N_ELEMENTS (spend_widths)];

      if (when != NULL && pm_period_compare (when, period) > 0)
        continue;

      if (table == NULL)
        {
          table = _pm_report_table_new (flow, G_N_ELEMENTS (spend_widths), spend_widths, headers,
                                        _("Spend (continued)"));
          _pm_report_table_set_alignment (table, 3, PANGO_ALIGN_RIGHT);
          _pm_report_table_begin (table);
        }

      texts[0] = pm_spend_item_get_description (item);
      texts[1] = when_text;
      texts[2] = pm_spend_status_get_label (pm_spend_item_get_status (item));
      texts[3] = amount;

      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        cells[c] = _pm_report_layout_new_text (context, PM_REPORT_FONT_TABLE, texts[c],
                                               spend_widths[c] - 2 * PM_REPORT_CELL_PADDING);
      _pm_report_table_add_row (table, cells, NULL, FALSE);
      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        g_object_unref (cells[c]);
    }

  if (table != NULL)
    {
      _pm_report_table_end (table, 4);
      _pm_report_table_free (table);
    }
}

/* ------------------------------------------------------------------ */
/* Narrative and trends */

static void
add_narrative_part (PmReportFlow *flow,
                    const char   *label,
                    const char   *text)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL || text[0] == '\0')
    return;

  layout = _pm_report_layout_new_text (_pm_report_flow_get_context (flow), PM_REPORT_FONT_BODY_BOLD,
                                       label, _pm_report_flow_get_width (flow));
  _pm_report_flow_add_heading (flow, layout, 4, 24, 2);
  add_paragraphs (flow, text, 0);
}

static void
add_narrative (PmReport     *report,
               PmReportFlow *flow,
               PmPilot      *pilot)
{
  PmPeriod *period = pm_report_get_period (report);
  PmNarrative *narrative = pm_pilot_get_narrative (pilot, period);
  g_autofree char *label = pm_period_get_label (period);
  g_autofree char *heading = NULL;

  /* Translators: heading of a pilot's narrative: "Narrative for Q3 2016/17" */
  heading = g_strdup_printf (_("Narrative for %s"), label);
  add_heading (flow, PM_REPORT_FONT_SUBHEADING, heading);

  if (narrative == NULL || pm_narrative_is_empty (narrative))
    {
      g_autofree char *none = g_strdup_printf (_("No narrative has been entered for %s."), label);

      add_paragraphs (flow, none, 0);
      return;
    }

  add_narrative_part (flow, _("Progress"), pm_narrative_get_progress (narrative));
  add_narrative_part (flow, _("Emerging learning"), pm_narrative_get_learning (narrative));
  add_narrative_part (flow, _("Case study"), pm_narrative_get_case_study (narrative));
  /* What the committee asks about every time: said to be missing rather
   * than left out. */
  add_narrative_part (flow, _("Risks and issues"),
                      pm_narrative_get_risks (narrative) != NULL ? pm_narrative_get_risks (narrative)
                                                                 : _("Not stated."));
  add_narrative_part (flow, _("Next milestones"),
                      pm_narrative_get_milestones (narrative) != NULL ? pm_narrative_get_milestones (narrative)
                                                                      : _("Not stated."));
}

static void
add_trends (PmReport     *report,
            PmReportFlow *flow,
            PmPilot      *pilot)
{
  PmPeriod *period = pm_report_get_period (report);
  PangoContext *context = _pm_report_flow_get_context (flow);
  GListModel *kpis = pm_pilot_get_kpis (pilot);
  g_autoptr(GPtrArray) charted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PangoLayout) legend = NULL;
  double column_width = (_pm_report_flow_get_width (flow) - CHART_GAP) / 2;

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);

      if (pm_trend_chart_has_data (kpi, period))
        g_ptr_array_add (charted, g_steal_pointer (&kpi));
    }

  /* No values yet: the KPI table already says so. */
  if (charted->len == 0)
    return;

  add_heading (flow, PM_REPORT_FONT_SUBHEADING, _("Trends"));
  legend = _pm_report_layout_new_text (context, PM_REPORT_FONT_SMALL,
                                       _("Blue line: the values reported, each marked by its status (circle on track, "
                                         "triangle close to track, square off track, hollow circle not judged); "
                                         "grey line: the baseline; diamond: the current target, at its date (one for each "
                                         "milestone of a schedule); dashed line: the profiled target, from the "
                                         "baseline to the target (through each milestone), "
                                         "with the off-track side tinted."),
                                       _pm_report_flow_get_width (flow));
  _pm_report_flow_add_text (flow, legend, 0, &pm_report_secondary, 4);

  for (guint i = 0; i < charted->len; i += 2)
    {
      g_autoptr(PangoLayout) left = NULL;
      g_autoptr(PangoLayout) right = NULL;
      double titles, x = _pm_report_flow_get_left (flow);
      double y;
      PmReportPage *page;

      left = _pm_report_layout_new_text (context, PM_REPORT_FONT_SMALL_BOLD,
                                         pm_kpi_get_title (g_ptr_array_index (charted, i)),
                                         column_width);
      titles = _pm_report_layout_height (left);
      if (i + 1 < charted->len)
        {
          right = _pm_report_layout_new_text (context, PM_REPORT_FONT_SMALL_BOLD,
                                              pm_kpi_get_title (g_ptr_array_index (charted, i + 1)),
                                              column_width);
          titles = MAX (titles, _pm_report_layout_height (right));
        }

      _pm_report_flow_ensure (flow, titles + 3 + CHART_HEIGHT);
      page = _pm_report_flow_get_page (flow);
      y = _pm_report_flow_get_y (flow);

      _pm_report_page_add_text (page, left, x, y, 0, -1, NULL);
      _pm_report_page_add_chart (page, g_ptr_array_index (charted, i), period,
                                 x, y + titles + 3, column_width, CHART_HEIGHT);
      if (right != NULL)
        {
          x += column_width + CHART_GAP;
          _pm_report_page_add_text (page, right, x, y, 0, -1, NULL);
          _pm_report_page_add_chart (page, g_ptr_array_index (charted, i + 1), period,
                                     x, y + titles + 3, column_width, CHART_HEIGHT);
        }

      _pm_report_flow_set_y (flow, y + titles + 3 + CHART_HEIGHT + 10);
    }
}

/* ------------------------------------------------------------------ */

static void
add_pilot (PmReport     *report,
           PmReportFlow *flow,
           PmDistrict   *district,
           PmPilot      *pilot)
{
  PangoContext *context = _pm_report_flow_get_context (flow);
  double width = _pm_report_flow_get_width (flow);
  const char * const *outcomes = pm_pilot_get_key_outcomes (pilot);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) meta = NULL;
  g_autofree char *period_text = _pm_summary_report_period_text (report);
  g_autofree char *notes_markup = NULL;
  const char *summary;
  g_autofree char *judgement = NULL;
  g_autoptr(PangoLayout) judgement_layout = NULL;
  guint counts[PM_N_RAG] = { 0, };

  title = _pm_report_layout_new_text (context, PM_REPORT_FONT_HEADING, pm_pilot_get_title (pilot), width);
  _pm_report_flow_add_heading (flow, title, HEADING_BEFORE, HEADING_KEEP, 2);

  meta = _pm_report_layout_new_text (context, PM_REPORT_FONT_SMALL, period_text, width);
  _pm_report_flow_add_text (flow, meta, 0, &pm_report_secondary, 3);

  /* The lead's view and the KPIs' marks side by side, each labelled, so
   * that "on track" beside two R marks is not read as a contradiction. */
  pm_pilot_count_rag (pilot, pm_report_get_period (report), counts);
  judgement = pm_wording_lead_and_kpis (pm_pilot_get_delivery_status (pilot), counts);
  judgement_layout = _pm_report_layout_new_text (context, PM_REPORT_FONT_BODY_BOLD, judgement, width);
  _pm_report_flow_add_text (flow, judgement_layout, 0, NULL, 8);

  add_facts (report, flow, pilot);

  /* A heading with nothing under it reads as a printing fault. */
  summary = pm_pilot_get_summary (pilot);
  if (summary == NULL || summary[0] == '\0')
    summary = _("Not stated.");
  add_heading (flow, PM_REPORT_FONT_SUBHEADING, _("Summary"));
  add_paragraphs (flow, summary, 0);
  notes_markup = _pm_report_data_notes_markup (pm_pilot_get_data_notes (pilot));
  if (notes_markup != NULL)
    {
      g_autoptr(PangoLayout) notes = _pm_report_layout_new (context, PM_REPORT_FONT_SMALL, notes_markup, width);

      _pm_report_flow_add_text (flow, notes, 0, NULL, PARAGRAPH_SPACE);
    }

  if (outcomes != NULL && outcomes[0] != NULL)
    {
      g_autoptr(PangoLayout) bullets = NULL;

      add_heading (flow, PM_REPORT_FONT_SUBHEADING, _("Key outcomes"));
      bullets = _pm_report_bullets_new (context, PM_REPORT_FONT_BODY, outcomes, width - 8);
      _pm_report_flow_add_text (flow, bullets, 8, NULL, PARAGRAPH_SPACE);
    }

  add_kpi_table (report, flow, district, pilot);
  add_reach (report, flow, pilot);
  add_spend (report, flow, pilot);
  add_narrative (report, flow, pilot);
  add_trends (report, flow, pilot);
}

/* ------------------------------------------------------------------ */
/* Restatements */

static char *
restated_value_markup (PmKpi      *kpi,
                       double      value,
                       const char *otherwise)
{
  g_autofree char *text = NULL;

  if (isnan (value))
    return secondary (otherwise);

  text = pm_unit_format_value (pm_kpi_get_unit (kpi), value);
  return g_markup_escape_text (text, -1);
}

void
_pm_summary_report_add_restatements (PmReport     *report,
                                     PmReportFlow *flow,
                                     PmDistrict   *district)
{
  GListModel *restatements = _pm_summary_report_get_restatements (report);
  PangoContext *context = _pm_report_flow_get_context (flow);
  g_autofree char *heading = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *reported_on = NULL;
  const char *headers[] = { _("KPI"), _("Quarter"), _("Reported"), _("Restated"), _("Reason") };
  PmReportTable *table = NULL;

  G_STATIC_ASSERT (G_N_ELEMENTS (headers) == G_N_ELEMENTS (restated_widths));

  if (_pm_summary_report_count_restatements (report, district) == 0)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (restatements); i++)
    {
      g_autoptr(PmRestatement) restatement = g_list_model_get_item (restatements, i);
      PmKpi *kpi = pm_restatement_get_kpi (restatement);
      PmPilot *pilot = pm_kpi_get_pilot (kpi);
      PangoLayout *cells[G_N_ELEMENTS (restated_widths)];
      g_autofree char *what = NULL;
      g_autofree char *quarter = NULL;
      g_autofree char *reported = NULL;
      g_autofree char *restated = NULL;
      g_autofree char *reason = NULL;

      if (pilot == NULL || pm_pilot_get_district (pilot) != district)
        continue;
      /* A later quarter than this report's is not its business. */
      if (pm_period_compare (pm_restatement_get_period (restatement), pm_report_get_period (report)) > 0)
        continue;

      if (table == NULL)
        {
          reported_on = pm_date_format (pm_restatement_get_reported_on (restatement));
          /* Translators: %s is the date of the committee meeting */
          heading = g_strdup_printf (_("Restated since the committee’s report of %s"), reported_on);
          add_heading (flow, PM_REPORT_FONT_HEADING, heading);
          add_paragraphs (flow, _("These values were reported to the committee and have changed since. "
                                  "The rest of this section shows the values as they are now."), 0);
          caption = g_strdup_printf (_("Restated values, %s (continued)"), pm_district_get_name (district));
          table = _pm_report_table_new (flow, G_N_ELEMENTS (restated_widths), restated_widths, headers, caption);
          _pm_report_table_set_alignment (table, 2, PANGO_ALIGN_RIGHT);
          _pm_report_table_set_alignment (table, 3, PANGO_ALIGN_RIGHT);
          _pm_report_table_begin (table);
        }

      what = g_markup_printf_escaped ("%s\n" SECONDARY_SPAN "%s</span>",
                                      pm_kpi_get_title (kpi), pm_pilot_get_title (pilot));
      quarter = pm_period_get_label (pm_restatement_get_period (restatement));
      reported = restated_value_markup (kpi, pm_restatement_get_reported_value (restatement), _("Not reported"));
      restated = restated_value_markup (kpi, pm_restatement_get_restated_value (restatement), _("Removed"));
      reason = escaped_or_secondary (pm_restatement_get_reason (restatement), _("No reason recorded"));

#define CELL(i, markup) \
  _pm_report_layout_new (context, PM_REPORT_FONT_TABLE, (markup), restated_widths[i] - 2 * PM_REPORT_CELL_PADDING)

      cells[0] = CELL (0, what);
      cells[1] = _pm_report_layout_new_text (context, PM_REPORT_FONT_TABLE, quarter,
                                             restated_widths[1] - 2 * PM_REPORT_CELL_PADDING);
      cells[2] = CELL (2, reported);
      cells[3] = CELL (3, restated);
      cells[4] = CELL (4, reason);

#undef CELL

      _pm_report_table_add_row (table, cells, NULL, FALSE);

      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        g_clear_object (&cells[c]);
    }

  _pm_report_table_end (table, 6);
  _pm_report_table_free (table);
}

void
_pm_summary_report_add_district (PmReport     *report,
                                 PmReportFlow *flow,
                                 PmDistrict   *district)
{
  PangoContext *context = _pm_report_flow_get_context (flow);
  GListModel *pilots = pm_district_get_pilots (district);
  g_autoptr(PangoLayout) heading = NULL;
  g_autoptr(PangoLayout) signoff_layout = NULL;
  const char *signoff;
  g_autofree char *dest = _pm_summary_report_district_dest (report, district);

  heading = _pm_report_layout_new_text (context, PM_REPORT_FONT_TITLE, pm_district_get_name (district),
                                        _pm_report_flow_get_width (flow));
  _pm_report_flow_add_heading_full (flow, heading, 2, pm_district_get_name (district), dest,
                                    3 * HEADING_BEFORE, 4 * HEADING_KEEP, 0);

  /* Whether the committee is reading figures the office has accepted. */
  signoff = _pm_summary_report_get_signoff (report, district);
  if (signoff != NULL)
    {
      g_autofree char *label = pm_period_get_label (pm_report_get_period (report));
      /* Translators: under a district's name: "Sign-off of Q3 2016/17: Accepted" */
      g_autofree char *text = g_strdup_printf (_("Sign-off of %s: %s"), label, signoff);

      signoff_layout = _pm_report_layout_new_text (context, PM_REPORT_FONT_BODY_BOLD, text,
                                                   _pm_report_flow_get_width (flow));
      _pm_report_flow_add_text (flow, signoff_layout, 0, NULL, 0);
    }

  _pm_summary_report_add_restatements (report, flow, district);

  if (g_list_model_get_n_items (pilots) == 0)
    add_paragraphs (flow, _("No pilot is recorded for this district."), 0);

  for (guint i = 0; i < g_list_model_get_n_items (pilots); i++)
    {
      g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, i);

      add_pilot (report, flow, district, pilot);
    }
}

void
_pm_summary_report_add_delivery_list (PmReport     *report,
                                      PmReportFlow *flow,
                                      GPtrArray    *districts)
{
  PangoContext *context = _pm_report_flow_get_context (flow);
  const char *headers[] = { _("District"), _("Pilot"), _("Lead’s view") };
  PmReportTable *table;

  add_heading (flow, PM_REPORT_FONT_HEADING, _("Pilots and their delivery"));

  table = _pm_report_table_new (flow, G_N_ELEMENTS (delivery_widths), delivery_widths, headers,
                                _("Pilots and their delivery (continued)"));
  _pm_report_table_begin (table);

  for (guint d = 0; d < districts->len; d++)
    {
      PmDistrict *district = g_ptr_array_index (districts, d);
      GListModel *pilots = pm_district_get_pilots (district);

      for (guint p = 0; p < g_list_model_get_n_items (pilots); p++)
        {
          g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, p);
          const char *note = pm_pilot_get_status_note (pilot);
          g_autofree char *status = NULL;
          PangoLayout *cells[G_N_ELEMENTS (delivery_widths)];

          status = g_markup_printf_escaped ("<b>%s</b>%s%s",
                                            pm_delivery_status_get_label (pm_pilot_get_delivery_status (pilot)),
                                            note != NULL && note[0] != '\0' ? ". " : "",
                                            note != NULL ? note : "");

          cells[0] = _pm_report_layout_new_text (context, PM_REPORT_FONT_TABLE,
                                                 pm_district_get_name (district),
                                                 delivery_widths[0] - 2 * PM_REPORT_CELL_PADDING);
          cells[1] = _pm_report_layout_new_text (context, PM_REPORT_FONT_TABLE,
                                                 pm_pilot_get_title (pilot),
                                                 delivery_widths[1] - 2 * PM_REPORT_CELL_PADDING);
          cells[2] = _pm_report_layout_new (context, PM_REPORT_FONT_TABLE, status,
                                            delivery_widths[2] - 2 * PM_REPORT_CELL_PADDING);
          _pm_report_table_add_row (table, cells, NULL, FALSE);

          for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
            g_object_unref (cells[c]);
        }
    }

  _pm_report_table_end (table, 0);
  _pm_report_table_free (table);
}
