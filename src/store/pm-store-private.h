/* pm-store-private.h: what the store's files share, and hooks for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "model/pm-limits.h"
#include "pm-database.h"
#include "pm-store.h"
#include "pm-store-people.h"

G_BEGIN_DECLS

/* SQL, on both engines, for the code of the quarter a value's period
 * (the column or parameter @period) ends in: FY2016 is FY2016-Q4 (its
 * fourth quarter), FY2016-M07 FY2016-Q3, a quarter itself. Codes of
 * quarters sort as the quarters do; those of years and months do not
 * sort among them. As the guards of schema 17 have it. */
#define PM_STORE_SQL_END_QUARTER(period) \
  "(CASE WHEN substr (" period ", 1, 2) = 'CY' " \
  "      THEN 'FY' || substr (" period ", 3, 4) || '-Q3' " \
  "      WHEN length (" period ") = 6 THEN " period " || '-Q4' " \
  "      WHEN substr (" period ", 8, 1) = 'M' " \
  "      THEN substr (" period ", 1, 7) || 'Q' || " \
  "           CAST ((CAST (substr (" period ", 9, 2) AS INTEGER) + 2) / 3 AS TEXT) " \
  "      ELSE " period " END)"

/* In a read scoped to a period (pm_store_load_shown(), ?1 a district), the KPIs
 * (joined with their pilot) every value of which is read: the district's
 * own (?1), those linked to a programme indicator (totalled over every
 * district) and those of another frequency than the period's (?3), which
 * are judged on their latest value by then. Of the other KPIs only the
 * value of the period itself (?2) is read: all a RAG rating at it uses. */
#define PM_STORE_SQL_SCOPE_ALL_VALUES \
  "(pilot.district_id = ?1 OR kpi.indicator_id IS NOT NULL OR kpi.frequency IS DISTINCT FROM ?3)"

/* In a scoped read of one district (pm_store_load_district()), the KPIs
 * read: the district's own (?1) and those linked to a programme
 * indicator, which are totalled over every district. */
#define PM_STORE_SQL_SCOPE_KPI_IDS \
  "(SELECT kpi.id FROM kpi JOIN pilot ON pilot.id = kpi.pilot_id " \
  " WHERE pilot.district_id = ?1 OR kpi.indicator_id IS NOT NULL)"

/* In the window's first read (pm_store_load_shown()), the (kpi_id,
 * period) of each value read: every value of the KPIs of
 * PM_STORE_SQL_SCOPE_ALL_VALUES (?1 is -1: no district), and of the
 * others the value of the period shown (?2) and their latest value
 * before it, which travel is judged from. Codes of one frequency sort as
 * their periods do, and a KPI's values are all of its frequency. */
#define PM_STORE_SQL_SHOWN_KEYS \
  "SELECT p.kpi_id AS kpi_id, p.period AS period FROM progress p WHERE p.kpi_id IN " \
  "  (SELECT kpi.id FROM kpi JOIN pilot ON pilot.id = kpi.pilot_id " \
  "   WHERE " PM_STORE_SQL_SCOPE_ALL_VALUES ") " \
  "UNION ALL SELECT kpi.id, ?2 FROM kpi JOIN pilot ON pilot.id = kpi.pilot_id " \
  "WHERE NOT " PM_STORE_SQL_SCOPE_ALL_VALUES " " \
  "UNION ALL SELECT kpi.id, " \
  "  (SELECT q.period FROM progress q WHERE q.kpi_id = kpi.id AND q.period < ?2 " \
  "     AND (q.value IS NOT NULL OR (q.numerator IS NOT NULL AND q.denominator IS NOT NULL)) " \
  "   ORDER BY q.period DESC LIMIT 1) " \
  "FROM kpi JOIN pilot ON pilot.id = kpi.pilot_id " \
  "WHERE NOT " PM_STORE_SQL_SCOPE_ALL_VALUES

