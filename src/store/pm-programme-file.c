/* pm-programme-file.c: reading programme files (docs/programme-format.md)
 *
 * The text is checked as strict JSON first (pm-json-check.c), parsed by
 * json-glib, then read object by object with the model's own rules, so a
 * file can hold nothing the application would refuse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pm-programme-file-private.h"
#include "model/pm-date.h"
#include "model/pm-schedule.h"

/* A percentage may be given as a fraction: both parts or neither. */
static gboolean
check_fraction (PmFileReader *r,
                JsonObject   *object,
                PmUnit        unit,
                gboolean     *has_fraction,
                double       *numerator,
                double       *denominator,
                GError      **error)
{
  gboolean has_denominator;

  if (!_pm_file_get_number (r, object, "numerator", FALSE, has_fraction, numerator, error)
      || !_pm_file_get_number (r, object, "denominator", FALSE, &has_denominator, denominator, error))
    return FALSE;
  if (*has_fraction != has_denominator)
    return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, NULL,
                           _("give both “numerator” and “denominator”, or neither"));
  if (*has_fraction && unit != PM_UNIT_PERCENTAGE)
    return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, "numerator",
                           _("a numerator and denominator are only for percentages"));
  return TRUE;
}

/* A value given as well must agree to one decimal place; the computed
 * one is kept, so a hand-rounded 33.3 for 1 of 3 is not an error. */
static gboolean
check_fraction_value (PmFileReader *r,
                      gboolean      has_value,
                      double        value,
                      double        computed,
                      GError      **error)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (!has_value || fabs (value - computed) < 0.05 + 1e-9)
    return TRUE;

  g_ascii_formatd (text, sizeof text, "%.1f", computed);
  return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, "value",
                         _("does not match the numerator and denominator, which give %s"), text);
}

/* Sites belong to a baseline or to a value: one of the two is set. */
typedef struct
{
  PmBaseline      *baseline;
  PmProgressEntry *entry;
  PmUnit           unit;
} SiteOwner;

static gboolean
read_site (PmFileReader *r,
           gpointer      owner,
           JsonObject   *object,
           GError      **error)
{
  static const char * const fields[] = { "site", "value", NULL };
  SiteOwner *site_owner = owner;
  GError *local_error = NULL;
  const char *site;
  double value;
  gboolean present;

  if (!_pm_file_check_members (r, object, fields, error)
      || !_pm_file_get_text (r, object, "site", TRUE, PM_FIELD_SITE, &site, error)
      || !_pm_file_get_number (r, object, "value", TRUE, &present, &value, error))
    return FALSE;
  if (!pm_unit_validate_value (site_owner->unit, value, &local_error))
    return _pm_file_model_error (r, error, "value", local_error);

  if (site_owner->baseline != NULL)
    pm_baseline_add_site (site_owner->baseline, site, value);
  else
    pm_progress_entry_add_site (site_owner->entry, site, value);
  return TRUE;
}

static PmBaseline *
read_value_baseline (PmFileReader *r,
                     JsonObject   *object,
                     PmUnit        unit,
                     GError      **error)
{
  g_autoptr(PmBaseline) baseline = NULL;
  GError *local_error = NULL;
  const char *date, *note;
  gboolean has_value, has_fraction;
  double value = 0, numerator = 0, denominator = 0;
  JsonArray *sites;
  SiteOwner site_owner;

  if (!_pm_file_get_number (r, object, "value", FALSE, &has_value, &value, error)
      || !check_fraction (r, object, unit, &has_fraction, &numerator, &denominator, error)
      || !_pm_file_get_date (r, object, "date", &date, error)
      || !_pm_file_get_text (r, object, "note", FALSE, PM_FIELD_BASELINE_NOTE, &note, error)
      || !_pm_file_get_array (r, object, "sites", FALSE, &sites, error))
    return NULL;

  if (!has_value && !has_fraction && (sites == NULL || json_array_get_length (sites) == 0))
    {
      _pm_file_error (r, error, PM_FILE_ERROR_INVALID, NULL, _("missing field “%s”"), "value");
      return NULL;
    }
  if (has_value && !pm_unit_validate_value (unit, value, &local_error))
    {
      _pm_file_model_error (r, error, "value", local_error);
      return NULL;
    }

  if (has_value || has_fraction)
    baseline = pm_baseline_new_value (value, date, note);
  else
    baseline = pm_baseline_new_sites (date, note);

  if (has_fraction)
    {
      if (!pm_baseline_set_fraction (baseline, numerator, denominator, &local_error))
        {
          _pm_file_model_error (r, error, NULL, local_error);
          return NULL;
        }
      if (!check_fraction_value (r, has_value, value, pm_baseline_get_value (baseline), error))
        return NULL;
    }

  site_owner.baseline = baseline;
  site_owner.entry = NULL;
  site_owner.unit = unit;
  if (!_pm_file_read_each (r, object, "sites", FALSE, PM_LIST_SITES, read_site, &site_owner, error))
    return NULL;
  /* Counts and money given by site are totalled; a total given with them
   * must be their sum. */
  if (!pm_baseline_total_sites (baseline, unit, &local_error))
    {
      _pm_file_model_error (r, error, "value", local_error);
      return NULL;
    }

  return g_steal_pointer (&baseline);
}

