/* pm-return.c: a lead's quarterly return
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pm-programme-file-private.h"
#include "pm-return.h"

struct _PmReturn
{
  GObject      parent_instance;

  char        *programme_name;
  char        *district_name;
  char        *pilot_title;
  PmPeriod    *period;
  char        *author;
  char        *created;
  PmProgramme *content;
};

G_DEFINE_FINAL_TYPE (PmReturn, pm_return, G_TYPE_OBJECT)

static void
pm_return_finalize (GObject *object)
{
  PmReturn *self = PM_RETURN (object);

  g_clear_pointer (&self->programme_name, g_free);
  g_clear_pointer (&self->district_name, g_free);
  g_clear_pointer (&self->pilot_title, g_free);
  g_clear_object (&self->period);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_object (&self->content);

  G_OBJECT_CLASS (pm_return_parent_class)->finalize (object);
}

static void
pm_return_class_init (PmReturnClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_return_finalize;
}

static void
pm_return_init (PmReturn *self)
{
}

/* The pilot with its KPIs, each with only @period's entry, and only
 * @period's narrative: what the lead vouches for this quarter. */
static PmPilot *
copy_pilot (PmPilot  *pilot,
            PmPeriod *period)
{
  GListModel *kpis = pm_pilot_get_kpis (pilot);
  PmNarrative *narrative = pm_pilot_get_narrative (pilot, period);
  PmPilot *copy = pm_pilot_new (pm_pilot_get_title (pilot));

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);
      g_autoptr(PmKpi) kpi_copy = pm_kpi_new (pm_kpi_get_title (kpi), pm_kpi_get_unit (kpi),
                                              pm_kpi_get_direction (kpi));
      PmProgressEntry *entry = pm_kpi_get_entry (kpi, period);

      pm_kpi_set_measure (kpi_copy, pm_kpi_get_measure (kpi));
      if (entry != NULL)
        {
          g_autoptr(PmProgressEntry) entry_copy = pm_progress_entry_copy (entry);

          pm_kpi_set_entry (kpi_copy, entry_copy, NULL);
        }
      pm_pilot_add_kpi (copy, kpi_copy);
    }

  if (narrative != NULL)
    {
      g_autoptr(PmNarrative) narrative_copy = pm_narrative_new (period);

      pm_narrative_set_progress (narrative_copy, pm_narrative_get_progress (narrative));
      pm_narrative_set_learning (narrative_copy, pm_narrative_get_learning (narrative));
      pm_narrative_set_case_study (narrative_copy, pm_narrative_get_case_study (narrative));
      pm_pilot_set_narrative (copy, narrative_copy);
    }

  return copy;
}

