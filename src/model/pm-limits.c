/* pm-limits.c: how long a text may be, how many of a thing, how large a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include "pm-limits.h"
#include "pm-site-value.h"

typedef struct
{
  PmTextKind  kind;
  const char *label;    /* "A value’s note" */
} FieldInfo;

static const FieldInfo fields[PM_N_FIELDS] = {
  [PM_FIELD_PROGRAMME_NAME] = { PM_TEXT_NAME, N_("A programme’s name") },
  [PM_FIELD_PROGRAMME_DESCRIPTION] = { PM_TEXT_NARRATIVE, N_("A programme’s description") },
  [PM_FIELD_DESIGN_CRITERION] = { PM_TEXT_NOTE, N_("A design criterion") },
  [PM_FIELD_DISTRICT_NAME] = { PM_TEXT_NAME, N_("A district’s name") },
  [PM_FIELD_PILOT_TITLE] = { PM_TEXT_NAME, N_("A pilot’s title") },
  [PM_FIELD_PILOT_SUMMARY] = { PM_TEXT_NARRATIVE, N_("A pilot’s summary") },
  [PM_FIELD_FOCUS_AREA] = { PM_TEXT_NAME, N_("A pilot’s focus area") },
  [PM_FIELD_LEAD] = { PM_TEXT_NAME, N_("A pilot’s lead") },
  [PM_FIELD_STATUS_NOTE] = { PM_TEXT_NOTE, N_("A pilot’s status note") },
  [PM_FIELD_FUNDING] = { PM_TEXT_NOTE, N_("A pilot’s funding") },
  [PM_FIELD_KEY_OUTCOME] = { PM_TEXT_NOTE, N_("A key outcome") },
  [PM_FIELD_PROVIDER_NAME] = { PM_TEXT_NAME, N_("A provider’s name") },
  [PM_FIELD_PROVIDER_FULL_NAME] = { PM_TEXT_NAME, N_("A provider’s full name") },
  [PM_FIELD_SPEND_DESCRIPTION] = { PM_TEXT_NOTE, N_("A spending item’s description") },
  [PM_FIELD_NARRATIVE_PROGRESS] = { PM_TEXT_NARRATIVE, N_("A narrative’s progress") },
  [PM_FIELD_NARRATIVE_LEARNING] = { PM_TEXT_NARRATIVE, N_("A narrative’s learning") },
  [PM_FIELD_NARRATIVE_CASE_STUDY] = { PM_TEXT_NARRATIVE, N_("A case study") },
  [PM_FIELD_KPI_TITLE] = { PM_TEXT_NAME, N_("A KPI’s title") },
  [PM_FIELD_DATA_SOURCE] = { PM_TEXT_NAME, N_("A KPI’s data source") },
  [PM_FIELD_BASELINE_NOTE] = { PM_TEXT_NOTE, N_("A baseline’s note") },
  [PM_FIELD_BASELINE_SOURCE] = { PM_TEXT_NAME, N_("A baseline’s source") },
  [PM_FIELD_SITE] = { PM_TEXT_NAME, N_("A site’s name") },
  [PM_FIELD_TARGET_REASON] = { PM_TEXT_NOTE, N_("A target’s reason") },
  [PM_FIELD_VALUE_NOTE] = { PM_TEXT_NOTE, N_("A value’s note") },
  [PM_FIELD_AUTHOR] = { PM_TEXT_NAME, N_("An author’s name") },
  [PM_FIELD_SIGNOFF_COMMENT] = { PM_TEXT_NOTE, N_("A sign-off comment") },
  [PM_FIELD_DATA_NOTES] = { PM_TEXT_NOTE, N_("Notes on the data") },
  [PM_FIELD_NARRATIVE_RISKS] = { PM_TEXT_NARRATIVE, N_("A narrative’s risks and issues") },
  [PM_FIELD_NARRATIVE_MILESTONES] = { PM_TEXT_NARRATIVE, N_("A narrative’s next milestones") },
  [PM_FIELD_COMMITTEE] = { PM_TEXT_NAME, N_("A committee’s name") },
  [PM_FIELD_REPORT_TITLE] = { PM_TEXT_NAME, N_("A report’s title") },
  [PM_FIELD_CONTACT_OFFICER] = { PM_TEXT_NAME, N_("A contact officer") },
  [PM_FIELD_REACH_UNIT] = { PM_TEXT_NAME, N_("What a pilot’s reach counts") },
};

