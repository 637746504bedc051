/* pm-progress-import.c: quarterly values from a CSV file, checked first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "model/pm-enums.h"
#include "model/pm-limits.h"
#include "pm-csv.h"
#include "util/pm-csv-cell.h"
#include "pm-progress-import.h"
#include "pm-store-error.h"

/* Bigger than any CSV a programme office would keep by hand, and small
 * enough to read into memory at once: the limit every file shares. */
#define MAX_FILE_SIZE PM_LIMIT_FILE_SIZE

typedef struct
{
  guint            line;
  PmImportChange   change;
  PmKpi           *kpi;
  PmProgressEntry *entry;
  PmProgressEntry *held;
} Row;

typedef struct
{
  guint  line;
  char  *message;
} Rejection;

struct _PmProgressImport
{
  GObject      parent_instance;

  PmProgramme *programme;
  GArray      *rows;        /* of Row */
  GArray      *rejections;  /* of Rejection */
  guint        n_blank;
};

G_DEFINE_FINAL_TYPE (PmProgressImport, pm_progress_import, G_TYPE_OBJECT)

enum { COL_DISTRICT, COL_PILOT, COL_KPI, COL_PERIOD, COL_VALUE, COL_NOTE, N_COLUMNS };

static const char * const column_names[N_COLUMNS] = {
  "district", "pilot", "kpi", "period", "value", "note",
};

/* Two KPIs of one pilot with the same title cannot be told apart. */
#define AMBIGUOUS ((gpointer) &column_names)

static void
clear_row (Row *row)
{
  g_clear_object (&row->kpi);
  g_clear_object (&row->entry);
  g_clear_object (&row->held);
}

static void
clear_rejection (Rejection *rejection)
{
  g_clear_pointer (&rejection->message, g_free);
}

static void
pm_progress_import_finalize (GObject *object)
{
  PmProgressImport *self = PM_PROGRESS_IMPORT (object);

  g_clear_object (&self->programme);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->rejections, g_array_unref);

  G_OBJECT_CLASS (pm_progress_import_parent_class)->finalize (object);
}

static void
pm_progress_import_class_init (PmProgressImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_progress_import_finalize;
}

static void
pm_progress_import_init (PmProgressImport *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, (GDestroyNotify) clear_row);
  self->rejections = g_array_new (FALSE, TRUE, sizeof (Rejection));
  g_array_set_clear_func (self->rejections, (GDestroyNotify) clear_rejection);
}

/* Names match as people type them: case and Unicode form do not matter,
 * nor do spaces around them. */