PmReturn *
pm_return_new (PmProgramme *programme,
               PmDistrict  *district,
               PmPilot     *pilot,
               PmPeriod    *period,
               const char  *author,
               GDateTime   *created)
{
  g_autoptr(PmDistrict) district_copy = NULL;
  GListModel *pilots;
  PmReturn *self;

  g_return_val_if_fail (PM_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (PM_IS_DISTRICT (district), NULL);
  g_return_val_if_fail (pilot == NULL || PM_IS_PILOT (pilot), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);
  g_return_val_if_fail (created != NULL, NULL);

  self = g_object_new (PM_TYPE_RETURN, NULL);
  self->programme_name = g_strdup (pm_programme_get_name (programme));
  self->district_name = g_strdup (pm_district_get_name (district));
  self->pilot_title = pilot != NULL ? g_strdup (pm_pilot_get_title (pilot)) : NULL;
  self->period = g_object_ref (period);
  self->author = author != NULL && author[0] != '\0' ? g_strdup (author) : NULL;
  self->created = g_date_time_format_iso8601 (created);
  {
    /* Seconds and Z: the same text whatever the clock's precision. */
    g_autoptr(GDateTime) utc = g_date_time_to_utc (created);

    g_free (self->created);
    self->created = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  }

  self->content = pm_programme_new (pm_programme_get_name (programme));
  district_copy = pm_district_new (pm_district_get_name (district));
  pilots = pm_district_get_pilots (district);
  for (guint i = 0; i < g_list_model_get_n_items (pilots); i++)
    {
      g_autoptr(PmPilot) each = g_list_model_get_item (pilots, i);
      g_autoptr(PmPilot) copy = NULL;

      if (pilot != NULL && each != pilot)
        continue;
      copy = copy_pilot (each, period);
      pm_district_add_pilot (district_copy, copy);
    }
  pm_programme_add_district (self->content, district_copy, NULL);

  return self;
}

/* Everything the sender vouches for, in one text: the checksum is over
 * this, so a change to any header field or any value shows. */
static char *
checksum_of (PmReturn   *self,
             const char *content,
             gsize       content_length)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *period = pm_period_to_code (self->period);
  const char *fields[] = {
    PM_RETURN_FORMAT, self->programme_name, self->district_name,
    self->pilot_title != NULL ? self->pilot_title : "", period,
    self->author != NULL ? self->author : "", self->created,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      /* Each field ends in a NUL, so "ab"+"c" differs from "a"+"bc". */
      g_checksum_update (checksum, (const guchar *) fields[i], strlen (fields[i]) + 1);
    }
  g_checksum_update (checksum, (const guchar *) content, content_length);

  return g_strconcat ("sha256:", g_checksum_get_string (checksum), NULL);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

char *
pm_return_to_data (PmReturn *self,
                   gsize    *length)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  GString *out;
  g_autofree char *content = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *period = NULL;
  gsize content_length;
  g_return_val_if_fail (PM_IS_RETURN (self), NULL);

  content = pm_programme_file_to_data (self->content, &content_length);
  checksum = checksum_of (self, content, content_length);
  period = pm_period_to_code (self->period);
  /* Our own writer's output: it parses. */
  json_parser_load_from_data (parser, content, (gssize) content_length, NULL);

  json_builder_begin_object (b);
  add_string (b, "format", PM_RETURN_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, PM_RETURN_VERSION);
  add_string (b, "programme", self->programme_name);
  add_string (b, "district", self->district_name);
  add_string (b, "pilot", self->pilot_title);
  add_string (b, "period", period);
  add_string (b, "author", self->author);
  add_string (b, "created", self->created);
  add_string (b, "checksum", checksum);
  json_builder_set_member_name (b, "content");
  json_builder_add_value (b, json_node_copy (json_parser_get_root (parser)));
  json_builder_end_object (b);
  root = json_builder_get_root (b);

  out = g_string_new (NULL);
  _pm_file_print_node (out, root, 0);
  g_string_append_c (out, '\n');
  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

gboolean
pm_return_save (PmReturn    *self,
                const char  *path,
                GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (PM_IS_RETURN (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = pm_return_to_data (self, &length);
  return _pm_file_save_data (data, length, path, error);
}

static PmReturn *
read_return (PmFileReader  *r,
             JsonNode      *root,
             GError       **error)
{
  static const char * const fields[] = {
    "format", "version", "programme", "district", "pilot", "period", "author", "created",
    "checksum", "content", NULL
  };
  g_autoptr(PmReturn) self = g_object_new (PM_TYPE_RETURN, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *content = NULL;
  g_autofree char *expected = NULL;
  const char *format = NULL, *programme = NULL, *district = NULL, *pilot = NULL;
  const char *period = NULL, *author = NULL, *created = NULL, *checksum = NULL;
  JsonObject *object;
  JsonNode *content_node;
  GListModel *districts;
  g_autoptr(PmDistrict) only = NULL;
  gboolean present;
  gint64 version;
  gsize content_length;
  gsize mark;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      _pm_file_error (r, error, PM_FILE_ERROR_WRONG_FORMAT, NULL,
                      _("this is not a Pilot Monitor return (expected an object with “format”: “%s”)"),
                      PM_RETURN_FORMAT);
      return NULL;
    }
  object = json_node_get_object (root);

  if (!_pm_file_get_string (r, object, "format", FALSE, &format, error))
    return NULL;
  if (g_strcmp0 (format, PM_RETURN_FORMAT) != 0)
    {
      _pm_file_error (r, error, PM_FILE_ERROR_WRONG_FORMAT, "format",
                      _("this is not a Pilot Monitor return (expected “%s”)"), PM_RETURN_FORMAT);
      return NULL;
    }
  if (!_pm_file_get_integer (r, object, "version", TRUE, 1000, &present, &version, error))
    return NULL;
  if (version > PM_RETURN_VERSION)
    {
      _pm_file_error (r, error, PM_FILE_ERROR_TOO_NEW, "version",
                      _("this return was written by a newer Pilot Monitor (format version %d); "
                        "update Pilot Monitor to read it"), (int) version);
      return NULL;
    }
  if (!_pm_file_check_members (r, object, fields, error) ||
      !_pm_file_get_string (r, object, "programme", TRUE, &programme, error) ||
      !_pm_file_get_string (r, object, "district", TRUE, &district, error) ||
      !_pm_file_get_string (r, object, "pilot", FALSE, &pilot, error) ||
      !_pm_file_get_string (r, object, "period", TRUE, &period, error) ||
      !_pm_file_get_string (r, object, "author", FALSE, &author, error) ||
      !_pm_file_get_string (r, object, "created", TRUE, &created, error) ||
      !_pm_file_get_string (r, object, "checksum", TRUE, &checksum, error))
    return NULL;

  self->period = pm_period_parse (period, &local_error);
  if (self->period == NULL)
    {
      _pm_file_model_error (r, error, "period", g_steal_pointer (&local_error));
      return NULL;
    }

  self->programme_name = g_strdup (programme);
  self->district_name = g_strdup (district);
  self->pilot_title = g_strdup (pilot);
  self->author = g_strdup (author);
  self->created = g_strdup (created);

  content_node = json_object_get_member (object, "content");
  if (content_node == NULL)
    {
      _pm_file_error (r, error, PM_FILE_ERROR_INVALID, "content", _("missing"));
      return NULL;
    }
  mark = _pm_file_path_push_member (r, "content");
  self->content = _pm_programme_file_read_root (r, content_node, error);
  _pm_file_path_pop (r, mark);
  if (self->content == NULL)
    return NULL;

  /* The content must be what the header says it is. */
  districts = pm_programme_get_districts (self->content);
  only = g_list_model_get_n_items (districts) == 1 ? g_list_model_get_item (districts, 0) : NULL;
  if (only == NULL || g_strcmp0 (pm_district_get_name (only), district) != 0 ||
      g_strcmp0 (pm_programme_get_name (self->content), programme) != 0)
    {
      _pm_file_error (r, error, PM_FILE_ERROR_INVALID, "content",
                      _("a return holds exactly the programme and district it names (“%s”)"), district);
      return NULL;
    }

  /* Written again by our own writer, the content must give the same
   * checksum: a value edited on the way does not. */
  content = pm_programme_file_to_data (self->content, &content_length);
  expected = checksum_of (self, content, content_length);
  if (g_strcmp0 (expected, checksum) != 0)
    {
      _pm_file_error (r, error, PM_FILE_ERROR_INVALID, "checksum",
                      _("the return has been changed since it was written (its checksum does not "
                        "match); ask the sender for a new copy"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

PmReturn *
pm_return_parse (const char  *data,
                 gsize        length,
                 GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _pm_file_parse (data != NULL ? data : "", length, (PmFileReadRootFunc) read_return, error);
}

PmReturn *
pm_return_load (const char  *path,
                GError     **error)
{
  g_autofree char *data = NULL;
  GStatBuf st;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_stat (path, &st) == 0 && (!S_ISREG (st.st_mode) || st.st_size > PM_FILE_MAX_SIZE))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_WRONG_FORMAT,
                   _("“%s” is not a return: it is not a file of a return’s size"), name);
      return NULL;
    }

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  return pm_return_parse (data, length, error);
}

const char *
pm_return_get_programme_name (PmReturn *self)
{
  g_return_val_if_fail (PM_IS_RETURN (self), NULL);
  return self->programme_name;
}

const char *
pm_return_get_district_name (PmReturn *self)
{
  g_return_val_if_fail (PM_IS_RETURN (self), NULL);
  return self->district_name;
}

const char *
pm_return_get_pilot_title (PmReturn *self)
{
  g_return_val_if_fail (PM_IS_RETURN (self), NULL);
  return self->pilot_title;
}

PmPeriod *
pm_return_get_period (PmReturn *self)
{
  g_return_val_if_fail (PM_IS_RETURN (self), NULL);
  return self->period;
}

const char *
pm_return_get_author (PmReturn *self)
{
  g_return_val_if_fail (PM_IS_RETURN (self), NULL);
  return self->author;
}

const char *
pm_return_get_created (PmReturn *self)
{
  g_return_val_if_fail (PM_IS_RETURN (self), NULL);
  return self->created;
}

PmProgramme *
pm_return_get_content (PmReturn *self)
{
  g_return_val_if_fail (PM_IS_RETURN (self), NULL);
  return self->content;
}
