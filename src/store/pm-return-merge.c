/* pm-return-merge.c: what a lead's return would change, and merging it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-merge-guard.h"
#include "pm-return-merge.h"
#include "pm-store-private.h"

typedef struct
{
  PmMergeChange    change;
  PmMergeChoice    choice;
  PmPilot         *pilot;
  PmKpi           *kpi;
  PmProgressEntry *office_entry;
  PmProgressEntry *return_entry;
  PmNarrative     *office_narrative;
  PmNarrative     *return_narrative;
} Item;

struct _PmReturnMerge
{
  GObject      parent_instance;

  PmStore     *store;
  PmProgramme *office;
  PmReturn    *ret;
  GArray      *items;   /* of Item */
  gboolean     applied;
};

G_DEFINE_FINAL_TYPE (PmReturnMerge, pm_return_merge, G_TYPE_OBJECT)

static void
item_clear (Item *item)
{
  g_clear_object (&item->pilot);
  g_clear_object (&item->kpi);
  g_clear_object (&item->office_entry);
  g_clear_object (&item->return_entry);
  g_clear_object (&item->office_narrative);
  g_clear_object (&item->return_narrative);
}

static void
pm_return_merge_finalize (GObject *object)
{
  PmReturnMerge *self = PM_RETURN_MERGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->office);
  g_clear_object (&self->ret);
  g_clear_pointer (&self->items, g_array_unref);

  G_OBJECT_CLASS (pm_return_merge_parent_class)->finalize (object);
}

static void
pm_return_merge_class_init (PmReturnMergeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_return_merge_finalize;
}

static void
pm_return_merge_init (PmReturnMerge *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, (GDestroyNotify) item_clear);
}

static gpointer
find_by_name (GListModel  *list,
              const char  *name,
              const char *(*get_name) (gpointer))
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      if (g_strcmp0 (get_name (item), name) == 0)
        return item;   /* the list keeps it alive */
    }

  return NULL;
}

static gboolean
same_narrative (PmNarrative *a,
                PmNarrative *b)
{
  return g_strcmp0 (pm_narrative_get_progress (a), pm_narrative_get_progress (b)) == 0 &&
         g_strcmp0 (pm_narrative_get_learning (a), pm_narrative_get_learning (b)) == 0 &&
         g_strcmp0 (pm_narrative_get_case_study (a), pm_narrative_get_case_study (b)) == 0;
}

/* A different value is a conflict when the office entered the value it
 * holds itself; one from the programme file or a return is the lead's to
 * revise. */
static gboolean
classify_value (PmReturnMerge    *self,
                PmKpi            *kpi,
                PmPeriod         *period,
                PmMergeChange    *change,
                GError          **error)
{
  g_autofree char *source = NULL;
  g_autofree char *author = NULL;
  GError *local_error = NULL;

  if (!_pm_store_last_value_change (self->store, pm_kpi_get_id (kpi), period, &source, &author,
                                    &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      *change = PM_MERGE_CHANGED;
      return TRUE;
    }

  *change = g_strcmp0 (source, "typed") == 0 || g_strcmp0 (source, "csv") == 0
            ? PM_MERGE_CONFLICT : PM_MERGE_CHANGED;
  return TRUE;
}

static gboolean
collect_pilot (PmReturnMerge  *self,
               PmPilot        *office_pilot,
               PmPilot        *return_pilot,
               PmPeriod       *period,
               GError        **error)
{
  GListModel *return_kpis = pm_pilot_get_kpis (return_pilot);
  PmNarrative *theirs = pm_pilot_get_narrative (return_pilot, period);
  PmNarrative *ours = pm_pilot_get_narrative (office_pilot, period);

  for (guint k = 0; k < g_list_model_get_n_items (return_kpis); k++)
    {
      g_autoptr(PmKpi) return_kpi = g_list_model_get_item (return_kpis, k);
      PmProgressEntry *entry = pm_kpi_get_entry (return_kpi, period);
      PmProgressEntry *held;
      PmKpi *office_kpi;
      Item item = { 0, };

      office_kpi = find_by_name (pm_pilot_get_kpis (office_pilot), pm_kpi_get_title (return_kpi),
                                 (const char *(*) (gpointer)) pm_kpi_get_title);
      if (office_kpi == NULL)
        {
          /* Only a KPI the return gives a value for matters. */
          if (entry == NULL)
            continue;
          g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_INVALID,
                       _("The return gives a value for “%s” of the pilot “%s”, but this programme no "
                         "longer has that KPI. Nothing was merged; ask the lead to send the return "
                         "again from the current programme."),
                       pm_kpi_get_title (return_kpi), pm_pilot_get_title (return_pilot));
          return FALSE;
        }
      if (entry == NULL)
        continue;

      held = pm_kpi_get_entry (office_kpi, period);
      if (held != NULL && pm_progress_entry_equal (held, entry))
        continue;

      if (held == NULL)
        item.change = PM_MERGE_NEW;
      else if (!classify_value (self, office_kpi, period, &item.change, error))
        return FALSE;

      item.choice = item.change == PM_MERGE_CONFLICT ? PM_MERGE_UNDECIDED : PM_MERGE_TAKE_RETURN;
      item.pilot = g_object_ref (office_pilot);
      item.kpi = g_object_ref (office_kpi);
      item.office_entry = held != NULL ? g_object_ref (held) : NULL;
      item.return_entry = g_object_ref (entry);
      g_array_append_val (self->items, item);
    }

  if (theirs != NULL && !pm_narrative_is_empty (theirs) &&
      (ours == NULL || !same_narrative (ours, theirs)))
    {
      Item item = { 0, };

      item.change = ours == NULL || pm_narrative_is_empty (ours) ? PM_MERGE_NEW : PM_MERGE_CHANGED;
      item.choice = PM_MERGE_TAKE_RETURN;
      item.pilot = g_object_ref (office_pilot);
      item.office_narrative = ours != NULL ? g_object_ref (ours) : NULL;
      item.return_narrative = g_object_ref (theirs);
      g_array_append_val (self->items, item);
    }

  return TRUE;
}

