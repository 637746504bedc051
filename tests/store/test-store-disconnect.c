/* test-store-disconnect.c: a lost connection loses nothing
 *
 * A server restarts, or the network drops, while a quarter is being
 * entered. A save that fails with the connection is never reported as
 * saved, and says so (PM_STORE_ERROR_DISCONNECTED); after reconnecting it
 * is saved once. A save whose COMMIT went and whose answer was lost is
 * found written when it is saved again, not written twice.
 *
 * The restarts are of a private server started here
 * (build-aux/pg-test-server.sh), never of the shared one; the lost
 * answer is made by a proxy in front of the shared one, which cuts the
 * connection just after the server says COMMIT.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pg-test-util.h"
#include "store-test-util.h"

#define Q3 2016, 3

typedef struct
{
  PmStore     *store;
  PmProgramme *programme;
  PmKpi       *kpi;       /* "Attendance", 50 in FY2016-Q3 */
} Client;

static void
client_open (Client     *client,
             const char *location)
{
  g_autoptr(GError) error = NULL;
  PmDistrict *district;
  PmPilot *pilot;

  client->store = pm_store_open (location, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  pm_store_set_author (client->store, "Alex Lead");
  client->programme = pm_store_load (client->store, &error);
  g_assert_no_error (error);
  district = pm_test_item (pm_programme_get_districts (client->programme), 0);
  pilot = pm_test_item (pm_district_get_pilots (district), 0);
  client->kpi = pm_test_item (pm_pilot_get_kpis (pilot), 0);
  g_assert_cmpstr (pm_kpi_get_title (client->kpi), ==, "Attendance");
}

static void
client_close (Client *client)
{
  g_clear_object (&client->programme);
  g_clear_object (&client->store);
}

static gboolean
save (Client   *client,
      double    value,
      GError  **error)
{
  g_autoptr(PmPeriod) q3 = pm_period_new (Q3);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q3);

  pm_progress_entry_set_value (entry, value);
  return pm_store_save_entry (client->store, client->kpi, entry, error);
}

static double
value_held (Client *client)
{
  g_autoptr(PmPeriod) q3 = pm_period_new (Q3);

  return pm_progress_entry_get_value (pm_kpi_get_entry (client->kpi, q3));
}

/* The values typed into the trail for the KPI's Q3, oldest first. */
static GArray *
typed_values (const char *location)
{
  g_autoptr(PGconn) conn = PQconnectdb (location);
  g_autoptr(PGresult) result = NULL;
  GArray *values = g_array_new (FALSE, FALSE, sizeof (double));

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, "SELECT new_value FROM audit WHERE kind = 'value' AND source = 'typed' "
                         "AND period = 'FY2016-Q3' AND kpi_id = (SELECT id FROM kpi WHERE title = 'Attendance') "
                         "ORDER BY id");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  for (int i = 0; i < PQntuples (result); i++)
    {
      double value = g_ascii_strtod (PQgetvalue (result, i, 0), NULL);
      g_array_append_val (values, value);
    }
  return values;
}

static gint64
revision_on_server (const char *location)
{
  return store_test_query_int (location,
                               "SELECT revision FROM progress WHERE period = 'FY2016-Q3' "
                               "AND kpi_id = (SELECT id FROM kpi WHERE title = 'Attendance')");
}

/* Until the server is back: a failed attempt is DISCONNECTED again. */
static void
reconnect_until_back (Client *client)
{
  gint64 give_up = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(GError) error = NULL;

      if (pm_store_reconnect (client->store, &error))
        {
          g_assert_true (pm_store_is_connected (client->store));
          return;
        }
      g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DISCONNECTED);
      g_assert_false (pm_store_is_connected (client->store));
      g_assert_cmpint (g_get_monotonic_time (), <, give_up);
      g_usleep (50 * 1000);
    }
}

/* Restarts */

typedef struct
{
  PgTestServer *server;
  gint          restarts_done;
  gint          saves;          /* by the client, so far */
} Restarter;

