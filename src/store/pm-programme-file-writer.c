/* pm-programme-file-writer.c: a programme as a programme file
 *
 * Keys come in the order of docs/programme-format.md's tables, two spaces
 * of indent, numbers in their shortest exact form: the sample programme
 * reads and writes back byte for byte.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include <json-glib/json-glib.h>

#include "model/pm-site-value.h"
#include "util/pm-safe-file.h"
#include "pm-programme-file-private.h"

/* Optional text is left out when empty. */
static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

/* Required text is always written, so that reading an empty title back
 * says so rather than "missing field". */
static void
add_required_string (JsonBuilder *b,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value != NULL ? value : "");
}

/* Whole numbers are written as integers, as a person would. */
static void
add_number (JsonBuilder *b,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (b, name);
  if (isfinite (value) && value == floor (value) && fabs (value) <= PM_FILE_MAX_PENCE)
    json_builder_add_int_value (b, (gint64) value);
  else
    json_builder_add_double_value (b, value);
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_enum (JsonBuilder *b,
          const char  *name,
          GType        type,
          int          value)
{
  add_string (b, name, pm_enum_to_name (type, value));
}

static void
add_period (JsonBuilder *b,
            const char  *name,
            PmPeriod    *period)
{
  g_autofree char *code = NULL;

  if (period == NULL)
    return;
  code = pm_period_to_code (period);
  add_string (b, name, code);
}

static void
add_strv (JsonBuilder        *b,
          const char         *name,
          const char * const *strv)
{
  if (strv == NULL || strv[0] == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; strv[i] != NULL; i++)
    json_builder_add_string_value (b, strv[i]);
  json_builder_end_array (b);
}

typedef void (*WriteItemFunc) (JsonBuilder *b,
                               gpointer     item);

/* Optional lists are left out when empty. */
static void
add_list (JsonBuilder  *b,
          const char   *name,
          GListModel   *list,
          gboolean      required,
          WriteItemFunc func)
{
  guint n = g_list_model_get_n_items (list);

  if (n == 0 && !required)
    return;
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      json_builder_begin_object (b);
      func (b, item);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
write_site (JsonBuilder *b,
            gpointer     item)
{
  add_required_string (b, "site", pm_site_value_get_site (item));
  add_number (b, "value", pm_site_value_get_value (item));
}

static void
write_baseline (JsonBuilder *b,
                PmBaseline  *baseline)
{
  PmBaselineState state = pm_baseline_get_state (baseline);

  /* Only the fields of the state are written, as they are read. */
  add_enum (b, "state", PM_TYPE_BASELINE_STATE, state);
  if (state == PM_BASELINE_VALUE)
    {
      if (pm_baseline_has_value (baseline))
        add_number (b, "value", pm_baseline_get_value (baseline));
      if (pm_baseline_has_fraction (baseline))
        {
          add_number (b, "numerator", pm_baseline_get_numerator (baseline));
          add_number (b, "denominator", pm_baseline_get_denominator (baseline));
        }
      add_string (b, "date", pm_baseline_get_date (baseline));
    }
  else if (state == PM_BASELINE_TO_BE_REPORTED)
    add_period (b, "period", pm_baseline_get_period (baseline));
  else if (state == PM_BASELINE_AWAITING_DATA)
    add_string (b, "source", pm_baseline_get_source (baseline));
  add_string (b, "note", pm_baseline_get_note (baseline));
  if (state == PM_BASELINE_VALUE)
    add_list (b, "sites", pm_baseline_get_sites (baseline), FALSE, write_site);
}

static void
write_target (JsonBuilder *b,
              gpointer     item)
{
  add_number (b, "value", pm_target_get_value (item));
  add_string (b, "date", pm_target_get_date (item));
  add_string (b, "set_on", pm_target_get_set_on (item));
  add_string (b, "reason", pm_target_get_reason (item));
  /* Milestone 1 is what a target without a number means. */
  if (pm_target_get_milestone (item) != 1)
    add_int (b, "milestone", pm_target_get_milestone (item));
}

static void
write_progress (JsonBuilder *b,
                gpointer     item)
{
  add_period (b, "period", pm_progress_entry_get_period (item));
  if (pm_progress_entry_has_value (item))
    add_number (b, "value", pm_progress_entry_get_value (item));
  if (pm_progress_entry_has_fraction (item))
    {
      add_number (b, "numerator", pm_progress_entry_get_numerator (item));
      add_number (b, "denominator", pm_progress_entry_get_denominator (item));
    }
  add_string (b, "note", pm_progress_entry_get_note (item));
  add_list (b, "sites", pm_progress_entry_get_sites (item), FALSE, write_site);
}

static void
write_kpi (JsonBuilder *b,
           gpointer     item)
{
  PmKpi *kpi = item;

  add_required_string (b, "title", pm_kpi_get_title (kpi));
  add_enum (b, "unit", PM_TYPE_UNIT, pm_kpi_get_unit (kpi));
  add_enum (b, "direction", PM_TYPE_DIRECTION, pm_kpi_get_direction (kpi));
  add_enum (b, "measure", PM_TYPE_MEASURE, pm_kpi_get_measure (kpi));
  /* Absent means quarterly: files of quarterly KPIs read as before. */
  if (pm_kpi_get_frequency (kpi) != PM_FREQUENCY_QUARTERLY)
    add_enum (b, "frequency", PM_TYPE_FREQUENCY, pm_kpi_get_frequency (kpi));
  if (pm_kpi_get_tolerance (kpi) != PM_KPI_DEFAULT_TOLERANCE)
    add_number (b, "tolerance", pm_kpi_get_tolerance (kpi));
  add_string (b, "data_source", pm_kpi_get_data_source (kpi));
  add_string (b, "data_notes", pm_kpi_get_data_notes (kpi));
  add_string (b, "indicator", pm_kpi_get_indicator (kpi));

  json_builder_set_member_name (b, "baseline");
  json_builder_begin_object (b);
  write_baseline (b, pm_kpi_get_baseline (kpi));
  json_builder_end_object (b);

  add_list (b, "targets", pm_kpi_get_targets (kpi), FALSE, write_target);
  add_list (b, "progress", pm_kpi_get_entries (kpi), FALSE, write_progress);
}

static void
write_provider (JsonBuilder *b,
                gpointer     item)
{
  add_required_string (b, "name", pm_provider_get_name (item));
  add_string (b, "full_name", pm_provider_get_full_name (item));
  add_int (b, "reach_target", pm_provider_get_reach_target (item));
}

static void
write_reach (JsonBuilder *b,
             gpointer     item)
{
  add_period (b, "period", pm_reach_entry_get_period (item));
  add_string (b, "provider", pm_reach_entry_get_provider (item));
  add_int (b, "families", pm_reach_entry_get_families (item));
}

static void
write_spend (JsonBuilder *b,
             gpointer     item)
{
  add_required_string (b, "description", pm_spend_item_get_description (item));
  add_int (b, "amount_pence", pm_spend_item_get_amount_pence (item));
  add_period (b, "period", pm_spend_item_get_period (item));
  add_enum (b, "status", PM_TYPE_SPEND_STATUS, pm_spend_item_get_status (item));
}

static void
write_narrative (JsonBuilder *b,
                 gpointer     item)
{
  add_period (b, "period", pm_narrative_get_period (item));
  add_string (b, "progress", pm_narrative_get_progress (item));
  add_string (b, "learning", pm_narrative_get_learning (item));
  add_string (b, "case_study", pm_narrative_get_case_study (item));
  add_string (b, "risks", pm_narrative_get_risks (item));
  add_string (b, "milestones", pm_narrative_get_milestones (item));
}

static void
write_pilot (JsonBuilder *b,
             gpointer     item)
{
  PmPilot *pilot = item;

  add_required_string (b, "title", pm_pilot_get_title (pilot));
  add_string (b, "summary", pm_pilot_get_summary (pilot));
  add_string (b, "focus_area", pm_pilot_get_focus_area (pilot));
  add_string (b, "start_date", pm_pilot_get_start_date (pilot));
  add_string (b, "lead", pm_pilot_get_lead (pilot));
  /* Left out when nobody stated it, as it was entered. */
  if (pm_pilot_get_delivery_status (pilot) != PM_DELIVERY_NOT_STATED)
    add_enum (b, "delivery_status", PM_TYPE_DELIVERY_STATUS, pm_pilot_get_delivery_status (pilot));
  add_string (b, "status_note", pm_pilot_get_status_note (pilot));
  if (pm_pilot_get_budget_pence (pilot) >= 0)
    add_int (b, "budget_pence", pm_pilot_get_budget_pence (pilot));
  add_string (b, "funding", pm_pilot_get_funding (pilot));
  add_strv (b, "key_outcomes", pm_pilot_get_key_outcomes (pilot));
  add_string (b, "data_notes", pm_pilot_get_data_notes (pilot));
  /* Left out for the default, families. */
  add_string (b, "reach_unit", pm_pilot_get_reach_unit (pilot));
  add_list (b, "providers", pm_pilot_get_providers (pilot), FALSE, write_provider);
  add_list (b, "reach", pm_pilot_get_reach (pilot), FALSE, write_reach);
  add_list (b, "spend", pm_pilot_get_spend (pilot), FALSE, write_spend);
  add_list (b, "narratives", pm_pilot_get_narratives (pilot), FALSE, write_narrative);
  add_list (b, "kpis", pm_pilot_get_kpis (pilot), FALSE, write_kpi);
}

static void
write_district (JsonBuilder *b,
                gpointer     item)
{
  add_required_string (b, "name", pm_district_get_name (item));
  add_list (b, "pilots", pm_district_get_pilots (item), TRUE, write_pilot);
}

/* The shortest form that reads back as the same double: json-glib would
 * print 44.8 as 44.799999999999997. */
static void
print_double (GString *out,
              double   value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      /* Never produced by the model's rules; null is refused on reading
       * rather than read back as a wrong number. */
      g_string_append (out, "null");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (text, sizeof text, formats[i], value);
      if (g_ascii_strtod (text, NULL) == value)
        break;
    }
  g_string_append (out, text);
}

/* RFC 8259 escaping; other UTF-8 is kept as it is. */
static void
print_string (GString    *out,
              const char *text)
{
  g_autofree char *valid = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar ch = *p;

      switch (ch)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (ch < 0x20)
            g_string_append_printf (out, "\\u%04x", ch);
          else
            g_string_append_c (out, ch);
        }
    }
  g_string_append_c (out, '"');
}

