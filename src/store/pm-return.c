/* pm-return.c: a lead's quarterly return
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>

#include "pm-programme-file-private.h"
#include "pm-return.h"
#include "pm-return-private.h"

struct _PmReturn
{
  GObject      parent_instance;

  char        *programme_name;
  char        *district_name;
  char        *pilot_title;
  PmPeriod    *period;
  char        *author;
  char        *created;
  GDateTime   *created_time;
  PmProgramme *content;

  /* The key that signs it as it is written (a new return), or the
   * signature it came with (one read from a file). */
  PmSigningKey *key;
  guint8       public_key[PM_SIGNING_PUBLIC_KEY_BYTES];
  char        *public_key_text;
  char        *fingerprint;
  guint8       signature[PM_SIGNING_SIGNATURE_BYTES];
};

/* Every signed message begins with this, so that a signature made for
 * anything else (or for another version of the format) is no signature
 * of a return. */
#define SIGNATURE_CONTEXT "pilot-monitor-return-v2"
#define KEY_PREFIX        "ed25519:"

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
  g_clear_pointer (&self->created_time, g_date_time_unref);
  g_clear_object (&self->content);
  g_clear_object (&self->key);
  g_clear_pointer (&self->public_key_text, g_free);
  g_clear_pointer (&self->fingerprint, g_free);

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

gboolean
_pm_return_holds_period (PmPeriod *quarter,
                         PmPeriod *period)
{
  return pm_period_get_frequency (quarter) == PM_FREQUENCY_QUARTERLY &&
         pm_period_get_quarter_index (period) == pm_period_get_index (quarter);
}

/* The pilot with its KPIs, each with only the entries of its own
 * frequency that end in @period (a yearly KPI's year in the fourth
 * quarter, a monthly KPI's three months), and only @period's narrative:
 * what the lead vouches for this quarter. */
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
      GListModel *entries = pm_kpi_get_entries (kpi);

      pm_kpi_set_measure (kpi_copy, pm_kpi_get_measure (kpi));
      pm_kpi_set_frequency (kpi_copy, pm_kpi_get_frequency (kpi));
      for (guint e = 0; e < g_list_model_get_n_items (entries); e++)
        {
          g_autoptr(PmProgressEntry) entry = g_list_model_get_item (entries, e);
          g_autoptr(PmProgressEntry) entry_copy = NULL;

          if (!_pm_return_holds_period (period, pm_progress_entry_get_period (entry)))
            continue;
          entry_copy = pm_progress_entry_copy (entry);
          pm_kpi_set_entry (kpi_copy, entry_copy, NULL);
        }
      pm_pilot_add_kpi (copy, kpi_copy);
    }

  if (narrative != NULL)
    {
      g_autoptr(PmNarrative) narrative_copy = pm_narrative_copy (narrative);

      pm_pilot_set_narrative (copy, narrative_copy);
    }

  return copy;
}

static char *
encode_key (const char   *prefix,
            const guint8 *bytes,
            gsize         length)
{
  gsize size = sodium_base64_ENCODED_LEN (length, sodium_base64_VARIANT_ORIGINAL);
  g_autofree char *encoded = g_malloc (size);

  sodium_bin2base64 (encoded, size, bytes, length, sodium_base64_VARIANT_ORIGINAL);
  return g_strconcat (prefix, encoded, NULL);
}

static void
set_public_key (PmReturn     *self,
                const guint8 *public_key)
{
  memcpy (self->public_key, public_key, sizeof self->public_key);
  g_free (self->public_key_text);
  self->public_key_text = encode_key (KEY_PREFIX, public_key, sizeof self->public_key);
  g_free (self->fingerprint);
  self->fingerprint = pm_signing_fingerprint (public_key);
}