/* Each time once the client has saved a few values on the server as it
 * is (connected again after the last restart), however slow it runs. */
static gpointer
restart_thread (gpointer data)
{
  Restarter *restarter = data;

  for (int i = 0; i < 2; i++)
    {
      int saves = g_atomic_int_get (&restarter->saves);

      while (g_atomic_int_get (&restarter->saves) < saves + 5)
        g_usleep (20 * 1000);
      pg_test_server_pause (restarter->server);
      g_usleep (700 * 1000);
      pg_test_server_resume (restarter->server);
      g_atomic_int_inc (&restarter->restarts_done);
    }
  return NULL;
}

/* Values saved one after another while the server stops (pg_ctl stop -m
 * fast) and starts again, twice: each save that fails is retried once
 * reconnected, as the window does, and the trail then holds every value
 * exactly once, in order. */
static void
test_server_restarts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PgTestServer) server = pg_test_server_start (&error);
  g_autoptr(PmProgramme) small = NULL;
  g_autoptr(GArray) saved = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) trail = NULL;
  g_autoptr(GThread) thread = NULL;
  Restarter restarter = { 0 };
  Client client = { 0 };
  const char *uri;
  guint lost = 0, after_last = 0, n = 0;
  double value;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_test_skip (error->message);
      return;
    }
  g_assert_no_error (error);

  uri = pg_test_server_get_uri (server);
  small = store_test_build_small_programme ();
  pm_test_store_create (uri, small);
  client_open (&client, uri);

  restarter.server = server;
  thread = g_thread_new ("restarts", restart_thread, &restarter);

  while (g_atomic_int_get (&restarter.restarts_done) < 2 || after_last < 20)
    {
      double before = value_held (&client);

      if (g_atomic_int_get (&restarter.restarts_done) == 2)
        after_last++;

      /* A percentage, different each time. */
      value = 1 + (n++ % 990) / 10.0;
      g_usleep (2 * 1000);
      if (save (&client, value, &error))
        {
          g_atomic_int_inc (&restarter.saves);
          g_array_append_val (saved, value);
          g_assert_cmpfloat (value_held (&client), ==, value);
          continue;
        }

      /* Not saved, and not shown as saved. */
      g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DISCONNECTED);
      g_assert_cmpfloat (value_held (&client), ==, before);
      g_assert_false (pm_store_is_connected (client.store));
      g_clear_error (&error);
      lost++;

      reconnect_until_back (&client);
      g_assert_true (save (&client, value, &error));
      g_assert_no_error (error);
      g_atomic_int_inc (&restarter.saves);
      g_array_append_val (saved, value);
    }
  g_thread_join (g_steal_pointer (&thread));

  g_test_message ("%u saves, %u of them after the connection was lost", saved->len, lost);
  g_assert_cmpuint (lost, ==, 2);

  trail = typed_values (uri);
  g_assert_cmpuint (trail->len, ==, saved->len);
  for (guint i = 0; i < saved->len; i++)
    g_assert_cmpfloat (g_array_index (trail, double, i), ==, g_array_index (saved, double, i));
  g_assert_cmpint (revision_on_server (uri), ==, 1 + saved->len);

  client_close (&client);
}

/* A proxy that loses the answer to a COMMIT */

typedef struct
{
  GSocketListener *listener;
  GCancellable    *cancellable;
  guint16          port;
  guint16          server_port;
  GThread         *accept_thread;
  GMutex           lock;
  GPtrArray       *threads;      /* the pumps */
  GPtrArray       *connections;  /* GSocketConnection, two per client */
  gint             drop_after_commit;
} Proxy;

typedef struct
{
  Proxy             *proxy;
  GSocketConnection *from;
  GSocketConnection *to;
  gboolean           server_side;  /* from the server: read message by message */
} Pump;

static void
cut (Pump *pump)
{
  g_socket_shutdown (g_socket_connection_get_socket (pump->from), TRUE, TRUE, NULL);
  g_socket_shutdown (g_socket_connection_get_socket (pump->to), TRUE, TRUE, NULL);
}

