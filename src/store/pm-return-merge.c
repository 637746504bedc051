/* pm-return-merge.c: what a lead's return would change, and merging it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-merge-guard.h"
#include "pm-return-merge.h"
#include "pm-return-private.h"
#include "pm-store-private.h"

/* A return dated further ahead than this of the office's clock is
 * refused: it would make every later return look stale. */
#define MAX_CLOCK_AHEAD (G_TIME_SPAN_DAY)

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
  gboolean         written;
} Item;

struct _PmReturnMerge
{
  GObject      parent_instance;

  PmStore     *store;
  PmProgramme *office;
  PmReturn    *ret;
  GArray      *items;   /* of Item */
  gboolean     applied;
  guint        n_written;

  gint64       district_id;
  PmReturnKeyState key_state;
  char        *trusted_key;          /* the district's, as seen at review */
  char        *trusted_fingerprint;
  gboolean     trust_key;
  gboolean     stale;
  char        *newer_created;
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
  g_clear_pointer (&self->trusted_key, g_free);
  g_clear_pointer (&self->trusted_fingerprint, g_free);
  g_clear_pointer (&self->newer_created, g_free);

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
  return pm_narrative_same_texts (a, b);
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
      GListModel *entries = pm_kpi_get_entries (return_kpi);
      PmKpi *office_kpi;

      office_kpi = find_by_name (pm_pilot_get_kpis (office_pilot), pm_kpi_get_title (return_kpi),
                                 (const char *(*) (gpointer)) pm_kpi_get_title);
      if (office_kpi == NULL)
        {
          /* Only a KPI the return gives a value for matters. */
          if (g_list_model_get_n_items (entries) == 0)
            continue;
          g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_INVALID,
                       _("The return gives a value for “%s” of the pilot “%s”, but this programme no "
                         "longer has that KPI. Nothing was merged; ask the lead to send the return "
                         "again from the current programme."),
                       pm_kpi_get_title (return_kpi), pm_pilot_get_title (return_pilot));
          return FALSE;
        }

      /* The quarter's value, or a monthly KPI's months, or a yearly
       * KPI's year (pm_return_new()), each merged into its own period. */
      for (guint e = 0; e < g_list_model_get_n_items (entries); e++)
        {
          g_autoptr(PmProgressEntry) entry = g_list_model_get_item (entries, e);
          PmPeriod *own = pm_progress_entry_get_period (entry);
          PmProgressEntry *held = pm_kpi_get_entry (office_kpi, own);
          Item item = { 0, };

          if (held != NULL && pm_progress_entry_equal (held, entry))
            continue;

          if (held == NULL)
            item.change = PM_MERGE_NEW;
          else if (!classify_value (self, office_kpi, own, &item.change, error))
            return FALSE;

          item.choice = item.change == PM_MERGE_CONFLICT ? PM_MERGE_UNDECIDED : PM_MERGE_TAKE_RETURN;
          item.pilot = g_object_ref (office_pilot);
          item.kpi = g_object_ref (office_kpi);
          item.office_entry = held != NULL ? g_object_ref (held) : NULL;
          item.return_entry = g_object_ref (entry);
          g_array_append_val (self->items, item);
        }
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

/* A return's time for people: "30 November 2026, 09:15:00 UTC". */
static char *
format_created (const char *created)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (created, NULL);
  g_autoptr(GDateTime) utc = NULL;

  if (time == NULL)
    return g_strdup (created);
  utc = g_date_time_to_utc (time);
  /* Translators: a return's time, see g_date_time_format(): “30 November 2026, 09:15:00 UTC” */
  return g_date_time_format (utc, _("%-d %B %Y, %H:%M:%S UTC"));
}

/* Which key the office trusts for the district, and whether a return
 * written later has been merged for the quarter. */
