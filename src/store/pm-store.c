/* pm-store.c: the programme's data on disk
 *
 * Every edit follows one pattern: check it with the model's own rules on a
 * scratch object, write it in one transaction, and only once that has
 * committed apply it to the real model objects. A failure at any step
 * leaves both the file and the model as they were.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>

#include "util/pm-safe-file.h"
#include "pm-store-private.h"
#include "pm-pg-database.h"

struct _PmStore
{
  GObject     parent_instance;

  /* Owned references */
  PmDatabase           *database;
  char                 *path;
  char                 *author;      /* for the audit trail; NULL when not known */
  PmSafeFileProtection *protection;  /* a file's: no export is written over it */
};

G_DEFINE_FINAL_TYPE (PmStore, pm_store, G_TYPE_OBJECT)

gboolean
_pm_store_not_saved (GError **error)
{
  g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_FOUND,
               _("This item has not been saved in the programme database yet."));
  return FALSE;
}

gboolean
_pm_store_already_saved (GError **error)
{
  g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
               _("This item is already in the programme database."));
  return FALSE;
}

gboolean
_pm_store_gone (GError **error)
{
  g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_FOUND,
               _("This item is no longer in the programme database: it may have been "
                 "deleted. Reopen the programme to see what it holds now."));
  return FALSE;
}

/* Opens a write transaction, refusing early on a read-only store, and
 * tells the audit trail's triggers who is writing and from where. */
gboolean
_pm_store_begin_write_from (PmStore     *self,
                            const char  *source,
                            GError     **error)
{
  return _pm_store_begin_write_as (self, source, self->author, error);
}

gboolean
_pm_store_begin_write_as (PmStore     *self,
                          const char  *source,
                          const char  *author,
                          GError     **error)
{
  if (pm_database_is_read_only (self->database))
    {
      g_autofree char *display_name = g_filename_display_basename (self->path);

      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY,
                   _("“%s” is open read-only: changes cannot be saved."),
                   display_name);
      return FALSE;
    }

  /* A bulk import holds its transaction open between slices. */
  if (pm_database_in_transaction (self->database))
    {
      g_set_error_literal (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED,
                           _("An import is still being written. Try again when it has finished."));
      return FALSE;
    }

  if (!pm_database_begin (self->database, error))
    return FALSE;

  if (!pm_database_set_change_context (self->database, author, source, error))
    return _pm_store_end_write (self, FALSE, error);

  return TRUE;
}

gboolean
_pm_store_begin_write (PmStore  *self,
                       GError  **error)
{
  return _pm_store_begin_write_from (self, "typed", error);
}

/* Commits, or rolls back when @ok is FALSE or the commit fails. */
gboolean
_pm_store_end_write (PmStore  *self,
           gboolean  ok,
           GError  **error)
{
  if (ok && pm_database_commit (self->database, error))
    return TRUE;

  pm_database_rollback (self->database);
  return FALSE;
}

/* Inside a transaction: FALSE with NOT_FOUND when the row is gone. */
gboolean
_pm_store_row_exists (PmStore     *self,
            const char  *sql,
            gint64       id,
            GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  GError *local_error = NULL;

  stmt = pm_database_prepare (self->database, sql, error);
  if (stmt == NULL)
    return FALSE;

  pm_statement_bind_int64 (stmt, 1, id);
  if (pm_statement_step (stmt, &local_error))
    return TRUE;

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return _pm_store_gone (error);
}

gboolean
_pm_store_check_room (PmStore     *self,
                      const char  *count_sql,
                      gint64       parent_id,
                      PmList       list,
                      GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  GError *local_error = NULL;
  gint64 count = 0;

  stmt = pm_database_prepare (self->database, count_sql, error);
  if (stmt == NULL)
    return FALSE;

  pm_statement_bind_int64 (stmt, 1, parent_id);
  if (pm_statement_step (stmt, &local_error))
    count = pm_statement_get_int64 (stmt, 0);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return pm_limits_check_count (list, (guint) MIN (count + 1, G_MAXUINT), error);
}

/* Runs @sql with ?1 = @id (and ?2 = @parent_id when not 0); NOT_FOUND when
 * it changed no row. */
