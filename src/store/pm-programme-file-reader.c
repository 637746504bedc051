/* pm-programme-file-reader.c: typed fields of a programme file, with paths
 *
 * Every message names where the problem is, as a path from the top of the
 * file ("programme.districts[2].pilots[0].kpis[3].unit"), then says what
 * is wrong in words for a commissioning lead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include <glib/gi18n.h>

#include "model/pm-date.h"
#include "pm-programme-file-private.h"

const char *
_pm_file_location (GString *path)
{
  return path->len > 0 ? path->str : _("top level");
}

static void
object_member_cb (JsonParser *parser,
                  JsonObject *object,
                  const char *name,
                  gpointer    user_data)
{
  PmFileReader *r = user_data;
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (r->member_counts, object)) + 1;

  /* json-glib keeps the last of duplicated members: remember the loss. */
  g_hash_table_insert (r->member_counts, object, GUINT_TO_POINTER (count));
  if (count > json_object_get_size (object) && !g_hash_table_contains (r->duplicates, object))
    g_hash_table_insert (r->duplicates, object, g_strdup (name));
}

void
_pm_file_reader_init (PmFileReader *r,
                      JsonParser   *parser)
{
  r->path = g_string_new (NULL);
  r->member_counts = g_hash_table_new (NULL, NULL);
  r->duplicates = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  r->programme = NULL;
  r->calendar_years = FALSE;
  g_signal_connect (parser, "object-member", G_CALLBACK (object_member_cb), r);
}

void
_pm_file_reader_clear (PmFileReader *r)
{
  g_string_free (r->path, TRUE);
  g_clear_pointer (&r->member_counts, g_hash_table_unref);
  g_clear_pointer (&r->duplicates, g_hash_table_unref);
}

gsize
_pm_file_path_push_member (PmFileReader *r,
                           const char   *name)
{
  gsize mark = r->path->len;

  if (mark > 0)
    g_string_append_c (r->path, '.');
  g_string_append (r->path, name);
  return mark;
}

gsize
_pm_file_path_push_index (PmFileReader *r,
                          guint         i)
{
  gsize mark = r->path->len;

  g_string_append_printf (r->path, "[%u]", i);
  return mark;
}

void
_pm_file_path_pop (PmFileReader *r,
                   gsize         mark)
{
  g_string_truncate (r->path, mark);
}

gboolean
_pm_file_error (PmFileReader *r,
                GError      **error,
                PmFileError   code,
                const char   *member,
                const char   *format,
                ...)
{
  g_autofree char *problem = NULL;
  gsize mark = r->path->len;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  if (member != NULL)
    _pm_file_path_push_member (r, member);
  g_set_error (error, PM_FILE_ERROR, code, "%s: %s", _pm_file_location (r->path), problem);
  _pm_file_path_pop (r, mark);
  return FALSE;
}

gboolean
_pm_file_model_error (PmFileReader *r,
                      GError      **error,
                      const char   *member,
                      GError       *model_error)
{
  _pm_file_error (r, error, PM_FILE_ERROR_INVALID, member, "%s", model_error->message);
  g_error_free (model_error);
  return FALSE;
}

static const char *
describe_node (JsonNode *node)
{
  GType type;

  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("a list");
  if (JSON_NODE_HOLDS_NULL (node))
    return _("null");

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return _("a string");
  if (type == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node) ? _("true") : _("false");
  return _("a number");
}

static gboolean
wrong_type (PmFileReader *r,
            const char   *member,
            const char   *expected,
            JsonNode     *node,
            GError      **error)
{
  return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, member,
                         _("expected %s, found %s"), expected, describe_node (node));
}

gboolean
_pm_file_check_members (PmFileReader       *r,
                        JsonObject         *object,
                        const char * const *known,
                        GError            **error)
{
  const char *duplicate = g_hash_table_lookup (r->duplicates, object);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (duplicate != NULL)
    return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, NULL,
                           _("field “%s” is given twice"), duplicate);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    if (!g_strv_contains (known, name))
      return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, NULL,
                             _("unknown field “%s”"), name);
  return TRUE;
}

