/* pm-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "model/pm-date.h"
#include "pm-format.h"

char *
pm_format_kpi_target (PmKpi *kpi)
{
  char *text;

  g_return_val_if_fail (PM_IS_KPI (kpi), NULL);

  text = pm_wording_kpi_target (kpi);
  if (text == NULL)
    text = g_strdup (_("None set"));

  return text;
}

char *
pm_format_milestone (PmKpi    *kpi,
                     PmTarget *milestone)
{
  g_autofree char *target = NULL;

  g_return_val_if_fail (PM_IS_KPI (kpi), NULL);
  g_return_val_if_fail (PM_IS_TARGET (milestone), NULL);

  target = pm_wording_target (milestone, pm_kpi_get_unit (kpi));
  /* Translators: a milestone's number, then its target, "60 by 31 March 2022" */
  return g_strdup_printf (_("Milestone %u: %s"), pm_target_get_milestone (milestone), target);
}

const char *
pm_format_rag_css_class (PmRag rag)
{
  switch (rag)
    {
    case PM_RAG_GREEN: return "rag-green";
    case PM_RAG_AMBER: return "rag-amber";
    case PM_RAG_RED:   return "rag-red";
    case PM_RAG_GREY:
    default:           return "rag-grey";
    }
}

const char *
pm_format_status_css_class (PmDeliveryStatus status)
{
  switch (status)
    {
    case PM_DELIVERY_NOT_STARTED: return "status-not-started";
    case PM_DELIVERY_ON_TRACK:    return "status-on-track";
    case PM_DELIVERY_DELAYED:     return "status-delayed";
    case PM_DELIVERY_AT_RISK:     return "status-at-risk";
    case PM_DELIVERY_COMPLETED:   return "status-completed";
    case PM_DELIVERY_NOT_STATED:  return "status-not-stated";
    default:                      return "status-not-started";
    }
}

const char *
pm_format_lead_status (PmDeliveryStatus status)
{
  switch (status)
    {
    /* Translators: a pilot's delivery status as its lead judged it, beside
     * the pilot's name; not its KPIs' RAG status. */
    case PM_DELIVERY_NOT_STARTED: return _("Lead: not started");
    case PM_DELIVERY_ON_TRACK:    return _("Lead: on track");
    case PM_DELIVERY_DELAYED:     return _("Lead: delayed");
    case PM_DELIVERY_AT_RISK:     return _("Lead: at risk");
    case PM_DELIVERY_COMPLETED:   return _("Lead: completed");
    case PM_DELIVERY_NOT_STATED:  return _("Lead: not stated");
    default:                      g_return_val_if_reached ("");
    }
}

char *
pm_format_name_list (const char * const *names)
{
  guint n = names != NULL ? g_strv_length ((char **) names) : 0;
  g_autoptr(GString) head = g_string_new (NULL);

  if (n == 0)
    return g_strdup ("");
  if (n == 1)
    return g_strdup (names[0]);

  for (guint i = 0; i + 1 < n; i++)
    g_string_append_printf (head, "%s%s", i > 0 ? ", " : "", names[i]);
  /* Translators: the last of a list of names: "Cannock Chase, Lichfield
   * and Tamworth" (the first %s is the rest, joined by commas) */
  return g_strdup_printf (_("%s and %s"), head->str, names[n - 1]);
}

char *
pm_format_person_role (const char         *name,
                       PmAccess            access,
                       const char * const *districts)
{
  g_autofree char *led = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  switch (access)
    {
    /* Translators: who the window is connected to a server as, in its
     * header: "pm_admin, owner" (of the database: may do everything) */
    case PM_ACCESS_OWNER:  return g_strdup_printf (_("%s, owner"), name);
    /* Translators: "sam, programme office" */
    case PM_ACCESS_OFFICE: return g_strdup_printf (_("%s, programme office"), name);
    /* Translators: "committee, viewer: read only" */
    case PM_ACCESS_VIEWER: return g_strdup_printf (_("%s, viewer: read only"), name);
    case PM_ACCESS_LEAD:
      led = pm_format_name_list (districts);
      if (led[0] == '\0')
        /* Translators: a district lead given no district yet */
        return g_strdup_printf (_("%s, lead of no district yet"), name);
      /* Translators: "jo, lead of Cannock Chase" */
      return g_strdup_printf (_("%s, lead of %s"), name, led);
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
pm_format_access (PmAccess access)
{
  switch (access)
    {
    case PM_ACCESS_OWNER:  return _("Owner");
    case PM_ACCESS_OFFICE: return _("Programme office");
    case PM_ACCESS_LEAD:   return _("District lead");
    case PM_ACCESS_VIEWER: return _("Viewer");
    default:               g_return_val_if_reached ("");
    }
}

char *
pm_format_read_only_reason (PmAccess    access,
                            const char *district,
                            gboolean    may_edit)
{
  if (may_edit)
    return NULL;
  if (access == PM_ACCESS_VIEWER || district == NULL)
    return g_strdup (_("You are a viewer of this programme: you can read, print and export it, "
                       "but not change it."));
  /* Translators: where a lead of another district would type: "Only
   * Tamworth’s lead and the programme office can change these values." */
  return g_strdup_printf (_("Only %s’s lead and the programme office can change these values."),
                          district);
}

gboolean
pm_format_parse_count (const char  *text,
                       int         *count,
                       GError     **error)
{
  double value = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  if (!pm_unit_parse_value (PM_UNIT_COUNT, text, &value, error))
    return FALSE;

  if (value > G_MAXINT)
    {
      g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE,
                   _("“%s” is too large a number of families"), text);
      return FALSE;
    }

  *count = (int) value;
  return TRUE;
}

PmPeriod *
pm_format_parse_period (const char  *text,
                        GError     **error)
{
  g_autoptr(PmPeriod) period = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  /* Any form the period parser knows, but only a quarter. */
  period = pm_period_parse (text, NULL);
  if (period != NULL && pm_period_get_frequency (period) == PM_FREQUENCY_QUARTERLY)
    return g_steal_pointer (&period);

  stripped = g_strstrip (g_strdup (text));
  g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INVALID_PERIOD,
               _("“%s” is not a quarter: write it as “Q4 2016/17”"), stripped);
  return NULL;
}