static gboolean
note_key_and_age (PmReturnMerge  *self,
                  GError        **error)
{
  PmDatabase *db = _pm_store_get_database (self->store);
  g_autofree char *newest = NULL;
  gint64 newest_usec = 0;

  if (!_pm_return_get_trusted_key (db, self->district_id, &self->trusted_key,
                                   &self->trusted_fingerprint, error))
    return FALSE;
  if (self->trusted_key == NULL)
    self->key_state = PM_RETURN_KEY_NEW;
  else if (g_str_equal (self->trusted_key, pm_return_get_public_key_text (self->ret)))
    self->key_state = PM_RETURN_KEY_TRUSTED;
  else
    self->key_state = PM_RETURN_KEY_OTHER;

  if (!_pm_return_get_newest_merged (db, self->district_id, pm_return_get_period (self->ret),
                                     &newest, &newest_usec, error))
    return FALSE;
  if (newest != NULL && newest_usec > _pm_return_time_usec (pm_return_get_created_time (self->ret)))
    {
      self->stale = TRUE;
      self->newer_created = g_steal_pointer (&newest);
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
  g_autoptr(GDateTime) now = NULL;

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

  now = g_date_time_new_now_utc ();
  if (g_date_time_difference (pm_return_get_created_time (ret), now) > MAX_CLOCK_AHEAD)
    {
      g_autofree char *when = format_created (pm_return_get_created (ret));

      g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_INVALID,
                   _("This return says it was written on %s, which is still to come here. Check "
                     "the date and time on the sender’s computer and ask for a new return. "
                     "Nothing was merged."),
                   when);
      return NULL;
    }

  self = g_object_new (PM_TYPE_RETURN_MERGE, NULL);
  self->store = g_object_ref (store);
  self->office = g_object_ref (office);
  self->ret = g_object_ref (ret);
  self->district_id = pm_district_get_id (office_district);

  if (!note_key_and_age (self, error))
    return NULL;

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

PmReturnKeyState
pm_return_merge_get_key_state (PmReturnMerge *self)
{
  g_return_val_if_fail (PM_IS_RETURN_MERGE (self), PM_RETURN_KEY_NEW);
  return self->key_state;
}

const char *
pm_return_merge_get_trusted_fingerprint (PmReturnMerge *self)
{
  g_return_val_if_fail (PM_IS_RETURN_MERGE (self), NULL);
  return self->trusted_fingerprint;
}

void
pm_return_merge_set_trust_key (PmReturnMerge *self,
                               gboolean       trust)
{
  g_return_if_fail (PM_IS_RETURN_MERGE (self));
  self->trust_key = trust;
}

gboolean
pm_return_merge_get_trust_key (PmReturnMerge *self)
{
  g_return_val_if_fail (PM_IS_RETURN_MERGE (self), FALSE);
  return self->trust_key;
}

gboolean
pm_return_merge_is_stale (PmReturnMerge *self)
{
  g_return_val_if_fail (PM_IS_RETURN_MERGE (self), FALSE);
  return self->stale;
}

const char *
pm_return_merge_get_newer_created (PmReturnMerge *self)
{
  g_return_val_if_fail (PM_IS_RETURN_MERGE (self), NULL);
  return self->newer_created;
}

guint
pm_return_merge_get_n_written (PmReturnMerge *self)
{
  g_return_val_if_fail (PM_IS_RETURN_MERGE (self), 0);
  return self->n_written;
}

gboolean
pm_return_merge_get_written (PmReturnMerge *self,
                             guint          index)
{
  Item *item = get_item (self, index);

  return item != NULL && item->written;
}

static gboolean
set_stale_error (PmReturnMerge  *self,
                 GError        **error)
{
  g_autofree char *period = pm_period_get_label (pm_return_get_period (self->ret));
  g_autofree char *written = format_created (pm_return_get_created (self->ret));
  g_autofree char *newer = format_created (self->newer_created);

  g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_STALE,
               _("This return of %s for %s was written on %s, before the one already merged "
                 "(written on %s): merging it would put older figures back over newer ones. "
                 "Nothing was merged."),
               pm_return_get_district_name (self->ret), period, written, newer);
  return FALSE;
}

static gboolean
set_other_key_error (PmReturnMerge  *self,
                     GError        **error)
{
  g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_UNTRUSTED,
               _("This return is signed with the key %s, but the office trusts only the key %s "
                 "for %s’s returns: it may not come from the lead. Nothing was merged. If the "
                 "lead really has a new key (a new computer), check its fingerprint with them by "
                 "phone or in person before trusting it."),
               pm_return_get_fingerprint (self->ret), self->trusted_fingerprint,
               pm_return_get_district_name (self->ret));
  return FALSE;
}

