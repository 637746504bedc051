/* bench-appendix.h: the appendix at scale, and its table as HTML for
 * LibreOffice to set beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "model/pm-programme.h"

G_BEGIN_DECLS

/* The sample programme @n_copies times over: each copy's districts keep
 * their pilots and KPIs, named "Tamworth 2", "Tamworth 3" and so on after
 * the first copy. */
PmProgramme *bench_appendix_copies     (guint         n_copies,
                                        GError      **error);
/* Writes the appendix's table for @period as one HTML file: the same
 * rows (a pilot each, a sub-row a KPI, its narrative and notes across
 * the table under it) and the same six columns, worded as the appendix
 * words them. With @kpis_only, only the KPIs' rows under their district
 * and pilot: no summary, outcomes or narrative. */
gboolean     bench_appendix_write_html (PmProgramme  *programme,
                                        PmPeriod     *period,
                                        gboolean      kpis_only,
                                        const char   *path,
                                        GError      **error);

G_END_DECLS
