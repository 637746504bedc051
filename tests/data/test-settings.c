/* test-settings.c: the compiled settings schema has the keys the window and
 * the quarterly returns read, with the documented defaults.
 *
 * Copyright 2026 The Pilot Monitor authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* For g_memory_settings_backend_new (). */
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gio.h>
#include <gio/gsettingsbackend.h>

#define SCHEMA_ID "io.github.pilotmonitor.PilotMonitor"

/* Loaded from GSETTINGS_SCHEMA_DIR (the build's data/ folder) only, so a
 * schema installed elsewhere on the system cannot hide a missing build. */
static GSettingsSchema *
lookup_schema (void)
{
  const char *dir = g_getenv ("GSETTINGS_SCHEMA_DIR");
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (dir);
  source = g_settings_schema_source_new_from_directory (dir, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (source);

  return g_settings_schema_source_lookup (source, SCHEMA_ID, FALSE);
}

static void
test_settings_schema_path (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();

  g_assert_nonnull (schema);
  g_assert_cmpstr (g_settings_schema_get_path (schema), ==,
                   "/io/github/pilotmonitor/PilotMonitor/");
}

static void
test_settings_keys (void)
{
  static const struct {
    const char *name;
    const char *type;
  } expected[] = {
    { "window-width", "i" },
    { "window-height", "i" },
    { "window-maximized", "b" },
    { "last-database", "s" },
    { "recent-databases", "as" },
    { "author-name", "s" },
    { "database-periods", "a{ss}" },
    { "kpi-table-height", "i" },
  };
  g_autoptr(GSettingsSchema) schema = lookup_schema ();
  g_auto(GStrv) keys = NULL;

  g_assert_nonnull (schema);
  keys = g_settings_schema_list_keys (schema);
  g_assert_cmpuint (g_strv_length (keys), ==, G_N_ELEMENTS (expected));

  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GSettingsSchemaKey) key = NULL;

      g_test_message ("key %s", expected[i].name);
      g_assert_true (g_settings_schema_has_key (schema, expected[i].name));
      key = g_settings_schema_get_key (schema, expected[i].name);
      g_assert_cmpstr (g_variant_type_peek_string (g_settings_schema_key_get_value_type (key)),
                       ==, expected[i].type);
    }
}

static void
test_settings_defaults (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = NULL;
  g_auto(GStrv) recent = NULL;
  g_autofree char *last_database = NULL;
  g_autofree char *author_name = NULL;
  g_autoptr(GVariant) periods = NULL;

  g_assert_nonnull (schema);
  settings = g_settings_new_full (schema, backend, NULL);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1100);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 720);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  last_database = g_settings_get_string (settings, "last-database");
  g_assert_cmpstr (last_database, ==, "");
  author_name = g_settings_get_string (settings, "author-name");
  g_assert_cmpstr (author_name, ==, "");
  /* No database has a period of its own yet: each opens on the one due. */
  periods = g_settings_get_value (settings, "database-periods");
  g_assert_cmpuint (g_variant_n_children (periods), ==, 0);
  g_assert_cmpint (g_settings_get_int (settings, "kpi-table-height"), ==, 300);

  recent = g_settings_get_strv (settings, "recent-databases");
  g_assert_cmpuint (g_strv_length (recent), ==, 0);
}

static void
test_settings_round_trip (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GSettings) again = NULL;
  g_auto(GStrv) recent = NULL;
  g_autoptr(GVariant) periods = NULL;
  g_autofree char *period = NULL;
  const char * const paths[] = { "/tmp/a.db", "/tmp/b.db", NULL };

  g_assert_nonnull (schema);
  settings = g_settings_new_full (schema, backend, NULL);

  g_assert_true (g_settings_set_strv (settings, "recent-databases", paths));
  g_assert_true (g_settings_set_value (settings, "database-periods",
                                       g_variant_new_parsed ("{'/tmp/a.db': 'FY2016-Q3'}")));

  /* A second object on the same backend sees the stored values, as the next
   * window would. */
  again = g_settings_new_full (schema, backend, NULL);
  recent = g_settings_get_strv (again, "recent-databases");
  g_assert_cmpstrv (recent, paths);
  periods = g_settings_get_value (again, "database-periods");
  g_assert_true (g_variant_lookup (periods, "/tmp/a.db", "s", &period));
  g_assert_cmpstr (period, ==, "FY2016-Q3");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/settings/schema-path", test_settings_schema_path);
  g_test_add_func ("/settings/keys", test_settings_keys);
  g_test_add_func ("/settings/defaults", test_settings_defaults);
  g_test_add_func ("/settings/round-trip", test_settings_round_trip);

  return g_test_run ();
}