static char *
name_key (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *folded = g_utf8_casefold (stripped, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

static char *
kpi_key (const char *district,
         const char *pilot,
         const char *kpi)
{
  g_autofree char *d = name_key (district);
  g_autofree char *p = name_key (pilot);
  g_autofree char *k = name_key (kpi);

  return g_strconcat (d, "\x1f", p, "\x1f", k, NULL);
}

static void
index_programme (PmProgramme *programme,
                 GHashTable  *kpis,
                 GHashTable  *districts,
                 GHashTable  *pilots)
{
  GListModel *district_list = pm_programme_get_districts (programme);

  for (guint d = 0; d < g_list_model_get_n_items (district_list); d++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (district_list, d);
      GListModel *pilot_list = pm_district_get_pilots (district);
      const char *district_name = pm_district_get_name (district);

      g_hash_table_add (districts, name_key (district_name));

      for (guint p = 0; p < g_list_model_get_n_items (pilot_list); p++)
        {
          g_autoptr(PmPilot) pilot = g_list_model_get_item (pilot_list, p);
          GListModel *kpi_list = pm_pilot_get_kpis (pilot);
          const char *pilot_title = pm_pilot_get_title (pilot);

          g_hash_table_add (pilots, kpi_key (district_name, pilot_title, ""));

          for (guint k = 0; k < g_list_model_get_n_items (kpi_list); k++)
            {
              g_autoptr(PmKpi) kpi = g_list_model_get_item (kpi_list, k);
              char *key = kpi_key (district_name, pilot_title, pm_kpi_get_title (kpi));

              if (g_hash_table_contains (kpis, key))
                g_hash_table_replace (kpis, key, AMBIGUOUS);
              else
                g_hash_table_insert (kpis, key, kpi);
            }
        }
    }
}

static void
reject (PmProgressImport *self,
        guint             line,
        const char       *format,
        ...) G_GNUC_PRINTF (3, 4);

static void
reject (PmProgressImport *self,
        guint             line,
        const char       *format,
        ...)
{
  g_autofree char *reason = NULL;
  Rejection rejection;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  rejection.line = line;
  /* Translators: a refused row of a CSV file: “Line 12: no district is
   * called “Tamwrth”.” */
  rejection.message = g_strdup_printf (_("Line %u: %s"), line, reason);
  g_array_append_val (self->rejections, rejection);
}

static gboolean
find_columns (GStrv    header,
              int      columns[N_COLUMNS],
              GError **error)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    columns[c] = -1;

  for (int i = 0; header[i] != NULL; i++)
    {
      g_autofree char *name = name_key (header[i]);

      for (guint c = 0; c < N_COLUMNS; c++)
        if (g_strcmp0 (name, column_names[c]) == 0)
          {
            if (columns[c] >= 0)
              {
                g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_WRONG_FORMAT,
                             _("The first line names the column “%s” twice."),
                             column_names[c]);
                return FALSE;
              }
            columns[c] = i;
          }
    }

  /* The note is the one column that may be left out. */
  for (guint c = 0; c < COL_NOTE; c++)
    if (columns[c] < 0)
      {
        g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_WRONG_FORMAT,
                     _("The first line must name the columns district, pilot, kpi, period "
                       "and value (and may name note); there is no column “%s”."),
                     column_names[c]);
        return FALSE;
      }

  return TRUE;
}

/* The names of the row before (copies), and its KPI. */
typedef struct
{
  char     *district;
  char     *pilot;
  char     *title;
  gpointer  found;
} LastRow;

/* What reading one file needs, row after row. */
typedef struct
{
  PmProgressImport *self;
  GError           *error;       /* a fault in the header */
  gboolean          have_header;
  int               columns[N_COLUMNS];
  guint             n_columns;
  GHashTable       *kpis;
  GHashTable       *districts;
  GHashTable       *pilots;
  GHashTable       *periods;
  GHashTable       *seen;
  GHashTable       *kpi_numbers;
  LastRow           last;
} Checker;

/* The KPI that @record names, or NULL with the row refused. Files list a
 * KPI's quarters together: the same three names as the row before need
 * no folding and no lookup. */
static PmKpi *
find_kpi (Checker     *checker,
          PmCsvRecord *record,
          const char  *district,
          const char  *pilot,
          const char  *title)
{
  PmProgressImport *self = checker->self;
  LastRow *last = &checker->last;
  gpointer found;

  if (last->found != NULL &&
      g_strcmp0 (district, last->district) == 0 && g_strcmp0 (pilot, last->pilot) == 0 &&
      g_strcmp0 (title, last->title) == 0)
    {
      found = last->found;
    }
  else
    {
      g_autofree char *key = kpi_key (district, pilot, title);

      found = g_hash_table_lookup (checker->kpis, key);
      g_free (last->district);
      g_free (last->pilot);
      g_free (last->title);
      last->district = g_strdup (district);
      last->pilot = g_strdup (pilot);
      last->title = g_strdup (title);
      last->found = found;
    }

  if (found == NULL)
    {
      g_autofree char *district_key = name_key (district);
      g_autofree char *pilot_key = kpi_key (district, pilot, "");

      if (!g_hash_table_contains (checker->districts, district_key))
        reject (self, record->line, _("no district is called “%s”."), district);
      else if (!g_hash_table_contains (checker->pilots, pilot_key))
        reject (self, record->line, _("%s has no pilot called “%s”."), district, pilot);
      else
        reject (self, record->line, _("the pilot “%s” has no KPI called “%s”."), pilot, title);
      return NULL;
    }
  if (found == AMBIGUOUS)
    {
      reject (self, record->line,
              _("the pilot “%s” has two KPIs called “%s”; rename one before importing."),
              pilot, title);
      return NULL;
    }

  return PM_KPI (found);
}

