/* pm-programme-file-private.h: the parts of the programme file code
 *
 * pm-json-check.c checks the text is strict JSON within sane limits,
 * pm-programme-file-reader.c reads typed fields with a path for every
 * message, pm-programme-file.c reads the programme's objects with them and
 * pm-programme-file-writer.c writes them back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "model/pm-limits.h"
#include "pm-programme-file.h"

G_BEGIN_DECLS

/* The limits every way in shares (model/pm-limits.h): each text is then
 * held to its own field's limit as it is read. */
#define PM_FILE_MAX_SIZE       PM_LIMIT_FILE_SIZE
#define PM_FILE_MAX_STRING     PM_LIMIT_JSON_TEXT_BYTES
/* The format needs ten levels; anything much deeper is junk. */
#define PM_FILE_MAX_DEPTH      64
/* Longer integer literals cannot be held exactly as doubles (and json-glib
 * 1.6 wraps 64-bit overflow round silently). */
#define PM_FILE_MAX_INT_DIGITS 15
#define PM_FILE_MAX_PENCE      999999999999999.0

/* RFC 8259 JSON, nested at most PM_FILE_MAX_DEPTH deep, no text over
 * PM_FILE_MAX_STRING, no \u0000 and no integer over
 * PM_FILE_MAX_INT_DIGITS digits. Syntax errors are MALFORMED with a line
 * and column, limits INVALID with a path. */
gboolean _pm_json_check (const char  *data,
                         gsize        length,
                         GError     **error);

/* "top level" when @path is empty. */
const char *_pm_file_location (GString *path);

typedef struct
{
  GString    *path;
  GHashTable *member_counts;  /* JsonObject → members parsed */
  GHashTable *duplicates;     /* JsonObject → first name given twice */
  PmProgramme *programme;     /* borrowed: the one being read, for its indicators */
  gboolean    calendar_years; /* "years": "calendar": "yearly" means calendar-yearly */
} PmFileReader;

typedef gboolean (*PmFileReadFunc) (PmFileReader  *r,
                                    gpointer       owner,
                                    JsonObject    *object,
                                    GError       **error);

void     _pm_file_reader_init        (PmFileReader        *r,
                                      JsonParser          *parser);
void     _pm_file_reader_clear       (PmFileReader        *r);

gsize    _pm_file_path_push_member   (PmFileReader        *r,
                                      const char          *name);
gsize    _pm_file_path_push_index    (PmFileReader        *r,
                                      guint                i);
void     _pm_file_path_pop           (PmFileReader        *r,
                                      gsize                mark);

/* Sets "path[.member]: problem"; always FALSE, for returning. */
gboolean _pm_file_error              (PmFileReader        *r,
                                      GError             **error,
                                      PmFileError          code,
                                      const char          *member,
                                      const char          *format,
                                      ...) G_GNUC_PRINTF (5, 6);
/* Places a model error (already for people) at the path; takes it. */
gboolean _pm_file_model_error        (PmFileReader        *r,
                                      GError             **error,
                                      const char          *member,
                                      GError              *model_error);

/* Prints @node as the programme file is printed (two spaces a level,
 * numbers as the shortest text that reads back the same). */
void     _pm_file_print_node (GString   *out,
                              JsonNode  *node,
                              guint      indent);

/* pm_safe_file_replace_contents(): @data as the whole of @path, mode 0600,
 * with its refusals (G_IO_ERROR). */
gboolean _pm_file_save_data (const char  *data,
                             gsize        length,
                             const char  *path,
                             GError     **error);

/* Reads a file's root object into what it describes, or NULL with @error. */
typedef gpointer (*PmFileReadRootFunc) (PmFileReader  *r,
                                        JsonNode      *root,
                                        GError       **error);

/* The strict reading every JSON file shares: a size limit, an optional
 * byte order mark, _pm_json_check(), then @read_root with a reader whose
 * messages name the path of each problem. */
gpointer _pm_file_parse (const char        *data,
                         gsize              length,
                         PmFileReadRootFunc read_root,
                         GError           **error);

/* pm-programme-file-indicators.c: the programme's "indicators" (read
 * before its districts), and a KPI's "indicator", which must name one of
 * them and share its unit. */
