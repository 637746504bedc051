/* pm-date.h: calendar dates as the source documents give them
 *
 * Dates are kept as ISO 8601 strings, either a day ("2017-11-30") or only a
 * month ("2016-10", when a report says "October 2016"): the precision the
 * source had is kept rather than invented.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE for "YYYY-MM" or "YYYY-MM-DD" naming a real date; otherwise a
 * PM_MODEL_ERROR_INVALID_DATE naming the text. */
gboolean  pm_date_validate      (const char  *iso,
                                 GError     **error);
/* Fills @date (a month-only date is its first day). FALSE on a bad date. */
/* TRUE for a whole "YYYY-MM-DD" naming a real day (a meeting, say);
 * otherwise a PM_MODEL_ERROR_INVALID_DATE naming the text. */
gboolean  pm_date_validate_day  (const char  *iso,
                                 GError     **error);
gboolean  pm_date_to_gdate      (const char  *iso,
                                 GDate       *date);
/* Days since 1 January of year 1 (GDate's julian day), or 0 when invalid. */
guint32   pm_date_to_julian     (const char  *iso);
gboolean  pm_date_has_day       (const char  *iso);
/* "October 2016" or "30 November 2017"; NULL for NULL. */
char     *pm_date_format        (const char  *iso);
/* strcmp-like on the date meaning: a month-only date sorts as its first day. */
int       pm_date_compare       (const char  *a,
                                 const char  *b);
/* Today as "YYYY-MM-DD". */
char     *pm_date_today         (void);

G_END_DECLS