PmReturn *
pm_return_new (PmProgramme  *programme,
               PmDistrict   *district,
               PmPilot      *pilot,
               PmPeriod     *period,
               const char   *author,
               GDateTime    *created,
               PmSigningKey *key)
{
  g_autoptr(PmDistrict) district_copy = NULL;
  GListModel *pilots;
  PmReturn *self;

  g_return_val_if_fail (PM_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (PM_IS_DISTRICT (district), NULL);
  g_return_val_if_fail (pilot == NULL || PM_IS_PILOT (pilot), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);
  g_return_val_if_fail (created != NULL, NULL);
  g_return_val_if_fail (PM_IS_SIGNING_KEY (key), NULL);

  self = g_object_new (PM_TYPE_RETURN, NULL);
  self->key = g_object_ref (key);
  set_public_key (self, pm_signing_key_get_public_key (key));
  self->programme_name = g_strdup (pm_programme_get_name (programme));
  self->district_name = g_strdup (pm_district_get_name (district));
  self->pilot_title = pilot != NULL ? g_strdup (pm_pilot_get_title (pilot)) : NULL;
  self->period = g_object_ref (period);
  self->author = author != NULL && author[0] != '\0' ? g_strdup (author) : NULL;
  {
    /* Seconds and Z: the same text whatever the clock's precision. */
    g_autoptr(GDateTime) utc = g_date_time_to_utc (created);

    self->created = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
    self->created_time = g_date_time_new_from_iso8601 (self->created, NULL);
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

/* Appends @text as an 8-byte big-endian length and then its bytes, so
 * that no two lists of fields make the same message. */
static void
append_field (GByteArray *message,
              const char *text,
              gsize       length)
{
  guint64 be = GUINT64_TO_BE ((guint64) length);

  g_byte_array_append (message, (const guint8 *) &be, sizeof be);
  g_byte_array_append (message, (const guint8 *) text, length);
}

/* Everything the sender vouches for, in one message: the signature is of
 * this, so a change to any header field or any value shows. The content
 * is as Pilot Monitor writes a programme file (docs/return-format.md). */
static GByteArray *
signed_message (PmReturn   *self,
                const char *content,
                gsize       content_length)
{
  g_autofree char *period = pm_period_to_code (self->period);
  const char *fields[] = {
    SIGNATURE_CONTEXT, self->programme_name, self->district_name,
    self->pilot_title != NULL ? self->pilot_title : "", period,
    self->author != NULL ? self->author : "", self->created, self->public_key_text,
  };
  GByteArray *message = g_byte_array_sized_new (content_length + 512);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    append_field (message, fields[i], strlen (fields[i]));
  append_field (message, content, content_length);

  return message;
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
  g_autofree char *signature = NULL;
  g_autofree char *period = NULL;
  gsize content_length;

  g_return_val_if_fail (PM_IS_RETURN (self), NULL);

  content = pm_programme_file_to_data (self->content, &content_length);
  if (self->key != NULL)
    {
      g_autoptr(GByteArray) message = signed_message (self, content, content_length);

      pm_signing_key_sign (self->key, message->data, message->len, self->signature);
    }
  signature = encode_key (KEY_PREFIX, self->signature, sizeof self->signature);
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
  add_string (b, "public_key", self->public_key_text);
  add_string (b, "signature", signature);
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

  /* Nothing the reader would refuse. */
  if (!pm_limits_check_text (PM_FIELD_AUTHOR, self->author, error) ||
      !pm_limits_check_programme (self->content, TRUE, error))
    return FALSE;

  data = pm_return_to_data (self, &length);
  if (!pm_limits_check_file_size (length, error))
    return FALSE;
  return _pm_file_save_data (data, length, path, error);
}

/* Decodes "ed25519:" and base64 of exactly @length bytes, written as we
 * write it (one text per key, so that the text signed is the key). */
static gboolean
decode_key (const char *text,
            guint8     *bytes,
            gsize       length)
{
  g_autofree char *again = NULL;
  gsize decoded = 0;

  if (!g_str_has_prefix (text, KEY_PREFIX))
    return FALSE;
  text += strlen (KEY_PREFIX);
  if (sodium_base642bin (bytes, length, text, strlen (text), NULL, &decoded, NULL,
                         sodium_base64_VARIANT_ORIGINAL) != 0 || decoded != length)
    return FALSE;

  again = encode_key ("", bytes, length);
  return g_str_equal (again, text);
}

/* A return holds its own quarter only (with the months and the year
 * that end in it): a value or a narrative for another would otherwise
 * be dropped without a word. */
static gboolean
check_one_period (PmFileReader  *r,
                  PmReturn      *self,
                  GError       **error)
{
  g_autoptr(PmDistrict) district = g_list_model_get_item (pm_programme_get_districts (self->content), 0);
  GListModel *pilots = pm_district_get_pilots (district);
  g_autofree char *label = pm_period_get_label (self->period);

  for (guint p = 0; p < g_list_model_get_n_items (pilots); p++)
    {
      g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, p);
      GListModel *kpis = pm_pilot_get_kpis (pilot);
      GListModel *narratives = pm_pilot_get_narratives (pilot);

      for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
        {
          g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, k);
          GListModel *entries = pm_kpi_get_entries (kpi);

          for (guint e = 0; e < g_list_model_get_n_items (entries); e++)
            {
              g_autoptr(PmProgressEntry) entry = g_list_model_get_item (entries, e);
              PmPeriod *period = pm_progress_entry_get_period (entry);
              g_autofree char *other = NULL;

              if (_pm_return_holds_period (self->period, period))
                continue;
              other = pm_period_get_label (period);
              return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, "content",
                                     _("this return is for %s, but it gives a value for “%s” "
                                       "(pilot “%s”) in %s; a return holds only its own "
                                       "quarter. Nothing was merged: ask the sender for a new "
                                       "return for each quarter."),
                                     label, pm_kpi_get_title (kpi), pm_pilot_get_title (pilot), other);
            }
        }

      for (guint n = 0; n < g_list_model_get_n_items (narratives); n++)
        {
          g_autoptr(PmNarrative) narrative = g_list_model_get_item (narratives, n);
          PmPeriod *period = pm_narrative_get_period (narrative);
          g_autofree char *other = NULL;

          if (pm_period_equal (period, self->period))
            continue;
          other = pm_period_get_label (period);
          return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, "content",
                                 _("this return is for %s, but it gives a narrative of the pilot "
                                   "“%s” for %s; a return holds only its own quarter. Nothing was "
                                   "merged: ask the sender for a new return for each quarter."),
                                 label, pm_pilot_get_title (pilot), other);
        }
    }

  return TRUE;
}