/* The period @code names (read once per file), or NULL with the row
 * refused. */
static PmPeriod *
find_period (Checker     *checker,
             PmCsvRecord *record,
             const char  *code)
{
  g_autoptr(GError) error = NULL;
  PmPeriod *period = g_hash_table_lookup (checker->periods, code);

  if (period != NULL)
    return period;

  period = pm_period_parse (code, &error);
  if (period == NULL)
    {
      reject (checker->self, record->line, _("“%s” is not a period: write it as FY2016-Q3."), code);
      return NULL;
    }
  g_hash_table_insert (checker->periods, g_strdup (code), period);

  return period;
}

/* The entry the row gives @kpi for @period over @held, or NULL with the
 * row refused. A row with only a note keeps the value already held, and
 * an empty note keeps the note already held: a sheet of bare numbers must
 * not wipe what leads wrote. */
static PmProgressEntry *
make_entry (Checker         *checker,
            PmCsvRecord     *record,
            PmKpi           *kpi,
            PmPeriod        *period,
            PmProgressEntry *held,
            const char      *value_text,
            const char      *note)
{
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);
  g_autoptr(GError) error = NULL;
  double value;

  if (*value_text == '\0' && held != NULL && pm_progress_entry_has_value (held))
    pm_progress_entry_set_value (entry, pm_progress_entry_get_value (held));
  else if (*value_text != '\0')
    {
      if (!pm_unit_parse_value (pm_kpi_get_unit (kpi), value_text, &value, &error))
        {
          /* Translators: a KPI's title, then why its value was refused. */
          reject (checker->self, record->line, _("%s: %s"), pm_kpi_get_title (kpi), error->message);
          return NULL;
        }
      pm_progress_entry_set_value (entry, value);
    }

  /* The store would refuse it: say so here, with the line. */
  if (!pm_limits_check_text (PM_FIELD_VALUE_NOTE, note, &error))
    {
      reject (checker->self, record->line, "%s", error->message);
      return NULL;
    }
  if (*note != '\0')
    pm_progress_entry_set_note (entry, note);
  else if (held != NULL)
    pm_progress_entry_set_note (entry, pm_progress_entry_get_note (held));

  return g_steal_pointer (&entry);
}

/* FALSE, with the row refused, when an earlier row gave @kpi's value for
 * @period already. */
static gboolean
check_first_for_quarter (Checker     *checker,
                         PmCsvRecord *record,
                         PmKpi       *kpi,
                         PmPeriod    *period,
                         const char  *period_code)
{
  /* The KPI's position in the programme and the quarter, as one number. */
  gint64 key = (gint64) GPOINTER_TO_UINT (g_hash_table_lookup (checker->kpi_numbers, kpi)) * 4096 +
               pm_period_get_index (period);

  if (g_hash_table_contains (checker->seen, &key))
    {
      /* Translators: the line of the first row, and the period. */
      reject (checker->self, record->line,
              _("line %u already gives %s for this KPI, and a quarter may be given only once: "
                "this row is refused."),
              GPOINTER_TO_UINT (g_hash_table_lookup (checker->seen, &key)), period_code);
      return FALSE;
    }
  g_hash_table_insert (checker->seen, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (record->line));

  return TRUE;
}

