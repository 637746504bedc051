/* pm-return-private.h: what the office keeps about leads' returns
 *
 * For pm-return-merge.c: the key the office trusts for each district
 * (table return_key) and the newest return merged for each district and
 * quarter (table merged_return), in pm-return-trust.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-database.h"
#include "pm-return.h"

G_BEGIN_DECLS

/* The key the office trusts for @district_id's returns, as a return
 * gives it ("ed25519:…"), and its fingerprint; both NULL when it trusts
 * none yet. */
gboolean    _pm_return_get_trusted_key   (PmDatabase   *db,
                                          gint64        district_id,
                                          char        **public_key,
                                          char        **fingerprint,
                                          GError      **error);
/* Inside a write transaction: @ret's key is trusted for @district_id
 * from now on, by @trusted_by. */
gboolean    _pm_return_trust_key         (PmDatabase   *db,
                                          gint64        district_id,
                                          PmReturn     *ret,
                                          const char   *trusted_by,
                                          GError      **error);

/* When the newest return merged for @district_id and @period was
 * written: its time as the return gave it and in microseconds since
 * 1970; NULL and 0 when none has been. */
gboolean    _pm_return_get_newest_merged (PmDatabase   *db,
                                          gint64        district_id,
                                          PmPeriod     *period,
                                          char        **created,
                                          gint64       *created_usec,
                                          GError      **error);
/* Inside a write transaction: records @ret as the newest return merged
 * for its district and quarter, unless one written later was merged
 * already: then *@newer is TRUE and nothing is recorded. */
gboolean    _pm_return_record_merged     (PmDatabase   *db,
                                          gint64        district_id,
                                          PmReturn     *ret,
                                          gboolean     *newer,
                                          GError      **error);

/* Whether a return for @quarter carries a value of @period: one that
 * ends in that quarter, as an accepted quarter locks it (the quarter's
 * own, its months', and in a fourth quarter the year's). */
gboolean    _pm_return_holds_period      (PmPeriod     *quarter,
                                          PmPeriod     *period);

/* Microseconds since 1970 of @time, to order returns by. */
gint64      _pm_return_time_usec         (GDateTime    *time);

G_END_DECLS
