/* pm-cli-people.c: the people of a programme on a server, from the
 * command line: --add-person, --list-people, --remove-person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pm-cli-private.h"
#include "store/pm-store-people.h"

/* The first line of standard input, without its line end; NULL (with
 * @error) when there is none. */
static char *
read_password (GError **error)
{
  g_autoptr(GString) line = g_string_new (NULL);
  int c;

  while ((c = getchar ()) != EOF && c != '\n')
    g_string_append_c (line, (char) c);
  if (line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);

  if (line->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("--password-stdin found no password on standard input"));
      return NULL;
    }

  return g_string_free (g_steal_pointer (&line), FALSE);
}

static void
forget_password (char *password)
{
  if (password == NULL)
    return;
  memset (password, 0, strlen (password));
  g_free (password);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (char, forget_password)

/* The store for people: the database must exist; opened to write. */
static PmStore *
open_for_people (const PmCliRequest  *request,
                 GError             **error)
{
  return _pm_cli_open_existing (request->database, FALSE, error);
}

int
_pm_cli_add_person (const PmCliRequest *request)
{
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(char) password = NULL;
  g_autofree char *districts = NULL;
  int access = PM_ACCESS_VIEWER;

  if (!pm_enum_from_name (PM_TYPE_ACCESS, request->role, &access))
    g_return_val_if_reached (PM_CLI_EXIT_USAGE);  /* checked with the options */

  if (request->password_stdin && (password = read_password (&error)) == NULL)
    {
      _pm_cli_print_error (NULL, error);
      return PM_CLI_EXIT_FAILED;
    }

  store = open_for_people (request, &error);
  if (store == NULL ||
      !pm_store_add_person (store, request->add_person, access, request->districts, password, &error))
    {
      _pm_cli_print_error (request->database, error);
      return PM_CLI_EXIT_FAILED;
    }

  switch (access)
    {
    case PM_ACCESS_LEAD:
      districts = g_strjoinv (", ", (char **) request->districts);
      /* Translators: "Added jo as lead of Cannock Chase, Tamworth" */
      g_print (_("Added %s as lead of %s\n"), request->add_person, districts);
      break;
    case PM_ACCESS_OFFICE:
      g_print (_("Added %s to the programme office\n"), request->add_person);
      break;
    case PM_ACCESS_VIEWER:
    case PM_ACCESS_OWNER:
    default:
      g_print (_("Added %s as a viewer\n"), request->add_person);
      break;
    }
  if (password == NULL)
    g_print (_("%s has no password yet: set one before they log in\n"), request->add_person);

  return PM_CLI_EXIT_OK;
}

/* One tab-separated line a person: name, role, and a lead's districts. */
int
_pm_cli_list_people (const PmCliRequest *request)
{
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;

  store = open_for_people (request, &error);
  if (store != NULL)
    people = pm_store_list_people (store, &error);
  if (people == NULL)
    {
      _pm_cli_print_error (request->database, error);
      return PM_CLI_EXIT_FAILED;
    }

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PmPerson) person = g_list_model_get_item (people, i);
      g_autofree char *districts = g_strjoinv (", ", (char **) pm_person_get_districts (person));

      g_print ("%s\t%s\t%s\n", pm_person_get_name (person),
               pm_enum_to_name (PM_TYPE_ACCESS, pm_person_get_access (person)), districts);
    }

  return PM_CLI_EXIT_OK;
}

int
_pm_cli_remove_person (const PmCliRequest *request)
{
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = open_for_people (request, &error);
  if (store == NULL || !pm_store_remove_person (store, request->remove_person, &error))
    {
      _pm_cli_print_error (request->database, error);
      return PM_CLI_EXIT_FAILED;
    }

  g_print (_("Removed %s from the programme\n"), request->remove_person);
  return PM_CLI_EXIT_OK;
}
