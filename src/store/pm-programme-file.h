/* pm-programme-file.h: the programme JSON format (docs/programme-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "model/pm-programme.h"
#include "pm-store-error.h"

G_BEGIN_DECLS

#define PM_PROGRAMME_FILE_FORMAT  "pilot-monitor-programme"
#define PM_PROGRAMME_FILE_VERSION 1

/* Parses a whole programme. Any problem is a PM_FILE_ERROR whose message
 * names where it is ("districts[2].pilots[0].kpis[3].unit: unknown unit
 * “percent”") and no programme is returned. Values are validated with the
 * model's rules. */
PmProgramme *pm_programme_file_parse  (const char   *data,
                                       gssize        length,
                                       GError      **error);
PmProgramme *pm_programme_file_load   (const char   *path,
                                       GError      **error);
/* Pretty-printed UTF-8 JSON, ending in a newline. */
char        *pm_programme_file_to_data (PmProgramme *programme,
                                        gsize       *length);
/* Writes atomically (a new file renamed over @path) with mode 0600, with
 * the refusals of pm_safe_file_begin() (G_IO_ERROR): a symbolic link, the
 * open database, any database, anything but a regular file. Writes
 * nothing the reader would refuse: a text or a list past its limit
 * (model/pm-limits.h) or a file too large is a PM_MODEL_ERROR. */
gboolean     pm_programme_file_save   (PmProgramme  *programme,
                                       const char   *path,
                                       GError      **error);

G_END_DECLS