gboolean
pm_format_parse_date (const char  *text,
                      char       **date,
                      GError     **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (date != NULL, FALSE);

  *date = NULL;
  if (text == NULL)
    return TRUE;

  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    return TRUE;

  if (!pm_date_validate (stripped, error))
    return FALSE;

  *date = g_steal_pointer (&stripped);
  return TRUE;
}

static void
widen (int      *first,
       int      *last,
       PmPeriod *period)
{
  int index;

  if (period == NULL)
    return;

  /* The selector offers quarters: a year or a month widens it to the
   * quarter it ends in. */
  index = pm_period_get_quarter_index (period);
  *first = MIN (*first, index);
  *last = MAX (*last, index);
}

static void
widen_for_kpi (PmKpi *kpi,
               int   *first,
               int   *last)
{
  GListModel *entries = pm_kpi_get_entries (kpi);
  guint n = g_list_model_get_n_items (entries);
  PmBaseline *baseline = pm_kpi_get_baseline (kpi);

  /* Entries are in period order: the ends are enough. */
  if (n > 0)
    {
      g_autoptr(PmProgressEntry) head = g_list_model_get_item (entries, 0);
      g_autoptr(PmProgressEntry) tail = g_list_model_get_item (entries, n - 1);

      widen (first, last, pm_progress_entry_get_period (head));
      widen (first, last, pm_progress_entry_get_period (tail));
    }

  if (pm_baseline_get_state (baseline) == PM_BASELINE_TO_BE_REPORTED)
    widen (first, last, pm_baseline_get_period (baseline));
}

static void
widen_for_pilot (PmPilot *pilot,
                 int     *first,
                 int     *last)
{
  GListModel *list;

  list = pm_pilot_get_reach (pilot);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PmReachEntry) entry = g_list_model_get_item (list, i);
      widen (first, last, pm_reach_entry_get_period (entry));
    }

  list = pm_pilot_get_spend (pilot);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PmSpendItem) item = g_list_model_get_item (list, i);
      widen (first, last, pm_spend_item_get_period (item));
    }

  list = pm_pilot_get_narratives (pilot);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PmNarrative) narrative = g_list_model_get_item (list, i);
      widen (first, last, pm_narrative_get_period (narrative));
    }

  list = pm_pilot_get_kpis (pilot);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (list, i);
      widen_for_kpi (kpi, first, last);
    }
}

void
pm_period_range (PmProgramme *programme,
                 PmPeriod    *current,
                 int         *first_index,
                 int         *last_index)
{
  int first, last;

  g_return_if_fail (programme == NULL || PM_IS_PROGRAMME (programme));
  g_return_if_fail (PM_IS_PERIOD (current));
  g_return_if_fail (first_index != NULL && last_index != NULL);

  first = last = pm_period_get_index (current);

  if (programme != NULL)
    {
      GListModel *districts = pm_programme_get_districts (programme);

      for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
        {
          g_autoptr(PmDistrict) district = g_list_model_get_item (districts, i);
          GListModel *pilots = pm_district_get_pilots (district);

          for (guint j = 0; j < g_list_model_get_n_items (pilots); j++)
            {
              g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, j);
              widen_for_pilot (pilot, &first, &last);
            }
        }
    }

  /* A year back for baselines, a year ahead for planning. */
  *first_index = MAX (first - 4, PM_PERIOD_MIN_YEAR * 4);
  *last_index = MIN (last + 4, PM_PERIOD_MAX_YEAR * 4 + 3);
}