gboolean
_pm_store_change_row (PmStore     *self,
            const char  *sql,
            gint64       id,
            gint64       parent_id,
            GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;

  stmt = pm_database_prepare (self->database, sql, error);
  if (stmt == NULL)
    return FALSE;

  pm_statement_bind_int64 (stmt, 1, id);
  if (parent_id != 0)
    pm_statement_bind_int64 (stmt, 2, parent_id);
  if (!pm_statement_execute (stmt, error))
    return FALSE;

  return pm_database_get_changes (self->database) > 0 || _pm_store_gone (error);
}

static PmTarget *
copy_target (PmTarget *target)
{
  PmTarget *copy = pm_target_new (pm_target_get_value (target), pm_target_get_date (target));

  pm_target_set_set_on (copy, pm_target_get_set_on (target));
  pm_target_set_reason (copy, pm_target_get_reason (target));

  return copy;
}

/* A KPI with @kpi's unit and direction but none of its values, on which
 * the model's rules can be tried without touching @kpi. */
static PmKpi *
scratch_kpi (PmKpi *kpi)
{
  return pm_kpi_new (pm_kpi_get_title (kpi), pm_kpi_get_unit (kpi), pm_kpi_get_direction (kpi));
}

static void
pm_store_dispose (GObject *object)
{
  PmStore *self = (PmStore *) object;

  if (self->database != NULL)
    pm_database_close (self->database);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (pm_store_parent_class)->dispose (object);
}

static void
pm_store_finalize (GObject *object)
{
  PmStore *self = (PmStore *) object;

  g_clear_pointer (&self->protection, pm_safe_file_protection_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->author, g_free);

  G_OBJECT_CLASS (pm_store_parent_class)->finalize (object);
}

static void
pm_store_class_init (PmStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pm_store_dispose;
  object_class->finalize = pm_store_finalize;
}

static void
pm_store_init (PmStore *self)
{
}

PmDatabase *
_pm_store_get_database (PmStore *self)
{
  g_return_val_if_fail (PM_IS_STORE (self), NULL);

  return self->database;
}

PmStore *
pm_store_open (const char        *path,
               PmStoreOpenFlags   flags,
               GError           **error)
{
  return pm_store_open_with_password (path, NULL, flags, error);
}

PmStore *
pm_store_open_with_password (const char        *path,
                             const char        *password,
                             PmStoreOpenFlags   flags,
                             GError           **error)
{
  g_autoptr(PmDatabase) database = NULL;
  PmStore *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A server makes its schema inside the migrations' transaction. */
  if (pm_database_location_is_server (path))
    {
      database = pm_pg_database_open_with_password (path, password, flags, error);
      if (database == NULL)
        return NULL;
    }
  /* A new file is made whole under another name first (see
   * pm_database_create()); if one appeared meanwhile, it is opened. */
  else if ((flags & PM_STORE_OPEN_CREATE) != 0 && (flags & PM_STORE_OPEN_READ_ONLY) == 0 &&
           !g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    {
      GError *local_error = NULL;

      database = pm_database_create (path, PM_STORE_SCHEMA_VERSION, &local_error);
      if (database == NULL &&
          !g_error_matches (local_error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID))
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      g_clear_error (&local_error);
    }

  if (database == NULL)
    database = pm_database_open (path, flags, error);
  if (database == NULL)
    return NULL;

  if (!pm_database_is_read_only (database) &&
      !pm_database_migrate_to (database, PM_STORE_SCHEMA_VERSION, error))
    {
      /* A file we have just made and could not set up is no use to anyone,
       * and would be refused as empty next time. */
      if (pm_database_get_created (database) && !pm_database_is_server (database))
        {
          g_autofree char *wal = g_strconcat (path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (path, "-shm", NULL);

          pm_database_close (database);
          g_unlink (wal);
          g_unlink (shm);
          g_unlink (path);
        }
      return NULL;
    }

  self = g_object_new (PM_TYPE_STORE, NULL);
  self->database = g_steal_pointer (&database);
  self->path = g_strdup (path);
  /* For as long as it is open, nothing Pilot Monitor writes replaces the
   * file or its side files (see pm_safe_file_protect()). */
  if (!pm_database_is_server (self->database))
    self->protection = pm_safe_file_protect (path);

  return self;
}

char *
pm_store_describe_location (const char *location)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (pm_database_location_is_server (location))
    return pm_pg_conninfo_describe (location);

  return g_strdup (location);
}

char *
pm_store_location_to_keep (const char *location)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (pm_database_location_is_server (location))
    return pm_pg_conninfo_strip_password (location);

  return g_strdup (location);
}