/* Gives the member's node, or NULL when absent (an error if @required). */
static gboolean
lookup (PmFileReader *r,
        JsonObject   *object,
        const char   *name,
        gboolean      required,
        JsonNode    **node,
        GError      **error)
{
  *node = json_object_get_member (object, name);
  if (*node == NULL && required)
    return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, NULL,
                           _("missing field “%s”"), name);
  return TRUE;
}

/* Required text must not be empty. */
gboolean
_pm_file_get_string (PmFileReader *r,
                     JsonObject   *object,
                     const char   *name,
                     gboolean      required,
                     const char  **value,
                     GError      **error)
{
  JsonNode *node;

  *value = NULL;
  if (!lookup (r, object, name, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return wrong_type (r, name, _("a string"), node, error);

  *value = json_node_get_string (node);
  if (required && **value == '\0')
    return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, name, _("must not be empty"));
  return TRUE;
}

gboolean
_pm_file_get_text (PmFileReader *r,
                   JsonObject   *object,
                   const char   *name,
                   gboolean      required,
                   PmField       field,
                   const char  **value,
                   GError      **error)
{
  GError *local_error = NULL;

  if (!_pm_file_get_string (r, object, name, required, value, error))
    return FALSE;
  if (!pm_limits_check_text (field, *value, &local_error))
    return _pm_file_model_error (r, error, name, local_error);
  return TRUE;
}

gboolean
_pm_file_get_number (PmFileReader *r,
                     JsonObject   *object,
                     const char   *name,
                     gboolean      required,
                     gboolean     *present,
                     double       *value,
                     GError      **error)
{
  JsonNode *node;
  GType type;

  *present = FALSE;
  if (!lookup (r, object, name, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return wrong_type (r, name, _("a number"), node, error);

  *value = json_node_get_double (node);
  if (!isfinite (*value))
    return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, name, _("the number is too large"));
  *present = TRUE;
  return TRUE;
}

gboolean
_pm_file_get_integer (PmFileReader *r,
                      JsonObject   *object,
                      const char   *name,
                      gboolean      required,
                      double        max,
                      gboolean     *present,
                      gint64       *value,
                      GError      **error)
{
  double number;
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (!_pm_file_get_number (r, object, name, required, present, &number, error))
    return FALSE;
  if (!*present)
    return TRUE;

  g_ascii_formatd (text, sizeof text, "%.15g", number);
  if (number != floor (number))
    return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, name,
                           _("%s is not a whole number"), text);
  if (number < 0)
    return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, name,
                           _("%s is negative: it must be 0 or more"), text);
  if (number > max)
    return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, name,
                           _("%s is too large"), text);
  *value = (gint64) number;
  return TRUE;
}

gboolean
_pm_file_get_enum (PmFileReader *r,
                   JsonObject   *object,
                   const char   *name,
                   gboolean      required,
                   GType         type,
                   const char   *what,
                   int          *value,
                   GError      **error)
{
  const char *text;
  GEnumClass *klass;
  g_autoptr(GString) expected = NULL;

  if (!_pm_file_get_string (r, object, name, required, &text, error))
    return FALSE;
  if (text == NULL || pm_enum_from_name (type, text, value))
    return TRUE;

  klass = g_type_class_ref (type);
  expected = g_string_new (NULL);
  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (expected, i + 1 == klass->n_values ? _(" or ") : ", ");
      g_string_append (expected, klass->values[i].value_nick);
    }
  g_type_class_unref (klass);

  /* TRANSLATORS: "unknown unit “percent” (expected count, percentage, …)" */
  return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, name,
                         _("unknown %s “%s” (expected %s)"), what, text, expected->str);
}