/* The values of PM_STORE_SQL_SHOWN_KEYS, as the load reads them. */
#define PM_STORE_SQL_SHOWN_VALUES \
  "SELECT p.period, p.value, p.numerator, p.denominator, p.note, p.revision, p.kpi_id " \
  "FROM (" PM_STORE_SQL_SHOWN_KEYS ") k " \
  "JOIN progress p ON p.kpi_id = k.kpi_id AND p.period = k.period ORDER BY 7, 1"

/* The connection behind a store, for tests (a short busy timeout, raw
 * queries on what was written). */
PmDatabase *_pm_store_get_database (PmStore *self);

/* Who the store is connected as (pm-store-people.c): read when it
 * opens, and again after each change to the people. */
typedef struct
{
  PmAccess  access;
  char     *name;            /* the server login; NULL for a file */
  GArray   *lead_districts;  /* gint64 ids of the districts a lead leads */
} PmStoreIdentity;

PmStoreIdentity *_pm_store_get_identity   (PmStore          *self);
gboolean         _pm_store_read_identity  (PmStore          *self,
                                           GError          **error);
void             _pm_store_identity_clear (PmStoreIdentity  *identity);

/* The rest of a programme read by pm_store_load_shown() (pm-store.c):
 * pending, or failed with @error (kept; never written then). */
void     _pm_store_set_rest   (PmStore       *self,
                               gboolean       pending,
                               const GError  *error);
/* FALSE, with why, while the rest is pending or once it failed. */
gboolean _pm_store_check_rest (PmStore       *self,
                               GError       **error);

/* Shared by the store's edits (pm-store.c, pm-store-structure.c). */
#define PM_STORE_PROGRAMME_EXISTS "SELECT 1 FROM programme WHERE id = ?1"
#define PM_STORE_DISTRICT_EXISTS  "SELECT 1 FROM district WHERE id = ?1"
#define PM_STORE_PILOT_EXISTS     "SELECT 1 FROM pilot WHERE id = ?1"
#define PM_STORE_KPI_EXISTS       "SELECT 1 FROM kpi WHERE id = ?1"

/* Each returns FALSE with its PM_STORE_ERROR set: an object with no id
 * (NOT_FOUND), one that already has an id (INVALID), a row that is gone
 * (NOT_FOUND). */
gboolean    _pm_store_not_saved     (GError     **error);
gboolean    _pm_store_already_saved (GError     **error);
gboolean    _pm_store_gone          (GError     **error);
/* Opens a write transaction, refusing early on a read-only store; the
 * audit trail records the store's author and @source ("typed", "csv",
 * "return" or "import") for every change in it. */
gboolean    _pm_store_begin_write   (PmStore     *self,
                                     GError     **error);
gboolean    _pm_store_begin_write_from (PmStore     *self,
                                        const char  *source,
                                        GError     **error);
/* The same, recording @author rather than the store's (a lead's return). */
gboolean    _pm_store_begin_write_as   (PmStore     *self,
                                        const char  *source,
                                        const char  *author,
                                        GError     **error);
/* Where @kpi_id's value for @period last came from ("typed", "csv",
 * "return", "import"), with its author; FALSE with no error when the
 * trail has nothing. */
gboolean    _pm_store_last_value_change (PmStore    *self,
                                         gint64      kpi_id,
                                         PmPeriod   *period,
                                         char      **source,
                                         char      **author,
                                         GError    **error);
/* Commits, or rolls back when @ok is FALSE or the commit fails. */
gboolean    _pm_store_end_write     (PmStore     *self,
                                     gboolean     ok,
                                     GError     **error);
/* TRUE (once) when the last _pm_store_end_write() lost the connection
 * during its COMMIT: the server may or may not have written it. */
gboolean    _pm_store_take_commit_unknown (PmStore *self);

/* A value whose save lost its connection during the COMMIT, kept until
 * it is known whether it was written (pm-store-save.c): @entry, saved
 * over the row's version @expected. The store takes @entry. */