static gboolean
read_baseline (PmFileReader *r,
               PmKpi        *kpi,
               JsonObject   *object,
               GError      **error)
{
  static const char * const all_fields[] = {
    "state", "value", "numerator", "denominator", "date", "period", "source",
    "note", "sites", NULL
  };
  static const char * const value_fields[] = {
    "state", "value", "numerator", "denominator", "date", "note", "sites", NULL
  };
  static const char * const reported_fields[] = { "state", "period", "note", NULL };
  static const char * const awaiting_fields[] = { "state", "source", "note", NULL };
  static const char * const other_fields[] = { "state", "note", NULL };
  g_autoptr(PmBaseline) baseline = NULL;
  GError *local_error = NULL;
  PmUnit unit = pm_kpi_get_unit (kpi);
  const char * const *fields;
  const char *state_name;
  const char *note;
  int state;

  if (!_pm_file_get_enum (r, object, "state", TRUE, PM_TYPE_BASELINE_STATE,
                          _("baseline state"), &state, error))
    return FALSE;

  fields = state == PM_BASELINE_VALUE ? value_fields
           : state == PM_BASELINE_TO_BE_REPORTED ? reported_fields
           : state == PM_BASELINE_AWAITING_DATA ? awaiting_fields
           : other_fields;
  state_name = pm_enum_to_name (PM_TYPE_BASELINE_STATE, state);
  for (guint i = 0; all_fields[i] != NULL; i++)
    if (json_object_has_member (object, all_fields[i]) && !g_strv_contains (fields, all_fields[i]))
      return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, NULL,
                             _("“%s” does not belong in a baseline whose state is “%s”"),
                             all_fields[i], state_name);
  if (!_pm_file_check_members (r, object, fields, error))
    return FALSE;

  if (state == PM_BASELINE_VALUE)
    {
      baseline = read_value_baseline (r, object, unit, error);
      if (baseline == NULL)
        return FALSE;
    }
  else
    {
      if (!_pm_file_get_text (r, object, "note", FALSE, PM_FIELD_BASELINE_NOTE, &note, error))
        return FALSE;
      baseline = pm_baseline_new_state (state);
      if (note != NULL)
        pm_baseline_set_note (baseline, note);

      if (state == PM_BASELINE_TO_BE_REPORTED)
        {
          g_autoptr(PmPeriod) period = NULL;

          if (!_pm_file_get_period (r, object, "period", TRUE, &period, error))
            return FALSE;
          pm_baseline_set_period (baseline, period);
        }
      else if (state == PM_BASELINE_AWAITING_DATA)
        {
          const char *source;

          if (!_pm_file_get_text (r, object, "source", TRUE, PM_FIELD_BASELINE_SOURCE, &source, error))
            return FALSE;
          pm_baseline_set_source (baseline, source);
        }
    }

  if (!pm_baseline_validate (baseline, unit, &local_error)
      || !pm_kpi_set_baseline (kpi, baseline, &local_error))
    return _pm_file_model_error (r, error, NULL, local_error);
  return TRUE;
}

