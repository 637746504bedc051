/* pm-watch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "model/pm-programme.h"
#include "pm-watch.h"

typedef struct
{
  GObject *instance;
  gulong   handler;
} Connection;

struct _PmWatch
{
  GObject     *root;
  PmWatchFunc  func;
  gpointer     user_data;
  GArray      *connections;
  gboolean     dirty;
  gboolean     stale;  /* what to listen to changed while frozen */
};

/* Every live watch, for pm_watch_thaw_all(), and the freeze depth. */
static GHashTable *all_watches;
static guint freeze_count;

static void watch_object (PmWatch *self, GObject *object);

static void
connection_clear (gpointer data)
{
  Connection *connection = data;

  g_clear_signal_handler (&connection->handler, connection->instance);
  g_clear_object (&connection->instance);
}

static void
connect_signal (PmWatch    *self,
                gpointer    instance,
                const char *signal,
                GCallback   callback)
{
  Connection connection;

  connection.instance = g_object_ref (instance);
  connection.handler = g_signal_connect_swapped (instance, signal, callback, self);
  g_array_append_val (self->connections, connection);
}

static void
rewatch (PmWatch *self)
{
  g_array_set_size (self->connections, 0);
  watch_object (self, self->root);
}

static void
changed_cb (PmWatch *self)
{
  if (freeze_count > 0)
    {
      self->dirty = TRUE;
      return;
    }

  self->func (self->user_data);
}

/* Items came or went: what to listen to has changed too. */
static void
structure_changed_cb (PmWatch *self)
{
  /* Rewatching walks everything under the root: once, at the thaw. */
  if (freeze_count > 0)
    {
      self->dirty = TRUE;
      self->stale = TRUE;
      return;
    }

  rewatch (self);
  self->func (self->user_data);
}

static void
watch_list (PmWatch    *self,
            GListModel *list,
            gboolean    structural)
{
  connect_signal (self, list, "items-changed",
                  structural ? G_CALLBACK (structure_changed_cb) : G_CALLBACK (changed_cb));

  if (!structural)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      watch_object (self, item);
    }
}

static void
watch_object (PmWatch *self,
              GObject *object)
{
  if (PM_IS_PROGRAMME (object))
    {
      connect_signal (self, object, "notify", G_CALLBACK (changed_cb));
      watch_list (self, pm_programme_get_districts (PM_PROGRAMME (object)), TRUE);
    }
  else if (PM_IS_DISTRICT (object))
    {
      connect_signal (self, object, "notify", G_CALLBACK (changed_cb));
      watch_list (self, pm_district_get_pilots (PM_DISTRICT (object)), TRUE);
    }
  else if (PM_IS_PILOT (object))
    {
      PmPilot *pilot = PM_PILOT (object);

      connect_signal (self, object, "notify", G_CALLBACK (changed_cb));
      watch_list (self, pm_pilot_get_providers (pilot), FALSE);
      watch_list (self, pm_pilot_get_reach (pilot), FALSE);
      watch_list (self, pm_pilot_get_spend (pilot), FALSE);
      watch_list (self, pm_pilot_get_narratives (pilot), FALSE);
      watch_list (self, pm_pilot_get_kpis (pilot), TRUE);
    }
  else if (PM_IS_KPI (object))
    {
      PmKpi *kpi = PM_KPI (object);

      /* A new baseline arrives as notify::baseline: watch the new one. */
      connect_signal (self, object, "notify", G_CALLBACK (structure_changed_cb));
      connect_signal (self, pm_kpi_get_baseline (kpi), "notify", G_CALLBACK (changed_cb));
      watch_list (self, pm_kpi_get_targets (kpi), FALSE);
      /* A saved value replaces its entry in the list (the store never
       * changes an entry in place), so the list's own signal is enough:
       * no handler per value, of which a large programme has 600,000. */
      watch_list (self, pm_kpi_get_entries (kpi), FALSE);
    }
}

PmWatch *
pm_watch_new (GObject     *root,
              PmWatchFunc  func,
              gpointer     user_data)
{
  PmWatch *self;

  g_return_val_if_fail (G_IS_OBJECT (root), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = g_new0 (PmWatch, 1);
  self->root = g_object_ref (root);
  self->func = func;
  self->user_data = user_data;
  self->connections = g_array_new (FALSE, TRUE, sizeof (Connection));
  g_array_set_clear_func (self->connections, connection_clear);

  watch_object (self, root);

  if (all_watches == NULL)
    all_watches = g_hash_table_new (NULL, NULL);
  g_hash_table_add (all_watches, self);

  return self;
}

void
pm_watch_free (PmWatch *self)
{
  if (self == NULL)
    return;

  g_hash_table_remove (all_watches, self);
  g_clear_pointer (&self->connections, g_array_unref);
  g_clear_object (&self->root);
  g_free (self);
}

void
pm_watch_freeze_all (void)
{
  freeze_count++;
}

static PmWatch *
find_dirty (void)
{
  GHashTableIter iter;
  gpointer key;

  if (all_watches == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, all_watches);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (((PmWatch *) key)->dirty)
      return key;

  return NULL;
}

void
pm_watch_thaw_all (void)
{
  PmWatch *watch;

  g_return_if_fail (freeze_count > 0);

  if (--freeze_count > 0)
    return;

  /* A callback may free or create watches: look again after each. */
  while ((watch = find_dirty ()) != NULL)
    {
      watch->dirty = FALSE;
      if (watch->stale)
        {
          watch->stale = FALSE;
          rewatch (watch);
        }
      watch->func (watch->user_data);
    }
}