void        _pm_store_set_unknown_save  (PmStore          *self,
                                         gint64            kpi_id,
                                         PmProgressEntry  *entry,
                                         gint64            expected);
/* The value kept for @kpi_id and @period, or NULL. */
PmProgressEntry *_pm_store_get_unknown_save (PmStore   *self,
                                             gint64     kpi_id,
                                             PmPeriod  *period,
                                             gint64    *expected);
void        _pm_store_clear_unknown_save (PmStore *self);
/* Inside a transaction: FALSE with NOT_FOUND when the row is gone. */
gboolean    _pm_store_row_exists    (PmStore     *self,
                                     const char  *sql,
                                     gint64       id,
                                     GError     **error);
/* Inside a transaction, before adding one more to @list: @count_sql
 * (with ?1 = @parent_id) counts those there are already; one more than
 * the limit is PM_MODEL_ERROR_TOO_MANY. */
gboolean    _pm_store_check_room    (PmStore     *self,
                                     const char  *count_sql,
                                     gint64       parent_id,
                                     PmList       list,
                                     GError     **error);
/* Runs @sql with ?1 = @id and ?2 = @parent_id; NOT_FOUND when it changed
 * no row. */
gboolean    _pm_store_change_row    (PmStore     *self,
                                     const char  *sql,
                                     gint64       id,
                                     gint64       parent_id,
                                     GError     **error);

/* What a refused write was about (pm-store-accepted.c). */
typedef enum
{
  PM_STORE_SCOPE_KPI,
  PM_STORE_SCOPE_PILOT,
  PM_STORE_SCOPE_DISTRICT,
} PmStoreScope;

/* After a write that the guard on accepted quarters refused, once it is
 * rolled back: @error then names the quarter and its district ("Q3
 * 2016/17 of Cannock Chase has been accepted; reopen it to change it.").
 * @period is the quarter the write was for; NULL for a delete, which
 * names the first accepted quarter holding the object's values or
 * narratives. Any other error is left as it is. Returns FALSE, for the
 * caller to return. */
/* pm-store-save.c: pm_store_save_entry()'s writing, without the model
 * (a save's worker runs it, with the author as it was when the save
 * started), and its conflict's error, which puts the winning row in the
 * model. */
gboolean    _pm_store_write_entry_job (PmStore           *self,
                                       const char        *author_now,
                                       gint64             kpi_id,
                                       PmProgressEntry   *entry,
                                       gint64             expected,
                                       gboolean          *conflict,
                                       PmProgressEntry  **theirs,
                                       char             **author,
                                       gboolean          *commit_unknown,
                                       GError           **error);
gboolean    _pm_store_conflict_error  (PmKpi             *kpi,
                                       PmProgressEntry   *ours,
                                       PmProgressEntry   *theirs,
                                       const char        *author,
                                       GError           **error);

gboolean    _pm_store_name_accepted_quarter (PmStore       *self,
                                             PmStoreScope   scope,
                                             gint64         id,
                                             PmPeriod      *period,
                                             GError       **error);

/* Objects given ids by a write, applied only once it has committed so that
 * a rolled-back write leaves every id at 0. */
typedef struct _PmIdList PmIdList;

PmIdList   *_pm_id_list_new        (void);
void        _pm_id_list_free       (PmIdList    *list);
/* Sets every collected id on its object. */
void        _pm_id_list_apply      (PmIdList    *list);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmIdList, _pm_id_list_free)

/* Writers, called inside a transaction (pm-store-write.c). Each appends
 * the object after its siblings and collects new ids into @ids. Each
 * refuses texts and lists past their limits (model/pm-limits.h) before
 * writing; how many siblings there are is the caller's to check. */
gboolean    _pm_store_insert_programme (PmDatabase     *db,
                                        PmProgramme    *programme,
                                        PmIdList       *ids,
                                        GError        **error);