static gboolean
read_target (PmFileReader *r,
             gpointer      owner,
             JsonObject   *object,
             GError      **error)
{
  static const char * const fields[] = { "value", "date", "set_on", "reason", "milestone", NULL };
  PmKpi *kpi = owner;
  g_autoptr(PmTarget) target = NULL;
  GError *local_error = NULL;
  const char *date, *set_on, *reason;
  gboolean present, has_milestone;
  gint64 milestone = 1;
  double value;

  if (!_pm_file_check_members (r, object, fields, error)
      || !_pm_file_get_number (r, object, "value", TRUE, &present, &value, error)
      || !_pm_file_get_date (r, object, "date", &date, error)
      || !_pm_file_get_date (r, object, "set_on", &set_on, error)
      || !_pm_file_get_text (r, object, "reason", FALSE, PM_FIELD_TARGET_REASON, &reason, error)
      || !_pm_file_get_integer (r, object, "milestone", FALSE, PM_LIMIT_TARGETS, &has_milestone, &milestone, error))
    return FALSE;
  if (!pm_unit_validate_value (pm_kpi_get_unit (kpi), value, &local_error))
    return _pm_file_model_error (r, error, "value", local_error);
  if (has_milestone && milestone < 1)
    {
      g_set_error_literal (&local_error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE,
                           _("Milestones are numbered from 1."));
      return _pm_file_model_error (r, error, "milestone", local_error);
    }

  /* Without a number a target is milestone 1, as every target was before
   * schedules: a later one revises it. */
  target = pm_target_new (value, date);
  pm_target_set_milestone (target, (guint) milestone);
  if (set_on != NULL)
    pm_target_set_set_on (target, set_on);
  if (reason != NULL)
    pm_target_set_reason (target, reason);

  if (!pm_kpi_add_target (kpi, target, &local_error))
    {
      gboolean on_date = g_error_matches (local_error, PM_MODEL_ERROR, PM_MODEL_ERROR_DATE_ORDER) ||
                         g_error_matches (local_error, PM_MODEL_ERROR, PM_MODEL_ERROR_MISSING) ||
                         g_error_matches (local_error, PM_MODEL_ERROR, PM_MODEL_ERROR_DUPLICATE);

      if (pm_target_get_milestone (target) > pm_kpi_next_milestone (kpi))
        return _pm_file_model_error (r, error, "milestone", local_error);
      return _pm_file_model_error (r, error, on_date ? "date" : NULL, local_error);
    }
  return TRUE;
}

static gboolean
read_progress (PmFileReader *r,
               gpointer      owner,
               JsonObject   *object,
               GError      **error)
{
  static const char * const fields[] = {
    "period", "value", "numerator", "denominator", "note", "sites", NULL
  };
  PmKpi *kpi = owner;
  SiteOwner site_owner = { NULL, NULL, pm_kpi_get_unit (kpi) };
  PmUnit unit = pm_kpi_get_unit (kpi);
  g_autoptr(PmPeriod) period = NULL;
  g_autoptr(PmProgressEntry) entry = NULL;
  g_autofree char *code = NULL;
  GError *local_error = NULL;
  gboolean has_value, has_fraction;
  double value = 0, numerator = 0, denominator = 0;
  const char *note;

  if (!_pm_file_check_members (r, object, fields, error)
      || !_pm_file_get_any_period (r, object, "period", TRUE, &period, error)
      || !_pm_file_get_number (r, object, "value", FALSE, &has_value, &value, error)
      || !check_fraction (r, object, unit, &has_fraction, &numerator, &denominator, error)
      || !_pm_file_get_text (r, object, "note", FALSE, PM_FIELD_VALUE_NOTE, &note, error))
    return FALSE;

  code = pm_period_to_code (period);
  if (pm_kpi_get_entry (kpi, period) != NULL)
    return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, "period",
                           _("a second entry for %s (at most one per period)"), code);
  if (has_value && !pm_unit_validate_value (unit, value, &local_error))
    return _pm_file_model_error (r, error, "value", local_error);

  entry = pm_progress_entry_new (period);
  if (has_value)
    pm_progress_entry_set_value (entry, value);
  if (has_fraction)
    {
      if (!pm_progress_entry_set_fraction (entry, numerator, denominator, &local_error))
        return _pm_file_model_error (r, error, NULL, local_error);
      if (!check_fraction_value (r, has_value, value, pm_progress_entry_get_value (entry), error))
        return FALSE;
    }
  if (note != NULL)
    pm_progress_entry_set_note (entry, note);

  /* Counts and money given by site are totalled; a value given with them
   * must be their sum. */
  site_owner.entry = entry;
  if (!_pm_file_read_each (r, object, "sites", FALSE, PM_LIST_SITES, read_site, &site_owner, error))
    return FALSE;
  if (!pm_progress_entry_total_sites (entry, unit, &local_error))
    return _pm_file_model_error (r, error, "value", local_error);

  if (!pm_kpi_set_entry (kpi, entry, &local_error))
    return _pm_file_model_error (r, error, NULL, local_error);
  return TRUE;
}