/* The format and its version: another file, a newer return, or an older
 * one, whose checksum proved nothing (anyone who edited the file could
 * write a new one), are each refused. */
static gboolean
read_format (PmFileReader  *r,
             JsonObject    *object,
             GError       **error)
{
  const char *format = NULL;
  gboolean present;
  gint64 version;

  if (!_pm_file_get_string (r, object, "format", FALSE, &format, error))
    return FALSE;
  if (g_strcmp0 (format, PM_RETURN_FORMAT) != 0)
    {
      _pm_file_error (r, error, PM_FILE_ERROR_WRONG_FORMAT, "format",
                      _("this is not a Pilot Monitor return (expected “%s”)"), PM_RETURN_FORMAT);
      return FALSE;
    }
  if (!_pm_file_get_integer (r, object, "version", TRUE, 1000, &present, &version, error))
    return FALSE;
  if (version > PM_RETURN_VERSION)
    {
      _pm_file_error (r, error, PM_FILE_ERROR_TOO_NEW, "version",
                      _("this return was written by a newer Pilot Monitor (format version %d); "
                        "update Pilot Monitor to read it"), (int) version);
      return FALSE;
    }
  if (version < PM_RETURN_VERSION)
    {
      _pm_file_error (r, error, PM_FILE_ERROR_UNSIGNED, "version",
                      _("this return was written by an older Pilot Monitor (format version %d), "
                        "which did not sign returns, so nothing shows who wrote it or that it "
                        "was not changed on the way. Ask the sender to update Pilot Monitor and "
                        "send the return again"), (int) version);
      return FALSE;
    }

  return TRUE;
}

/* The header: names, period, when it was written, key and signature. */
static gboolean
read_header (PmFileReader  *r,
             JsonObject    *object,
             PmReturn      *self,
             GError       **error)
{
  static const char * const fields[] = {
    "format", "version", "programme", "district", "pilot", "period", "author", "created",
    "public_key", "signature", "content", NULL
  };
  g_autoptr(GError) local_error = NULL;
  const char *programme = NULL, *district = NULL, *pilot = NULL;
  const char *period = NULL, *author = NULL, *created = NULL;
  const char *public_key = NULL, *signature = NULL;
  guint8 key_bytes[PM_SIGNING_PUBLIC_KEY_BYTES];

  if (!_pm_file_check_members (r, object, fields, error) ||
      !_pm_file_get_text (r, object, "programme", TRUE, PM_FIELD_PROGRAMME_NAME, &programme, error) ||
      !_pm_file_get_text (r, object, "district", TRUE, PM_FIELD_DISTRICT_NAME, &district, error) ||
      !_pm_file_get_text (r, object, "pilot", FALSE, PM_FIELD_PILOT_TITLE, &pilot, error) ||
      !_pm_file_get_string (r, object, "period", TRUE, &period, error) ||
      !_pm_file_get_text (r, object, "author", FALSE, PM_FIELD_AUTHOR, &author, error) ||
      !_pm_file_get_string (r, object, "created", TRUE, &created, error) ||
      !_pm_file_get_string (r, object, "public_key", TRUE, &public_key, error) ||
      !_pm_file_get_string (r, object, "signature", TRUE, &signature, error))
    return FALSE;

  self->period = pm_period_parse (period, &local_error);
  if (self->period == NULL)
    {
      _pm_file_model_error (r, error, "period", g_steal_pointer (&local_error));
      return FALSE;
    }

  /* A time, with its zone: the office orders a district's returns by it. */
  self->created_time = g_date_time_new_from_iso8601 (created, NULL);
  if (self->created_time == NULL)
    {
      _pm_file_error (r, error, PM_FILE_ERROR_INVALID, "created",
                      _("“%s” is not a time with its zone, like “2026-11-30T09:15:00Z”"), created);
      return FALSE;
    }

  if (!decode_key (public_key, key_bytes, sizeof key_bytes))
    {
      _pm_file_error (r, error, PM_FILE_ERROR_INVALID, "public_key",
                      _("not an Ed25519 public key (“ed25519:” and 32 bytes in base64)"));
      return FALSE;
    }
  if (!decode_key (signature, self->signature, sizeof self->signature))
    {
      _pm_file_error (r, error, PM_FILE_ERROR_INVALID, "signature",
                      _("not an Ed25519 signature (“ed25519:” and 64 bytes in base64)"));
      return FALSE;
    }
  set_public_key (self, key_bytes);

  /* An optional field given empty is as good as absent, and signed so. */
  self->programme_name = g_strdup (programme);
  self->district_name = g_strdup (district);
  self->pilot_title = pilot != NULL && pilot[0] != '\0' ? g_strdup (pilot) : NULL;
  self->author = author != NULL && author[0] != '\0' ? g_strdup (author) : NULL;
  self->created = g_strdup (created);

  return TRUE;
}

