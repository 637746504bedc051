/* bench-appendix.c: the appendix at scale, and its table as HTML for
 * LibreOffice to set beside it
 *
 * The HTML is what an office without Pilot Monitor would hand to
 * LibreOffice: the appendix's table, cell for cell, with its wording
 * (pm-wording.c), on A4 landscape in 9 pt type. It leaves out what the
 * PDF adds around the table (title, running header, page numbers) and
 * does not share a baseline between adjacent KPIs: LibreOffice gets the
 * lighter job.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bench-appendix.h"
#include "model/pm-wording.h"
#include "store/pm-sample.h"

PmProgramme *
bench_appendix_copies (guint    n_copies,
                       GError **error)
{
  g_autoptr(PmProgramme) programme = pm_sample_programme_load (error);

  if (programme == NULL)
    return NULL;

  for (guint copy = 2; copy <= n_copies; copy++)
    {
      g_autoptr(PmProgramme) other = pm_sample_programme_load (error);
      GListModel *districts;

      if (other == NULL)
        return NULL;
      districts = pm_programme_get_districts (other);
      while (g_list_model_get_n_items (districts) > 0)
        {
          g_autoptr(PmDistrict) district = g_list_model_get_item (districts, 0);
          g_autofree char *name = g_strdup_printf ("%s %u", pm_district_get_name (district), copy);

          pm_programme_remove_district (other, district);
          pm_district_set_name (district, name);
          if (!pm_programme_add_district (programme, district, error))
            return NULL;
        }
    }

  return g_steal_pointer (&programme);
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);
  g_auto(GStrv) lines = g_strsplit (escaped, "\n", -1);
  g_autofree char *joined = g_strjoinv ("<br>", lines);

  g_string_append (out, joined);
}

static void
append_left_cells (GString    *out,
                   PmDistrict *district,
                   PmPilot    *pilot,
                   guint       span)
{
  const char * const *outcomes = pm_pilot_get_key_outcomes (pilot);

  g_string_append_printf (out, "<tr><td rowspan=\"%u\"><b>", span);
  append_escaped (out, pm_district_get_name (district));
  g_string_append (out, "</b><br><span class=\"s\">");
  append_escaped (out, pm_pilot_get_title (pilot));
  g_string_append_printf (out, "</span></td><td rowspan=\"%u\">", span);
  append_escaped (out, pm_pilot_get_summary (pilot));
  g_string_append_printf (out, "</td><td rowspan=\"%u\">", span);
  if (outcomes != NULL && outcomes[0] != NULL)
    {
      g_string_append (out, "<ul>");
      for (guint i = 0; outcomes[i] != NULL; i++)
        {
          g_string_append (out, "<li>");
          append_escaped (out, outcomes[i]);
          g_string_append (out, "</li>");
        }
      g_string_append (out, "</ul>");
    }
  g_string_append (out, "</td>");
}

static void
append_kpi_cells (GString  *out,
                  PmKpi    *kpi,
                  PmPeriod *period)
{
  g_autofree char *baseline = pm_wording_kpi_baseline (kpi);
  g_autofree char *target = pm_wording_kpi_target (kpi);
  g_autofree char *value = pm_wording_kpi_value_printed (kpi, period);
  PmProgressEntry *entry = pm_kpi_get_entry_at (kpi, period);
  const char *note = entry != NULL ? pm_progress_entry_get_note (entry) : NULL;

  g_string_append (out, "<td>");
  append_escaped (out, pm_kpi_get_title (kpi));
  g_string_append (out, "</td><td>");
  append_escaped (out, baseline);
  if (target != NULL)
    {
      g_string_append (out, "<br><span class=\"s\">Target ");
      append_escaped (out, target);
      g_string_append (out, "</span>");
    }
  g_string_append (out, "</td><td>");
  if (value != NULL)
    {
      g_string_append (out, "<b>");
      append_escaped (out, value);
      g_string_append (out, "</b>");
    }
  if (note != NULL)
    {
      g_string_append (out, value != NULL ? "<br>" : "");
      append_escaped (out, note);
    }
  if (value == NULL && note == NULL)
    g_string_append (out, "<span class=\"s\">No value</span>");
  g_string_append (out, "</td></tr>\n");
}

/* The narrative of the period, then the notes on the pilot's and its
 * KPIs' data, across the table. */