static gboolean
read_kpi (PmFileReader *r,
          gpointer      owner,
          JsonObject   *object,
          GError      **error)
{
  static const char * const fields[] = {
    "title", "unit", "direction", "measure", "frequency", "tolerance", "data_source", "data_notes",
    "indicator", "baseline", "targets", "progress", NULL
  };
  PmPilot *pilot = owner;
  g_autoptr(PmKpi) kpi = NULL;
  const char *title, *data_source, *data_notes;
  JsonObject *baseline;
  int unit, direction, measure = PM_MEASURE_LEVEL, frequency = PM_FREQUENCY_QUARTERLY;
  gboolean has_tolerance;
  double tolerance = PM_KPI_DEFAULT_TOLERANCE;
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  gsize mark;

  if (!_pm_file_check_members (r, object, fields, error)
      || !_pm_file_get_text (r, object, "title", TRUE, PM_FIELD_KPI_TITLE, &title, error)
      || !_pm_file_get_enum (r, object, "unit", TRUE, PM_TYPE_UNIT, _("unit"), &unit, error)
      || !_pm_file_get_enum (r, object, "direction", TRUE, PM_TYPE_DIRECTION, _("direction"), &direction, error)
      || !_pm_file_get_enum (r, object, "measure", FALSE, PM_TYPE_MEASURE, _("measure"), &measure, error)
      || !_pm_file_get_enum (r, object, "frequency", FALSE, PM_TYPE_FREQUENCY, _("frequency"), &frequency, error)
      || !_pm_file_get_number (r, object, "tolerance", FALSE, &has_tolerance, &tolerance, error)
      || !_pm_file_get_text (r, object, "data_source", FALSE, PM_FIELD_DATA_SOURCE, &data_source, error)
      || !_pm_file_get_text (r, object, "data_notes", FALSE, PM_FIELD_DATA_NOTES, &data_notes, error)
      || !_pm_file_get_object (r, object, "baseline", &baseline, error))
    return FALSE;
  if (r->calendar_years && frequency == PM_FREQUENCY_YEARLY)
    frequency = PM_FREQUENCY_CALENDAR_YEARLY;

  g_ascii_formatd (text, sizeof text, "%.15g", tolerance);
  if (has_tolerance && (tolerance < 0 || tolerance > 1))
    return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, "tolerance",
                           _("%s is not a tolerance: it must be between 0 and 1"), text);

  kpi = pm_kpi_new (title, unit, direction);
  pm_kpi_set_measure (kpi, measure);
  pm_kpi_set_frequency (kpi, frequency);
  pm_kpi_set_tolerance (kpi, has_tolerance ? tolerance : PM_KPI_DEFAULT_TOLERANCE);
  if (data_source != NULL)
    pm_kpi_set_data_source (kpi, data_source);
  pm_kpi_set_data_notes (kpi, data_notes);
  if (!_pm_file_read_kpi_indicator (r, object, kpi, error))
    return FALSE;

  mark = _pm_file_path_push_member (r, "baseline");
  if (!read_baseline (r, kpi, baseline, error))
    return FALSE;
  _pm_file_path_pop (r, mark);

  if (!_pm_file_read_each (r, object, "targets", FALSE, PM_LIST_TARGETS, read_target, kpi, error)
      || !_pm_file_read_each (r, object, "progress", FALSE, PM_LIST_VALUES, read_progress, kpi, error))
    return FALSE;

  pm_pilot_add_kpi (pilot, kpi);
  return TRUE;
}

static gboolean
read_provider (PmFileReader *r,
               gpointer      owner,
               JsonObject   *object,
               GError      **error)
{
  static const char * const fields[] = { "name", "full_name", "reach_target", NULL };
  PmPilot *pilot = owner;
  g_autoptr(PmProvider) provider = NULL;
  const char *name, *full_name;
  gboolean has_target;
  gint64 reach_target = 0;

  if (!_pm_file_check_members (r, object, fields, error)
      || !_pm_file_get_text (r, object, "name", TRUE, PM_FIELD_PROVIDER_NAME, &name, error)
      || !_pm_file_get_text (r, object, "full_name", FALSE, PM_FIELD_PROVIDER_FULL_NAME, &full_name, error)
      || !_pm_file_get_integer (r, object, "reach_target", FALSE, G_MAXINT, &has_target, &reach_target, error))
    return FALSE;
  if (pm_pilot_find_provider (pilot, name) != NULL)
    return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, "name",
                           _("the provider “%s” is listed twice"), name);

  provider = pm_provider_new (name);
  if (full_name != NULL)
    pm_provider_set_full_name (provider, full_name);
  pm_provider_set_reach_target (provider, (int) reach_target);
  pm_pilot_add_provider (pilot, provider);
  return TRUE;
}

