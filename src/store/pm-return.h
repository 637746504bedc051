/* pm-return.h: a lead's quarterly return (docs/return-format.md)
 *
 * A return is the programme file format restricted to one district (or
 * one pilot) and one period: the KPIs with their value for that period
 * and the pilots' narratives, wrapped with who sent it and when, and
 * signed with the lead's Ed25519 key (pm-signing-key.h): the return
 * carries the public key and a detached signature over all of it, so that
 * a file edited on the way is refused rather than merged, and the office
 * can tell whose key signed it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "model/pm-programme.h"
#include "pm-signing-key.h"
#include "pm-store-error.h"

G_BEGIN_DECLS

#define PM_RETURN_FORMAT  "pilot-monitor-return"
/* 1 had only a checksum, which anyone could recompute: it is refused. */
#define PM_RETURN_VERSION 2

#define PM_TYPE_RETURN (pm_return_get_type ())
G_DECLARE_FINAL_TYPE (PmReturn, pm_return, PM, RETURN, GObject)

/* A return of @district (or only @pilot, one of its pilots) for @period,
 * taken from @programme now, to be signed with @key. @author may be
 * NULL. */
PmReturn    *pm_return_new               (PmProgramme  *programme,
                                          PmDistrict   *district,
                                          PmPilot      *pilot,
                                          PmPeriod     *period,
                                          const char   *author,
                                          GDateTime    *created,
                                          PmSigningKey *key);
/* Pretty-printed UTF-8 JSON ending in a newline, signed as it is
 * written (a return read from a file keeps the signature it came
 * with). */
char        *pm_return_to_data           (PmReturn     *self,
                                          gsize        *length);
/* Atomically, mode 0600; a symbolic link at @path is refused. Nothing the
 * reader would refuse is written (as pm_programme_file_save()). */
gboolean     pm_return_save              (PmReturn     *self,
                                          const char   *path,
                                          GError      **error);

/* Reads and checks a return: strict JSON, the format (an unsigned
 * return of version 1 is PM_FILE_ERROR_UNSIGNED), every field, the time
 * it was written (ISO 8601 with its zone), the content as a programme
 * file holding only the return's own quarter (and the months and year
 * that end in it), and the signature against
 * the public key it carries (a file changed since it was signed is
 * PM_FILE_ERROR_INVALID saying so). Whether that key is the one the
 * office trusts for the district is the merge's to check
 * (pm-return-merge.h). */
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
/* ISO 8601, with its zone, as the return gives it. */
const char  *pm_return_get_created       (PmReturn     *self);
/* The same, as a time. */
GDateTime   *pm_return_get_created_time  (PmReturn     *self);
/* The public key that signed it: its 32 bytes, its text in the file
 * ("ed25519:" and base64), and its fingerprint. */
const guint8 *pm_return_get_public_key   (PmReturn     *self);
const char  *pm_return_get_public_key_text (PmReturn   *self);
const char  *pm_return_get_fingerprint   (PmReturn     *self);
/* The values and narratives, as a programme of one district. */
PmProgramme *pm_return_get_content       (PmReturn     *self);

G_END_DECLS
