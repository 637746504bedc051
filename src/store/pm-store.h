/* pm-store.h: the programme's data, in a file or on a server
 *
 * PmStore keeps one programme in one database: a sqlite file, or a
 * PostgreSQL database on a server shared by a team (see pm-database.h for
 * the two engines behind it). Every change is written in its own
 * transaction the moment it is made, and only when the write has committed
 * is the model object updated, so what the window shows is what is stored.
 * Nothing here knows about widgets; nothing above here writes SQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "model/pm-change.h"
#include "model/pm-programme.h"
#include "model/pm-restatement.h"
#include "pm-store-error.h"

G_BEGIN_DECLS

#define PM_TYPE_STORE (pm_store_get_type ())
G_DECLARE_FINAL_TYPE (PmStore, pm_store, PM, STORE, GObject)

/* The schema version this build writes (PRAGMA user_version on a file,
 * pm_meta.schema_version on a server). */
#define PM_STORE_SCHEMA_VERSION 19

typedef enum
{
  PM_STORE_OPEN_DEFAULT   = 0,
  PM_STORE_OPEN_CREATE    = 1 << 0,  /* create the file (mode 0600) if missing */
  PM_STORE_OPEN_READ_ONLY = 1 << 1,
  /* With READ_ONLY, for an export that only reads: skip sqlite's check of
   * every page at open (most of the open of a large file). The file is
   * still refused if it is not ours or too new, and a damaged page that
   * the export reads fails as PM_STORE_ERROR_CORRUPT; nothing is ever
   * written. Ignored without READ_ONLY, and by a server. */
  PM_STORE_OPEN_SKIP_PAGE_CHECK = 1 << 2,
  /* A file's integrity check (sqlite's quick_check, seconds on a large
   * file) is left to pm_store_check_async(), and every write is refused
   * until it has passed. Only a file that needs no migration and no change
   * of journal is opened so; any other is checked before it opens. */
  PM_STORE_OPEN_CHECK_LATER = 1 << 3,
} PmStoreOpenFlags;

/* Opens (and migrates) the database at @path: a file, or a PostgreSQL
 * server given as a postgresql:// URI or libpq connection string (with
 * PM_STORE_OPEN_CREATE an empty server database is set up). A file that is not a sqlite
 * database, a database of another application, one from a newer version,
 * or one that cannot be written is a GError in PM_STORE_ERROR, and the file
 * is left exactly as it was. */
PmStore     *pm_store_open              (const char        *path,
                                         PmStoreOpenFlags   flags,
                                         GError           **error);
/* The same, giving a server @password (asked of the user; kept nowhere).
 * NULL leaves libpq to find one (PGPASSWORD, .pgpass) or do without. */
PmStore     *pm_store_open_with_password (const char       *path,
                                          const char       *password,
                                          PmStoreOpenFlags  flags,
                                          GError          **error);
/* pm-store-async.c: pm_store_open_with_password() and, unless the
 * database is empty, pm_store_load(), in a worker thread that alone uses
 * the connection until @callback runs (on the thread-default main
 * context), so that a slow server never freezes the caller. Cancelling
 * @cancellable cancels the query running on the server (PQcancel); the
 * connection is then closed and the result is G_IO_ERROR_CANCELLED, with
 * nothing loaded. @password is wiped from memory once used. */