static gpointer
pump_thread (gpointer data)
{
  Pump *pump = data;
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (pump->from));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (pump->to));
  guint8 buffer[16384];

  for (;;)
    {
      gsize length = 0;

      if (!pump->server_side)
        {
          gssize n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL);

          if (n <= 0 || !g_output_stream_write_all (out, buffer, n, NULL, NULL, NULL))
            break;
          continue;
        }

      /* A message: its type, its length (counting itself), the rest. */
      if (!g_input_stream_read_all (in, buffer, 5, &length, NULL, NULL) || length < 5)
        break;
      length = ((gsize) buffer[1] << 24 | (gsize) buffer[2] << 16 | (gsize) buffer[3] << 8 | buffer[4]) - 4;
      if (length > sizeof buffer - 5 ||
          !g_input_stream_read_all (in, buffer + 5, length, NULL, NULL, NULL))
        break;

      /* CommandComplete "COMMIT": the server has committed; the client
       * never hears it. */
      if (buffer[0] == 'C' && length >= 6 && memcmp (buffer + 5, "COMMIT", 6) == 0 &&
          g_atomic_int_compare_and_exchange (&pump->proxy->drop_after_commit, TRUE, FALSE))
        break;

      if (!g_output_stream_write_all (out, buffer, length + 5, NULL, NULL, NULL))
        break;
    }

  cut (pump);
  g_free (pump);
  return NULL;
}

static void
start_pump (Proxy             *proxy,
            GSocketConnection *from,
            GSocketConnection *to,
            gboolean           server_side)
{
  Pump *pump = g_new0 (Pump, 1);

  pump->proxy = proxy;
  pump->from = from;
  pump->to = to;
  pump->server_side = server_side;
  g_mutex_lock (&proxy->lock);
  g_ptr_array_add (proxy->threads, g_thread_new ("pump", pump_thread, pump));
  g_mutex_unlock (&proxy->lock);
}

static gpointer
accept_thread (gpointer data)
{
  Proxy *proxy = data;

  for (;;)
    {
      g_autoptr(GSocketClient) socket_client = g_socket_client_new ();
      GSocketConnection *client, *server;

      client = g_socket_listener_accept (proxy->listener, NULL, proxy->cancellable, NULL);
      if (client == NULL)
        break;
      server = g_socket_client_connect_to_host (socket_client, "127.0.0.1", proxy->server_port,
                                                proxy->cancellable, NULL);
      if (server == NULL)
        {
          g_object_unref (client);
          break;
        }
      g_mutex_lock (&proxy->lock);
      g_ptr_array_add (proxy->connections, client);
      g_ptr_array_add (proxy->connections, server);
      g_mutex_unlock (&proxy->lock);
      start_pump (proxy, client, server, FALSE);
      start_pump (proxy, server, client, TRUE);
    }
  return NULL;
}