void
_pm_file_print_node (GString  *out,
                     JsonNode *node,
                     guint     indent)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;
      gboolean first = TRUE;

      if (json_object_get_size (object) == 0)
        {
          g_string_append (out, "{}");
          return;
        }
      g_string_append_c (out, '{');
      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          g_string_append (out, first ? "\n" : ",\n");
          g_string_append_printf (out, "%*s", indent + 2, "");
          print_string (out, name);
          g_string_append (out, ": ");
          _pm_file_print_node (out, member, indent + 2);
          first = FALSE;
        }
      g_string_append_printf (out, "\n%*s}", indent, "");
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);

      if (n == 0)
        {
          g_string_append (out, "[]");
          return;
        }
      g_string_append_c (out, '[');
      for (guint i = 0; i < n; i++)
        {
          g_string_append (out, i == 0 ? "\n" : ",\n");
          g_string_append_printf (out, "%*s", indent + 2, "");
          _pm_file_print_node (out, json_array_get_element (array, i), indent + 2);
        }
      g_string_append_printf (out, "\n%*s]", indent, "");
    }
  else if (JSON_NODE_HOLDS_NULL (node))
    g_string_append (out, "null");
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    print_string (out, json_node_get_string (node));
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
  else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
  else
    print_double (out, json_node_get_double (node));
}