gboolean    _pm_store_insert_district  (PmDatabase     *db,
                                        gint64          programme_id,
                                        PmDistrict     *district,
                                        PmIdList       *ids,
                                        GError        **error);
gboolean    _pm_store_insert_pilot     (PmDatabase     *db,
                                        gint64          district_id,
                                        PmPilot        *pilot,
                                        PmIdList       *ids,
                                        GError        **error);
gboolean    _pm_store_insert_kpi       (PmDatabase     *db,
                                        gint64          pilot_id,
                                        PmKpi          *kpi,
                                        PmIdList       *ids,
                                        GError        **error);
gboolean    _pm_store_write_criteria   (PmDatabase     *db,
                                        gint64          programme_id,
                                        PmProgramme    *programme,
                                        GError        **error);
gboolean    _pm_store_write_outcomes   (PmDatabase     *db,
                                        gint64          pilot_id,
                                        PmPilot        *pilot,
                                        GError        **error);
gboolean    _pm_store_write_baseline   (PmDatabase     *db,
                                        gint64          kpi_id,
                                        PmBaseline     *baseline,
                                        GError        **error);
gboolean    _pm_store_insert_target    (PmDatabase     *db,
                                        gint64          kpi_id,
                                        PmTarget       *target,
                                        GError        **error);
/* Inserts or replaces the value for the entry's period; a replacement
 * counts up the row's revision. Both set updated_at. */
gboolean    _pm_store_write_entry      (PmDatabase     *db,
                                        gint64          kpi_id,
                                        PmProgressEntry *entry,
                                        GError        **error);
/* The same, split for bulk writes: one statement prepared once, then run
 * for each entry. */
PmStatement *_pm_store_prepare_entry_write (PmDatabase     *db,
                                           GError        **error);
/* Writes @entry only if its row is still at revision @expected (0: there
 * was none); *@written says whether it was. Sets the entry's revision to
 * the row's new one. */
gboolean    _pm_store_write_entry_if_unchanged (PmDatabase      *db,
                                                gint64           kpi_id,
                                                PmProgressEntry *entry,
                                                gint64           expected,
                                                gboolean        *written,
                                                GError         **error);
gboolean    _pm_store_run_entry_write  (PmStatement    *stmt,
                                        gint64          kpi_id,
                                        PmProgressEntry *entry,
                                        GError        **error);
/* Resets @stmt and binds @entry as an entry write numbers it: ?1 the
 * KPI's id, ?2 the period, ?3 to ?5 the value, numerator and denominator,
 * ?6 the note, ?7 the time now. */
void        _pm_store_bind_entry       (PmStatement    *stmt,
                                        gint64          kpi_id,
                                        PmProgressEntry *entry);
/* Replaces the sites stored for @entry's value with its own (none: the
 * value's sites are dropped). Run right after the value's write. */
gboolean    _pm_store_write_entry_sites (PmDatabase      *db,
                                         gint64           kpi_id,
                                         PmProgressEntry *entry,
                                         GError         **error);
/* The sites of every value in the database: "kpi-row-id period-code" to
 * a GPtrArray of PmSiteValue, in order (empty before schema 18). */
GHashTable *_pm_store_read_value_sites  (PmDatabase      *db,
                                         GError         **error);
/* The same for a scoped read (pm_store_load_district()): the sites of the
 * values of the KPIs of PM_STORE_SQL_SCOPE_KPI_IDS, ?1 @district_id. */
GHashTable *_pm_store_read_scoped_value_sites (PmDatabase  *db,
                                               gint64       district_id,
                                               GError     **error);
/* The same for the window's first read (pm_store_load_shown()): the sites
 * of the values of PM_STORE_SQL_SHOWN_KEYS (pm-store-load-shown.c). */
GHashTable *_pm_store_read_shown_value_sites  (PmDatabase  *db,
                                               const char  *period,
                                               const char  *frequency,
                                               GError     **error);