static Proxy *
proxy_new (guint16 server_port)
{
  g_autoptr(GError) error = NULL;
  Proxy *proxy = g_new0 (Proxy, 1);

  proxy->server_port = server_port;
  proxy->listener = g_socket_listener_new ();
  proxy->cancellable = g_cancellable_new ();
  proxy->threads = g_ptr_array_new ();
  proxy->connections = g_ptr_array_new_with_free_func (g_object_unref);
  g_mutex_init (&proxy->lock);
  {
    g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
    g_autoptr(GSocketAddress) bound = NULL;

    g_socket_listener_add_address (proxy->listener, address, G_SOCKET_TYPE_STREAM,
                                   G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
    g_assert_no_error (error);
    proxy->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  }
  proxy->accept_thread = g_thread_new ("accept", accept_thread, proxy);
  return proxy;
}

static void
proxy_free (Proxy *proxy)
{
  g_cancellable_cancel (proxy->cancellable);
  g_thread_join (proxy->accept_thread);

  g_mutex_lock (&proxy->lock);
  for (guint i = 0; i < proxy->connections->len; i++)
    g_socket_shutdown (g_socket_connection_get_socket (proxy->connections->pdata[i]), TRUE, TRUE, NULL);
  g_mutex_unlock (&proxy->lock);
  for (guint i = 0; i < proxy->threads->len; i++)
    g_thread_join (proxy->threads->pdata[i]);

  g_ptr_array_unref (proxy->threads);
  g_ptr_array_unref (proxy->connections);
  g_socket_listener_close (proxy->listener);
  g_object_unref (proxy->listener);
  g_object_unref (proxy->cancellable);
  g_mutex_clear (&proxy->lock);
  g_free (proxy);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Proxy, proxy_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PQconninfoOption, PQconninfoFree)

static const char *
option (PQconninfoOption *options,
        const char       *keyword)
{
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (strcmp (o->keyword, keyword) == 0)
      return o->val;
  return NULL;
}

/* The COMMIT of a save reaches the server, which writes it; the
 * connection goes before the answer comes back. The save is not
 * reported as saved; once reconnected, saving it again finds it written
 * and writes nothing more: one row of the trail, one new row version. */
static void
test_commit_answer_lost (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) small = NULL;
  g_autoptr(PQconninfoOption) options = NULL;
  g_autoptr(Proxy) proxy = NULL;
  g_autoptr(GArray) trail = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *through_proxy = NULL;
  Client client = { 0 };

  if (!pg_test_available ())
    {
      g_test_skip ("no PostgreSQL test server (build-aux/run-tests.sh starts one)");
      return;
    }

  uri = pg_test_create_database ("pm_disconnect", &error);
  g_assert_no_error (error);
  small = store_test_build_small_programme ();
  pm_test_store_create (uri, small);

  options = PQconninfoParse (uri, NULL);
  g_assert_nonnull (options);
  proxy = proxy_new ((guint16) atoi (option (options, "port")));
  /* No TLS: the proxy reads the messages. */
  through_proxy = g_strdup_printf ("host=127.0.0.1 port=%u dbname=%s user=%s password=%s "
                                   "sslmode=disable gssencmode=disable",
                                   proxy->port, option (options, "dbname"),
                                   option (options, "user"), option (options, "password"));
  client_open (&client, through_proxy);
  g_assert_cmpint (revision_on_server (uri), ==, 1);

  g_atomic_int_set (&proxy->drop_after_commit, TRUE);
  g_assert_false (save (&client, 61, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DISCONNECTED);
  g_clear_error (&error);
  g_assert_false (pm_store_is_connected (client.store));
  /* Not shown as saved, though the server has it. */
  g_assert_cmpfloat (value_held (&client), ==, 50);
  g_assert_cmpint (revision_on_server (uri), ==, 2);

  /* Saved again once the connection is back: found written. */
  g_assert_true (pm_store_reconnect (client.store, &error));
  g_assert_no_error (error);
  g_assert_true (save (&client, 61, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (value_held (&client), ==, 61);
  g_assert_cmpint (revision_on_server (uri), ==, 2);

  /* And the next save goes over it as usual. */
  g_assert_true (save (&client, 62, &error));
  g_assert_no_error (error);
  g_assert_cmpint (revision_on_server (uri), ==, 3);

  trail = typed_values (uri);
  g_assert_cmpuint (trail->len, ==, 2);
  g_assert_cmpfloat (g_array_index (trail, double, 0), ==, 61);
  g_assert_cmpfloat (g_array_index (trail, double, 1), ==, 62);

  client_close (&client);
  g_assert_true (pg_test_drop_database (uri, &error));
  g_assert_no_error (error);
}

/* The same COMMIT lost, then a different value typed before retrying:
 * the first is found written and the second saved over it, not refused
 * as someone else's change. */
static void
test_commit_answer_lost_then_other_value (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) small = NULL;
  g_autoptr(PQconninfoOption) options = NULL;
  g_autoptr(Proxy) proxy = NULL;
  g_autoptr(GArray) trail = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *through_proxy = NULL;
  Client client = { 0 };

  if (!pg_test_available ())
    {
      g_test_skip ("no PostgreSQL test server (build-aux/run-tests.sh starts one)");
      return;
    }

  uri = pg_test_create_database ("pm_disconnect", &error);
  g_assert_no_error (error);
  small = store_test_build_small_programme ();
  pm_test_store_create (uri, small);

  options = PQconninfoParse (uri, NULL);
  proxy = proxy_new ((guint16) atoi (option (options, "port")));
  through_proxy = g_strdup_printf ("host=127.0.0.1 port=%u dbname=%s user=%s password=%s "
                                   "sslmode=disable gssencmode=disable",
                                   proxy->port, option (options, "dbname"),
                                   option (options, "user"), option (options, "password"));
  client_open (&client, through_proxy);

  g_atomic_int_set (&proxy->drop_after_commit, TRUE);
  g_assert_false (save (&client, 61, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DISCONNECTED);
  g_clear_error (&error);

  g_assert_true (pm_store_reconnect (client.store, &error));
  g_assert_true (save (&client, 63, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (value_held (&client), ==, 63);
  g_assert_cmpint (revision_on_server (uri), ==, 3);

  trail = typed_values (uri);
  g_assert_cmpuint (trail->len, ==, 2);
  g_assert_cmpfloat (g_array_index (trail, double, 1), ==, 63);

  client_close (&client);
  g_assert_true (pg_test_drop_database (uri, &error));
  g_assert_no_error (error);
}

/* The network drops while nobody is saving: the check for other
 * people's changes, which the window makes every few seconds, finds the
 * connection lost; once reconnected it says something may have changed
 * (notifications sent meanwhile were missed), once. */
static void
test_poll_notices (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) small = NULL;
  g_autoptr(PQconninfoOption) options = NULL;
  g_autoptr(Proxy) proxy = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *through_proxy = NULL;
  Client client = { 0 };

  if (!pg_test_available ())
    {
      g_test_skip ("no PostgreSQL test server (build-aux/run-tests.sh starts one)");
      return;
    }

  uri = pg_test_create_database ("pm_disconnect", &error);
  g_assert_no_error (error);
  small = store_test_build_small_programme ();
  pm_test_store_create (uri, small);

  options = PQconninfoParse (uri, NULL);
  proxy = proxy_new ((guint16) atoi (option (options, "port")));
  through_proxy = g_strdup_printf ("host=127.0.0.1 port=%u dbname=%s user=%s password=%s "
                                   "sslmode=disable gssencmode=disable",
                                   proxy->port, option (options, "dbname"),
                                   option (options, "user"), option (options, "password"));
  client_open (&client, through_proxy);
  g_assert_false (pm_store_poll_changes (client.store, &error));
  g_assert_no_error (error);

  /* The network goes. */
  g_mutex_lock (&proxy->lock);
  for (guint i = 0; i < proxy->connections->len; i++)
    g_socket_shutdown (g_socket_connection_get_socket (proxy->connections->pdata[i]), TRUE, TRUE, NULL);
  g_mutex_unlock (&proxy->lock);

  g_assert_false (pm_store_poll_changes (client.store, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DISCONNECTED);
  g_clear_error (&error);
  g_assert_false (pm_store_is_connected (client.store));

  g_assert_true (pm_store_reconnect (client.store, &error));
  g_assert_no_error (error);
  g_assert_true (pm_store_poll_changes (client.store, &error));
  g_assert_false (pm_store_poll_changes (client.store, &error));
  g_assert_no_error (error);

  client_close (&client);
  g_assert_true (pg_test_drop_database (uri, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/disconnect/server-restarts", test_server_restarts);
  g_test_add_func ("/store/disconnect/commit-answer-lost", test_commit_answer_lost);
  g_test_add_func ("/store/disconnect/commit-answer-lost-then-other-value",
                   test_commit_answer_lost_then_other_value);
  g_test_add_func ("/store/disconnect/poll-notices", test_poll_notices);

  return g_test_run ();
}