void         pm_store_open_async        (const char          *path,
                                         const char          *password,
                                         PmStoreOpenFlags     flags,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* The store, now the caller's alone, and its programme in @programme
 * (NULL for an empty database); NULL with @error as pm_store_open() and
 * pm_store_load() give them. */
PmStore     *pm_store_open_finish       (GAsyncResult        *result,
                                         PmProgramme        **programme,
                                         GError             **error);
const char  *pm_store_get_path          (PmStore           *self);
/* Whether the store was opened with its integrity check left for later
 * and pm_store_check_finish() has not yet said it passed. */
gboolean     pm_store_check_pending     (PmStore           *self);
/* Runs the integrity check left by PM_STORE_OPEN_CHECK_LATER in a worker
 * thread (at once when none is left). Once pm_store_check_finish() has
 * returned TRUE the store writes; once it has failed (a damaged file is
 * PM_STORE_ERROR_CORRUPT) it never does. */
void         pm_store_check_async       (PmStore             *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean     pm_store_check_finish      (PmStore             *self,
                                         GAsyncResult        *result,
                                         GError             **error);
/* @location (a file, or a PostgreSQL connection string or URI) as it may
 * be shown: a file's path as it is; for a server "dbname on host", never
 * its password. */
char        *pm_store_describe_location (const char        *location);
/* @location as it may be remembered (recent files): a file's path, or a
 * server's connection string without any password. */
char        *pm_store_location_to_keep  (const char        *location);
gboolean     pm_store_is_server         (PmStore           *self);
/* TRUE when @location names a PostgreSQL server rather than a file. */
gboolean     pm_store_location_is_server (const char       *location);
/* A server's location from what a person fills in: @server ("host" or
 * "host:port", "" for the local one), @database and @user ("" for the
 * account's), with any other settings of @location (may be NULL) kept,
 * never a password; NULL when @database is empty. */
char        *pm_store_server_location   (const char        *location,
                                         const char        *server,
                                         const char        *database,
                                         const char        *user);
/* The reverse: the server ("host:port"), database and user of a server
 * @location ("" where it gives none); FALSE when it does not parse. */
gboolean     pm_store_server_location_parts (const char    *location,
                                             char         **server,
                                             char         **database,
                                             char         **user);
gboolean     pm_store_is_empty          (PmStore           *self);
/* Closes the database; any later call fails with PM_STORE_ERROR_IO. */
void         pm_store_close             (PmStore           *self);

/* The whole programme, with every object's id set. PM_STORE_ERROR_EMPTY
 * when the database holds none yet. */
PmProgramme *pm_store_load              (PmStore           *self,
                                         GError           **error);
/* For a summary of one district at @period, without reading the whole
 * programme: every district and pilot (with what a pilot holds but
 * narratives and KPIs), @district (named as pm_programme_find_district()
 * finds it) whole, and of the others only the KPIs linked to a programme
 * indicator, whole, for the indicators' totals. The other KPIs are not
 * read: the programme's ratings at @period come from
 * pm_store_count_programme_rag(). For reading only: never save or edit
 * it. With no such district, no district's KPIs but linked ones are read. */
PmProgramme *pm_store_load_district     (PmStore           *self,
                                         const char        *district,
                                         PmPeriod          *period,
                                         GError           **error);
/* How many KPIs of the programme are rated green, amber, red and grey at
 * @period (@counts indexed by PmRag, PM_N_RAG of them), as
 * pm_programme_count_rag() counts the programme pm_store_load() reads,
 * but from the database, without loading it. */
gboolean     pm_store_count_programme_rag (PmStore         *self,
                                           PmPeriod        *period,
                                           guint           *counts,
                                           GError         **error);
/* For the window's first frame: the programme as pm_store_load() reads
 * it but for the narratives, none of which is read, and the values, of
 * which only those the first screen at @period shows and judges by: each
 * KPI's value at @period and its latest before it (travel), and every
 * value of a KPI of another frequency or linked to a programme indicator
 * (pm-store-load-shown.c). Until
 * pm_store_load_rest_finish() has added the rest, every write is refused
 * (PM_STORE_ERROR_LOCKED); once that has failed, it always is. A server,
 * or a file too old to read so, is read whole, with nothing left. */
PmProgramme *pm_store_load_shown        (PmStore           *self,
                                         PmPeriod          *period,
                                         GError           **error);
/* The quarter the programme's latest value ends in (the period
 * pm_period_due() starts from), or NULL, without error, when it has no
 * value; read without loading the values. */
PmPeriod    *pm_store_read_latest_quarter (PmStore         *self,
                                           GError         **error);
/* TRUE between pm_store_load_shown() and pm_store_load_rest_finish(). */
gboolean     pm_store_rest_pending      (PmStore           *self);
/* FALSE, with why, while the rest is pending (PM_STORE_ERROR_LOCKED) or
 * once reading it has failed (that error): the model is not the whole
 * programme then. */
gboolean     pm_store_check_loaded      (PmStore           *self,
                                         GError           **error);
/* Reads the values pm_store_load_shown() left in a worker thread, on a
 * read-only connection of its own, and adds them to @programme (the one
 * it returned) on the main thread in pm_store_load_rest_finish(): to
 * each KPI in one change of its entries, keeping an entry it already
 * has, and to each pilot its narratives. At once when nothing is left to
 * read. */
void         pm_store_load_rest_async   (PmStore             *self,
                                         PmProgramme         *programme,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean     pm_store_load_rest_finish  (PmStore             *self,
                                         GAsyncResult        *result,
                                         GError             **error);
/* Writes @programme into an empty database in one transaction and sets the
 * ids of its objects; PM_STORE_ERROR_NOT_EMPTY otherwise. */
gboolean     pm_store_import            (PmStore           *self,
                                         PmProgramme       *programme,
                                         GError           **error);
/* Copies everything the database holds (the programme, the audit trail,
 * sign-offs and committee rounds, ids and all) into @destination: a new
 * file, or an empty database on a PostgreSQL server, either way from
 * either engine. Written whole or not at all; an existing file, or a
 * server database that is not empty, is PM_STORE_ERROR_NOT_EMPTY. */
gboolean     pm_store_copy_to           (PmStore           *self,
                                         const char        *destination,
                                         GError           **error);
/* Copies the database to @path with sqlite's online backup (Save As). */
gboolean     pm_store_backup_to         (PmStore           *self,
                                         const char        *path,
                                         GError           **error);

/* TRUE when someone else has changed the programme since the last call
 * (or the open): another window on the file, another person on the
 * server. Reload it then with pm_store_load(). */
gboolean     pm_store_poll_changes      (PmStore           *self,
                                         GError           **error);
/* A server tells of each change as it is made: from here on the store
 * emits PmStore::changed-elsewhere on the thread-default main context as
 * they arrive, or when the connection is lost, and needs no polling.
 * FALSE for a file, which is polled as before. */
gboolean     pm_store_watch_changes     (PmStore           *self);
/* pm_store_poll_changes() that reads into @programme, loaded from this
 * store, the values others have saved, when those are all they changed
 * (a server says which); TRUE in *@reload when anything else may have
 * changed: load the programme again. */
gboolean     pm_store_update_changes    (PmStore           *self,
                                         PmProgramme       *programme,
                                         gboolean          *reload,
                                         GError           **error);

/* A server's connection can be lost (the server restarted, the network
 * went): every call then fails with PM_STORE_ERROR_DISCONNECTED, and
 * nothing is saved, until pm_store_reconnect() connects again. A value
 * whose save lost the connection during its last step may have been
 * written: saving it again after reconnecting finds out from the row's
 * version, and never writes it twice. A file is always connected. */
gboolean     pm_store_is_connected      (PmStore           *self);
gboolean     pm_store_reconnect         (PmStore           *self,
                                         GError           **error);

/* Who is making the changes, for the audit trail (the name typed in
 * preferences); NULL or "" when not known. */
void         pm_store_set_author        (PmStore           *self,
                                         const char        *author);
const char  *pm_store_get_author        (PmStore           *self);

/* The audit trail of @kpi, newest first: a GListModel of PmChange,
 * covering its values, baseline and targets. */
GListModel  *pm_store_list_changes      (PmStore           *self,
                                         PmKpi             *kpi,
                                         GError           **error);

/* Sign-off of a district's quarter. */
typedef enum
{
  PM_SIGNOFF_OPEN,        /* nothing said yet, or reopened */
  PM_SIGNOFF_SUBMITTED,   /* the lead says it is complete */
  PM_SIGNOFF_ACCEPTED,    /* the office accepted it: read-only */
  PM_SIGNOFF_RETURNED,    /* the office sent it back, with a comment */
} PmSignoffState;

/* The state of @district's @period, and the comment that came with it
 * (NULL when none; free it). */
PmSignoffState pm_store_get_signoff     (PmStore           *self,
                                         PmDistrict        *district,
                                         PmPeriod          *period,
                                         char             **comment,
                                         GError           **error);
/* Moves the quarter on: SUBMITTED from open or returned; ACCEPTED or
 * RETURNED (a comment is required) from submitted; OPEN (reopening)
 * from accepted. Anything else is PM_STORE_ERROR_INVALID. Recorded with
 * the author and the time. */
gboolean     pm_store_set_signoff       (PmStore           *self,
                                         PmDistrict        *district,
                                         PmPeriod          *period,
                                         PmSignoffState     state,
                                         const char        *comment,
                                         GError           **error);
/* "Open", "Submitted", "Accepted", "Returned for revision". */
const char  *pm_signoff_state_to_words  (PmSignoffState     state);

/* Committee rounds. Freezing keeps every quarterly value up to @period as
 * it was reported to the committee on @reported_on ("YYYY-MM-DD", not
 * before the previous round's date). Values stay editable: a later change
 * to a frozen period is a restatement. */
gboolean     pm_store_freeze_round      (PmStore           *self,
                                         const char        *reported_on,
                                         PmPeriod          *period,
                                         GError           **error);
/* The latest round's date and period (free/unref them); FALSE without an
 * error when the programme has never been reported. */
gboolean     pm_store_get_latest_round  (PmStore           *self,
                                         char             **reported_on,
                                         PmPeriod         **period,
                                         GError           **error);
/* What differs now from the latest round, for periods up to @up_to (or
 * all of them for NULL): a GListModel of PmRestatement (objects of
 * @programme), by KPI and period; empty when there has been no round. */
GListModel  *pm_store_list_restatements (PmStore           *self,
                                         PmProgramme       *programme,
                                         PmPeriod          *up_to,
                                         GError           **error);

/* Edits. Each validates, writes in one transaction, then updates the model
 * objects; on failure the model and the file are unchanged.
 *
 * A value is saved only if nobody else has saved that KPI and period
 * since it was read (its row version, pm_progress_entry_get_revision()
 * of the entry the model holds): otherwise PM_STORE_ERROR_CONFLICT, whose
 * message names the other person and their value, and the model then
 * holds their value. */
gboolean     pm_store_save_entry        (PmStore           *self,
                                         PmKpi             *kpi,
                                         PmProgressEntry   *entry,
                                         GError           **error);
/* pm_store_save_entry() without waiting on the network: a server's saves
 * queue and are made one at a time, in the order asked, in a worker that
 * has the connection to itself; the model is updated here, once the save
 * has committed (or, on a conflict, holds the other person's value, as
 * above). A file's save is made at once and reported from the main loop.
 * Meanwhile the main thread's own statements on the connection wait for
 * the save; pm_store_is_saving() says whether one is queued or running. */
void         pm_store_save_entry_async  (PmStore             *self,
                                         PmKpi               *kpi,
                                         PmProgressEntry     *entry,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* *@replaced (may be NULL): the entry the model held before the saved
 * one, NULL when there was none. */
gboolean     pm_store_save_entry_finish (PmStore           *self,
                                         GAsyncResult      *result,
                                         PmProgressEntry  **replaced,
                                         GError           **error);
gboolean     pm_store_is_saving         (PmStore           *self);
gboolean     pm_store_delete_entry      (PmStore           *self,
                                         PmKpi             *kpi,
                                         PmPeriod          *period,
                                         GError           **error);
gboolean     pm_store_save_narrative    (PmStore           *self,
                                         PmPilot           *pilot,
                                         PmNarrative       *narrative,
                                         GError           **error);
gboolean     pm_store_save_reach        (PmStore           *self,
                                         PmPilot           *pilot,
                                         PmReachEntry      *entry,
                                         GError           **error);
gboolean     pm_store_add_spend         (PmStore           *self,
                                         PmPilot           *pilot,
                                         PmSpendItem       *item,
                                         GError           **error);
gboolean     pm_store_set_baseline      (PmStore           *self,
                                         PmKpi             *kpi,
                                         PmBaseline        *baseline,
                                         GError           **error);
gboolean     pm_store_add_target        (PmStore           *self,
                                         PmKpi             *kpi,
                                         PmTarget          *target,
                                         GError           **error);
/* Writes the scalar fields of an object already in the store (title, unit,
 * direction, measure, frequency, tolerance, data source; a pilot's fields
 * and key outcomes; a district's or programme's name).
 *
 * A KPI's frequency is refused (PM_MODEL_ERROR_INVALID_PERIOD) while it
 * holds values of another, in the model or stored; an instance of an
 * indicator keeps the indicator's unit and direction
 * (PM_MODEL_ERROR_INCONSISTENT). See pm-kpi-rules.h. */
gboolean     pm_store_update_kpi        (PmStore           *self,
                                         PmKpi             *kpi,
                                         GError           **error);
gboolean     pm_store_update_pilot      (PmStore           *self,
                                         PmPilot           *pilot,
                                         GError           **error);
gboolean     pm_store_update_district   (PmStore           *self,
                                         PmDistrict        *district,
                                         GError           **error);
gboolean     pm_store_update_programme  (PmStore           *self,
                                         PmProgramme       *programme,
                                         GError           **error);
/* Adding and deleting structure (a delete removes what hangs below). */
gboolean     pm_store_add_district      (PmStore           *self,
                                         PmProgramme       *programme,
                                         PmDistrict        *district,
                                         GError           **error);
gboolean     pm_store_delete_district   (PmStore           *self,
                                         PmProgramme       *programme,
                                         PmDistrict        *district,
                                         GError           **error);
gboolean     pm_store_add_pilot         (PmStore           *self,
                                         PmDistrict        *district,
                                         PmPilot           *pilot,
                                         GError           **error);
gboolean     pm_store_delete_pilot      (PmStore           *self,
                                         PmDistrict        *district,
                                         PmPilot           *pilot,
                                         GError           **error);
gboolean     pm_store_add_kpi           (PmStore           *self,
                                         PmPilot           *pilot,
                                         PmKpi             *kpi,
                                         GError           **error);
gboolean     pm_store_delete_kpi        (PmStore           *self,
                                         PmPilot           *pilot,
                                         PmKpi             *kpi,
                                         GError           **error);

G_END_DECLS