static gboolean
read_reach (PmFileReader *r,
            gpointer      owner,
            JsonObject   *object,
            GError      **error)
{
  static const char * const fields[] = { "period", "provider", "families", NULL };
  PmPilot *pilot = owner;
  GListModel *reach = pm_pilot_get_reach (pilot);
  g_autoptr(PmPeriod) period = NULL;
  g_autoptr(PmReachEntry) entry = NULL;
  g_autofree char *code = NULL;
  const char *provider;
  gboolean present;
  gint64 families;

  if (!_pm_file_check_members (r, object, fields, error)
      || !_pm_file_get_period (r, object, "period", TRUE, &period, error)
      || !_pm_file_get_text (r, object, "provider", FALSE, PM_FIELD_PROVIDER_NAME, &provider, error)
      || !_pm_file_get_integer (r, object, "families", TRUE, G_MAXINT, &present, &families, error))
    return FALSE;
  if (provider != NULL && pm_pilot_find_provider (pilot, provider) == NULL)
    return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, "provider",
                           _("“%s” is not one of this pilot’s providers"), provider);

  code = pm_period_to_code (period);
  for (guint i = 0; i < g_list_model_get_n_items (reach); i++)
    {
      g_autoptr(PmReachEntry) other = g_list_model_get_item (reach, i);

      if (pm_period_equal (pm_reach_entry_get_period (other), period)
          && g_strcmp0 (pm_reach_entry_get_provider (other), provider) == 0)
        return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, NULL,
                               _("a second entry for %s and the same provider"), code);
    }

  entry = pm_reach_entry_new (period, provider, (int) families);
  pm_pilot_set_reach (pilot, entry);
  return TRUE;
}

static gboolean
read_spend (PmFileReader *r,
            gpointer      owner,
            JsonObject   *object,
            GError      **error)
{
  static const char * const fields[] = {
    "description", "amount_pence", "period", "status", NULL
  };
  PmPilot *pilot = owner;
  g_autoptr(PmSpendItem) item = NULL;
  g_autoptr(PmPeriod) period = NULL;
  const char *description;
  gboolean present;
  gint64 amount;
  int status = PM_SPEND_SPENT;

  if (!_pm_file_check_members (r, object, fields, error)
      || !_pm_file_get_text (r, object, "description", TRUE, PM_FIELD_SPEND_DESCRIPTION, &description, error)
      || !_pm_file_get_integer (r, object, "amount_pence", TRUE, PM_FILE_MAX_PENCE, &present, &amount, error)
      || !_pm_file_get_period (r, object, "period", FALSE, &period, error)
      || !_pm_file_get_enum (r, object, "status", FALSE, PM_TYPE_SPEND_STATUS, _("spend status"), &status, error))
    return FALSE;

  item = pm_spend_item_new (description, amount);
  if (period != NULL)
    pm_spend_item_set_period (item, period);
  pm_spend_item_set_status (item, status);
  pm_pilot_add_spend (pilot, item);
  return TRUE;
}

static gboolean
read_narrative (PmFileReader *r,
                gpointer      owner,
                JsonObject   *object,
                GError      **error)
{
  static const char * const fields[] = {
    "period", "progress", "learning", "case_study", "risks", "milestones", NULL
  };
  PmPilot *pilot = owner;
  g_autoptr(PmNarrative) narrative = NULL;
  g_autoptr(PmPeriod) period = NULL;
  g_autofree char *code = NULL;
  const char *progress, *learning, *case_study, *risks, *milestones;

  if (!_pm_file_check_members (r, object, fields, error)
      || !_pm_file_get_period (r, object, "period", TRUE, &period, error)
      || !_pm_file_get_text (r, object, "progress", FALSE, PM_FIELD_NARRATIVE_PROGRESS, &progress, error)
      || !_pm_file_get_text (r, object, "learning", FALSE, PM_FIELD_NARRATIVE_LEARNING, &learning, error)
      || !_pm_file_get_text (r, object, "case_study", FALSE, PM_FIELD_NARRATIVE_CASE_STUDY, &case_study, error)
      || !_pm_file_get_text (r, object, "risks", FALSE, PM_FIELD_NARRATIVE_RISKS, &risks, error)
      || !_pm_file_get_text (r, object, "milestones", FALSE, PM_FIELD_NARRATIVE_MILESTONES, &milestones, error))
    return FALSE;

  code = pm_period_to_code (period);
  if (pm_pilot_get_narrative (pilot, period) != NULL)
    return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, "period",
                           _("a second narrative for %s (at most one per period)"), code);

  narrative = pm_narrative_new (period);
  pm_narrative_set_progress (narrative, progress);
  pm_narrative_set_learning (narrative, learning);
  pm_narrative_set_case_study (narrative, case_study);
  pm_narrative_set_risks (narrative, risks);
  pm_narrative_set_milestones (narrative, milestones);
  pm_pilot_set_narrative (pilot, narrative);
  return TRUE;
}