static void
check_record (Checker     *checker,
              PmCsvRecord *record)
{
  PmProgressImport *self = checker->self;
  const int *columns = checker->columns;
  g_autoptr(PmProgressEntry) entry = NULL;
  const char *district, *pilot, *title, *period_code, *value_text, *note;
  PmProgressEntry *held;
  PmPeriod *period;
  PmKpi *kpi;
  Row row = { 0, };

  if (g_strv_length (record->fields) != checker->n_columns)
    {
      reject (self, record->line,
              _("it has %u fields where the first line names %u. Check for a comma "
                "that should be inside quotes."),
              g_strv_length (record->fields), checker->n_columns);
      return;
    }

  /* An apostrophe before text a spreadsheet would take for a formula is
   * the export's (or a spreadsheet's) mark that it is text: not part of
   * it. */
  for (guint i = 0; record->fields[i] != NULL; i++)
    pm_csv_strip_formula_guard (g_strstrip (record->fields[i]));

  district = record->fields[columns[COL_DISTRICT]];
  pilot = record->fields[columns[COL_PILOT]];
  title = record->fields[columns[COL_KPI]];
  period_code = record->fields[columns[COL_PERIOD]];
  value_text = record->fields[columns[COL_VALUE]];
  note = columns[COL_NOTE] >= 0 ? record->fields[columns[COL_NOTE]] : "";

  if (*value_text == '\0' && *note == '\0')
    {
      self->n_blank++;
      return;
    }

  if ((kpi = find_kpi (checker, record, district, pilot, title)) == NULL ||
      (period = find_period (checker, record, period_code)) == NULL)
    return;

  held = pm_kpi_get_entry (kpi, period);
  entry = make_entry (checker, record, kpi, period, held, value_text, note);
  if (entry == NULL || !check_first_for_quarter (checker, record, kpi, period, period_code))
    return;

  row.line = record->line;
  row.kpi = g_object_ref (kpi);
  row.entry = g_steal_pointer (&entry);
  row.held = held != NULL ? g_object_ref (held) : NULL;
  if (held == NULL)
    row.change = PM_IMPORT_CHANGE_NEW;
  else if (pm_progress_entry_equal (held, row.entry))
    row.change = PM_IMPORT_CHANGE_UNCHANGED;
  else
    row.change = PM_IMPORT_CHANGE_CHANGED;
  g_array_append_val (self->rows, row);
}

static void
check_record_cb (const PmCsvRecord *record,
                 gpointer           user_data)
{
  Checker *checker = user_data;

  if (checker->error != NULL)
    return;

  if (!checker->have_header)
    {
      checker->have_header = TRUE;
      checker->n_columns = g_strv_length (record->fields);
      find_columns (record->fields, checker->columns, &checker->error);
      return;
    }

  check_record (checker, (PmCsvRecord *) record);
}

