/* pm-session.h: what a window's pages and dialogs work on
 *
 * One session per window, as GNOME Calendar hands its GcalContext to every
 * widget: the open database (a PmStore, a file or a server), its
 * programme, the quarter shown and the name changes are recorded under.
 * Pages and dialogs are given the session and report through it: a change
 * saved ("saved", with the undo that takes it back), a failure to explain
 * ("failed"), a quarter's sign-off or committee round that moved
 * ("signoff-changed"). The window shows those; nothing a page or dialog
 * does needs the window itself, and they move between pages through the
 * window's actions (win.show-kpi and the like).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pm-edits.h"
#include "pm-reconnect.h"
#include "store/pm-store.h"

G_BEGIN_DECLS

#define PM_TYPE_SESSION (pm_session_get_type ())
G_DECLARE_FINAL_TYPE (PmSession, pm_session, PM, SESSION, GObject)

/* Properties: "store" and "programme" (read-only: NULL until a database is
 * open, "programme" NULL too for an empty one; both are notified, in that
 * order, whenever a document is set, even the same again), "period" (the
 * quarter shown, never NULL: the current one at first), "author"
 * (read-only), "settings" (read-only; NULL when the application's schema
 * is not installed, as in a build tree), "opening" (read-only; see
 * pm_session_open_async()).
 *
 * Signals: "saved" (const char *message, PmUndo *undo or NULL: the
 * session keeps it until the next save, until it is run or forgotten;
 * after an undo, emitted with no undo, pm_session_can_redo() says
 * whether Redo is offered);
 * "failed" (const char *heading, GError *error); "signoff-changed";
 * "entry-saved" (see pm_session_save_entry()). */
PmSession      *pm_session_new              (void);

GSettings      *pm_session_get_settings     (PmSession        *self);
PmStore        *pm_session_get_store        (PmSession        *self);
PmProgramme    *pm_session_get_programme    (PmSession        *self);
PmPeriod       *pm_session_get_period       (PmSession        *self);
void            pm_session_set_period       (PmSession        *self,
                                             PmPeriod         *period);
/* As typed in preferences, else the account's real name, else its
 * login (NULL only when none is known). */
const char     *pm_session_get_author       (PmSession        *self);
/* TRUE once, the first time it is asked, when the author is only the
 * login: the person is then asked their name (kept in preferences). */
gboolean        pm_session_should_ask_author (PmSession       *self);
/* The author from the name @typed in preferences (may be NULL), the
 * account's @real_name (g_get_real_name()) and @login: the first that
 * names a person, else the login; @known says whether it names one. */
char           *pm_session_choose_author    (const char       *typed,
                                             const char       *real_name,
                                             const char       *login,
                                             gboolean         *known);

/* Makes @store (with @programme, NULL for an empty database) the document
 * and forgets any undo or redo of the last one. */
void            pm_session_set_document     (PmSession        *self,
                                             PmStore          *store,
                                             PmProgramme      *programme);
/* Opens @location (a file, or a server with @password, which may be NULL)
 * and makes it the document, remembering it among the recent ones; on
 * failure nothing changes. The period becomes the one last picked on this
 * database (remembered in settings), else the one due (pm_period_due()). */
gboolean        pm_session_open             (PmSession        *self,
                                             const char       *location,
                                             const char       *password,
                                             PmStoreOpenFlags  flags,
                                             GError          **error);
/* pm-session-server.c: pm_session_open() in a worker thread (see
 * pm_store_open_async()), for a server, where it takes seconds: the
 * caller's main loop runs meanwhile, and "opening" names what is being
 * opened (pm_store_describe_location()) until it is done. Another
 * opening, or pm_session_cancel_opening(), cancels it: the connection is
 * closed, nothing changes and the result is G_IO_ERROR_CANCELLED. On
 * failure nothing changes either. */
