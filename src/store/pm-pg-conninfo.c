/* pm-pg-conninfo.c: PostgreSQL connection strings, read and written
 *
 * What the window shows of a server's location, what it remembers (never
 * the password), and the location built from what a person fills in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "pm-pg-database.h"
#include "pm-store-error.h"

char *
pm_pg_conninfo_describe (const char *conninfo)
{
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
  const char *dbname = NULL, *host = NULL;
  char *description;

  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    {
      if (g_str_equal (o->keyword, "dbname") && o->val != NULL && o->val[0] != '\0')
        dbname = o->val;
      else if (g_str_equal (o->keyword, "host") && o->val != NULL && o->val[0] != '\0')
        host = o->val;
    }

  description = g_strdup_printf (_("%s on %s"), dbname != NULL ? dbname : _("the default database"),
                                 host != NULL && host[0] != '/' ? host : "localhost");
  PQconninfoFree (options);
  return description;
}

static void
append_option (GString    *out,
               const char *keyword,
               const char *value)
{
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append_printf (out, "%s='", keyword);
  for (const char *c = value; *c != '\0'; c++)
    {
      if (*c == '\'' || *c == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '\'');
}

char *
pm_pg_conninfo_strip_password (const char *conninfo)
{
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
  GString *out;

  if (options == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL || g_str_equal (o->keyword, "password"))
        continue;

      append_option (out, o->keyword, o->val);
    }

  PQconninfoFree (options);
  return g_string_free (out, FALSE);
}

char *
pm_pg_conninfo_with_server (const char *conninfo,
                            const char *server,
                            const char *dbname,
                            const char *user)
{
  PQconninfoOption *options = PQconninfoParse (conninfo != NULL ? conninfo : "", NULL);
  g_autofree char *host = NULL;
  const char *port = NULL;
  const char *colon;
  GString *out;

  if (options == NULL)
    options = PQconninfoParse ("", NULL);

  /* "db.example.org:5433": the port after the last colon, unless it is
   * an IPv6 address's. */
  colon = strrchr (server, ':');
  if (colon != NULL && colon[1] != '\0' && strspn (colon + 1, "0123456789") == strlen (colon + 1) &&
      strchr (server, ':') == colon)
    {
      host = g_strndup (server, colon - server);
      port = colon + 1;
    }
  else
    host = g_strdup (server);

  out = g_string_new (NULL);
  if (host[0] != '\0')
    append_option (out, "host", host);
  if (port != NULL)
    append_option (out, "port", port);
  append_option (out, "dbname", dbname);
  if (user[0] != '\0')
    append_option (out, "user", user);
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL || o->val[0] == '\0' || g_str_equal (o->keyword, "password") ||
          g_str_equal (o->keyword, "host") || g_str_equal (o->keyword, "port") ||
          g_str_equal (o->keyword, "dbname") || g_str_equal (o->keyword, "user") ||
          g_str_equal (o->keyword, "hostaddr"))
        continue;
      append_option (out, o->keyword, o->val);
    }

  PQconninfoFree (options);
  return g_string_free (out, FALSE);
}

gboolean
pm_pg_conninfo_get_server (const char  *conninfo,
                           char       **server,
                           char       **dbname,
                           char       **user)
{
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
  const char *host = "", *port = NULL;

  if (options == NULL)
    return FALSE;

  *dbname = g_strdup ("");
  *user = g_strdup ("");
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL)
        continue;
      if (g_str_equal (o->keyword, "host"))
        host = o->val;
      else if (g_str_equal (o->keyword, "port") && o->val[0] != '\0')
        port = o->val;
      else if (g_str_equal (o->keyword, "dbname"))
        {
          g_free (*dbname);
          *dbname = g_strdup (o->val);
        }
      else if (g_str_equal (o->keyword, "user"))
        {
          g_free (*user);
          *user = g_strdup (o->val);
        }
    }
  *server = port != NULL ? g_strdup_printf ("%s:%s", host, port) : g_strdup (host);

  PQconninfoFree (options);
  return TRUE;
}


/* Where a council gives its own certificate authority, for the messages
 * below (docs/server.md). */
#define WHERE_TO_GIVE_THE_AUTHORITY \
  N_("Give your organisation’s certificate authority as sslrootcert in the connection " \
     "string, in ~/.postgresql/root.crt or in PGSSLROOTCERT.")

void
pm_pg_conninfo_set_connect_error (PGconn      *conn,
                                  const char  *conninfo,
                                  GError     **error)
{
  g_autofree char *message = g_utf8_make_valid (PQerrorMessage (conn), -1);
  const char *db = PQdb (conn) != NULL ? PQdb (conn) : conninfo;
  const char *host = PQhost (conn) != NULL ? PQhost (conn) : "localhost";

  /* libpq's messages may run over lines: one line in ours. */
  g_strdelimit (g_strstrip (message), "\n", ' ');
  if (PQconnectionNeedsPassword (conn))
    g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_AUTHENTICATION,
                 _("The server asks for a password for “%s”."), db);
  else if (strstr (message, "password authentication failed") != NULL)
    g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_AUTHENTICATION,
                 _("The server refused the password for “%s”."), db);
  else if (strstr (message, "certificate verify failed") != NULL)
    g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO,
                 _("The server for “%s” could not prove who it is: its certificate is not "
                   "signed by a certificate authority you trust. %s (%s)"),
                 db, _(WHERE_TO_GIVE_THE_AUTHORITY), message);
  else if (strstr (message, "does not match host name") != NULL)
    g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO,
                 _("The server for “%s” could not prove who it is: its certificate is for "
                   "another host than “%s” (%s)."),
                 db, host, message);
  else if (strstr (message, "root certificate file") != NULL)
    g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO,
                 _("No certificate authority to check the server for “%s” against. %s (%s)"),
                 db, _(WHERE_TO_GIVE_THE_AUTHORITY), message);
  else
    g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO,
                 _("Could not connect to the server for “%s” (%s)."), db, message);
}