static gboolean
read_pilot (PmFileReader *r,
            gpointer      owner,
            JsonObject   *object,
            GError      **error)
{
  static const char * const fields[] = {
    "title", "summary", "focus_area", "start_date", "lead", "delivery_status",
    "status_note", "budget_pence", "funding", "key_outcomes", "data_notes", "reach_unit",
    "providers", "reach", "spend", "narratives", "kpis", NULL
  };
  PmDistrict *district = owner;
  g_autoptr(PmPilot) pilot = NULL;
  g_auto(GStrv) key_outcomes = NULL;
  const char *title, *summary, *focus_area, *start_date, *lead, *status_note, *funding, *data_notes;
  const char *reach_unit;
  int status = PM_DELIVERY_NOT_STATED;
  gboolean has_budget;
  gint64 budget = -1;

  if (!_pm_file_check_members (r, object, fields, error)
      || !_pm_file_get_text (r, object, "title", TRUE, PM_FIELD_PILOT_TITLE, &title, error)
      || !_pm_file_get_text (r, object, "summary", FALSE, PM_FIELD_PILOT_SUMMARY, &summary, error)
      || !_pm_file_get_text (r, object, "focus_area", FALSE, PM_FIELD_FOCUS_AREA, &focus_area, error)
      || !_pm_file_get_date (r, object, "start_date", &start_date, error)
      || !_pm_file_get_text (r, object, "lead", FALSE, PM_FIELD_LEAD, &lead, error)
      || !_pm_file_get_enum (r, object, "delivery_status", FALSE, PM_TYPE_DELIVERY_STATUS,
                             _("delivery status"), &status, error)
      || !_pm_file_get_text (r, object, "status_note", FALSE, PM_FIELD_STATUS_NOTE, &status_note, error)
      || !_pm_file_get_integer (r, object, "budget_pence", FALSE, PM_FILE_MAX_PENCE, &has_budget, &budget, error)
      || !_pm_file_get_text (r, object, "funding", FALSE, PM_FIELD_FUNDING, &funding, error)
      || !_pm_file_get_strv (r, object, "key_outcomes", PM_LIST_KEY_OUTCOMES, PM_FIELD_KEY_OUTCOME,
                             &key_outcomes, error)
      || !_pm_file_get_text (r, object, "data_notes", FALSE, PM_FIELD_DATA_NOTES, &data_notes, error)
      || !_pm_file_get_text (r, object, "reach_unit", FALSE, PM_FIELD_REACH_UNIT, &reach_unit, error))
    return FALSE;

  pilot = pm_pilot_new (title);
  pm_pilot_set_reach_unit (pilot, reach_unit);
  pm_pilot_set_summary (pilot, summary);
  pm_pilot_set_focus_area (pilot, focus_area);
  pm_pilot_set_start_date (pilot, start_date);
  pm_pilot_set_lead (pilot, lead);
  pm_pilot_set_delivery_status (pilot, status);
  pm_pilot_set_status_note (pilot, status_note);
  pm_pilot_set_budget_pence (pilot, has_budget ? budget : -1);
  pm_pilot_set_funding (pilot, funding);
  if (key_outcomes != NULL)
    pm_pilot_set_key_outcomes (pilot, (const char * const *) key_outcomes);
  pm_pilot_set_data_notes (pilot, data_notes);

  /* Providers first: reach entries name them. */
  if (!_pm_file_read_each (r, object, "providers", FALSE, PM_LIST_PROVIDERS, read_provider, pilot, error)
      || !_pm_file_read_each (r, object, "reach", FALSE, PM_LIST_REACH, read_reach, pilot, error)
      || !_pm_file_read_each (r, object, "spend", FALSE, PM_LIST_SPEND, read_spend, pilot, error)
      || !_pm_file_read_each (r, object, "narratives", FALSE, PM_LIST_NARRATIVES, read_narrative, pilot, error)
      || !_pm_file_read_each (r, object, "kpis", FALSE, PM_LIST_KPIS, read_kpi, pilot, error))
    return FALSE;

  pm_district_add_pilot (district, pilot);
  return TRUE;
}