void            pm_session_open_async       (PmSession           *self,
                                             const char          *location,
                                             const char          *password,
                                             PmStoreOpenFlags     flags,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean        pm_session_open_finish      (PmSession           *self,
                                             GAsyncResult        *result,
                                             GError             **error);
/* What is being opened, as it may be shown; NULL when nothing is. */
const char     *pm_session_get_opening      (PmSession           *self);
void            pm_session_cancel_opening   (PmSession           *self);
/* Loads the programme again from the store (someone else changed it). */
gboolean        pm_session_reload           (PmSession        *self,
                                             GError          **error);
/* With PM_STORE_OPEN_CHECK_LATER (the window), pm_session_open() reads
 * a file with pm_store_load_shown() at the period it will open on, and
 * the caller has the rest read (pm-session-load.c). */
PmProgramme    *pm_session_load_shown       (PmSession        *self,
                                             PmStore          *store,
                                             const char       *location,
                                             GError          **error);

/* pm_session_open() with PM_STORE_OPEN_CHECK_LATER in two halves: the
 * file opened and its first read in a thread of its own, started before
 * there is a session or a window (at start-up, beside gtk_init()), then
 * made the document (pm_session_open_prefetched(), which waits for the
 * thread) with what it found, or its error. NULL for a server, whose
 * programme is read whole with the window live instead. @settings gives
 * the period last picked on @location, as the session's would. */
typedef struct _PmSessionPrefetch PmSessionPrefetch;

PmSessionPrefetch *pm_session_prefetch_new          (GSettings          *settings,
                                                     const char         *location,
                                                     PmStoreOpenFlags    flags);
const char        *pm_session_prefetch_get_location (PmSessionPrefetch  *prefetch);
void               pm_session_prefetch_free         (PmSessionPrefetch  *prefetch);
gboolean           pm_session_open_prefetched       (PmSession          *self,
                                                     PmSessionPrefetch  *prefetch,
                                                     GError            **error);

/* The district, pilot or KPI of the programme with @id, or NULL. */
PmDistrict     *pm_session_find_district    (PmSession        *self,
                                             gint64            id);
PmPilot        *pm_session_find_pilot       (PmSession        *self,
                                             gint64            id);
PmKpi          *pm_session_find_kpi         (PmSession        *self,
                                             gint64            id);

/* Emits "saved"; the session takes @undo (may be NULL), dropping the last
 * one and any redo: only the latest change can be undone. */
void            pm_session_report_saved     (PmSession        *self,
                                             const char       *message,
                                             PmUndo           *undo);
/* Emits "failed". */
void            pm_session_report_failure   (PmSession        *self,
                                             const char       *heading,
                                             const GError     *error);
/* Emits "read-failed": something the window shows could not be read
 * (nothing was changed). Unlike "failed", it may come from a timer or a
 * redraw, so the window says it without interrupting. */
void            pm_session_report_read_failure (PmSession    *self,
                                                const char   *heading,
                                                const GError *error);
/* Runs the latest undo through the store and reports how it went
 * ("saved" with "Change undone"); the session then keeps the redo of
 * what was undone, when there is one, until the next save. */
void            pm_session_undo             (PmSession        *self);
/* Makes the undone change again and reports it ("saved" with "Change
 * redone" and the undo that takes it back once more). */
void            pm_session_redo             (PmSession        *self);
gboolean        pm_session_can_redo         (PmSession        *self);
/* Forgets both the undo and the redo offered (their toast went). */
void            pm_session_forget_undo      (PmSession        *self);

/* A server's connection was lost: the session tries it again, less and
 * less often (see pm-reconnect.h; the window's banner shows it). A
 * failure reported with PM_STORE_ERROR_DISCONNECTED starts this too. */
PmReconnect    *pm_session_get_reconnect    (PmSession        *self);
void            pm_session_connection_lost  (PmSession        *self);
/* The value and note typed for @kpi's @period when the connection went:
 * kept (the last one only) and saved as typed once it is back, then
 * reported like any save ("saved", or "failed" when someone else saved
 * first). */
/* Saves the value and note typed for @kpi's @period (pm_edit_set_entry()),
 * a server's without waiting on the network (in the store's worker, one
 * save at a time, in order; the application is held until it is done, so
 * that closing the window does not lose it), and reports it: "saved" with
 * its undo; "failed" when someone else saved first (the model then holds
 * their value) or it could not be written; kept for the connection's
 * return when that went (pm_session_keep_pending_entry()). Then, in every
 * case, "entry-saved" (PmKpi *, PmPeriod *, gboolean changed, const GError
 * *error or NULL), for the editor: a value the KPI refuses is only told
 * there. A file's is saved and reported before this returns. */
void            pm_session_save_entry       (PmSession        *self,
                                             PmKpi            *kpi,
                                             PmPeriod         *period,
                                             const char       *value_text,
                                             const char       *note_text);
void            pm_session_keep_pending_entry (PmSession      *self,
                                               PmKpi          *kpi,
                                               PmPeriod       *period,
                                               const char     *value_text,
                                               const char     *note_text);
gboolean        pm_session_has_pending_entry (PmSession       *self);

/* The sign-off of @district's quarter shown (OPEN when it cannot be read,
 * with a warning). */
PmSignoffState  pm_session_get_signoff      (PmSession        *self,
                                             PmDistrict       *district);
/* Moves @district's quarter shown to @state (see pm_store_set_signoff())
 * and emits "signoff-changed". */
gboolean        pm_session_set_signoff      (PmSession        *self,
                                             PmDistrict       *district,
                                             PmSignoffState    state,
                                             const char       *comment,
                                             GError          **error);
/* Freezes every value up to the quarter shown as reported to the
 * committee on @reported_on, and emits "signoff-changed". */
gboolean        pm_session_freeze_round     (PmSession        *self,
                                             const char       *reported_on,
                                             GError          **error);

/* pm-session-people.c: what the person connected may do, as the store
 * says (a file's owner and a server's office may do everything; a lead
 * changes only their own districts; a viewer only reads), so that pages
 * offer only the changes the server would accept. Without a document:
 * the owner. */
PmAccess        pm_session_get_access          (PmSession        *self);
/* The values, narratives, reach, spend and sign-off of @district. */
gboolean        pm_session_may_edit_district   (PmSession        *self,
                                                PmDistrict       *district);
/* The programme, its districts, pilots, KPIs, baselines and targets, and
 * accepting, returning and reopening quarters. */
gboolean        pm_session_may_edit_structure  (PmSession        *self);
/* The People page: the office (or the owner) on a server. */
gboolean        pm_session_may_manage_people   (PmSession        *self);
/* Who the window on a server is connected as, for its header ("jo, lead
 * of Cannock Chase"); NULL for a file or with no document. */
char           *pm_session_describe_person     (PmSession        *self);
/* Why @district's values cannot be changed here, to say where they would
 * be typed; NULL when they can. */
char           *pm_session_explain_read_only   (PmSession        *self,
                                                PmDistrict       *district);
/* The people of the programme on the server (PmPerson), or NULL with
 * @error. */
GListModel     *pm_session_list_people         (PmSession        *self,
                                                GError          **error);
/* Adds or removes a person through the store and reports it ("saved",
 * with no undo); on failure nothing changes and @error says why. */
gboolean        pm_session_add_person          (PmSession          *self,
                                                const char         *name,
                                                PmAccess            access,
                                                const char * const *districts,
                                                const char         *password,
                                                GError            **error);
gboolean        pm_session_remove_person       (PmSession        *self,
                                                const char       *name,
                                                GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmSessionPrefetch, pm_session_prefetch_free)

G_END_DECLS
