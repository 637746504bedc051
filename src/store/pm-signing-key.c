/* pm-signing-key.c: the key pair a lead's copy signs its returns with
 *
 * The secret key file holds the 32-byte Ed25519 seed in base64 after two
 * lines of comment; the key pair is made again from it with libsodium.
 * It is made once, under a temporary name, and linked into place, so that
 * two copies starting at once never replace each other's key: the second
 * uses the first one's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <sodium.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "util/pm-safe-file.h"
#include "pm-signing-key.h"

#define SEED_PREFIX   "ed25519-seed:"
/* A key file is three short lines; anything much larger is not one. */
#define MAX_FILE_SIZE 4096

struct _PmSigningKey
{
  GObject  parent_instance;

  guint8   public_key[crypto_sign_PUBLICKEYBYTES];
  guint8   secret_key[crypto_sign_SECRETKEYBYTES];
  char    *fingerprint;
};

G_DEFINE_FINAL_TYPE (PmSigningKey, pm_signing_key, G_TYPE_OBJECT)

G_STATIC_ASSERT (PM_SIGNING_PUBLIC_KEY_BYTES == crypto_sign_PUBLICKEYBYTES);
G_STATIC_ASSERT (PM_SIGNING_SIGNATURE_BYTES == crypto_sign_BYTES);

static void
pm_signing_key_finalize (GObject *object)
{
  PmSigningKey *self = PM_SIGNING_KEY (object);

  sodium_memzero (self->secret_key, sizeof self->secret_key);
  g_clear_pointer (&self->fingerprint, g_free);

  G_OBJECT_CLASS (pm_signing_key_parent_class)->finalize (object);
}

static void
pm_signing_key_class_init (PmSigningKeyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_signing_key_finalize;
}

static void
pm_signing_key_init (PmSigningKey *self)
{
}

/* libsodium wants sodium_init() before anything else; it is safe to call
 * again, and fails only when the system gives no randomness. */
static gboolean
ensure_sodium (GError **error)
{
  static gsize initialised = 0;
  static gboolean ok = FALSE;

  if (g_once_init_enter (&initialised))
    {
      ok = sodium_init () >= 0;
      g_once_init_leave (&initialised, 1);
    }

  if (!ok)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("The signing library (libsodium) could not start: the system gives "
                           "no source of randomness."));
  return ok;
}

char *
pm_signing_key_get_default_dir (void)
{
  const char *dir = g_getenv (PM_SIGNING_KEY_DIR_ENV);

  if (dir != NULL && dir[0] != '\0')
    return g_strdup (dir);

  return g_build_filename (g_get_user_data_dir (), "pilot-monitor", NULL);
}

char *
pm_signing_fingerprint (const guint8 *public_key)
{
  guint8 hash[crypto_generichash_BYTES];

  g_return_val_if_fail (public_key != NULL, NULL);

  ensure_sodium (NULL);
  crypto_generichash (hash, sizeof hash, public_key, crypto_sign_PUBLICKEYBYTES, NULL, 0);

  return g_strdup_printf ("%02X%02X-%02X%02X-%02X%02X-%02X%02X",
                          hash[0], hash[1], hash[2], hash[3], hash[4], hash[5], hash[6], hash[7]);
}

/* The hex digits of @text, upper case, or NULL when it holds anything
 * but digits and separators. */
static char *
fingerprint_digits (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *c = text; *c != '\0'; c++)
    {
      if (g_ascii_isxdigit (*c))
        g_string_append_c (digits, g_ascii_toupper (*c));
      else if (*c != ' ' && *c != '-' && *c != ':')
        {
          g_string_free (digits, TRUE);
          return NULL;
        }
    }

  return g_string_free (digits, FALSE);
}

gboolean
pm_signing_fingerprint_matches (const char *fingerprint,
                                const char *typed)
{
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;

  g_return_val_if_fail (fingerprint != NULL, FALSE);
  g_return_val_if_fail (typed != NULL, FALSE);

  ours = fingerprint_digits (fingerprint);
  theirs = fingerprint_digits (typed);
  return ours != NULL && theirs != NULL && ours[0] != '\0' && g_str_equal (ours, theirs);
}