PmProgressImport *
pm_progress_import_new_from_csv (PmProgramme  *programme,
                                 const char   *text,
                                 gsize         length,
                                 GError      **error)
{
  g_autoptr(PmProgressImport) self = NULL;
  g_autoptr(GListModel) all_kpis = NULL;
  Checker checker = { 0, };
  gboolean ok;

  g_return_val_if_fail (PM_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PM_TYPE_PROGRESS_IMPORT, NULL);
  self->programme = g_object_ref (programme);

  checker.self = self;
  checker.kpis = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  checker.districts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  checker.pilots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  checker.periods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  checker.seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  checker.kpi_numbers = g_hash_table_new (NULL, NULL);
  index_programme (programme, checker.kpis, checker.districts, checker.pilots);

  all_kpis = pm_programme_list_kpis (programme);
  for (guint i = 0; i < g_list_model_get_n_items (all_kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (all_kpis, i);

      /* The programme holds the KPI; the number only names it here. */
      g_hash_table_insert (checker.kpi_numbers, kpi, GUINT_TO_POINTER (i + 1));
    }

  ok = pm_csv_foreach (text, length, check_record_cb, &checker, error);

  g_hash_table_unref (checker.kpis);
  g_hash_table_unref (checker.districts);
  g_hash_table_unref (checker.pilots);
  g_hash_table_unref (checker.periods);
  g_hash_table_unref (checker.seen);
  g_hash_table_unref (checker.kpi_numbers);
  g_free (checker.last.district);
  g_free (checker.last.pilot);
  g_free (checker.last.title);

  if (!ok)
    {
      g_clear_error (&checker.error);
      return NULL;
    }
  if (checker.error != NULL)
    {
      g_propagate_error (error, checker.error);
      return NULL;
    }
  if (!checker.have_header)
    {
      g_set_error_literal (error, PM_FILE_ERROR, PM_FILE_ERROR_WRONG_FORMAT,
                           _("The file is empty."));
      return NULL;
    }

  return g_steal_pointer (&self);
}

PmProgressImport *
pm_progress_import_new_for_file (PmProgramme   *programme,
                                 GFile         *file,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (PM_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
      g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_autofree char *max = g_format_size_full (MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_WRONG_FORMAT,
                   _("“%s” is not a CSV file of quarterly values (it is a folder, a device "
                     "or larger than %s)."), name, max);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  return pm_progress_import_new_from_csv (programme, contents, length, error);
}

PmProgramme *
pm_progress_import_get_programme (PmProgressImport *self)
{
  g_return_val_if_fail (PM_IS_PROGRESS_IMPORT (self), NULL);

  return self->programme;
}

guint
pm_progress_import_get_n_rows (PmProgressImport *self)
{
  g_return_val_if_fail (PM_IS_PROGRESS_IMPORT (self), 0);

  return self->rows->len;
}

guint
pm_progress_import_get_n_blank (PmProgressImport *self)
{
  g_return_val_if_fail (PM_IS_PROGRESS_IMPORT (self), 0);

  return self->n_blank;
}

guint
pm_progress_import_count_change (PmProgressImport *self,
                                 PmImportChange    change)
{
  guint n = 0;

  g_return_val_if_fail (PM_IS_PROGRESS_IMPORT (self), 0);

  for (guint i = 0; i < self->rows->len; i++)
    n += g_array_index (self->rows, Row, i).change == change;

  return n;
}

guint
pm_progress_import_get_row (PmProgressImport  *self,
                            guint              index,
                            PmKpi            **kpi,
                            PmProgressEntry  **entry,
                            PmProgressEntry  **held)
{
  Row *row;

  g_return_val_if_fail (PM_IS_PROGRESS_IMPORT (self), 0);
  g_return_val_if_fail (index < self->rows->len, 0);

  row = &g_array_index (self->rows, Row, index);
  if (kpi != NULL)
    *kpi = row->kpi;
  if (entry != NULL)
    *entry = row->entry;
  if (held != NULL)
    *held = row->held;

  return row->line;
}

PmImportChange
pm_progress_import_get_change (PmProgressImport *self,
                               guint             index)
{
  g_return_val_if_fail (PM_IS_PROGRESS_IMPORT (self), PM_IMPORT_CHANGE_UNCHANGED);
  g_return_val_if_fail (index < self->rows->len, PM_IMPORT_CHANGE_UNCHANGED);

  return g_array_index (self->rows, Row, index).change;
}

guint
pm_progress_import_get_n_rejected (PmProgressImport *self)
{
  g_return_val_if_fail (PM_IS_PROGRESS_IMPORT (self), 0);

  return self->rejections->len;
}

const char *
pm_progress_import_get_rejection (PmProgressImport *self,
                                  guint             index,
                                  guint            *line)
{
  Rejection *rejection;

  g_return_val_if_fail (PM_IS_PROGRESS_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->rejections->len, NULL);

  rejection = &g_array_index (self->rejections, Rejection, index);
  if (line != NULL)
    *line = rejection->line;

  return rejection->message;
}