static const guint list_max[PM_N_LISTS] = {
  [PM_LIST_DISTRICTS] = PM_LIMIT_DISTRICTS,
  [PM_LIST_DESIGN_CRITERIA] = PM_LIMIT_DESIGN_CRITERIA,
  [PM_LIST_PILOTS] = PM_LIMIT_PILOTS,
  [PM_LIST_KEY_OUTCOMES] = PM_LIMIT_KEY_OUTCOMES,
  [PM_LIST_PROVIDERS] = PM_LIMIT_PROVIDERS,
  [PM_LIST_REACH] = PM_LIMIT_REACH,
  [PM_LIST_SPEND] = PM_LIMIT_SPEND,
  [PM_LIST_NARRATIVES] = PM_LIMIT_QUARTERS,
  [PM_LIST_KPIS] = PM_LIMIT_KPIS,
  [PM_LIST_SITES] = PM_LIMIT_SITES,
  [PM_LIST_TARGETS] = PM_LIMIT_TARGETS,
  [PM_LIST_VALUES] = PM_LIMIT_QUARTERS,
};

/* The limit, then the count: literal formats, one per list, for the
 * translators and for the compiler's format checks. */
static char *
list_message (PmList      list,
              const char *max,
              const char *count)
{
  switch (list)
    {
    case PM_LIST_DISTRICTS:
      return g_strdup_printf (_("A programme may have at most %s districts, not %s."), max, count);
    case PM_LIST_DESIGN_CRITERIA:
      return g_strdup_printf (_("A programme may have at most %s design criteria, not %s."), max, count);
    case PM_LIST_PILOTS:
      return g_strdup_printf (_("A district may have at most %s pilots, not %s."), max, count);
    case PM_LIST_KEY_OUTCOMES:
      return g_strdup_printf (_("A pilot may have at most %s key outcomes, not %s."), max, count);
    case PM_LIST_PROVIDERS:
      return g_strdup_printf (_("A pilot may have at most %s providers, not %s."), max, count);
    case PM_LIST_REACH:
      return g_strdup_printf (_("A pilot may have at most %s figures of families reached, not %s."), max, count);
    case PM_LIST_SPEND:
      return g_strdup_printf (_("A pilot may have at most %s items of spending, not %s."), max, count);
    case PM_LIST_NARRATIVES:
      return g_strdup_printf (_("A pilot may have at most %s narratives, not %s."), max, count);
    case PM_LIST_KPIS:
      return g_strdup_printf (_("A pilot may have at most %s KPIs, not %s."), max, count);
    case PM_LIST_SITES:
      return g_strdup_printf (_("A baseline or value may be split into at most %s sites, not %s."), max, count);
    case PM_LIST_TARGETS:
      return g_strdup_printf (_("A KPI may have at most %s targets, revisions included, not %s."), max, count);
    case PM_LIST_VALUES:
      return g_strdup_printf (_("A KPI may have at most %s values, not %s."), max, count);
    case PM_N_LISTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The largest return: one district, every pilot with its title and one
 * quarter's narrative, every KPI with its title and one value with its
 * note, each character a six-byte escape, and a kilobyte for the JSON
 * around each object (tests/file/test-limits-roundtrip.c checks that
 * allowance against what the writer makes). It must fit in a file. */
#define JSON_BYTES(chars)  ((guint64) (chars) * 6)
#define RETURN_KPI_BYTES   (JSON_BYTES (PM_LIMIT_NAME_CHARS) + JSON_BYTES (PM_LIMIT_NOTE_CHARS) + 1024)
#define RETURN_PILOT_BYTES (JSON_BYTES (PM_LIMIT_NAME_CHARS) + 3 * JSON_BYTES (PM_LIMIT_NARRATIVE_CHARS) + \
                            1024 + PM_LIMIT_KPIS * RETURN_KPI_BYTES)
#define RETURN_BYTES       (8 * JSON_BYTES (PM_LIMIT_NAME_CHARS) + 4096 + PM_LIMIT_PILOTS * RETURN_PILOT_BYTES)
G_STATIC_ASSERT (RETURN_BYTES <= PM_LIMIT_FILE_SIZE);
G_STATIC_ASSERT (PM_LIMIT_NARRATIVE_CHARS >= PM_LIMIT_NOTE_CHARS &&
                 PM_LIMIT_NOTE_CHARS >= PM_LIMIT_NAME_CHARS);

PmTextKind
pm_limits_get_kind (PmField field)
{
  g_return_val_if_fail (field < PM_N_FIELDS, PM_TEXT_NAME);

  return fields[field].kind;
}

guint
pm_limits_get_max_chars (PmField field)
{
  g_return_val_if_fail (field < PM_N_FIELDS, 0);

  switch (fields[field].kind)
    {
    case PM_TEXT_NAME:
      return PM_LIMIT_NAME_CHARS;
    case PM_TEXT_NOTE:
      return PM_LIMIT_NOTE_CHARS;
    case PM_TEXT_NARRATIVE:
      return PM_LIMIT_NARRATIVE_CHARS;
    default:
      g_return_val_if_reached (0);
    }
}

guint
pm_limits_get_max_items (PmList list)
{
  g_return_val_if_fail (list < PM_N_LISTS, 0);

  return list_max[list];
}

/* "2,001": counts as the reports write them. */
static char *
format_count (guint64 n)
{
  return pm_unit_format_value (PM_UNIT_COUNT, (double) n);
}

gboolean
pm_limits_check_text (PmField      field,
                      const char  *text,
                      GError     **error)
{
  guint max;
  gsize n_bytes;
  glong n_chars;

  g_return_val_if_fail (field < PM_N_FIELDS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL)
    return TRUE;

  /* No text of fewer bytes than the limit has more characters. */
  max = pm_limits_get_max_chars (field);
  n_bytes = strlen (text);
  if (n_bytes <= max)
    return TRUE;

  n_chars = g_utf8_strlen (text, (gssize) n_bytes);
  if ((gulong) n_chars <= max)
    return TRUE;

  {
    g_autofree char *max_text = format_count (max);
    g_autofree char *length_text = format_count ((guint64) n_chars);

    /* Translators: a field ("A value’s note"), then its limit and the
     * text's length in characters. */
    g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_TOO_LONG,
                 _("%s may be at most %s characters long; this one has %s."),
                 _(fields[field].label), max_text, length_text);
  }
  return FALSE;
}