gboolean
pm_return_merge_check (PmReturnMerge     *self,
                       PmMergeConflicts   conflicts,
                       GError           **error)
{
  g_return_val_if_fail (PM_IS_RETURN_MERGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->key_state == PM_RETURN_KEY_OTHER && !self->trust_key)
    return set_other_key_error (self, error);

  if (self->stale && conflicts != PM_MERGE_CONFLICTS_REPLACE)
    return set_stale_error (self, error);

  if (self->key_state == PM_RETURN_KEY_NEW && !self->trust_key)
    {
      g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_UNTRUSTED,
                   _("The office does not trust a key for %s’s returns yet. This return is signed "
                     "with the key %s: check with the lead, by phone or in person (not by "
                     "e-mail), that it is their key’s fingerprint before you trust it. Nothing "
                     "was merged."),
                   pm_return_get_district_name (self->ret), pm_return_get_fingerprint (self->ret));
      return FALSE;
    }

  return TRUE;
}

static gboolean
takes_return (Item             *item,
              PmMergeConflicts  conflicts)
{
  if (item->choice == PM_MERGE_UNDECIDED)
    return conflicts == PM_MERGE_CONFLICTS_REPLACE;

  return item->choice == PM_MERGE_TAKE_RETURN;
}

/* Before anything is written: the conflicts left undecided, when they
 * are to fail. */
static gboolean
check_undecided (PmReturnMerge     *self,
                 PmMergeConflicts   conflicts,
                 GError           **error)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n_undecided = 0;

  if (conflicts != PM_MERGE_CONFLICTS_FAIL)
    return TRUE;

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

  return TRUE;
}

/* Inside the transaction: the key, checked again against what the
 * office trusts now, and trusted if the office said so. */
static gboolean
write_key (PmReturnMerge  *self,
           PmDatabase     *db,
           GError        **error)
{
  g_autofree char *key = NULL;
  g_autofree char *fingerprint = NULL;

  if (!_pm_return_get_trusted_key (db, self->district_id, &key, &fingerprint, error))
    return FALSE;
  if (g_strcmp0 (key, pm_return_get_public_key_text (self->ret)) == 0)
    return TRUE;

  /* Someone trusted a key for the district since the review. */
  if (g_strcmp0 (key, self->trusted_key) != 0)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CONFLICT,
                   _("The key the office trusts for %s was changed by someone else since you "
                     "reviewed this return; review it again. Nothing was merged."),
                   pm_return_get_district_name (self->ret));
      return FALSE;
    }
  if (!self->trust_key)
    return pm_return_merge_check (self, PM_MERGE_CONFLICTS_REPLACE, error);

  return _pm_return_trust_key (db, self->district_id, self->ret,
                               pm_store_get_author (self->store), error);
}

/* Inside the transaction: one return, under its sender's name and key. */
static gboolean
write_return (PmReturnMerge     *self,
              PmMergeConflicts   conflicts,
              GError           **error)
{
  PmDatabase *db = _pm_store_get_database (self->store);
  g_autoptr(PmMergeGuard) guard = NULL;
  gboolean newer = FALSE;

  if (!pm_database_set_change_context (db, pm_return_get_author (self->ret), "return", error) ||
      !pm_database_set_change_key (db, pm_return_get_fingerprint (self->ret), error) ||
      !write_key (self, db, error) ||
      !_pm_return_record_merged (db, self->district_id, self->ret, &newer, error))
    return FALSE;

  /* A later return may have been merged since the review. */
  if (newer)
    {
      g_autofree char *newest = NULL;
      gint64 newest_usec = 0;

      if (!_pm_return_get_newest_merged (db, self->district_id, pm_return_get_period (self->ret),
                                         &newest, &newest_usec, error))
        return FALSE;
      self->stale = TRUE;
      g_free (self->newer_created);
      self->newer_created = g_steal_pointer (&newest);
      if (conflicts != PM_MERGE_CONFLICTS_REPLACE)
        return set_stale_error (self, error);
    }

  /* Each item only over what the review showed: a value or narrative
   * saved by someone else since stops the merge. */
  guard = _pm_merge_guard_new (db, error);
  if (guard == NULL)
    return FALSE;

  self->n_written = 0;
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      gboolean ok;

      item->written = FALSE;
      if (!takes_return (item, conflicts))
        continue;
      if (item->kpi != NULL)
        ok = _pm_merge_guard_write_entry (guard, item->kpi, item->return_entry, item->office_entry, error);
      else
        ok = _pm_merge_guard_write_narrative (guard, item->pilot, item->return_narrative,
                                              item->office_narrative, error);
      if (!ok)
        return FALSE;
      item->written = TRUE;
      self->n_written++;
    }

  return TRUE;
}

