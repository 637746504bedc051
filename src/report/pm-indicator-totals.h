/* pm-indicator-totals.h: programme indicators' totals as a listing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "model/pm-programme.h"

G_BEGIN_DECLS

/* One tab-separated line per indicator and period (only @period when it
 * is not NULL, else every period any district reported): indicator,
 * unit, period code, programme total (or why there is none), target,
 * status letter, who reported ("3 of 4 districts reported; not reported:
 * Tamworth"), each district's value ("Cannock Chase 30; Lichfield not
 * reported"). */
void pm_indicator_totals_write_listing (PmProgramme *programme,
                                        PmPeriod    *period,
                                        GString     *out);

G_END_DECLS