gboolean
pm_store_poll_changes (PmStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  return pm_database_poll_changes (self->database, error);
}

gboolean
pm_store_location_is_server (const char *location)
{
  g_return_val_if_fail (location != NULL, FALSE);

  return pm_database_location_is_server (location);
}

gboolean
pm_store_is_server (PmStore *self)
{
  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  return pm_database_is_server (self->database);
}

const char *
pm_store_get_path (PmStore *self)
{
  g_return_val_if_fail (PM_IS_STORE (self), NULL);

  return self->path;
}

gboolean
pm_store_is_empty (PmStore *self)
{
  g_autoptr(PmStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_row;

  g_return_val_if_fail (PM_IS_STORE (self), TRUE);

  stmt = pm_database_prepare (self->database, "SELECT 1 FROM programme LIMIT 1", &error);
  if (stmt == NULL)
    {
      g_warning ("Could not tell whether “%s” is empty: %s", self->path, error->message);
      return TRUE;
    }

  has_row = pm_statement_step (stmt, &error);
  if (error != NULL)
    g_warning ("Could not tell whether “%s” is empty: %s", self->path, error->message);

  return !has_row;
}

void
pm_store_close (PmStore *self)
{
  g_return_if_fail (PM_IS_STORE (self));

  pm_database_close (self->database);
}

PmProgramme *
pm_store_load (PmStore  *self,
               GError  **error)
{
  g_return_val_if_fail (PM_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _pm_store_read_programme (self->database, error);
}

gboolean
pm_store_import (PmStore      *self,
                 PmProgramme  *programme,
                 GError      **error)
{
  g_autoptr(PmIdList) ids = NULL;
  g_autoptr(PmStatement) stmt = NULL;
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_PROGRAMME (programme), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_pm_store_begin_write_from (self, "import", error))
    return FALSE;

  /* Checked under the write lock, so two imports cannot both succeed. */
  stmt = pm_database_prepare (self->database, "SELECT 1 FROM programme LIMIT 1", error);
  if (stmt == NULL)
    return _pm_store_end_write (self, FALSE, error);

  if (pm_statement_step (stmt, &local_error))
    {
      g_autofree char *display_name = g_filename_display_basename (self->path);

      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_EMPTY,
                   _("“%s” already holds a programme. Import into a new file instead."),
                   display_name);
      return _pm_store_end_write (self, FALSE, error);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return _pm_store_end_write (self, FALSE, error);
    }
  g_clear_pointer (&stmt, pm_statement_free);

  ids = _pm_id_list_new ();
  ok = _pm_store_insert_programme (self->database, programme, ids, error);
  if (!_pm_store_end_write (self, ok, error))
    return FALSE;

  _pm_id_list_apply (ids);
  return TRUE;
}

gboolean
pm_store_backup_to (PmStore     *self,
                    const char  *path,
                    GError     **error)
{
  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return pm_database_backup_to (self->database, path, error);
}

gboolean
_pm_store_last_value_change (PmStore    *self,
                             gint64      kpi_id,
                             PmPeriod   *period,
                             char      **source,
                             char      **author,
                             GError    **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  g_autofree char *code = pm_period_to_code (period);

  stmt = pm_database_prepare (self->database,
                              "SELECT source, author FROM audit "
                              "WHERE kpi_id = ?1 AND period = ?2 AND kind = 'value' "
                              "ORDER BY id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  pm_statement_bind_int64 (stmt, 1, kpi_id);
  pm_statement_bind_text (stmt, 2, code);
  if (!pm_statement_step (stmt, error))
    return FALSE;

  *source = g_strdup (pm_statement_get_text (stmt, 0));
  *author = g_strdup (pm_statement_get_text (stmt, 1));
  return TRUE;
}

static const char * const signoff_names[] = {
  [PM_SIGNOFF_OPEN] = "reopened",
  [PM_SIGNOFF_SUBMITTED] = "submitted",
  [PM_SIGNOFF_ACCEPTED] = "accepted",
  [PM_SIGNOFF_RETURNED] = "returned",
};

const char *
pm_signoff_state_to_words (PmSignoffState state)
{
  switch (state)
    {
    case PM_SIGNOFF_SUBMITTED:
      return _("Submitted");
    case PM_SIGNOFF_ACCEPTED:
      return _("Accepted");
    case PM_SIGNOFF_RETURNED:
      return _("Returned for revision");
    case PM_SIGNOFF_OPEN:
    default:
      return _("Open");
    }
}

static PmSignoffState
signoff_from_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (signoff_names); i++)
    if (g_strcmp0 (name, signoff_names[i]) == 0)
      return (PmSignoffState) i;
  return PM_SIGNOFF_OPEN;
}

