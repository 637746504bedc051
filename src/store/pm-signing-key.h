/* pm-signing-key.h: the key pair a lead's copy signs its returns with
 *
 * Ed25519 through libsodium. Each lead's copy makes its key pair the
 * first time it sends a return and keeps the secret half in a file only
 * its user may read (mode 0600, in a folder of mode 0700), never in the
 * programme database, which may be copied or shared. The public half
 * travels inside every return; the office trusts it for a district once,
 * having compared its fingerprint with the lead's (docs/return-format.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pm-store-error.h"

G_BEGIN_DECLS

#define PM_SIGNING_PUBLIC_KEY_BYTES 32
#define PM_SIGNING_SIGNATURE_BYTES  64
/* Where the keys live instead of the default folder (tests, or a lead
 * who keeps them on a removable disk). */
#define PM_SIGNING_KEY_DIR_ENV      "PM_KEY_DIR"
#define PM_SIGNING_KEY_FILE         "return-signing.key"

#define PM_TYPE_SIGNING_KEY (pm_signing_key_get_type ())
G_DECLARE_FINAL_TYPE (PmSigningKey, pm_signing_key, PM, SIGNING_KEY, GObject)

/* $PM_KEY_DIR when set, else pilot-monitor in the user's data folder. */
char         *pm_signing_key_get_default_dir   (void);

/* The key pair kept in @dir (NULL: the default folder), made there on
 * first use. A key file that others may read or write, that is not a
 * regular file of ours, or that is damaged is refused (PM_FILE_ERROR)
 * rather than used or replaced. */
PmSigningKey *pm_signing_key_load_or_create    (const char    *dir,
                                                GError       **error);

/* The 32 bytes of the public key. */
const guint8 *pm_signing_key_get_public_key    (PmSigningKey  *self);
/* The fingerprint of the public key, as pm_signing_fingerprint() gives. */
const char   *pm_signing_key_get_fingerprint   (PmSigningKey  *self);
/* A detached Ed25519 signature of @data. */
void          pm_signing_key_sign              (PmSigningKey  *self,
                                                const guint8  *data,
                                                gsize          length,
                                                guint8         signature[PM_SIGNING_SIGNATURE_BYTES]);

/* Short enough to read out over the phone: the first 8 bytes of the
 * BLAKE2b-256 hash of the public key, as four groups of four upper-case
 * hex digits ("3F2A-9C01-77BE-D402"). */
char         *pm_signing_fingerprint           (const guint8  *public_key);
/* TRUE when @typed is @fingerprint, whatever the case and whatever
 * spaces, hyphens or colons separate its digits. */
gboolean      pm_signing_fingerprint_matches   (const char    *fingerprint,
                                                const char    *typed);
/* TRUE when @signature is @public_key's signature of @data. */
gboolean      pm_signing_verify                (const guint8  *public_key,
                                                const guint8  *data,
                                                gsize          length,
                                                const guint8  *signature);

G_END_DECLS
