/* pm-progress-import.c: quarterly values from a CSV file, checked first
 *
 * In two halves that share no object: reading and checking the file uses
 * only a copy of the programme's names and units (PmProgrammeNames) and
 * objects it makes itself, so it may run in a worker thread; comparing
 * each row with the value held, and handing out the programme's KPIs,
 * happens on the programme's own thread.
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
#include "pm-programme-names.h"
#include "pm-progress-import.h"
#include "pm-progress-import-private.h"
#include "pm-store-error.h"

/* Bigger than any CSV a programme office would keep by hand, and small
 * enough to read into memory at once: the limit every file shares. */
#define MAX_FILE_SIZE PM_LIMIT_FILE_SIZE

/* Every quarter a period may name. */
/* As many as there are months: the most periods of any frequency. */
#define N_PERIODS ((PM_PERIOD_MAX_YEAR - PM_PERIOD_MIN_YEAR + 1) * 12)

typedef struct
{
  guint            line;
  guint            kpi_index;   /* in the copy of the names */
  gboolean         keep_value;  /* the row gave no value */
  gboolean         keep_note;   /* the row gave no note */
  PmImportChange   change;
  PmProgressEntry *entry;
  /* Set by the comparison, on the programme's thread. */
  PmKpi           *kpi;
  PmProgressEntry *held;
  char            *warning;     /* accepted, but perhaps not as meant */
} Row;

typedef struct
{
  guint  line;
  char  *message;
} Rejection;

typedef enum { STATE_COPIED, STATE_READ, STATE_COMPARED } State;

struct _PmProgressImport
{
  GObject           parent_instance;

  State             state;

  /* The programme's thread only: the programme, and its KPIs at their
   * index in the copy of the names (until the comparison). */
  PmProgramme      *programme;
  GPtrArray        *kpis;

  /* What reading the file uses, and makes. */
  PmProgrammeNames *names;
  GArray           *rows;        /* of Row */
  GArray           *rejections;  /* of Rejection */
  guint             n_blank;
};

G_DEFINE_FINAL_TYPE (PmProgressImport, pm_progress_import, G_TYPE_OBJECT)


static void
clear_row (Row *row)
{
  g_clear_object (&row->kpi);
  g_clear_object (&row->entry);
  g_clear_object (&row->held);
  g_clear_pointer (&row->warning, g_free);
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
  g_clear_pointer (&self->kpis, g_ptr_array_unref);
  g_clear_pointer (&self->names, _pm_programme_names_free);
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

/* The names of the row before (copies), and what they gave. */
typedef struct
{
  char         *district;
  char         *pilot;
  char         *title;
  PmNamesMatch  match;
  guint         index;
} LastRow;

/* What reading one file needs, row after row. */
typedef struct
{
  PmProgressImport *self;
  GError           *error;       /* a fault in the header */
  gboolean          have_header;
  int               columns[PM_IMPORT_N_COLUMNS];
  guint             n_columns;
  GHashTable       *periods;
  GHashTable       *seen;
  LastRow           last;
} Checker;

/* The index of the KPI that @record names, or FALSE with the row
 * refused. Files list a KPI's quarters together: the same three names as
 * the row before need no folding and no lookup. */
static gboolean
find_kpi (Checker     *checker,
          PmCsvRecord *record,
          const char  *district,
          const char  *pilot,
          const char  *title,
          guint       *index)
{
  PmProgressImport *self = checker->self;
  LastRow *last = &checker->last;
  PmNamesMatch match;

  if (last->district != NULL &&
      (last->match == PM_NAMES_FOUND || last->match == PM_NAMES_AMBIGUOUS) &&
      g_strcmp0 (district, last->district) == 0 && g_strcmp0 (pilot, last->pilot) == 0 &&
      g_strcmp0 (title, last->title) == 0)
    {
      match = last->match;
      *index = last->index;
    }
  else
    {
      match = _pm_programme_names_find_kpi (self->names, district, pilot, title, index);
      g_free (last->district);
      g_free (last->pilot);
      g_free (last->title);
      last->district = g_strdup (district);
      last->pilot = g_strdup (pilot);
      last->title = g_strdup (title);
      last->match = match;
      last->index = *index;
    }

  switch (match)
    {
    case PM_NAMES_FOUND:
      return TRUE;
    case PM_NAMES_NO_DISTRICT:
      reject (self, record->line, _("no district is called “%s”."), district);
      return FALSE;
    case PM_NAMES_NO_PILOT:
      reject (self, record->line, _("%s has no pilot called “%s”."), district, pilot);
      return FALSE;
    case PM_NAMES_NO_KPI:
      reject (self, record->line, _("the pilot “%s” has no KPI called “%s”."), pilot, title);
      return FALSE;
    case PM_NAMES_AMBIGUOUS:
    default:
      reject (self, record->line,
              _("the pilot “%s” has two KPIs called “%s”; rename one before importing."),
              pilot, title);
      return FALSE;
    }
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
      reject (checker->self, record->line,
              _("“%s” is not a period: write it as FY2016-Q3, FY2016, FY2016-M07 or CY2016."), code);
      return NULL;
    }
  g_hash_table_insert (checker->periods, g_strdup (code), period);

  return period;
}