gboolean
pm_signing_verify (const guint8 *public_key,
                   const guint8 *data,
                   gsize         length,
                   const guint8 *signature)
{
  g_return_val_if_fail (public_key != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (signature != NULL, FALSE);

  if (!ensure_sodium (NULL))
    return FALSE;

  return crypto_sign_verify_detached (signature, data != NULL ? data : (const guint8 *) "",
                                      length, public_key) == 0;
}

static void set_key_error (GError     **error,
                           const char  *format,
                           ...) G_GNUC_PRINTF (2, 3);

static void
set_key_error (GError     **error,
               const char  *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, PM_FILE_ERROR, PM_FILE_ERROR_INVALID, message);
}

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  /* Translators: the key file's path, then why (“Permission denied”) */
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("The return signing key “%s” could not be read or written: %s"),
               name, g_strerror (saved_errno));
}

static PmSigningKey *
key_from_seed (const guint8 *seed)
{
  PmSigningKey *self = g_object_new (PM_TYPE_SIGNING_KEY, NULL);

  crypto_sign_seed_keypair (self->public_key, self->secret_key, seed);
  self->fingerprint = pm_signing_fingerprint (self->public_key);
  return self;
}

/* The seed in the text of a key file: the one line that is not a
 * comment. */
static gboolean
parse_seed (const char *text,
            guint8      seed[crypto_sign_SEEDBYTES])
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  const char *found = NULL;
  gsize length = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (line[0] == '\0' || line[0] == '#')
        continue;
      if (found != NULL || !g_str_has_prefix (line, SEED_PREFIX))
        return FALSE;
      found = line + strlen (SEED_PREFIX);
    }

  return found != NULL &&
         sodium_base642bin (seed, crypto_sign_SEEDBYTES, found, strlen (found), NULL, &length, NULL,
                            sodium_base64_VARIANT_ORIGINAL) == 0 &&
         length == crypto_sign_SEEDBYTES;
}

/* Reads the key file at @path: NULL with *@missing when there is none. */
static PmSigningKey *
load_key (const char  *path,
          gboolean    *missing,
          GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  char buffer[MAX_FILE_SIZE + 1];
  guint8 seed[crypto_sign_SEEDBYTES];
  PmSigningKey *key = NULL;
  struct stat st;
  gssize n_read;
  gsize length = 0;
  int fd;

  *missing = FALSE;
  fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        *missing = TRUE;
      else if (saved_errno == ELOOP)
        set_key_error (error,
                       _("“%s” is a link, not your return signing key: Pilot Monitor will not "
                         "use it. Remove it, and a new key is made when you next send a return "
                         "(the office must then trust the new key)."), name);
      else
        set_errno_error (error, saved_errno, path);
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      set_errno_error (error, errno, path);
      close (fd);
      return NULL;
    }
  if (!S_ISREG (st.st_mode) || st.st_uid != getuid () || st.st_size > MAX_FILE_SIZE)
    {
      set_key_error (error,
                     _("“%s” is not a return signing key of yours (another user’s file, or not a "
                       "key file at all): Pilot Monitor will not use it. Remove it, and a new key "
                       "is made when you next send a return (the office must then trust the new "
                       "key)."), name);
      close (fd);
      return NULL;
    }
  /* Anyone who can read the secret key can sign returns in the lead's
   * name, and anyone who can write it can swap in their own. */
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
    {
      set_key_error (error,
                     _("Other users may read or change your return signing key “%s”, so anyone "
                       "of them could send returns in your name. Make it yours alone (chmod 600), "
                       "or remove it to make a new key (the office must then trust the new key)."), name);
      close (fd);
      return NULL;
    }

  while (length < sizeof buffer - 1 &&
         (n_read = read (fd, buffer + length, sizeof buffer - 1 - length)) != 0)
    {
      if (n_read < 0 && errno == EINTR)
        continue;
      if (n_read < 0)
        {
          set_errno_error (error, errno, path);
          close (fd);
          sodium_memzero (buffer, sizeof buffer);
          return NULL;
        }
      length += n_read;
    }
  close (fd);
  buffer[length] = '\0';

  if (strlen (buffer) != length || !parse_seed (buffer, seed))
    set_key_error (error,
                   _("Your return signing key “%s” is damaged. Restore it from a backup, or remove "
                     "it to make a new key (the office must then trust the new key)."), name);
  else
    key = key_from_seed (seed);

  sodium_memzero (buffer, sizeof buffer);
  sodium_memzero (seed, sizeof seed);
  return key;
}

