/* pm-mirror.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-mirror.h"

typedef struct
{
  GListModel   *source;
  PmMirrorFunc  func;
  gpointer      user_data;
} Mirror;

static void
mirror_free (gpointer data)
{
  Mirror *mirror = data;

  g_clear_object (&mirror->source);
  g_free (mirror);
}

static void
source_changed_cb (GListModel *source,
                   guint       position,
                   guint       removed,
                   guint       added,
                   GListStore *store)
{
  Mirror *mirror = g_object_get_data (G_OBJECT (store), "pm-mirror");
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (added, g_object_unref);

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (source, i);
      g_ptr_array_add (rows, mirror->func (item, mirror->user_data));
    }

  g_list_store_splice (store, position, removed, rows->pdata, rows->len);
}

GListModel *
pm_mirror_new (GListModel   *source,
               GType         row_type,
               PmMirrorFunc  func,
               gpointer      user_data)
{
  GListStore *store;
  Mirror *mirror;

  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  store = g_list_store_new (row_type);
  mirror = g_new0 (Mirror, 1);
  mirror->source = g_object_ref (source);
  mirror->func = func;
  mirror->user_data = user_data;
  g_object_set_data_full (G_OBJECT (store), "pm-mirror", mirror, mirror_free);

  g_signal_connect_object (source, "items-changed", G_CALLBACK (source_changed_cb), store, 0);
  source_changed_cb (source, 0, 0, g_list_model_get_n_items (source), store);

  return G_LIST_MODEL (store);
}