/* The entry of a progress row (period, value, numerator, denominator,
 * note, revision: @period read from the first), with its sites; NULL
 * and @error for a fraction the model refuses. */
PmProgressEntry *_pm_store_read_entry   (PmStatement     *stmt,
                                         PmPeriod        *period,
                                         gint64           kpi_id,
                                         GHashTable      *value_sites,
                                         GError         **error);
/* Steps @stmt over rows of one text column into a NULL-terminated array. */
char      **_pm_store_read_strings      (PmStatement     *stmt,
                                         GError         **error);
/* pm_kpi_add_entries() of @entries, read for @kpi; empties @entries. */
gboolean    _pm_store_add_read_entries  (PmKpi           *kpi,
                                         GPtrArray       *entries,
                                         GError         **error);
/* Adds to @entry, of the KPI with row @kpi_id, the sites read for it. */
void        _pm_store_add_read_sites    (PmProgressEntry *entry,
                                         gint64           kpi_id,
                                         GHashTable      *by_value);
/* A pilot's delivery status is its nick in delivery_status, with
 * delivery_stated 0 when nobody entered it ("not-stated" in the model):
 * the SQL for each column from the nick bound at @param. */
#define PM_STORE_DELIVERY_STATUS(param) \
  "CASE WHEN " param " = 'not-stated' THEN 'on-track' ELSE " param " END"
#define PM_STORE_DELIVERY_STATED(param) \
  "CASE WHEN " param " = 'not-stated' THEN 0 ELSE 1 END"
/* Binds the programme's committee, meeting date, report title and
 * contact officer at @first and the three after it. */
void        _pm_store_bind_settings    (PmStatement    *stmt,
                                        int             first,
                                        PmProgramme    *programme);
/* Binds @period's code at @index, or NULL without one. */
void        _pm_store_bind_period      (PmStatement    *stmt,
                                        int             index,
                                        PmPeriod       *period);
gboolean    _pm_store_write_narrative  (PmDatabase     *db,
                                        gint64          pilot_id,
                                        PmNarrative    *narrative,
                                        GError        **error);
gboolean    _pm_store_write_reach      (PmDatabase     *db,
                                        gint64          pilot_id,
                                        PmReachEntry   *entry,
                                        GError        **error);
gboolean    _pm_store_insert_spend     (PmDatabase     *db,
                                        gint64          pilot_id,
                                        PmSpendItem    *item,
                                        GError        **error);

/* The readers (pm-store-read.c). */
/* With @district (and @period), pm_store_load_district()'s read; with
 * @period alone, pm_store_load_shown()'s (schema 18; older is read whole). */
PmProgramme *_pm_store_read_programme  (PmDatabase     *db,
                                        const char     *district,
                                        PmPeriod       *period,
                                        GError        **error);

/* The query pm_store_count_programme_rag() (pm-store-totals.c) reads
 * the KPIs with, on @db at schema @version: ?1 the period's code, ?2
 * its frequency. For the tests of its plan. */
const char *_pm_store_totals_kpis_sql  (PmDatabase     *db,
                                        int             version);

/* Programme indicators (pm-store-indicators.c): written after the
 * programme's row, a KPI's reference after the KPI's row. */
gboolean    _pm_store_write_indicators    (PmDatabase     *db,
                                           gint64          programme_id,
                                           PmProgramme    *programme,
                                           GError        **error);
gboolean    _pm_store_write_kpi_indicator (PmDatabase     *db,
                                           gint64          kpi_id,
                                           PmKpi          *kpi,
                                           GError        **error);
gboolean    _pm_store_read_indicators     (PmDatabase     *db,
                                           PmProgramme    *programme,
                                           GError        **error);

gboolean    _pm_store_read_enum           (PmDatabase     *db,
                                           GType           enum_type,
                                           const char     *name,
                                           int            *value,
                                           GError        **error);

G_END_DECLS
