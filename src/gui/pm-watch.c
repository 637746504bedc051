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

/* What is listened to under one root, shared by every watch on it: the
 * overview's page and its programme total each watch the whole
 * programme, 60,000 handlers on the large one. */
typedef struct
{
  GObject   *root;
  GArray    *connections;
  GPtrArray *watches;  /* borrowed, in the order they were made */
  gboolean   stale;    /* what to listen to changed while frozen */
} Tree;

struct _PmWatch
{
  Tree        *tree;
  PmWatchFunc  func;
  gpointer     user_data;
  guint64      serial;  /* tells a live watch from one made at its address */
  gboolean     dirty;
};

/* Every live watch, for pm_watch_thaw_all(); the trees by root; the
 * freeze depth. */
static GHashTable *all_watches;
static GHashTable *trees;
static guint freeze_count;
static guint64 last_serial;

static void watch_object (Tree *tree, GObject *object);

static void
connection_clear (gpointer data)
{
  Connection *connection = data;

  g_clear_signal_handler (&connection->handler, connection->instance);
  g_clear_object (&connection->instance);
}

static void
connect_signal (Tree       *tree,
                gpointer    instance,
                const char *signal,
                GCallback   callback)
{
  Connection connection;

  connection.instance = g_object_ref (instance);
  connection.handler = g_signal_connect_swapped (instance, signal, callback, tree);
  g_array_append_val (tree->connections, connection);
}

static void
rewatch (Tree *tree)
{
  g_array_set_size (tree->connections, 0);
  watch_object (tree, tree->root);
}

/* Calls back each watch of @tree, in the order they were made; one that
 * an earlier callback freed is not called. */
static void
call_back (Tree *tree)
{
  guint n = tree->watches->len;
  g_autofree PmWatch **watches = g_memdup2 (tree->watches->pdata, n * sizeof (PmWatch *));
  g_autofree guint64 *serials = g_new (guint64, n);

  for (guint i = 0; i < n; i++)
    serials[i] = watches[i]->serial;
  for (guint i = 0; i < n; i++)
    if (g_hash_table_contains (all_watches, watches[i]) && watches[i]->serial == serials[i])
      watches[i]->func (watches[i]->user_data);
}

static void
mark_dirty (Tree *tree)
{
  for (guint i = 0; i < tree->watches->len; i++)
    ((PmWatch *) g_ptr_array_index (tree->watches, i))->dirty = TRUE;
}

static void
changed_cb (Tree *tree)
{
  if (freeze_count > 0)
    {
      mark_dirty (tree);
      return;
    }

  call_back (tree);
}

/* Items came or went: what to listen to has changed too. */
static void
structure_changed_cb (Tree *tree)
{
  /* Rewatching walks everything under the root: once, at the thaw. */
  if (freeze_count > 0)
    {
      mark_dirty (tree);
      tree->stale = TRUE;
      return;
    }

  rewatch (tree);
  call_back (tree);
}

static void
watch_list (Tree       *tree,
            GListModel *list,
            gboolean    structural)
{
  connect_signal (tree, list, "items-changed",
                  structural ? G_CALLBACK (structure_changed_cb) : G_CALLBACK (changed_cb));

  if (!structural)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      watch_object (tree, item);
    }
}

static void
watch_object (Tree    *tree,
              GObject *object)
{
  if (PM_IS_PROGRAMME (object))
    {
      connect_signal (tree, object, "notify", G_CALLBACK (changed_cb));
      watch_list (tree, pm_programme_get_districts (PM_PROGRAMME (object)), TRUE);
    }
  else if (PM_IS_DISTRICT (object))
    {
      connect_signal (tree, object, "notify", G_CALLBACK (changed_cb));
      watch_list (tree, pm_district_get_pilots (PM_DISTRICT (object)), TRUE);
    }
  else if (PM_IS_PILOT (object))
    {
      PmPilot *pilot = PM_PILOT (object);

      connect_signal (tree, object, "notify", G_CALLBACK (changed_cb));
      watch_list (tree, pm_pilot_get_providers (pilot), FALSE);
      watch_list (tree, pm_pilot_get_reach (pilot), FALSE);
      watch_list (tree, pm_pilot_get_spend (pilot), FALSE);
      watch_list (tree, pm_pilot_get_narratives (pilot), FALSE);
      watch_list (tree, pm_pilot_get_kpis (pilot), TRUE);
    }
  else if (PM_IS_KPI (object))
    {
      PmKpi *kpi = PM_KPI (object);

      /* A new baseline arrives as notify::baseline: watch the new one. */
      connect_signal (tree, object, "notify", G_CALLBACK (structure_changed_cb));
      connect_signal (tree, pm_kpi_get_baseline (kpi), "notify", G_CALLBACK (changed_cb));
      watch_list (tree, pm_kpi_get_targets (kpi), FALSE);
      /* A saved value replaces its entry in the list (the store never
       * changes an entry in place), so the list's own signal is enough:
       * no handler per value, of which a large programme has 600,000. */
      watch_list (tree, pm_kpi_get_entries (kpi), FALSE);
    }
}

/* The tree of @root, made (and listening) if no watch has it yet. */
static Tree *
tree_for (GObject *root)
{
  Tree *tree;

  if (trees == NULL)
    trees = g_hash_table_new (NULL, NULL);

  tree = g_hash_table_lookup (trees, root);
  if (tree != NULL)
    {
      /* A new watch calls back on what changes from now: listen to it. */
      if (tree->stale)
        {
          tree->stale = FALSE;
          rewatch (tree);
        }
      return tree;
    }

  tree = g_new0 (Tree, 1);
  tree->root = g_object_ref (root);
  tree->connections = g_array_new (FALSE, TRUE, sizeof (Connection));
  g_array_set_clear_func (tree->connections, connection_clear);
  tree->watches = g_ptr_array_new ();
  watch_object (tree, root);
  g_hash_table_insert (trees, root, tree);

  return tree;
}

static void
tree_free (Tree *tree)
{
  g_hash_table_remove (trees, tree->root);
  g_clear_pointer (&tree->connections, g_array_unref);
  g_clear_pointer (&tree->watches, g_ptr_array_unref);
  g_clear_object (&tree->root);
  g_free (tree);
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
  self->tree = tree_for (root);
  self->func = func;
  self->user_data = user_data;
  self->serial = ++last_serial;
  g_ptr_array_add (self->tree->watches, self);

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
  g_ptr_array_remove (self->tree->watches, self);
  if (self->tree->watches->len == 0)
    tree_free (self->tree);
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
      if (watch->tree->stale)
        {
          watch->tree->stale = FALSE;
          rewatch (watch->tree);
        }
      watch->func (watch->user_data);
    }
}