gboolean _pm_file_read_indicators    (PmFileReader        *r,
                                      JsonObject          *object,
                                      PmProgramme         *programme,
                                      GError             **error);
gboolean _pm_file_read_kpi_indicator (PmFileReader        *r,
                                      JsonObject          *object,
                                      PmKpi               *kpi,
                                      GError             **error);
void     _pm_file_write_indicators   (JsonBuilder         *b,
                                      PmProgramme         *programme);

/* Reads a whole programme file's object (format, version, programme) at
 * the reader's current path: a return carries one inside it. */
PmProgramme *_pm_programme_file_read_root (PmFileReader *r,
                                           JsonNode     *root,
                                           GError      **error);

/* Refuses members not in @known and members given twice. */
gboolean _pm_file_check_members      (PmFileReader        *r,
                                      JsonObject          *object,
                                      const char * const  *known,
                                      GError             **error);

/* Typed fields: an absent optional field leaves *present FALSE (or the
 * value NULL); a missing required one or a wrong type is an error. */
gboolean _pm_file_get_string         (PmFileReader        *r,
                                      JsonObject          *object,
                                      const char          *name,
                                      gboolean             required,
                                      const char         **value,
                                      GError             **error);
/* A string that is one of the programme's texts: no longer than
 * @field's limit. */
gboolean _pm_file_get_text           (PmFileReader        *r,
                                      JsonObject          *object,
                                      const char          *name,
                                      gboolean             required,
                                      PmField              field,
                                      const char         **value,
                                      GError             **error);
gboolean _pm_file_get_number         (PmFileReader        *r,
                                      JsonObject          *object,
                                      const char          *name,
                                      gboolean             required,
                                      gboolean            *present,
                                      double              *value,
                                      GError             **error);
/* A whole number from 0 to @max. */
gboolean _pm_file_get_integer        (PmFileReader        *r,
                                      JsonObject          *object,
                                      const char          *name,
                                      gboolean             required,
                                      double               max,
                                      gboolean            *present,
                                      gint64              *value,
                                      GError             **error);
/* @what names the enumeration for people ("unit"). */
gboolean _pm_file_get_enum           (PmFileReader        *r,
                                      JsonObject          *object,
                                      const char          *name,
                                      gboolean             required,
                                      GType                type,
                                      const char          *what,
                                      int                 *value,
                                      GError             **error);
gboolean _pm_file_get_array          (PmFileReader        *r,
                                      JsonObject          *object,
                                      const char          *name,
                                      gboolean             required,
                                      JsonArray          **array,
                                      GError             **error);
/* Always required. */
gboolean _pm_file_get_object         (PmFileReader        *r,
                                      JsonObject          *object,
                                      const char          *name,
                                      JsonObject         **member,
                                      GError             **error);
gboolean _pm_file_get_date           (PmFileReader        *r,
                                      JsonObject          *object,
                                      const char          *name,
                                      const char         **date,
                                      GError             **error);
/* A quarter ("FY2016-Q3" or any form pm_period_parse() reads). */
gboolean _pm_file_get_period         (PmFileReader        *r,
                                      JsonObject          *object,
                                      const char          *name,
                                      gboolean             required,
                                      PmPeriod           **period,
                                      GError             **error);
/* A period of any frequency: a year, a quarter or a month. */
gboolean _pm_file_get_any_period     (PmFileReader        *r,
                                      JsonObject          *object,
                                      const char          *name,
                                      gboolean             required,
                                      PmPeriod           **period,
                                      GError             **error);
/* A list of at most @list's limit of texts of @field. */
gboolean _pm_file_get_strv           (PmFileReader        *r,
                                      JsonObject          *object,
                                      const char          *name,
                                      PmList               list,
                                      PmField              field,
                                      GStrv               *strv,
                                      GError             **error);
/* Calls @func on each object of the list @name, with the path set; a
 * list longer than @list's limit is refused before any is read. */
gboolean _pm_file_read_each          (PmFileReader        *r,
                                      JsonObject          *object,
                                      const char          *name,
                                      gboolean             required,
                                      PmList               list,
                                      PmFileReadFunc       func,
                                      gpointer             owner,
                                      GError             **error);

G_END_DECLS