PmReturnMerge *
pm_return_merge_new (PmStore      *store,
                     PmProgramme  *office,
                     PmReturn     *ret,
                     GError      **error)
{
  g_autoptr(PmReturnMerge) self = NULL;
  PmProgramme *content;
  PmDistrict *office_district;
  g_autoptr(PmDistrict) return_district = NULL;
  GListModel *return_pilots;
  PmPeriod *period;

  g_return_val_if_fail (PM_IS_STORE (store), NULL);
  g_return_val_if_fail (PM_IS_PROGRAMME (office), NULL);
  g_return_val_if_fail (PM_IS_RETURN (ret), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_strcmp0 (pm_return_get_programme_name (ret), pm_programme_get_name (office)) != 0)
    {
      g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_INVALID,
                   _("This return is for the programme “%s”, not “%s”, the one open here. "
                     "Nothing was merged."),
                   pm_return_get_programme_name (ret), pm_programme_get_name (office));
      return NULL;
    }

  office_district = pm_programme_find_district (office, pm_return_get_district_name (ret));
  if (office_district == NULL)
    {
      g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_INVALID,
                   _("This return is for the district “%s”, which this programme does not have. "
                     "Nothing was merged."),
                   pm_return_get_district_name (ret));
      return NULL;
    }

  self = g_object_new (PM_TYPE_RETURN_MERGE, NULL);
  self->store = g_object_ref (store);
  self->office = g_object_ref (office);
  self->ret = g_object_ref (ret);

  content = pm_return_get_content (ret);
  period = pm_return_get_period (ret);
  return_district = g_list_model_get_item (pm_programme_get_districts (content), 0);
  return_pilots = pm_district_get_pilots (return_district);

  for (guint p = 0; p < g_list_model_get_n_items (return_pilots); p++)
    {
      g_autoptr(PmPilot) return_pilot = g_list_model_get_item (return_pilots, p);
      PmPilot *office_pilot = find_by_name (pm_district_get_pilots (office_district),
                                            pm_pilot_get_title (return_pilot),
                                            (const char *(*) (gpointer)) pm_pilot_get_title);

      if (office_pilot == NULL)
        {
          g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_INVALID,
                       _("This return is for the pilot “%s” of %s, which this programme does not "
                         "have. Nothing was merged."),
                       pm_pilot_get_title (return_pilot), pm_district_get_name (office_district));
          return NULL;
        }

      if (!collect_pilot (self, office_pilot, return_pilot, period, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

PmReturn *
pm_return_merge_get_return (PmReturnMerge *self)
{
  g_return_val_if_fail (PM_IS_RETURN_MERGE (self), NULL);
  return self->ret;
}

guint
pm_return_merge_get_n_items (PmReturnMerge *self)
{
  g_return_val_if_fail (PM_IS_RETURN_MERGE (self), 0);
  return self->items->len;
}

guint
pm_return_merge_count (PmReturnMerge *self,
                       PmMergeChange  change)
{
  guint n = 0;

  g_return_val_if_fail (PM_IS_RETURN_MERGE (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    n += g_array_index (self->items, Item, i).change == change;
  return n;
}

static Item *
get_item (PmReturnMerge *self,
          guint          index)
{
  g_return_val_if_fail (PM_IS_RETURN_MERGE (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return &g_array_index (self->items, Item, index);
}

PmMergeChange
pm_return_merge_get_change (PmReturnMerge *self,
                            guint          index)
{
  Item *item = get_item (self, index);

  return item != NULL ? item->change : PM_MERGE_NEW;
}

PmPilot *
pm_return_merge_get_pilot (PmReturnMerge *self,
                           guint          index)
{
  Item *item = get_item (self, index);

  return item != NULL ? item->pilot : NULL;
}

PmKpi *
pm_return_merge_get_kpi (PmReturnMerge *self,
                         guint          index)
{
  Item *item = get_item (self, index);

  return item != NULL ? item->kpi : NULL;
}

PmProgressEntry *
pm_return_merge_get_office_entry (PmReturnMerge *self,
                                  guint          index)
{
  Item *item = get_item (self, index);

  return item != NULL ? item->office_entry : NULL;
}

PmProgressEntry *
pm_return_merge_get_return_entry (PmReturnMerge *self,
                                  guint          index)
{
  Item *item = get_item (self, index);

  return item != NULL ? item->return_entry : NULL;
}

PmNarrative *
pm_return_merge_get_office_narrative (PmReturnMerge *self,
                                      guint          index)
{
  Item *item = get_item (self, index);

  return item != NULL ? item->office_narrative : NULL;
}

PmNarrative *
pm_return_merge_get_return_narrative (PmReturnMerge *self,
                                      guint          index)
{
  Item *item = get_item (self, index);

  return item != NULL ? item->return_narrative : NULL;
}

PmMergeChoice
pm_return_merge_get_choice (PmReturnMerge *self,
                            guint          index)
{
  Item *item = get_item (self, index);

  return item != NULL ? item->choice : PM_MERGE_UNDECIDED;
}

void
pm_return_merge_set_choice (PmReturnMerge *self,
                            guint          index,
                            PmMergeChoice  choice)
{
  Item *item = get_item (self, index);

  if (item != NULL)
    item->choice = choice;
}

static gboolean
takes_return (Item             *item,
              PmMergeConflicts  conflicts)
{
  if (item->choice == PM_MERGE_UNDECIDED)
    return conflicts == PM_MERGE_CONFLICTS_REPLACE;

  return item->choice == PM_MERGE_TAKE_RETURN;
}

gboolean
pm_return_merge_apply (PmReturnMerge     *self,
                       PmMergeConflicts   conflicts,
                       guint             *n_written,
                       GError           **error)
{
  g_autoptr(PmMergeGuard) guard = NULL;
  gboolean ok = TRUE;
  guint written = 0;

  g_return_val_if_fail (PM_IS_RETURN_MERGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->applied)
    {
      g_set_error_literal (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                           _("This return has already been merged."));
      return FALSE;
    }

  if (conflicts == PM_MERGE_CONFLICTS_FAIL)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      guint n_undecided = 0;

      for (guint i = 0; i < self->items->len; i++)
        {
          Item *item = &g_array_index (self->items, Item, i);

          if (item->choice != PM_MERGE_UNDECIDED)
            continue;
          n_undecided++;
          if (names->len > 0)
            g_string_append (names, "; ");
          g_string_append_printf (names, "“%s”", pm_kpi_get_title (item->kpi));
        }
      if (n_undecided > 0)
        {
          g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%u value in the return differs from one the office entered (%s). "
                                    "Nothing was merged: choose which to keep.",
                                    "%u values in the return differ from ones the office entered (%s). "
                                    "Nothing was merged: choose which to keep.",
                                    n_undecided),
                       n_undecided, names->str);
          return FALSE;
        }
    }

  _pm_merge_guard_pause_for_tests ();

  if (!_pm_store_begin_write_as (self->store, "return", pm_return_get_author (self->ret), error))
    return FALSE;

  /* Each item only over what the review showed: a value or narrative
   * saved by someone else since stops the merge. */
  guard = _pm_merge_guard_new (_pm_store_get_database (self->store), error);
  ok = guard != NULL;
  for (guint i = 0; ok && i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (!takes_return (item, conflicts))
        continue;
      if (item->kpi != NULL)
        ok = _pm_merge_guard_write_entry (guard, item->kpi, item->return_entry, item->office_entry, error);
      else
        ok = _pm_merge_guard_write_narrative (guard, item->pilot, item->return_narrative,
                                              item->office_narrative, error);
      written += ok;
    }

  g_clear_pointer (&guard, _pm_merge_guard_free);
  if (!_pm_store_end_write (self->store, ok, error))
    return FALSE;

  /* Committed: now the office's window may see it. */
  self->applied = TRUE;
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (!takes_return (item, conflicts))
        continue;
      if (item->kpi != NULL)
        {
          g_autoptr(PmProgressEntry) copy = pm_progress_entry_copy (item->return_entry);

          pm_kpi_set_entry (item->kpi, copy, NULL);
        }
      else
        {
          g_autoptr(PmNarrative) copy = pm_narrative_new (pm_narrative_get_period (item->return_narrative));

          pm_narrative_set_progress (copy, pm_narrative_get_progress (item->return_narrative));
          pm_narrative_set_learning (copy, pm_narrative_get_learning (item->return_narrative));
          pm_narrative_set_case_study (copy, pm_narrative_get_case_study (item->return_narrative));
          pm_pilot_set_narrative (item->pilot, copy);
        }
    }

  if (n_written != NULL)
    *n_written = written;
  return TRUE;
}