/* Whether @period is of the frequency of the KPI at @kpi_index; the row
 * refused if not. */
static gboolean
check_frequency (Checker     *checker,
                 PmCsvRecord *record,
                 guint        kpi_index,
                 PmPeriod    *period)
{
  PmProgrammeNames *names = checker->self->names;
  g_autoptr(GError) error = NULL;

  if (pm_period_check_frequency (period, _pm_programme_names_get_frequency (names, kpi_index),
                                 _pm_programme_names_get_title (names, kpi_index), &error))
    return TRUE;

  reject (checker->self, record->line, "%s", error->message);
  return FALSE;
}

/* The entry the row gives the KPI at @kpi_index for @period, or NULL
 * with the row refused. A row with only a note keeps the value already
 * held, and an empty note keeps the note already held (a sheet of bare
 * numbers must not wipe what leads wrote): the comparison fills those in
 * from the value held. */
static PmProgressEntry *
make_entry (Checker     *checker,
            PmCsvRecord *record,
            guint        kpi_index,
            PmPeriod    *period,
            const char  *value_text,
            const char  *note,
            const char  *numerator_text,
            const char  *denominator_text)
{
  PmProgrammeNames *names = checker->self->names;
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);
  g_autoptr(GError) error = NULL;
  double value;

  if (*value_text != '\0')
    {
      if (!pm_unit_parse_value (_pm_programme_names_get_unit (names, kpi_index), value_text, &value, &error))
        {
          /* Translators: a KPI's title, then why its value was refused. */
          reject (checker->self, record->line, _("%s: %s"),
                  _pm_programme_names_get_title (names, kpi_index), error->message);
          return NULL;
        }
      pm_progress_entry_set_value (entry, value);
    }
  if (!_pm_progress_import_read_parts (entry, _pm_programme_names_get_unit (names, kpi_index),
                                       value_text, numerator_text, denominator_text, &error))
    {
      reject (checker->self, record->line, _("%s: %s"),
              _pm_programme_names_get_title (names, kpi_index), error->message);
      return NULL;
    }

  /* The store would refuse it: say so here, with the line. */
  if (!pm_limits_check_text (PM_FIELD_VALUE_NOTE, note, &error))
    {
      reject (checker->self, record->line, "%s", error->message);
      return NULL;
    }
  if (*note != '\0')
    pm_progress_entry_set_note (entry, note);

  return g_steal_pointer (&entry);
}

/* FALSE, with the row refused, when an earlier row gave the value of the
 * KPI at @kpi_index for @period already. */