/* Committed: now the office's window may see it. */
static void
update_model (PmReturnMerge *self)
{
  self->applied = TRUE;
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (!item->written)
        continue;
      if (item->kpi != NULL)
        {
          g_autoptr(PmProgressEntry) copy = pm_progress_entry_copy (item->return_entry);

          pm_kpi_set_entry (item->kpi, copy, NULL);
        }
      else
        {
          g_autoptr(PmNarrative) copy = pm_narrative_copy (item->return_narrative);

          pm_pilot_set_narrative (item->pilot, copy);
        }
    }
}

static gboolean
same_quarter (PmReturnMerge *a,
              PmReturnMerge *b)
{
  return a->district_id == b->district_id &&
         pm_period_equal (pm_return_get_period (a->ret), pm_return_get_period (b->ret));
}

gboolean
pm_return_merge_apply_all (PmReturnMerge    **merges,
                           guint              n_merges,
                           PmMergeConflicts   conflicts,
                           guint             *failed,
                           GError           **error)
{
  PmStore *store;
  gboolean ok = TRUE;
  guint i;

  g_return_val_if_fail (merges != NULL || n_merges == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_merges == 0)
    return TRUE;

  store = merges[0]->store;
  for (i = 0; i < n_merges; i++)
    {
      g_return_val_if_fail (PM_IS_RETURN_MERGE (merges[i]), FALSE);
      g_return_val_if_fail (merges[i]->store == store, FALSE);

      if (merges[i]->applied)
        {
          g_set_error_literal (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                               _("This return has already been merged."));
          goto refused;
        }
      if (!pm_return_merge_check (merges[i], conflicts, error) ||
          !check_undecided (merges[i], conflicts, error))
        goto refused;

      /* Each is matched against the office as it was before any of
       * them: a second return for the quarter would be matched against
       * figures the first replaces. */
      for (guint j = 0; j < i; j++)
        if (same_quarter (merges[j], merges[i]))
          {
            g_autofree char *period = pm_period_get_label (pm_return_get_period (merges[i]->ret));

            g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_INVALID,
                         _("Two of the returns are for %s, %s: merge them one at a time, the "
                           "older first. Nothing was merged."),
                         pm_return_get_district_name (merges[i]->ret), period);
            goto refused;
          }
    }

  _pm_merge_guard_pause_for_tests ();

  if (!_pm_store_begin_write_as (store, "return", pm_return_get_author (merges[0]->ret), error))
    {
      i = 0;
      goto refused;
    }
  for (i = 0; ok && i < n_merges; i++)
    ok = write_return (merges[i], conflicts, error);
  if (!_pm_store_end_write (store, ok, error))
    {
      /* The one that failed, or a commit that failed as a whole. */
      i = ok ? 0 : i - 1;
      /* Refused by an accepted quarter: say which, the return's. */
      if (!ok)
        _pm_store_name_accepted_quarter (store, PM_STORE_SCOPE_DISTRICT, merges[i]->district_id,
                                         pm_return_get_period (merges[i]->ret), error);
      goto refused;
    }

  for (i = 0; i < n_merges; i++)
    update_model (merges[i]);
  return TRUE;

refused:
  if (failed != NULL)
    *failed = i;
  return FALSE;
}

gboolean
pm_return_merge_apply (PmReturnMerge     *self,
                       PmMergeConflicts   conflicts,
                       guint             *n_written,
                       GError           **error)
{
  g_return_val_if_fail (PM_IS_RETURN_MERGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!pm_return_merge_apply_all (&self, 1, conflicts, NULL, error))
    return FALSE;

  if (n_written != NULL)
    *n_written = self->n_written;
  return TRUE;
}