gboolean
pm_limits_check_count (PmList    list,
                       guint     count,
                       GError  **error)
{
  g_autofree char *max_text = NULL;
  g_autofree char *count_text = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (list < PM_N_LISTS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (count <= list_max[list])
    return TRUE;

  max_text = format_count (list_max[list]);
  count_text = format_count (count);
  message = list_message (list, max_text, count_text);
  g_set_error_literal (error, PM_MODEL_ERROR, PM_MODEL_ERROR_TOO_MANY, message);
  return FALSE;
}

static gboolean
check_strv (PmField              field,
            PmList               list,
            const char * const  *strv,
            GError             **error)
{
  guint n = strv != NULL ? g_strv_length ((char **) strv) : 0;

  if (!pm_limits_check_count (list, n, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (!pm_limits_check_text (field, strv[i], error))
      return FALSE;

  return TRUE;
}

/* ---- where, for deep checks --------------------------------------------- */

/* The names of what is being checked, outermost first. */
typedef GPtrArray Where;

/* A name short enough to say where something is. */
static void
where_push_name (Where      *where,
                 const char *name)
{
  const glong max = 40;

  if (name == NULL || *name == '\0')
    g_ptr_array_add (where, g_strdup ("“”"));
  else if (g_utf8_strlen (name, -1) <= max)
    g_ptr_array_add (where, g_strdup_printf ("“%s”", name));
  else
    {
      g_autofree char *start = g_utf8_substring (name, 0, max - 1);

      g_ptr_array_add (where, g_strdup_printf ("“%s…”", start));
    }
}

static void
where_push_period (Where    *where,
                   PmPeriod *period)
{
  g_ptr_array_add (where, period != NULL ? pm_period_get_label (period) : g_strdup ("?"));
}

static void
where_pop (Where *where)
{
  g_ptr_array_set_size (where, where->len - 1);
}

/* "“Cannock Chase”, “Family Hub”, Q3 2016/17: " before the message. */
static gboolean
where_prefix (Where   *where,
              GError **error)
{
  g_autoptr(GString) prefix = NULL;

  if (error == NULL || *error == NULL || where->len == 0)
    return FALSE;

  prefix = g_string_new (NULL);
  for (guint i = 0; i < where->len; i++)
    {
      if (i > 0)
        g_string_append (prefix, ", ");
      g_string_append (prefix, g_ptr_array_index (where, i));
    }
  g_prefix_error (error, "%s: ", prefix->str);
  return FALSE;
}

/* ---- leaves ------------------------------------------------------------- */

gboolean
pm_limits_check_baseline (PmBaseline  *baseline,
                          GError     **error)
{
  GListModel *sites;
  guint n_sites;

  g_return_val_if_fail (PM_IS_BASELINE (baseline), FALSE);

  sites = pm_baseline_get_sites (baseline);
  n_sites = g_list_model_get_n_items (sites);
  if (!pm_limits_check_text (PM_FIELD_BASELINE_NOTE, pm_baseline_get_note (baseline), error) ||
      !pm_limits_check_text (PM_FIELD_BASELINE_SOURCE, pm_baseline_get_source (baseline), error) ||
      !pm_limits_check_count (PM_LIST_SITES, n_sites, error))
    return FALSE;

  for (guint i = 0; i < n_sites; i++)
    {
      g_autoptr(PmSiteValue) site = g_list_model_get_item (sites, i);

      if (!pm_limits_check_text (PM_FIELD_SITE, pm_site_value_get_site (site), error))
        return FALSE;
    }

  return TRUE;
}

gboolean
pm_limits_check_target (PmTarget  *target,
                        GError   **error)
{
  g_return_val_if_fail (PM_IS_TARGET (target), FALSE);

  return pm_limits_check_text (PM_FIELD_TARGET_REASON, pm_target_get_reason (target), error);
}

gboolean
pm_limits_check_entry (PmProgressEntry  *entry,
                       GError          **error)
{
  GListModel *sites;
  guint n_sites;

  g_return_val_if_fail (PM_IS_PROGRESS_ENTRY (entry), FALSE);

  sites = pm_progress_entry_get_sites (entry);
  n_sites = g_list_model_get_n_items (sites);
  if (!pm_limits_check_text (PM_FIELD_VALUE_NOTE, pm_progress_entry_get_note (entry), error) ||
      !pm_limits_check_count (PM_LIST_SITES, n_sites, error))
    return FALSE;

  for (guint i = 0; i < n_sites; i++)
    {
      g_autoptr(PmSiteValue) site = g_list_model_get_item (sites, i);

      if (!pm_limits_check_text (PM_FIELD_SITE, pm_site_value_get_site (site), error))
        return FALSE;
    }

  return TRUE;
}

gboolean
pm_limits_check_narrative (PmNarrative  *narrative,
                           GError      **error)
{
  g_return_val_if_fail (PM_IS_NARRATIVE (narrative), FALSE);

  return pm_limits_check_text (PM_FIELD_NARRATIVE_PROGRESS, pm_narrative_get_progress (narrative), error) &&
         pm_limits_check_text (PM_FIELD_NARRATIVE_LEARNING, pm_narrative_get_learning (narrative), error) &&
         pm_limits_check_text (PM_FIELD_NARRATIVE_CASE_STUDY, pm_narrative_get_case_study (narrative), error) &&
         pm_limits_check_text (PM_FIELD_NARRATIVE_RISKS, pm_narrative_get_risks (narrative), error) &&
         pm_limits_check_text (PM_FIELD_NARRATIVE_MILESTONES, pm_narrative_get_milestones (narrative), error);
}

gboolean
pm_limits_check_provider (PmProvider  *provider,
                          GError     **error)
{
  g_return_val_if_fail (PM_IS_PROVIDER (provider), FALSE);

  return pm_limits_check_text (PM_FIELD_PROVIDER_NAME, pm_provider_get_name (provider), error) &&
         pm_limits_check_text (PM_FIELD_PROVIDER_FULL_NAME, pm_provider_get_full_name (provider), error);
}

gboolean
pm_limits_check_spend (PmSpendItem  *item,
                       GError      **error)
{
  g_return_val_if_fail (PM_IS_SPEND_ITEM (item), FALSE);

  return pm_limits_check_text (PM_FIELD_SPEND_DESCRIPTION, pm_spend_item_get_description (item), error);
}

/* ---- containers --------------------------------------------------------- */

typedef gboolean (*CheckItemFunc) (gpointer  item,
                                   Where    *where,
                                   GError  **error);

/* The count of @items, then each, saying which when it is a period's. */
static gboolean
check_items (GListModel     *items,
             PmList          list,
             CheckItemFunc   func,
             Where          *where,
             GError        **error)
{
  guint n = g_list_model_get_n_items (items);

  if (!pm_limits_check_count (list, n, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      if (!func (item, where, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_entry_at (gpointer  item,
                Where    *where,
                GError  **error)
{
  if (pm_limits_check_entry (item, error))
    return TRUE;

  where_push_period (where, pm_progress_entry_get_period (item));
  return FALSE;
}

static gboolean
check_target_at (gpointer  item,
                 Where    *where,
                 GError  **error)
{
  return pm_limits_check_target (item, error);
}

static gboolean
check_narrative_at (gpointer  item,
                    Where    *where,
                    GError  **error)
{
  if (pm_limits_check_narrative (item, error))
    return TRUE;

  where_push_period (where, pm_narrative_get_period (item));
  return FALSE;
}

static gboolean
check_provider_at (gpointer  item,
                   Where    *where,
                   GError  **error)
{
  return pm_limits_check_provider (item, error);
}

static gboolean
check_spend_at (gpointer  item,
                Where    *where,
                GError  **error)
{
  return pm_limits_check_spend (item, error);
}

static gboolean
check_reach_at (gpointer  item,
                Where    *where,
                GError  **error)
{
  /* A reach entry names one of the pilot's providers. */
  return pm_limits_check_text (PM_FIELD_PROVIDER_NAME, pm_reach_entry_get_provider (item), error);
}

static gboolean
check_kpi_in (PmKpi    *kpi,
              gboolean  deep,
              Where    *where,
              GError  **error)
{
  if (!pm_limits_check_text (PM_FIELD_KPI_TITLE, pm_kpi_get_title (kpi), error) ||
      !pm_limits_check_text (PM_FIELD_DATA_SOURCE, pm_kpi_get_data_source (kpi), error) ||
      !pm_limits_check_text (PM_FIELD_DATA_NOTES, pm_kpi_get_data_notes (kpi), error))
    return FALSE;

  if (!deep)
    return TRUE;

  return pm_limits_check_baseline (pm_kpi_get_baseline (kpi), error) &&
         check_items (pm_kpi_get_targets (kpi), PM_LIST_TARGETS, check_target_at, where, error) &&
         check_items (pm_kpi_get_entries (kpi), PM_LIST_VALUES, check_entry_at, where, error);
}

static gboolean
check_kpi_at (gpointer  item,
              Where    *where,
              GError  **error)
{
  where_push_name (where, pm_kpi_get_title (item));
  if (!check_kpi_in (item, TRUE, where, error))
    return FALSE;
  where_pop (where);
  return TRUE;
}

static gboolean
check_pilot_in (PmPilot  *pilot,
                gboolean  deep,
                Where    *where,
                GError  **error)
{
  if (!pm_limits_check_text (PM_FIELD_PILOT_TITLE, pm_pilot_get_title (pilot), error) ||
      !pm_limits_check_text (PM_FIELD_PILOT_SUMMARY, pm_pilot_get_summary (pilot), error) ||
      !pm_limits_check_text (PM_FIELD_FOCUS_AREA, pm_pilot_get_focus_area (pilot), error) ||
      !pm_limits_check_text (PM_FIELD_LEAD, pm_pilot_get_lead (pilot), error) ||
      !pm_limits_check_text (PM_FIELD_STATUS_NOTE, pm_pilot_get_status_note (pilot), error) ||
      !pm_limits_check_text (PM_FIELD_FUNDING, pm_pilot_get_funding (pilot), error) ||
      !pm_limits_check_text (PM_FIELD_REACH_UNIT, pm_pilot_get_reach_unit (pilot), error) ||
      !pm_limits_check_text (PM_FIELD_DATA_NOTES, pm_pilot_get_data_notes (pilot), error) ||
      !check_strv (PM_FIELD_KEY_OUTCOME, PM_LIST_KEY_OUTCOMES, pm_pilot_get_key_outcomes (pilot), error))
    return FALSE;

  if (!deep)
    return TRUE;

  return check_items (pm_pilot_get_providers (pilot), PM_LIST_PROVIDERS, check_provider_at, where, error) &&
         check_items (pm_pilot_get_reach (pilot), PM_LIST_REACH, check_reach_at, where, error) &&
         check_items (pm_pilot_get_spend (pilot), PM_LIST_SPEND, check_spend_at, where, error) &&
         check_items (pm_pilot_get_narratives (pilot), PM_LIST_NARRATIVES, check_narrative_at, where, error) &&
         check_items (pm_pilot_get_kpis (pilot), PM_LIST_KPIS, check_kpi_at, where, error);
}

static gboolean
check_pilot_at (gpointer  item,
                Where    *where,
                GError  **error)
{
  where_push_name (where, pm_pilot_get_title (item));
  if (!check_pilot_in (item, TRUE, where, error))
    return FALSE;
  where_pop (where);
  return TRUE;
}

static gboolean
check_district_in (PmDistrict *district,
                   gboolean    deep,
                   Where      *where,
                   GError    **error)
{
  if (!pm_limits_check_text (PM_FIELD_DISTRICT_NAME, pm_district_get_name (district), error))
    return FALSE;

  if (!deep)
    return TRUE;

  return check_items (pm_district_get_pilots (district), PM_LIST_PILOTS, check_pilot_at, where, error);
}

static gboolean
check_district_at (gpointer  item,
                   Where    *where,
                   GError  **error)
{
  where_push_name (where, pm_district_get_name (item));
  if (!check_district_in (item, TRUE, where, error))
    return FALSE;
  where_pop (where);
  return TRUE;
}

static gboolean
check_programme_in (PmProgramme *programme,
                    gboolean     deep,
                    Where       *where,
                    GError     **error)
{
  if (!pm_limits_check_text (PM_FIELD_PROGRAMME_NAME, pm_programme_get_name (programme), error) ||
      !pm_limits_check_text (PM_FIELD_PROGRAMME_DESCRIPTION, pm_programme_get_description (programme), error) ||
      !pm_limits_check_text (PM_FIELD_COMMITTEE, pm_programme_get_committee (programme), error) ||
      !pm_limits_check_text (PM_FIELD_REPORT_TITLE, pm_programme_get_report_title (programme), error) ||
      !pm_limits_check_text (PM_FIELD_CONTACT_OFFICER, pm_programme_get_contact_officer (programme), error) ||
      !check_strv (PM_FIELD_DESIGN_CRITERION, PM_LIST_DESIGN_CRITERIA,
                   pm_programme_get_design_criteria (programme), error))
    return FALSE;

  if (!deep)
    return TRUE;

  return check_items (pm_programme_get_districts (programme), PM_LIST_DISTRICTS, check_district_at,
                      where, error);
}

gboolean
pm_limits_check_programme (PmProgramme  *programme,
                           gboolean      deep,
                           GError      **error)
{
  g_autoptr(GPtrArray) where = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (PM_IS_PROGRAMME (programme), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_programme_in (programme, deep, where, error) || where_prefix (where, error);
}

gboolean
pm_limits_check_district (PmDistrict  *district,
                          gboolean     deep,
                          GError     **error)
{
  g_autoptr(GPtrArray) where = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (PM_IS_DISTRICT (district), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_district_in (district, deep, where, error) || where_prefix (where, error);
}

gboolean
pm_limits_check_pilot (PmPilot   *pilot,
                       gboolean   deep,
                       GError   **error)
{
  g_autoptr(GPtrArray) where = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (PM_IS_PILOT (pilot), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_pilot_in (pilot, deep, where, error) || where_prefix (where, error);
}

gboolean
pm_limits_check_kpi (PmKpi     *kpi,
                     gboolean   deep,
                     GError   **error)
{
  g_autoptr(GPtrArray) where = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (PM_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_kpi_in (kpi, deep, where, error) || where_prefix (where, error);
}

gboolean
pm_limits_check_file_size (guint64   size,
                           GError  **error)
{
  g_autofree char *size_text = NULL;
  g_autofree char *max_text = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (size <= PM_LIMIT_FILE_SIZE)
    return TRUE;

  size_text = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  max_text = g_format_size_full (PM_LIMIT_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);
  g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_TOO_LARGE,
               _("The file would be %s; Pilot Monitor reads files of up to %s, so it was "
                 "not written. Export less at once (one district, or one period)."),
               size_text, max_text);
  return FALSE;
}