GHashTable *
pm_period_indexes_with_values (PmProgramme *programme)
{
  GHashTable *indexes = g_hash_table_new (NULL, NULL);
  g_autoptr(GListModel) kpis = NULL;

  g_return_val_if_fail (programme == NULL || PM_IS_PROGRAMME (programme), indexes);

  if (programme == NULL)
    return indexes;

  kpis = pm_programme_list_kpis (programme);
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);
      GListModel *entries = pm_kpi_get_entries (kpi);

      for (guint j = 0; j < g_list_model_get_n_items (entries); j++)
        {
          g_autoptr(PmProgressEntry) entry = g_list_model_get_item (entries, j);

          if (pm_progress_entry_has_value (entry))
            g_hash_table_add (indexes,
                              GINT_TO_POINTER (pm_period_get_quarter_index (pm_progress_entry_get_period (entry))));
        }
    }

  return indexes;
}

static gboolean
every_kpi_has_value (PmProgramme *programme,
                     PmPeriod    *period)
{
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (programme);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);
      PmProgressEntry *entry = pm_kpi_get_entry_at (kpi, period);

      if (entry == NULL || !pm_progress_entry_has_value (entry))
        return FALSE;
    }

  return TRUE;
}

PmPeriod *
pm_period_due (PmProgramme *programme,
               PmPeriod    *current)
{
  g_autoptr(GHashTable) indexes = NULL;
  g_autoptr(PmPeriod) latest = NULL;
  GHashTableIter iter;
  gpointer key;
  int last = G_MININT;

  g_return_val_if_fail (programme == NULL || PM_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (current), NULL);

  indexes = pm_period_indexes_with_values (programme);
  g_hash_table_iter_init (&iter, indexes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    last = MAX (last, GPOINTER_TO_INT (key));

  /* Returns are made once a quarter has ended. */
  if (last == G_MININT)
    return pm_period_previous (current);

  latest = pm_period_new_from_index (last);
  if (last + 1 < pm_period_get_index (current) && every_kpi_has_value (programme, latest))
    return pm_period_new_from_index (last + 1);

  return g_steal_pointer (&latest);
}

char *
pm_search_prepare (const char *text)
{
  g_autofree char *normalised = NULL;
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    return NULL;

  normalised = g_utf8_normalize (stripped, -1, G_NORMALIZE_ALL);
  if (normalised == NULL)
    return NULL;

  return g_utf8_casefold (normalised, -1);
}

gboolean
pm_search_text_matches (const char *text,
                        const char *key)
{
  g_autofree char *prepared = NULL;

  if (key == NULL)
    return TRUE;
  if (text == NULL)
    return FALSE;

  prepared = pm_search_prepare (text);
  return prepared != NULL && strstr (prepared, key) != NULL;
}

PmKpi *
pm_search_find_kpi (PmPilot    *pilot,
                    const char *key)
{
  GListModel *kpis;

  g_return_val_if_fail (PM_IS_PILOT (pilot), NULL);

  if (key == NULL)
    return NULL;

  kpis = pm_pilot_get_kpis (pilot);
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);

      if (pm_search_text_matches (pm_kpi_get_title (kpi), key))
        return kpi;
    }

  return NULL;
}

gboolean
pm_search_pilot_matches (PmPilot    *pilot,
                         const char *key)
{
  PmDistrict *district;
  GListModel *providers;

  g_return_val_if_fail (PM_IS_PILOT (pilot), FALSE);

  if (key == NULL)
    return TRUE;

  district = pm_pilot_get_district (pilot);
  if (pm_search_text_matches (pm_pilot_get_title (pilot), key)
      || pm_search_text_matches (pm_pilot_get_focus_area (pilot), key)
      || pm_search_text_matches (pm_pilot_get_lead (pilot), key)
      || (district != NULL && pm_search_text_matches (pm_district_get_name (district), key)))
    return TRUE;

  providers = pm_pilot_get_providers (pilot);
  for (guint i = 0; i < g_list_model_get_n_items (providers); i++)
    {
      g_autoptr(PmProvider) provider = g_list_model_get_item (providers, i);

      if (pm_search_text_matches (pm_provider_get_name (provider), key)
          || pm_search_text_matches (pm_provider_get_full_name (provider), key))
        return TRUE;
    }

  return pm_search_find_kpi (pilot, key) != NULL;
}

gboolean
pm_search_district_matches (PmDistrict *district,
                            const char *key)
{
  GListModel *pilots;

  g_return_val_if_fail (PM_IS_DISTRICT (district), FALSE);

  if (key == NULL || pm_search_text_matches (pm_district_get_name (district), key))
    return TRUE;

  pilots = pm_district_get_pilots (district);
  for (guint i = 0; i < g_list_model_get_n_items (pilots); i++)
    {
      g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, i);

      if (pm_search_pilot_matches (pilot, key))
        return TRUE;
    }

  return FALSE;
}