static gboolean
read_district (PmFileReader *r,
               gpointer      owner,
               JsonObject   *object,
               GError      **error)
{
  static const char * const fields[] = { "name", "pilots", NULL };
  PmProgramme *programme = owner;
  g_autoptr(PmDistrict) district = NULL;
  GError *local_error = NULL;
  const char *name;
  JsonArray *pilots;

  if (!_pm_file_check_members (r, object, fields, error)
      || !_pm_file_get_text (r, object, "name", TRUE, PM_FIELD_DISTRICT_NAME, &name, error)
      || !_pm_file_get_array (r, object, "pilots", TRUE, &pilots, error))
    return FALSE;

  /* The model refuses a second district of the same name. */
  district = pm_district_new (name);
  if (!pm_programme_add_district (programme, district, &local_error))
    return _pm_file_model_error (r, error, "name", local_error);

  return _pm_file_read_each (r, object, "pilots", TRUE, PM_LIST_PILOTS, read_pilot, district, error);
}

static PmProgramme *
read_programme (PmFileReader *r,
                JsonObject   *object,
                GError      **error)
{
  static const char * const fields[] = {
    "name", "description", "design_criteria", "committee", "meeting_date", "report_title",
    "contact_officer", "years", "indicators", "districts", NULL
  };
  g_autoptr(PmProgramme) programme = NULL;
  g_auto(GStrv) criteria = NULL;
  const char *name, *description, *committee, *meeting_date, *report_title, *contact_officer;
  const char *years;
  JsonArray *districts;
  GError *local_error = NULL;

  if (!_pm_file_check_members (r, object, fields, error)
      || !_pm_file_get_text (r, object, "name", TRUE, PM_FIELD_PROGRAMME_NAME, &name, error)
      || !_pm_file_get_text (r, object, "description", FALSE, PM_FIELD_PROGRAMME_DESCRIPTION, &description, error)
      || !_pm_file_get_strv (r, object, "design_criteria", PM_LIST_DESIGN_CRITERIA, PM_FIELD_DESIGN_CRITERION,
                             &criteria, error)
      || !_pm_file_get_text (r, object, "committee", FALSE, PM_FIELD_COMMITTEE, &committee, error)
      || !_pm_file_get_string (r, object, "meeting_date", FALSE, &meeting_date, error)
      || !_pm_file_get_text (r, object, "report_title", FALSE, PM_FIELD_REPORT_TITLE, &report_title, error)
      || !_pm_file_get_text (r, object, "contact_officer", FALSE, PM_FIELD_CONTACT_OFFICER,
                             &contact_officer, error)
      || !_pm_file_get_string (r, object, "years", FALSE, &years, error)
      || !_pm_file_get_array (r, object, "districts", TRUE, &districts, error))
    return NULL;
  /* Which years a KPI given as "yearly" is reported in: the UK financial
   * year unless the programme chooses calendar years. */
  if (years != NULL && g_strcmp0 (years, "financial") != 0 && g_strcmp0 (years, "calendar") != 0)
    {
      _pm_file_error (r, error, PM_FILE_ERROR_INVALID, "years",
                      _("“%s” is not a kind of year: write “financial” or “calendar”"), years);
      return NULL;
    }
  r->calendar_years = g_strcmp0 (years, "calendar") == 0;
  if (meeting_date != NULL && !pm_date_validate_day (meeting_date, &local_error))
    {
      _pm_file_model_error (r, error, "meeting_date", local_error);
      return NULL;
    }

  programme = pm_programme_new (name);
  pm_programme_set_description (programme, description);
  pm_programme_set_committee (programme, committee);
  pm_programme_set_meeting_date (programme, meeting_date);
  pm_programme_set_report_title (programme, report_title);
  pm_programme_set_contact_officer (programme, contact_officer);
  if (criteria != NULL)
    pm_programme_set_design_criteria (programme, (const char * const *) criteria);

  if (!_pm_file_read_indicators (r, object, programme, error) ||
      !_pm_file_read_each (r, object, "districts", TRUE, PM_LIST_DISTRICTS, read_district, programme, error))
    return NULL;
  r->programme = NULL;
  return g_steal_pointer (&programme);
}