static void
append_narrative (GString  *out,
                  PmPilot  *pilot,
                  PmPeriod *period)
{
  PmNarrative *narrative = pm_pilot_get_narrative (pilot, period);
  GListModel *kpis = pm_pilot_get_kpis (pilot);
  g_autoptr(GString) cell = g_string_new (NULL);

  if (narrative != NULL && pm_narrative_get_progress (narrative) != NULL &&
      pm_narrative_get_progress (narrative)[0] != '\0')
    {
      g_autofree char *label = pm_period_get_label (period);

      g_string_append_printf (cell, "<b>Progress in %s:</b> ", label);
      append_escaped (cell, pm_narrative_get_progress (narrative));
    }
  if (pm_pilot_get_data_notes (pilot) != NULL)
    {
      g_string_append (cell, cell->len > 0 ? "<br>" : "");
      append_escaped (cell, pm_pilot_get_data_notes (pilot));
    }
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);

      if (pm_kpi_get_data_notes (kpi) == NULL)
        continue;
      g_string_append (cell, cell->len > 0 ? "<br><b>" : "<b>");
      append_escaped (cell, pm_kpi_get_title (kpi));
      g_string_append (cell, "</b> ");
      append_escaped (cell, pm_kpi_get_data_notes (kpi));
    }
  if (cell->len > 0)
    g_string_append_printf (out, "<tr><td colspan=\"6\">%s</td></tr>\n", cell->str);
}

/* With @kpis_only, a row a KPI under its district and pilot: no
 * summary, outcomes or narrative. */
static void
append_pilot (GString    *out,
              PmDistrict *district,
              PmPilot    *pilot,
              PmPeriod   *period,
              gboolean    kpis_only)
{
  GListModel *kpis = pm_pilot_get_kpis (pilot);
  guint n_kpis = g_list_model_get_n_items (kpis);

  if (kpis_only)
    {
      for (guint i = 0; i < n_kpis; i++)
        {
          g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);

          g_string_append (out, "<tr><td><b>");
          append_escaped (out, pm_district_get_name (district));
          g_string_append (out, "</b><br><span class=\"s\">");
          append_escaped (out, pm_pilot_get_title (pilot));
          g_string_append (out, "</span></td>");
          append_kpi_cells (out, kpi, period);
        }
      return;
    }

  append_left_cells (out, district, pilot, MAX (n_kpis, 1));
  if (n_kpis == 0)
    g_string_append (out, "<td colspan=\"3\"><span class=\"s\">No headline KPI is recorded for this "
                          "pilot.</span></td></tr>\n");
  for (guint i = 0; i < n_kpis; i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);

      if (i > 0)
        g_string_append (out, "<tr>");
      append_kpi_cells (out, kpi, period);
    }
  append_narrative (out, pilot, period);
}

gboolean
bench_appendix_write_html (PmProgramme  *programme,
                           PmPeriod     *period,
                           gboolean      kpis_only,
                           const char   *path,
                           GError      **error)
{
  GListModel *districts = pm_programme_get_districts (programme);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *label = pm_period_get_label (period);

  g_string_append (out,
                   "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                   "<title>Appendix A: District Pilots Progress</title><style>\n"
                   "@page { size: A4 landscape; margin: 15mm }\n"
                   "body { font-family: Cantarell, sans-serif; font-size: 9pt }\n"
                   "table { border-collapse: collapse; width: 100% }\n"
                   "td, th { font-size: 9pt; border: 0.5pt solid #9a9996; vertical-align: top; padding: 1.5pt 2pt }\n"
                   ".s { color: #3d3846 }\n"
                   "</style></head><body>\n<h1>Appendix A: District Pilots Progress</h1>\n"
                   "<table>");
  if (kpis_only)
    g_string_append (out, "<thead><tr><th>District</th>");
  else
    g_string_append (out,
                     "<colgroup><col width=\"80\"><col width=\"178\"><col width=\"117\">"
                     "<col width=\"180\"><col width=\"126\"><col width=\"101\"></colgroup>\n"
                     "<thead><tr><th>District</th><th>Summary</th><th>Key Outcomes</th>");
  g_string_append (out, "<th>Headline KPIs</th><th>Baseline</th>");
  g_string_append_printf (out, "<th>Progress (%s)</th></tr></thead>\n<tbody>\n", label);

  for (guint d = 0; d < g_list_model_get_n_items (districts); d++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (districts, d);
      GListModel *pilots = pm_district_get_pilots (district);

      for (guint p = 0; p < g_list_model_get_n_items (pilots); p++)
        {
          g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, p);

          append_pilot (out, district, pilot, period, kpis_only);
        }
    }
  g_string_append (out, "</tbody></table>\n</body></html>\n");

  return g_file_set_contents (path, out->str, out->len, error);
}