gboolean
_pm_file_get_array (PmFileReader *r,
                    JsonObject   *object,
                    const char   *name,
                    gboolean      required,
                    JsonArray   **array,
                    GError      **error)
{
  JsonNode *node;

  *array = NULL;
  if (!lookup (r, object, name, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (r, name, _("a list"), node, error);
  *array = json_node_get_array (node);
  return TRUE;
}

gboolean
_pm_file_get_object (PmFileReader *r,
                     JsonObject   *object,
                     const char   *name,
                     JsonObject  **member,
                     GError      **error)
{
  JsonNode *node;

  if (!lookup (r, object, name, TRUE, &node, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type (r, name, _("an object"), node, error);
  *member = json_node_get_object (node);
  return TRUE;
}

gboolean
_pm_file_get_date (PmFileReader *r,
                   JsonObject   *object,
                   const char   *name,
                   const char  **date,
                   GError      **error)
{
  GError *local_error = NULL;

  if (!_pm_file_get_string (r, object, name, FALSE, date, error))
    return FALSE;
  if (*date != NULL && !pm_date_validate (*date, &local_error))
    return _pm_file_model_error (r, error, name, local_error);
  return TRUE;
}

gboolean
_pm_file_get_period (PmFileReader *r,
                     JsonObject   *object,
                     const char   *name,
                     gboolean      required,
                     PmPeriod    **period,
                     GError      **error)
{
  *period = NULL;
  if (!_pm_file_get_any_period (r, object, name, required, period, error))
    return FALSE;
  if (*period != NULL && pm_period_get_frequency (*period) != PM_FREQUENCY_QUARTERLY)
    {
      g_autofree char *shown = pm_period_to_code (*period);

      g_clear_object (period);
      return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, name,
                             _("“%s” is not a quarter: write it as FY2016-Q3"), shown);
    }
  return TRUE;
}

gboolean
_pm_file_get_any_period (PmFileReader *r,
                         JsonObject   *object,
                         const char   *name,
                         gboolean      required,
                         PmPeriod    **period,
                         GError      **error)
{
  GError *local_error = NULL;
  const char *code;

  *period = NULL;
  if (!_pm_file_get_string (r, object, name, required, &code, error))
    return FALSE;
  if (code != NULL && (*period = pm_period_parse (code, &local_error)) == NULL)
    return _pm_file_model_error (r, error, name, local_error);
  return TRUE;
}

/* Refuses a list longer than @list's limit, saying so at @name. */
static gboolean
check_length (PmFileReader *r,
              const char   *name,
              JsonArray    *array,
              PmList        list,
              GError      **error)
{
  GError *local_error = NULL;

  if (pm_limits_check_count (list, json_array_get_length (array), &local_error))
    return TRUE;
  return _pm_file_model_error (r, error, name, local_error);
}

gboolean
_pm_file_get_strv (PmFileReader *r,
                   JsonObject   *object,
                   const char   *name,
                   PmList        list,
                   PmField       field,
                   GStrv        *strv,
                   GError      **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;
  gsize mark;

  *strv = NULL;
  if (!_pm_file_get_array (r, object, name, FALSE, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;
  if (!check_length (r, name, array, list, error))
    return FALSE;

  mark = _pm_file_path_push_member (r, name);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize item_mark = _pm_file_path_push_index (r, i);
      GError *local_error = NULL;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return wrong_type (r, NULL, _("a string"), node, error);
      if (!pm_limits_check_text (field, json_node_get_string (node), &local_error))
        return _pm_file_model_error (r, error, NULL, local_error);
      g_strv_builder_add (builder, json_node_get_string (node));
      _pm_file_path_pop (r, item_mark);
    }
  _pm_file_path_pop (r, mark);

  *strv = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
_pm_file_read_each (PmFileReader  *r,
                    JsonObject    *object,
                    const char    *name,
                    gboolean       required,
                    PmList         list,
                    PmFileReadFunc func,
                    gpointer       owner,
                    GError       **error)
{
  JsonArray *array;
  gsize mark;

  if (!_pm_file_get_array (r, object, name, required, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;
  if (!check_length (r, name, array, list, error))
    return FALSE;

  mark = _pm_file_path_push_member (r, name);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize item_mark = _pm_file_path_push_index (r, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return wrong_type (r, NULL, _("an object"), node, error);
      if (!func (r, owner, json_node_get_object (node), error))
        return FALSE;
      _pm_file_path_pop (r, item_mark);
    }
  _pm_file_path_pop (r, mark);
  return TRUE;
}