PmProgramme *
_pm_programme_file_read_root (PmFileReader *r,
                              JsonNode     *root,
                              GError      **error)
{
  static const char * const fields[] = { "format", "version", "programme", NULL };
  JsonObject *object, *programme;
  JsonNode *format;
  gboolean present;
  gint64 version;
  PmProgramme *result;
  gsize mark;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      _pm_file_error (r, error, PM_FILE_ERROR_WRONG_FORMAT, NULL,
                      _("this is not a Pilot Monitor programme file (expected an object with “format”: “%s”)"),
                      PM_PROGRAMME_FILE_FORMAT);
      return NULL;
    }
  object = json_node_get_object (root);

  /* Say "not ours" before anything more detailed. */
  format = json_object_get_member (object, "format");
  if (format == NULL
      || !JSON_NODE_HOLDS_VALUE (format)
      || json_node_get_value_type (format) != G_TYPE_STRING
      || g_strcmp0 (json_node_get_string (format), PM_PROGRAMME_FILE_FORMAT) != 0)
    {
      _pm_file_error (r, error, PM_FILE_ERROR_WRONG_FORMAT, "format",
                      _("this is not a Pilot Monitor programme file (expected “%s”)"),
                      PM_PROGRAMME_FILE_FORMAT);
      return NULL;
    }

  if (!_pm_file_get_integer (r, object, "version", TRUE, G_MAXINT, &present, &version, error))
    return NULL;
  if (version < 1)
    {
      _pm_file_error (r, error, PM_FILE_ERROR_INVALID, "version",
                      _("%d is not a format version"), (int) version);
      return NULL;
    }
  if (version > PM_PROGRAMME_FILE_VERSION)
    {
      _pm_file_error (r, error, PM_FILE_ERROR_TOO_NEW, "version",
                      _("written by a newer version of Pilot Monitor (format %d; this version reads format %d)"),
                      (int) version, PM_PROGRAMME_FILE_VERSION);
      return NULL;
    }

  if (!_pm_file_check_members (r, object, fields, error)
      || !_pm_file_get_object (r, object, "programme", &programme, error))
    return NULL;

  mark = _pm_file_path_push_member (r, "programme");
  result = read_programme (r, programme, error);
  _pm_file_path_pop (r, mark);
  return result;
}

gpointer
_pm_file_parse (const char        *data,
                gsize              length,
                PmFileReadRootFunc read_root,
                GError           **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  PmFileReader r;
  gpointer result;

  if (length > PM_FILE_MAX_SIZE)
    {
      g_autofree char *max = g_format_size_full (PM_FILE_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_INVALID,
                   _("%s: the file is larger than %s, too large to be read"),
                   _("top level"), max);
      return NULL;
    }

  /* Editors on Windows may begin UTF-8 text with a byte order mark. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!_pm_json_check (data, length, error))
    return NULL;

  parser = json_parser_new ();
  _pm_file_reader_init (&r, parser);
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_MALFORMED,
                   _("this is not valid JSON: %s"), local_error->message);
      result = NULL;
    }
  else
    result = read_root (&r, json_parser_get_root (parser), error);

  _pm_file_reader_clear (&r);
  return result;
}

PmProgramme *
pm_programme_file_parse (const char *data,
                         gssize      length,
                         GError    **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _pm_file_parse (data, length < 0 ? strlen (data) : (gsize) length,
                         (PmFileReadRootFunc) _pm_programme_file_read_root, error);
}

PmProgramme *
pm_programme_file_load (const char *path,
                        GError    **error)
{
  g_autofree char *data = NULL;
  GStatBuf st;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Refuse a huge file, or a device that never ends, before reading it
   * all into memory. */
  if (g_stat (path, &st) == 0)
    {
      if (!S_ISREG (st.st_mode) && !S_ISDIR (st.st_mode))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       _("“%s” is not a file"), path);
          return NULL;
        }
      if (st.st_size > PM_FILE_MAX_SIZE)
        {
          g_autofree char *size = g_format_size_full (st.st_size, G_FORMAT_SIZE_IEC_UNITS);
          g_autofree char *max = g_format_size_full (PM_FILE_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

          g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_INVALID,
                       _("%s: the file is %s, larger than the %s a programme file may be"),
                       _("top level"), size, max);
          return NULL;
        }
    }

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  return pm_programme_file_parse (data, (gssize) MIN (length, (gsize) PM_FILE_MAX_SIZE + 1), error);
}