/* Makes a new key file at @path. FALSE with no error when one appeared
 * there meanwhile: that one is the key. */
static gboolean
create_key (const char  *path,
            GError     **error)
{
  guint8 seed[crypto_sign_SEEDBYTES];
  char encoded[sodium_base64_ENCODED_LEN (crypto_sign_SEEDBYTES, sodium_base64_VARIANT_ORIGINAL)];
  g_autoptr(PmSafeFile) file = NULL;
  g_autofree char *text = NULL;
  GError *local_error = NULL;
  gboolean ok;

  randombytes_buf (seed, sizeof seed);
  sodium_bin2base64 (encoded, sizeof encoded, seed, sizeof seed, sodium_base64_VARIANT_ORIGINAL);
  sodium_memzero (seed, sizeof seed);
  text = g_strconcat ("# Pilot Monitor: the secret key that signs your quarterly returns.\n"
                      "# Keep it private: anyone who has it can send returns in your name.\n"
                      SEED_PREFIX, encoded, "\n", NULL);
  sodium_memzero (encoded, sizeof encoded);

  /* Mode 0600, and never over a file: a key made by another copy
   * meanwhile wins. A file left half written is removed. */
  file = pm_safe_file_begin (path, PM_SAFE_FILE_NEW, &local_error);
  ok = file != NULL &&
       pm_safe_file_write (file, text, strlen (text), &local_error) &&
       pm_safe_file_commit (file, &local_error);
  sodium_memzero (text, strlen (text));

  if (ok)
    return TRUE;
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_error_free (local_error);
      return FALSE;
    }

  g_propagate_prefixed_error (error, local_error, _("Your return signing key could not be made: "));
  return FALSE;
}

PmSigningKey *
pm_signing_key_load_or_create (const char  *dir,
                               GError     **error)
{
  g_autofree char *default_dir = NULL;
  g_autofree char *path = NULL;
  GError *local_error = NULL;
  PmSigningKey *key;
  gboolean missing = FALSE;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ensure_sodium (error))
    return NULL;

  if (dir == NULL)
    dir = default_dir = pm_signing_key_get_default_dir ();
  path = g_build_filename (dir, PM_SIGNING_KEY_FILE, NULL);

  key = load_key (path, &missing, error);
  if (key != NULL || !missing)
    return key;

  /* The first return this copy sends. */
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      set_errno_error (error, errno, dir);
      return NULL;
    }
  if (!create_key (path, &local_error) && local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  key = load_key (path, &missing, error);
  if (missing)
    set_errno_error (error, ENOENT, path);
  return key;
}

const guint8 *
pm_signing_key_get_public_key (PmSigningKey *self)
{
  g_return_val_if_fail (PM_IS_SIGNING_KEY (self), NULL);
  return self->public_key;
}

const char *
pm_signing_key_get_fingerprint (PmSigningKey *self)
{
  g_return_val_if_fail (PM_IS_SIGNING_KEY (self), NULL);
  return self->fingerprint;
}

void
pm_signing_key_sign (PmSigningKey *self,
                     const guint8 *data,
                     gsize         length,
                     guint8        signature[PM_SIGNING_SIGNATURE_BYTES])
{
  g_return_if_fail (PM_IS_SIGNING_KEY (self));
  g_return_if_fail (data != NULL || length == 0);
  g_return_if_fail (signature != NULL);

  crypto_sign_detached (signature, NULL, data != NULL ? data : (const guint8 *) "", length,
                        self->secret_key);
}