PmSignoffState
pm_store_get_signoff (PmStore     *self,
                      PmDistrict  *district,
                      PmPeriod    *period,
                      char       **comment,
                      GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  g_autofree char *code = NULL;
  PmSignoffState state;

  g_return_val_if_fail (PM_IS_STORE (self), PM_SIGNOFF_OPEN);
  g_return_val_if_fail (PM_IS_DISTRICT (district), PM_SIGNOFF_OPEN);
  g_return_val_if_fail (PM_IS_PERIOD (period), PM_SIGNOFF_OPEN);

  if (comment != NULL)
    *comment = NULL;

  stmt = pm_database_prepare (self->database,
                              "SELECT state, comment FROM signoff WHERE district_id = ?1 AND period = ?2 "
                              "ORDER BY id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return PM_SIGNOFF_OPEN;
  code = pm_period_to_code (period);
  pm_statement_bind_int64 (stmt, 1, pm_district_get_id (district));
  pm_statement_bind_text (stmt, 2, code);
  if (!pm_statement_step (stmt, error))
    return PM_SIGNOFF_OPEN;

  state = signoff_from_name (pm_statement_get_text (stmt, 0));
  if (comment != NULL)
    *comment = g_strdup (pm_statement_get_text (stmt, 1));
  return state;
}

gboolean
pm_store_set_signoff (PmStore         *self,
                      PmDistrict      *district,
                      PmPeriod        *period,
                      PmSignoffState   state,
                      const char      *comment,
                      GError         **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *code = NULL;
  PmSignoffState now;
  gboolean allowed;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_DISTRICT (district), FALSE);
  g_return_val_if_fail (PM_IS_PERIOD (period), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (pm_district_get_id (district) == 0)
    return _pm_store_not_saved (error);

  now = pm_store_get_signoff (self, district, period, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  switch (state)
    {
    case PM_SIGNOFF_SUBMITTED:
      allowed = now == PM_SIGNOFF_OPEN || now == PM_SIGNOFF_RETURNED;
      break;
    case PM_SIGNOFF_ACCEPTED:
    case PM_SIGNOFF_RETURNED:
      allowed = now == PM_SIGNOFF_SUBMITTED;
      break;
    case PM_SIGNOFF_OPEN:
    default:
      allowed = now == PM_SIGNOFF_ACCEPTED;
      break;
    }
  if (!allowed)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("The quarter is “%s”: it cannot become “%s” from there."),
                   pm_signoff_state_to_words (now), pm_signoff_state_to_words (state));
      return FALSE;
    }
  if (state == PM_SIGNOFF_RETURNED && (comment == NULL || *comment == '\0'))
    {
      g_set_error_literal (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                           _("Say why the quarter is returned: the lead needs to know what to revise."));
      return FALSE;
    }
  if (!pm_limits_check_text (PM_FIELD_SIGNOFF_COMMENT, comment, error))
    return FALSE;

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  code = pm_period_to_code (period);
  stmt = pm_database_prepare (self->database,
                              "INSERT INTO signoff (district_id, period, state, comment, author, at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    return _pm_store_end_write (self, FALSE, error);
  pm_statement_bind_int64 (stmt, 1, pm_district_get_id (district));
  pm_statement_bind_text (stmt, 2, code);
  pm_statement_bind_text (stmt, 3, signoff_names[state]);
  pm_statement_bind_text (stmt, 4, comment != NULL && *comment != '\0' ? comment : NULL);
  pm_statement_bind_text (stmt, 5, self->author);
  pm_statement_bind_now (stmt, 6);

  return _pm_store_end_write (self, pm_statement_execute (stmt, error), error);
}

void
pm_store_set_author (PmStore    *self,
                     const char *author)
{
  g_return_if_fail (PM_IS_STORE (self));

  g_free (self->author);
  self->author = author != NULL && author[0] != '\0' ? g_strdup (author) : NULL;
}

const char *
pm_store_get_author (PmStore *self)
{
  g_return_val_if_fail (PM_IS_STORE (self), NULL);

  return self->author;
}

static PmChangeSource
source_from_name (const char *name)
{
  if (g_strcmp0 (name, "csv") == 0)
    return PM_CHANGE_CSV;
  if (g_strcmp0 (name, "return") == 0)
    return PM_CHANGE_RETURN;
  if (g_strcmp0 (name, "import") == 0)
    return PM_CHANGE_IMPORT;
  return PM_CHANGE_TYPED;
}

static PmChangeKind
kind_from_name (const char *name)
{
  if (g_strcmp0 (name, "baseline") == 0)
    return PM_CHANGE_BASELINE;
  if (g_strcmp0 (name, "target") == 0)
    return PM_CHANGE_TARGET;
  if (g_strcmp0 (name, "narrative") == 0)
    return PM_CHANGE_NARRATIVE;
  return PM_CHANGE_VALUE;
}

static double
optional_double (PmStatement *stmt,
                 int          column)
{
  return pm_statement_is_null (stmt, column) ? NAN : pm_statement_get_double (stmt, column);
}

GListModel *
pm_store_list_changes (PmStore  *self,
                       PmKpi    *kpi,
                       GError  **error)
{
  g_autoptr(GListStore) changes = NULL;
  g_autoptr(PmStatement) stmt = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (PM_IS_STORE (self), NULL);
  g_return_val_if_fail (PM_IS_KPI (kpi), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (pm_kpi_get_id (kpi) == 0)
    {
      _pm_store_not_saved (error);
      return NULL;
    }

  stmt = pm_database_prepare (self->database,
                              "SELECT at, author, source, kind, period, old_value, new_value, "
                              "       old_text, new_text "
                              "FROM audit WHERE kpi_id = ?1 ORDER BY id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  pm_statement_bind_int64 (stmt, 1, pm_kpi_get_id (kpi));

  changes = g_list_store_new (PM_TYPE_CHANGE);
  while (pm_statement_step (stmt, &local_error))
    {
      g_autoptr(PmPeriod) period = NULL;
      g_autoptr(PmChange) change = NULL;
      const char *code = pm_statement_get_text (stmt, 4);

      /* The period was checked when it was written; a bad one is left out
       * rather than hiding the rest of the history. */
      if (code != NULL)
        period = pm_period_parse (code, NULL);

      change = pm_change_new (pm_statement_get_text (stmt, 0),
                              pm_statement_get_text (stmt, 1),
                              source_from_name (pm_statement_get_text (stmt, 2)),
                              kind_from_name (pm_statement_get_text (stmt, 3)),
                              period,
                              optional_double (stmt, 5),
                              optional_double (stmt, 6),
                              pm_statement_get_text (stmt, 7),
                              pm_statement_get_text (stmt, 8));
      g_list_store_append (changes, change);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&changes));
}

/* Someone else saved this KPI's value for the period after we read it:
 * says whose value is there now, and puts it in the model, so that the
 * window shows it. Ours was not written. */
static gboolean
report_conflict (PmStore          *self,
                 PmKpi            *kpi,
                 PmProgressEntry  *ours,
                 GError          **error)
{
  PmPeriod *period = pm_progress_entry_get_period (ours);
  g_autoptr(PmStatement) stmt = NULL;
  g_autoptr(PmProgressEntry) theirs = NULL;
  g_autofree char *code = pm_period_to_code (period);
  g_autofree char *label = pm_period_get_label (period);
  g_autofree char *source = NULL;
  g_autofree char *author = NULL;
  g_autofree char *their_text = NULL;
  g_autofree char *our_text = NULL;
  GError *local_error = NULL;

  stmt = pm_database_prepare (self->database,
                              "SELECT value, numerator, denominator, note, revision FROM progress "
                              "WHERE kpi_id = ?1 AND period = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  pm_statement_bind_int64 (stmt, 1, pm_kpi_get_id (kpi));
  pm_statement_bind_text (stmt, 2, code);
  if (pm_statement_step (stmt, &local_error))
    {
      theirs = pm_progress_entry_new (period);
      if (!pm_statement_is_null (stmt, 1) && !pm_statement_is_null (stmt, 2))
        pm_progress_entry_set_fraction (theirs, pm_statement_get_double (stmt, 1),
                                        pm_statement_get_double (stmt, 2), NULL);
      else if (!pm_statement_is_null (stmt, 0))
        pm_progress_entry_set_value (theirs, pm_statement_get_double (stmt, 0));
      pm_progress_entry_set_note (theirs, pm_statement_get_text (stmt, 3));
      pm_progress_entry_set_revision (theirs, pm_statement_get_int64 (stmt, 4));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (!_pm_store_last_value_change (self, pm_kpi_get_id (kpi), period, &source, &author, &local_error) &&
      local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (theirs != NULL && pm_progress_entry_has_value (theirs))
    their_text = pm_unit_format_value (pm_kpi_get_unit (kpi), pm_progress_entry_get_value (theirs));
  if (pm_progress_entry_has_value (ours))
    our_text = pm_unit_format_value (pm_kpi_get_unit (kpi), pm_progress_entry_get_value (ours));

  if (theirs != NULL)
    pm_kpi_set_entry (kpi, theirs, NULL);
  else
    pm_kpi_remove_entry (kpi, period);

  if (author != NULL && author[0] != '\0')
    /* Translators: a save refused because another person saved first:
     * author, their value, the quarter, our value */
    g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CONFLICT,
                 _("%s changed the value for %s to %s while you were entering yours (%s), "
                   "which was not saved. Their value is shown now; enter yours again if it "
                   "should replace it."),
                 author, label, their_text != NULL ? their_text : _("no value"),
                 our_text != NULL ? our_text : _("no value"));
  else
    g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CONFLICT,
                 _("Someone else changed the value for %s to %s while you were entering yours "
                   "(%s), which was not saved. Their value is shown now; enter yours again if it "
                   "should replace it."),
                 label, their_text != NULL ? their_text : _("no value"),
                 our_text != NULL ? our_text : _("no value"));
  return FALSE;
}

gboolean
pm_store_save_entry (PmStore          *self,
                     PmKpi            *kpi,
                     PmProgressEntry  *entry,
                     GError          **error)
{
  g_autoptr(PmKpi) scratch = NULL;
  g_autoptr(PmProgressEntry) copy = NULL;
  PmProgressEntry *held;
  gboolean written = FALSE;
  gboolean ok;
  gint64 expected;
  gint64 kpi_id;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (PM_IS_PROGRESS_ENTRY (entry), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  kpi_id = pm_kpi_get_id (kpi);
  if (kpi_id == 0)
    return _pm_store_not_saved (error);

  scratch = scratch_kpi (kpi);
  copy = pm_progress_entry_copy (entry);
  if (!pm_kpi_set_entry (scratch, copy, error))
    return FALSE;

  held = pm_kpi_get_entry (kpi, pm_progress_entry_get_period (entry));
  expected = held != NULL ? pm_progress_entry_get_revision (held) : 0;

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  ok = _pm_store_row_exists (self, PM_STORE_KPI_EXISTS, kpi_id, error) &&
       _pm_store_write_entry_if_unchanged (self->database, kpi_id, entry, expected, &written, error);
  if (ok && !written)
    {
      _pm_store_end_write (self, FALSE, NULL);
      return report_conflict (self, kpi, entry, error);
    }
  if (!_pm_store_end_write (self, ok, error))
    return _pm_store_name_accepted_quarter (self, PM_STORE_SCOPE_KPI, kpi_id,
                                            pm_progress_entry_get_period (entry), error);

  return pm_kpi_set_entry (kpi, entry, error);
}

gboolean
pm_store_delete_entry (PmStore   *self,
                       PmKpi     *kpi,
                       PmPeriod  *period,
                       GError   **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  PmProgressEntry *held;
  g_autofree char *code = NULL;
  gint64 kpi_id;
  gboolean ok;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (PM_IS_PERIOD (period), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  kpi_id = pm_kpi_get_id (kpi);
  if (kpi_id == 0)
    return _pm_store_not_saved (error);

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  code = pm_period_to_code (period);
  held = pm_kpi_get_entry (kpi, period);
  ok = _pm_store_row_exists (self, PM_STORE_KPI_EXISTS, kpi_id, error) &&
       (stmt = pm_database_prepare (self->database,
                                    "DELETE FROM progress WHERE kpi_id = ?1 AND period = ?2 "
                                    "AND revision = ?3",
                                    error)) != NULL;
  if (ok)
    {
      pm_statement_bind_int64 (stmt, 1, kpi_id);
      pm_statement_bind_text (stmt, 2, code);
      pm_statement_bind_int64 (stmt, 3, held != NULL ? pm_progress_entry_get_revision (held) : 0);
      ok = pm_statement_execute (stmt, error);
    }

  /* Nothing deleted, yet a row is there: someone saved it since. */
  if (ok && pm_database_get_changes (self->database) == 0)
    {
      g_autoptr(PmStatement) check = NULL;
      gboolean exists = FALSE;

      check = pm_database_prepare (self->database,
                                   "SELECT 1 FROM progress WHERE kpi_id = ?1 AND period = ?2", NULL);
      if (check != NULL)
        {
          pm_statement_bind_int64 (check, 1, kpi_id);
          pm_statement_bind_text (check, 2, code);
          exists = pm_statement_step (check, NULL);
        }
      if (exists)
        {
          g_autoptr(PmProgressEntry) none = pm_progress_entry_new (period);

          _pm_store_end_write (self, FALSE, NULL);
          return report_conflict (self, kpi, none, error);
        }
    }

  if (!_pm_store_end_write (self, ok, error))
    return _pm_store_name_accepted_quarter (self, PM_STORE_SCOPE_KPI, kpi_id, period, error);

  /* Deleting a value that was never entered leaves nothing to do. */
  pm_kpi_remove_entry (kpi, period);
  return TRUE;
}

gboolean
pm_store_save_narrative (PmStore      *self,
                         PmPilot      *pilot,
                         PmNarrative  *narrative,
                         GError      **error)
{
  gint64 pilot_id;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_PILOT (pilot), FALSE);
  g_return_val_if_fail (PM_IS_NARRATIVE (narrative), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pilot_id = pm_pilot_get_id (pilot);
  if (pilot_id == 0)
    return _pm_store_not_saved (error);

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  if (!_pm_store_end_write (self,
                  _pm_store_row_exists (self, PM_STORE_PILOT_EXISTS, pilot_id, error) &&
                  _pm_store_write_narrative (self->database, pilot_id, narrative, error),
                  error))
    return _pm_store_name_accepted_quarter (self, PM_STORE_SCOPE_PILOT, pilot_id,
                                            pm_narrative_get_period (narrative), error);

  pm_pilot_set_narrative (pilot, narrative);
  return TRUE;
}

gboolean
pm_store_save_reach (PmStore       *self,
                     PmPilot       *pilot,
                     PmReachEntry  *entry,
                     GError       **error)
{
  const char *provider;
  gint64 pilot_id;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_PILOT (pilot), FALSE);
  g_return_val_if_fail (PM_IS_REACH_ENTRY (entry), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pilot_id = pm_pilot_get_id (pilot);
  if (pilot_id == 0)
    return _pm_store_not_saved (error);

  if (pm_reach_entry_get_families (entry) < 0)
    {
      g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE,
                   _("The number of families supported cannot be negative."));
      return FALSE;
    }

  provider = pm_reach_entry_get_provider (entry);
  if (provider != NULL && pm_pilot_find_provider (pilot, provider) == NULL)
    {
      g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_MISSING,
                   _("This pilot has no provider called “%s”."), provider);
      return FALSE;
    }

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  if (!_pm_store_end_write (self,
                  _pm_store_row_exists (self, PM_STORE_PILOT_EXISTS, pilot_id, error) &&
                  _pm_store_write_reach (self->database, pilot_id, entry, error),
                  error))
    return FALSE;

  pm_pilot_set_reach (pilot, entry);
  return TRUE;
}

gboolean
pm_store_add_spend (PmStore      *self,
                    PmPilot      *pilot,
                    PmSpendItem  *item,
                    GError      **error)
{
  const char *description;
  gint64 pilot_id;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_PILOT (pilot), FALSE);
  g_return_val_if_fail (PM_IS_SPEND_ITEM (item), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pilot_id = pm_pilot_get_id (pilot);
  if (pilot_id == 0)
    return _pm_store_not_saved (error);

  description = pm_spend_item_get_description (item);
  if (description == NULL || *description == '\0')
    {
      g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_MISSING,
                   _("Say what the money was spent on."));
      return FALSE;
    }

  if (pm_spend_item_get_amount_pence (item) < 0)
    {
      g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE,
                   _("An amount spent cannot be negative."));
      return FALSE;
    }

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  if (!_pm_store_end_write (self,
                  _pm_store_row_exists (self, PM_STORE_PILOT_EXISTS, pilot_id, error) &&
                  _pm_store_check_room (self, "SELECT count(*) FROM spend_item WHERE pilot_id = ?1",
                                        pilot_id, PM_LIST_SPEND, error) &&
                  _pm_store_insert_spend (self->database, pilot_id, item, error),
                  error))
    return FALSE;

  pm_pilot_add_spend (pilot, item);
  return TRUE;
}

gboolean
pm_store_set_baseline (PmStore     *self,
                       PmKpi       *kpi,
                       PmBaseline  *baseline,
                       GError     **error)
{
  g_autoptr(PmKpi) scratch = NULL;
  g_autoptr(PmBaseline) copy = NULL;
  GListModel *targets;
  gint64 kpi_id;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (PM_IS_BASELINE (baseline), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  kpi_id = pm_kpi_get_id (kpi);
  if (kpi_id == 0)
    return _pm_store_not_saved (error);

  /* The new baseline must suit the unit and come before the targets'
   * dates: try it on a scratch KPI holding copies of the targets. */
  scratch = scratch_kpi (kpi);
  targets = pm_kpi_get_targets (kpi);
  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(PmTarget) target = g_list_model_get_item (targets, i);
      g_autoptr(PmTarget) target_copy = copy_target (target);

      if (!pm_kpi_add_target (scratch, target_copy, error))
        return FALSE;
    }

  copy = pm_baseline_copy (baseline);
  if (!pm_kpi_set_baseline (scratch, copy, error))
    return FALSE;

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  if (!_pm_store_end_write (self,
                  _pm_store_row_exists (self, PM_STORE_KPI_EXISTS, kpi_id, error) &&
                  _pm_store_write_baseline (self->database, kpi_id, baseline, error),
                  error))
    return FALSE;

  return pm_kpi_set_baseline (kpi, baseline, error);
}

gboolean
pm_store_add_target (PmStore   *self,
                     PmKpi     *kpi,
                     PmTarget  *target,
                     GError   **error)
{
  g_autoptr(PmKpi) scratch = NULL;
  g_autoptr(PmBaseline) baseline = NULL;
  g_autoptr(PmTarget) copy = NULL;
  gint64 kpi_id;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (PM_IS_TARGET (target), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  kpi_id = pm_kpi_get_id (kpi);
  if (kpi_id == 0)
    return _pm_store_not_saved (error);

  scratch = scratch_kpi (kpi);
  baseline = pm_baseline_copy (pm_kpi_get_baseline (kpi));
  copy = copy_target (target);
  if (!pm_kpi_set_baseline (scratch, baseline, error) ||
      !pm_kpi_add_target (scratch, copy, error))
    return FALSE;

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  if (!_pm_store_end_write (self,
                  _pm_store_row_exists (self, PM_STORE_KPI_EXISTS, kpi_id, error) &&
                  _pm_store_check_room (self, "SELECT count(*) FROM target WHERE kpi_id = ?1",
                                        kpi_id, PM_LIST_TARGETS, error) &&
                  _pm_store_insert_target (self->database, kpi_id, target, error),
                  error))
    return FALSE;

  return pm_kpi_add_target (kpi, target, error);
}
