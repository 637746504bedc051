/* pm-return.h: a lead's quarterly return (docs/return-format.md)
 *
 * A return is the programme file format restricted to one district (or
 * one pilot) and one period: the KPIs with their value for that period
 * and the pilots' narratives, wrapped with who sent it, when, and a
 * SHA-256 checksum over all of it, so that a file edited on the way is
 * refused rather than merged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "model/pm-programme.h"
#include "pm-store-error.h"

G_BEGIN_DECLS

#define PM_RETURN_FORMAT  "pilot-monitor-return"
#define PM_RETURN_VERSION 1

#define PM_TYPE_RETURN (pm_return_get_type ())
G_DECLARE_FINAL_TYPE (PmReturn, pm_return, PM, RETURN, GObject)

/* A return of @district (or only @pilot, one of its pilots) for @period,
 * taken from @programme now. @author may be NULL. */
PmReturn    *pm_return_new               (PmProgramme  *programme,
                                          PmDistrict   *district,
                                          PmPilot      *pilot,
                                          PmPeriod     *period,
                                          const char   *author,
                                          GDateTime    *created);
/* Pretty-printed UTF-8 JSON ending in a newline. */
char        *pm_return_to_data           (PmReturn     *self,
                                          gsize        *length);
/* Atomically, mode 0600; a symbolic link at @path is refused. */
gboolean     pm_return_save              (PmReturn     *self,
                                          const char   *path,
                                          GError      **error);

/* Reads and checks a return: strict JSON, the format, every field, the
 * content as a programme file, and the checksum (a file changed since it
 * was written is PM_FILE_ERROR_INVALID saying so). */
PmReturn    *pm_return_parse             (const char   *data,
                                          gsize         length,
                                          GError      **error);
PmReturn    *pm_return_load              (const char   *path,
                                          GError      **error);

const char  *pm_return_get_programme_name (PmReturn    *self);
const char  *pm_return_get_district_name (PmReturn     *self);
/* NULL for a return of the whole district. */
const char  *pm_return_get_pilot_title   (PmReturn     *self);
PmPeriod    *pm_return_get_period        (PmReturn     *self);
/* NULL when the sender gave no name. */
const char  *pm_return_get_author        (PmReturn     *self);
/* ISO 8601, UTC. */
const char  *pm_return_get_created       (PmReturn     *self);
/* The values and narratives, as a programme of one district. */
PmProgramme *pm_return_get_content       (PmReturn     *self);

G_END_DECLS