char *
pm_programme_file_to_data (PmProgramme *programme,
                           gsize       *length)
{
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(JsonNode) root = NULL;
  GString *out;

  g_return_val_if_fail (PM_IS_PROGRAMME (programme), NULL);

  b = json_builder_new ();
  json_builder_begin_object (b);
  add_string (b, "format", PM_PROGRAMME_FILE_FORMAT);
  add_int (b, "version", PM_PROGRAMME_FILE_VERSION);
  json_builder_set_member_name (b, "programme");
  json_builder_begin_object (b);
  add_required_string (b, "name", pm_programme_get_name (programme));
  add_string (b, "description", pm_programme_get_description (programme));
  add_strv (b, "design_criteria", pm_programme_get_design_criteria (programme));
  add_string (b, "committee", pm_programme_get_committee (programme));
  add_string (b, "meeting_date", pm_programme_get_meeting_date (programme));
  add_string (b, "report_title", pm_programme_get_report_title (programme));
  add_string (b, "contact_officer", pm_programme_get_contact_officer (programme));
  _pm_file_write_indicators (b, programme);
  add_list (b, "districts", pm_programme_get_districts (programme), TRUE, write_district);
  json_builder_end_object (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);

  out = g_string_new (NULL);
  _pm_file_print_node (out, root, 0);
  g_string_append_c (out, '\n');

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/* Kept for pm-return.c: one line over the one safe-file writer. */
gboolean
_pm_file_save_data (const char  *data,
                    gsize        length,
                    const char  *path,
                    GError     **error)
{
  return pm_safe_file_replace_contents (path, data, length, error);
}

gboolean
pm_programme_file_save (PmProgramme *programme,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (PM_IS_PROGRAMME (programme), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Nothing the reader would refuse: a text stored before the limits, a
   * programme too large for one file. */
  if (!pm_limits_check_programme (programme, TRUE, error))
    return FALSE;

  data = pm_programme_file_to_data (programme, &length);
  if (!pm_limits_check_file_size (length, error))
    return FALSE;
  return pm_safe_file_replace_contents (path, data, length, error);
}