/* The content: the one district the header names, and, written again by
 * our own writer, with the header exactly what the key signed, so that a
 * value edited on the way is refused. */
static gboolean
read_content (PmFileReader  *r,
              JsonObject    *object,
              PmReturn      *self,
              GError       **error)
{
  g_autoptr(GByteArray) message = NULL;
  g_autoptr(PmDistrict) only = NULL;
  g_autofree char *content = NULL;
  JsonNode *content_node;
  GListModel *districts;
  gsize content_length;
  gsize mark;

  content_node = json_object_get_member (object, "content");
  if (content_node == NULL)
    {
      _pm_file_error (r, error, PM_FILE_ERROR_INVALID, "content", _("missing"));
      return FALSE;
    }
  mark = _pm_file_path_push_member (r, "content");
  self->content = _pm_programme_file_read_root (r, content_node, error);
  _pm_file_path_pop (r, mark);
  if (self->content == NULL)
    return FALSE;

  districts = pm_programme_get_districts (self->content);
  only = g_list_model_get_n_items (districts) == 1 ? g_list_model_get_item (districts, 0) : NULL;
  if (only == NULL || g_strcmp0 (pm_district_get_name (only), self->district_name) != 0 ||
      g_strcmp0 (pm_programme_get_name (self->content), self->programme_name) != 0)
    {
      _pm_file_error (r, error, PM_FILE_ERROR_INVALID, "content",
                      _("a return holds exactly the programme and district it names (“%s”)"),
                      self->district_name);
      return FALSE;
    }

  content = pm_programme_file_to_data (self->content, &content_length);
  message = signed_message (self, content, content_length);
  if (!pm_signing_verify (self->public_key, message->data, message->len, self->signature))
    {
      _pm_file_error (r, error, PM_FILE_ERROR_INVALID, "signature",
                      _("the return has been changed since it was signed (its signature does "
                        "not match); ask the sender for a new copy"));
      return FALSE;
    }

  return TRUE;
}

static PmReturn *
read_return (PmFileReader  *r,
             JsonNode      *root,
             GError       **error)
{
  g_autoptr(PmReturn) self = g_object_new (PM_TYPE_RETURN, NULL);
  JsonObject *object;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      _pm_file_error (r, error, PM_FILE_ERROR_WRONG_FORMAT, NULL,
                      _("this is not a Pilot Monitor return (expected an object with “format”: “%s”)"),
                      PM_RETURN_FORMAT);
      return NULL;
    }
  object = json_node_get_object (root);

  if (!read_format (r, object, error) ||
      !read_header (r, object, self, error) ||
      !read_content (r, object, self, error) ||
      !check_one_period (r, self, error))
    return NULL;

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

GDateTime *
pm_return_get_created_time (PmReturn *self)
{
  g_return_val_if_fail (PM_IS_RETURN (self), NULL);
  return self->created_time;
}

const guint8 *
pm_return_get_public_key (PmReturn *self)
{
  g_return_val_if_fail (PM_IS_RETURN (self), NULL);
  return self->public_key;
}

const char *
pm_return_get_public_key_text (PmReturn *self)
{
  g_return_val_if_fail (PM_IS_RETURN (self), NULL);
  return self->public_key_text;
}

const char *
pm_return_get_fingerprint (PmReturn *self)
{
  g_return_val_if_fail (PM_IS_RETURN (self), NULL);
  return self->fingerprint;
}

PmProgramme *
pm_return_get_content (PmReturn *self)
{
  g_return_val_if_fail (PM_IS_RETURN (self), NULL);
  return self->content;
}
