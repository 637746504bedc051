/* pm-cli-common.c: what the commands share: opening the database, finding
 * a district, the name recorded, and how errors are printed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-cli-private.h"

void
_pm_cli_print_error (const char   *what,
                     const GError *error)
{
  if (what != NULL)
    {
      /* A server's connection string may hold a password. */
      g_autofree char *shown = pm_store_describe_location (what);

      g_printerr ("pilot-monitor: %s: %s\n", shown, error->message);
    }
  else
    g_printerr ("pilot-monitor: %s\n", error->message);
}

void
_pm_cli_print_usage_error (const char *message)
{
  g_printerr ("pilot-monitor: %s\n", message);
}

/* Opens an existing database; a missing file is an error here rather than
 * a new empty database, since a typo in --database should not create one. */
static PmStore *
open_existing (const char        *path,
               PmStoreOpenFlags   flags,
               GError           **error)
{
  if (!pm_store_location_is_server (path) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s does not exist (create it with --sample or --import)"), path);
      return NULL;
    }

  return pm_store_open (path, flags, error);
}

PmStore *
_pm_cli_open_existing (const char  *path,
                       gboolean     read_only,
                       GError     **error)
{
  return open_existing (path, read_only ? PM_STORE_OPEN_READ_ONLY : PM_STORE_OPEN_DEFAULT, error);
}

/* Read-only, for an export that never writes: the file is still refused
 * if it is not ours or too new, but its pages are checked only as they
 * are read (a damaged one read is still an error). */
PmStore *
_pm_cli_open_for_export (const char  *path,
                         GError     **error)
{
  return open_existing (path, PM_STORE_OPEN_READ_ONLY | PM_STORE_OPEN_SKIP_PAGE_CHECK, error);
}

PmProgramme *
_pm_cli_load_programme (const char  *path,
                        GError     **error)
{
  g_autoptr(PmStore) store = _pm_cli_open_existing (path, TRUE, error);

  if (store == NULL)
    return NULL;

  return pm_store_load (store, error);
}

/* The district named on the command line, or NULL (with @error) when the
 * programme has none of that name; NULL without error for "all". */
PmDistrict *
_pm_cli_find_district (PmProgramme  *programme,
                       const char   *name,
                       GError      **error)
{
  GListModel *districts = pm_programme_get_districts (programme);
  g_autoptr(GString) names = NULL;
  PmDistrict *district;

  if (g_ascii_strcasecmp (name, "all") == 0)
    return NULL;

  district = pm_programme_find_district (programme, name);
  if (district != NULL)
    return district;

  names = g_string_new (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    {
      g_autoptr(PmDistrict) item = g_list_model_get_item (districts, i);

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, pm_district_get_name (item));
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("There is no district “%s” in the programme. Give one of: %s; or “all”."),
               name, names->str);
  return NULL;
}

/* The name recorded for a change made from the command line: --author,
 * else the account's real name when it has one. */
const char *
_pm_cli_author (const char *author)
{
  if (author != NULL)
    return author;

  author = g_get_real_name ();
  return g_strcmp0 (author, "Unknown") != 0 ? author : NULL;
}

gboolean
_pm_cli_create_with (const char   *path,
                     PmProgramme  *programme,
                     GError      **error)
{
  g_autoptr(PmStore) store = NULL;

  store = pm_store_open (path, PM_STORE_OPEN_CREATE, error);
  if (store == NULL)
    return FALSE;

  return pm_store_import (store, programme, error);
}