static gboolean
check_first_for_quarter (Checker     *checker,
                         PmCsvRecord *record,
                         guint        kpi_index,
                         PmPeriod    *period,
                         const char  *period_code)
{
  /* The KPI and the period, as one number; a small one, since
   * g_int64_hash() hashes the low 32 bits alone. A KPI's periods are all
   * of its one frequency, so their indexes are distinct. */
  gint64 first_index;
  gint64 key;

  switch (pm_period_get_frequency (period))
    {
    case PM_FREQUENCY_MONTHLY: first_index = PM_PERIOD_MIN_YEAR * 12; break;
    case PM_FREQUENCY_YEARLY:
    case PM_FREQUENCY_CALENDAR_YEARLY: first_index = PM_PERIOD_MIN_YEAR; break;
    case PM_FREQUENCY_QUARTERLY:
    default:                   first_index = PM_PERIOD_MIN_YEAR * 4; break;
    }
  key = (gint64) kpi_index * N_PERIODS + pm_period_get_index (period) - first_index;

  if (g_hash_table_contains (checker->seen, &key))
    {
      /* Translators: the line of the first row, and the period. */
      reject (checker->self, record->line,
              _("line %u already gives %s for this KPI, and a period may be given only once: "
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
  const char *numerator, *denominator, *sites;
  g_autoptr(GError) error = NULL;
  PmPeriod *period;
  guint kpi_index = 0;
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

  district = record->fields[columns[PM_IMPORT_COL_DISTRICT]];
  pilot = record->fields[columns[PM_IMPORT_COL_PILOT]];
  title = record->fields[columns[PM_IMPORT_COL_KPI]];
  period_code = record->fields[columns[PM_IMPORT_COL_PERIOD]];
  value_text = record->fields[columns[PM_IMPORT_COL_VALUE]];
  note = columns[PM_IMPORT_COL_NOTE] >= 0 ? record->fields[columns[PM_IMPORT_COL_NOTE]] : "";
  numerator = columns[PM_IMPORT_COL_NUMERATOR] >= 0 ? record->fields[columns[PM_IMPORT_COL_NUMERATOR]] : "";
  denominator = columns[PM_IMPORT_COL_DENOMINATOR] >= 0 ? record->fields[columns[PM_IMPORT_COL_DENOMINATOR]] : "";
  sites = columns[PM_IMPORT_COL_VALUE_SITES] >= 0 ? record->fields[columns[PM_IMPORT_COL_VALUE_SITES]] : "";

  if (*value_text == '\0' && *note == '\0' && *numerator == '\0' && *denominator == '\0' &&
      *sites == '\0')
    {
      self->n_blank++;
      return;
    }

  if (!find_kpi (checker, record, district, pilot, title, &kpi_index) ||
      (period = find_period (checker, record, period_code)) == NULL ||
      !check_frequency (checker, record, kpi_index, period))
    return;

  entry = make_entry (checker, record, kpi_index, period, value_text, note, numerator, denominator);
  if (entry != NULL &&
      !_pm_progress_import_read_sites (entry, _pm_programme_names_get_unit (self->names, kpi_index),
                                       sites, &error))
    reject (self, record->line, _("%s: %s"), _pm_programme_names_get_title (self->names, kpi_index),
            error->message);
  if (entry == NULL || error != NULL ||
      !check_first_for_quarter (checker, record, kpi_index, period, period_code))
    return;

  row.line = record->line;
  row.kpi_index = kpi_index;
  row.keep_value = !pm_progress_entry_has_value (entry);
  row.keep_note = *note == '\0';
  row.entry = g_steal_pointer (&entry);
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
      _pm_progress_import_find_columns (record->fields, checker->columns, &checker->error);
      return;
    }

  check_record (checker, (PmCsvRecord *) record);
}

PmProgressImport *
pm_progress_import_new (PmProgramme *programme)
{
  PmProgressImport *self;

  g_return_val_if_fail (PM_IS_PROGRAMME (programme), NULL);

  self = g_object_new (PM_TYPE_PROGRESS_IMPORT, NULL);
  self->state = STATE_COPIED;
  self->programme = g_object_ref (programme);
  self->kpis = g_ptr_array_new_with_free_func (g_object_unref);
  self->names = _pm_programme_names_new (programme, self->kpis);

  return self;
}

gboolean
pm_progress_import_read_csv (PmProgressImport  *self,
                             const char        *text,
                             gsize              length,
                             GError           **error)
{
  Checker checker = { 0, };
  gboolean ok;

  g_return_val_if_fail (PM_IS_PROGRESS_IMPORT (self), FALSE);
  g_return_val_if_fail (self->state == STATE_COPIED, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Read once, well or not. */
  self->state = STATE_READ;

  checker.self = self;
  checker.periods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  checker.seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  ok = pm_csv_foreach (text, length, check_record_cb, &checker, error);

  g_hash_table_unref (checker.periods);
  g_hash_table_unref (checker.seen);
  g_free (checker.last.district);
  g_free (checker.last.pilot);
  g_free (checker.last.title);

  if (!ok)
    {
      g_clear_error (&checker.error);
      return FALSE;
    }
  if (checker.error != NULL)
    {
      g_propagate_error (error, checker.error);
      return FALSE;
    }
  if (!checker.have_header)
    {
      g_set_error_literal (error, PM_FILE_ERROR, PM_FILE_ERROR_WRONG_FORMAT,
                           _("The file is empty."));
      return FALSE;
    }

  return TRUE;
}

gboolean
pm_progress_import_read_file (PmProgressImport  *self,
                              GFile             *file,
                              GCancellable      *cancellable,
                              GError           **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (PM_IS_PROGRESS_IMPORT (self), FALSE);
  g_return_val_if_fail (self->state == STATE_COPIED, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return FALSE;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
      g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_autofree char *max = g_format_size_full (MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_WRONG_FORMAT,
                   _("“%s” is not a CSV file of quarterly values (it is a folder, a device "
                     "or larger than %s)."), name, max);
      return FALSE;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return FALSE;

  return pm_progress_import_read_csv (self, contents, length, error);
}

/* Whether the KPI at @kpi_index is still in the programme, with the
 * unit its values were read in. */
static gboolean
kpi_is_as_read (PmProgressImport *self,
                guint             kpi_index)
{
  PmKpi *kpi = g_ptr_array_index (self->kpis, kpi_index);
  PmPilot *pilot = pm_kpi_get_pilot (kpi);
  PmDistrict *district = pilot != NULL ? pm_pilot_get_district (pilot) : NULL;

  return district != NULL && pm_district_get_programme (district) == self->programme &&
         pm_kpi_get_unit (kpi) == _pm_programme_names_get_unit (self->names, kpi_index);
}

/* What the comparison knows of each KPI of the copy. A KPI's values are
 * found by a binary search of its list, some lookups in the list model
 * each; a file of a whole history names each KPI in dozens of rows, and
 * then taking its values from the list once, in one pass, costs less:
 * hundreds of thousands of rows compare in a fifth of a second. */
typedef struct
{
  guint      n_rows;      /* rows that name it */
  double     max_value;   /* the largest value they give, or -1 */
  gboolean   looked_at;
  gboolean   as_read;
  GPtrArray *held;        /* its values in period order, or NULL */
} KpiState;

static void
look_at_kpi (PmProgressImport *self,
             guint             kpi_index,
             KpiState         *state)
{
  PmKpi *kpi = g_ptr_array_index (self->kpis, kpi_index);
  GListModel *entries = pm_kpi_get_entries (kpi);
  guint n_entries = g_list_model_get_n_items (entries);

  state->looked_at = TRUE;
  state->as_read = kpi_is_as_read (self, kpi_index);
  if (!state->as_read || state->n_rows * 8 < n_entries)
    return;

  state->held = g_ptr_array_new_full (n_entries, g_object_unref);
  for (guint i = 0; i < n_entries; i++)
    g_ptr_array_add (state->held, g_list_model_get_item (entries, i));
}

static PmProgressEntry *
find_held (KpiState *state,
           PmKpi    *kpi,
           PmPeriod *period)
{
  guint low = 0;
  guint high;

  if (state->held == NULL)
    return pm_kpi_get_entry (kpi, period);

  high = state->held->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      PmProgressEntry *entry = g_ptr_array_index (state->held, middle);
      int cmp = pm_period_compare (pm_progress_entry_get_period (entry), period);

      if (cmp == 0)
        return entry;
      if (cmp < 0)
        low = middle + 1;
      else
        high = middle;
    }

  return NULL;
}

static int
compare_rejections (gconstpointer a,
                    gconstpointer b)
{
  guint line_a = ((const Rejection *) a)->line;
  guint line_b = ((const Rejection *) b)->line;

  return (line_a > line_b) - (line_a < line_b);
}

void
pm_progress_import_compare (PmProgressImport *self)
{
  g_autoptr(GArray) rows = NULL;
  g_autofree KpiState *states = NULL;
  guint n_rejected;

  g_return_if_fail (PM_IS_PROGRESS_IMPORT (self));
  g_return_if_fail (self->state == STATE_READ);

  n_rejected = self->rejections->len;
  rows = g_steal_pointer (&self->rows);
  self->rows = g_array_sized_new (FALSE, TRUE, sizeof (Row), rows->len);
  g_array_set_clear_func (self->rows, (GDestroyNotify) clear_row);

  states = g_new0 (KpiState, self->kpis->len);
  for (guint k = 0; k < self->kpis->len; k++)
    states[k].max_value = -1;
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      KpiState *state = &states[row->kpi_index];

      state->n_rows++;
      if (pm_progress_entry_has_value (row->entry))
        state->max_value = MAX (state->max_value, pm_progress_entry_get_value (row->entry));
    }

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      KpiState *state = &states[row->kpi_index];
      PmKpi *kpi = g_ptr_array_index (self->kpis, row->kpi_index);
      Row kept = *row;
      PmProgressEntry *held;

      if (!state->looked_at)
        look_at_kpi (self, row->kpi_index, state);
      if (!state->as_read)
        {
          reject (self, row->line,
                  _("the KPI “%s” was deleted or given another unit while the file was read: "
                    "import the file again."),
                  _pm_programme_names_get_title (self->names, row->kpi_index));
          continue;
        }

      held = find_held (state, kpi, pm_progress_entry_get_period (row->entry));
      if (held != NULL && row->keep_value && pm_progress_entry_has_fraction (held))
        pm_progress_entry_set_fraction (row->entry, pm_progress_entry_get_numerator (held),
                                        pm_progress_entry_get_denominator (held), NULL);
      else if (held != NULL && row->keep_value && pm_progress_entry_has_value (held))
        pm_progress_entry_set_value (row->entry, pm_progress_entry_get_value (held));
      if (held != NULL && row->keep_note)
        pm_progress_entry_set_note (row->entry, pm_progress_entry_get_note (held));

      kept.kpi = g_object_ref (kpi);
      kept.held = held != NULL ? g_object_ref (held) : NULL;
      if (held == NULL)
        kept.change = PM_IMPORT_CHANGE_NEW;
      else if (pm_progress_entry_equal (held, row->entry) && _pm_progress_import_same_parts (held, row->entry))
        kept.change = PM_IMPORT_CHANGE_UNCHANGED;
      else
        kept.change = PM_IMPORT_CHANGE_CHANGED;

      kept.warning = _pm_progress_import_check_fraction (kpi, row->entry, state->max_value);

      /* The row moves, entry and all. */
      row->entry = NULL;
      g_array_append_val (self->rows, kept);
    }

  for (guint k = 0; k < self->kpis->len; k++)
    g_clear_pointer (&states[k].held, g_ptr_array_unref);

  /* Refusals in the order of the file. */
  if (self->rejections->len > n_rejected)
    g_array_sort (self->rejections, compare_rejections);

  /* Rows name their KPIs now: the copy has done its work. */
  g_clear_pointer (&self->kpis, g_ptr_array_unref);
  g_clear_pointer (&self->names, _pm_programme_names_free);
  self->state = STATE_COMPARED;
}

PmProgressImport *
pm_progress_import_new_from_csv (PmProgramme  *programme,
                                 const char   *text,
                                 gsize         length,
                                 GError      **error)
{
  g_autoptr(PmProgressImport) self = NULL;

  g_return_val_if_fail (PM_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = pm_progress_import_new (programme);
  if (!pm_progress_import_read_csv (self, text, length, error))
    return NULL;
  pm_progress_import_compare (self);

  return g_steal_pointer (&self);
}

PmProgressImport *
pm_progress_import_new_for_file (PmProgramme   *programme,
                                 GFile         *file,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(PmProgressImport) self = NULL;

  g_return_val_if_fail (PM_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = pm_progress_import_new (programme);
  if (!pm_progress_import_read_file (self, file, cancellable, error))
    return NULL;
  pm_progress_import_compare (self);

  return g_steal_pointer (&self);
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
  g_return_val_if_fail (self->state == STATE_COMPARED, 0);

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
  g_return_val_if_fail (self->state == STATE_COMPARED, 0);

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
  g_return_val_if_fail (self->state == STATE_COMPARED, 0);
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
  g_return_val_if_fail (self->state == STATE_COMPARED, PM_IMPORT_CHANGE_UNCHANGED);
  g_return_val_if_fail (index < self->rows->len, PM_IMPORT_CHANGE_UNCHANGED);

  return g_array_index (self->rows, Row, index).change;
}

guint
pm_progress_import_get_n_rejected (PmProgressImport *self)
{
  g_return_val_if_fail (PM_IS_PROGRESS_IMPORT (self), 0);
  g_return_val_if_fail (self->state == STATE_COMPARED, 0);

  return self->rejections->len;
}

const char *
pm_progress_import_get_rejection (PmProgressImport *self,
                                  guint             index,
                                  guint            *line)
{
  Rejection *rejection;

  g_return_val_if_fail (PM_IS_PROGRESS_IMPORT (self), NULL);
  g_return_val_if_fail (self->state == STATE_COMPARED, NULL);
  g_return_val_if_fail (index < self->rejections->len, NULL);

  rejection = &g_array_index (self->rejections, Rejection, index);
  if (line != NULL)
    *line = rejection->line;

  return rejection->message;
}

const char *
pm_progress_import_get_warning (PmProgressImport *self,
                                guint             index)
{
  g_return_val_if_fail (PM_IS_PROGRESS_IMPORT (self), NULL);
  g_return_val_if_fail (self->state == STATE_COMPARED, NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_array_index (self->rows, Row, index).warning;
}

guint
pm_progress_import_get_n_warnings (PmProgressImport *self)
{
  guint n = 0;

  g_return_val_if_fail (PM_IS_PROGRESS_IMPORT (self), 0);
  g_return_val_if_fail (self->state == STATE_COMPARED, 0);

  for (guint i = 0; i < self->rows->len; i++)
    n += g_array_index (self->rows, Row, i).warning != NULL;

  return n;
}
