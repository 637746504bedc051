/* pm-edits.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "pm-edits.h"
#include "pm-edits-private.h"
#include "pm-format.h"

/* Writes the state @data holds back and, when it can, sets *@redo to
 * what puts the state it replaced back again. */
typedef gboolean (*PmUndoFunc) (PmStore  *store,
                                gpointer  data,
                                PmUndo  **redo,
                                GError  **error);

struct _PmUndo
{
  PmUndoFunc      func;
  gpointer        data;
  GDestroyNotify  destroy;
};

static PmUndo *
pm_undo_new (PmUndoFunc     func,
             gpointer       data,
             GDestroyNotify destroy)
{
  PmUndo *undo = g_new0 (PmUndo, 1);

  undo->func = func;
  undo->data = data;
  undo->destroy = destroy;

  return undo;
}

gboolean
pm_undo_run (PmUndo   *undo,
             PmStore  *store,
             GError  **error)
{
  g_autoptr(PmUndo) redo = NULL;

  return pm_undo_run_with_redo (undo, store, &redo, error);
}

gboolean
pm_undo_run_with_redo (PmUndo   *undo,
                       PmStore  *store,
                       PmUndo  **redo,
                       GError  **error)
{
  g_autoptr(PmUndo) inverse = NULL;

  g_return_val_if_fail (undo != NULL, FALSE);
  g_return_val_if_fail (PM_IS_STORE (store), FALSE);
  g_return_val_if_fail (redo != NULL && *redo == NULL, FALSE);

  if (!undo->func (store, undo->data, &inverse, error))
    return FALSE;

  *redo = g_steal_pointer (&inverse);
  return TRUE;
}

void
pm_undo_free (PmUndo *undo)
{
  if (undo == NULL)
    return;

  if (undo->destroy != NULL)
    undo->destroy (undo->data);
  g_free (undo);
}

/* Trims @text; NULL when nothing is left, so "" and "  " store no text. */
static char *
strip_or_null (const char *text)
{
  char *stripped;

  if (text == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    g_clear_pointer (&stripped, g_free);

  return stripped;
}

static gboolean
same_double (double a,
             double b)
{
  return fabs (a - b) < 1e-9;
}

/* Entries */

typedef struct
{
  PmKpi           *kpi;
  PmPeriod        *period;
  PmProgressEntry *old;   /* NULL when there was none */
} EntryUndo;

static void
entry_undo_free (gpointer data)
{
  EntryUndo *undo = data;

  g_clear_object (&undo->kpi);
  g_clear_object (&undo->period);
  g_clear_object (&undo->old);
  g_free (undo);
}


static gboolean
entry_undo_run (PmStore  *store,
                gpointer  data,
                PmUndo  **redo,
                GError  **error)
{
  EntryUndo *undo = data;
  g_autoptr(PmProgressEntry) entry = NULL;
  g_autoptr(PmProgressEntry) replaced = NULL;
  PmProgressEntry *current;

  /* Copied now: the store replaces the model's entry as it writes. */
  current = pm_kpi_get_entry (undo->kpi, undo->period);
  if (current != NULL)
    replaced = pm_progress_entry_copy (current);

  if (undo->old == NULL)
    {
      if (!pm_store_delete_entry (store, undo->kpi, undo->period, error))
        return FALSE;
    }
  else
    {
      entry = pm_progress_entry_copy (undo->old);
      if (!pm_store_save_entry (store, undo->kpi, entry, error))
        return FALSE;
    }

  *redo = _pm_edit_entry_undo_new (undo->kpi, undo->period, replaced);
  return TRUE;
}

PmUndo *
_pm_edit_entry_undo_new (PmKpi           *kpi,
                         PmPeriod        *period,
                         PmProgressEntry *old)
{
  EntryUndo *undo = g_new0 (EntryUndo, 1);

  undo->kpi = g_object_ref (kpi);
  undo->period = g_object_ref (period);
  undo->old = old != NULL ? pm_progress_entry_copy (old) : NULL;

  return pm_undo_new (entry_undo_run, undo, entry_undo_free);
}

gboolean
_pm_edit_entry_to_save (PmKpi             *kpi,
                        PmPeriod          *period,
                        const char        *value_text,
                        const char        *note_text,
                        PmProgressEntry  **entry,
                        PmProgressEntry  **old,
                        GError           **error)
{
  g_autofree char *typed = strip_or_null (value_text);
  g_autofree char *note = strip_or_null (note_text);
  PmProgressEntry *current;
  double value = 0;

  *entry = NULL;
  *old = NULL;
  if (typed != NULL && !pm_unit_parse_value (pm_kpi_get_unit (kpi), typed, &value, error))
    return FALSE;

  current = pm_kpi_get_entry (kpi, period);
  if (current != NULL)
    *old = g_object_ref (current);

  if (typed == NULL && note == NULL)
    return TRUE;

  if (*old != NULL
      && (typed != NULL) == pm_progress_entry_has_value (*old)
      && (typed == NULL || same_double (value, pm_progress_entry_get_value (*old)))
      && g_strcmp0 (note, pm_progress_entry_get_note (*old)) == 0)
    {
      g_clear_object (old);
      return TRUE;
    }

  /* Keep a numerator and denominator, or sites, that still give the
   * typed value; a different value typed replaces them. */
  if (*old != NULL && typed != NULL && pm_progress_entry_has_value (*old)
      && (pm_progress_entry_has_fraction (*old)
          || g_list_model_get_n_items (pm_progress_entry_get_sites (*old)) > 0)
      && same_double (value, pm_progress_entry_get_value (*old)))
    {
      *entry = pm_progress_entry_copy (*old);
    }
  else
    {
      *entry = pm_progress_entry_new (period);
      if (typed != NULL)
        pm_progress_entry_set_value (*entry, value);
    }
  pm_progress_entry_set_note (*entry, note);
  return TRUE;
}

gboolean
pm_edit_set_entry (PmStore     *store,
                   PmKpi       *kpi,
                   PmPeriod    *period,
                   const char  *value_text,
                   const char  *note_text,
                   PmUndo     **undo,
                   GError     **error)
{
  g_autoptr(PmProgressEntry) entry = NULL;
  g_autoptr(PmProgressEntry) old = NULL;

  g_return_val_if_fail (PM_IS_STORE (store), FALSE);
  g_return_val_if_fail (PM_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (PM_IS_PERIOD (period), FALSE);
  g_return_val_if_fail (undo != NULL && *undo == NULL, FALSE);

  if (!_pm_edit_entry_to_save (kpi, period, value_text, note_text, &entry, &old, error))
    return FALSE;
  /* Nothing changed. */
  if (entry == NULL && old == NULL)
    return TRUE;

  if (entry == NULL)
    {
      if (!pm_store_delete_entry (store, kpi, period, error))
        return FALSE;
    }
  else if (!pm_store_save_entry (store, kpi, entry, error))
    return FALSE;

  *undo = _pm_edit_entry_undo_new (kpi, period, old);
  return TRUE;
}

/* Narratives */

typedef struct
{
  PmPilot     *pilot;
  PmNarrative *old;   /* an empty one when there was none */
} NarrativeUndo;

static PmNarrative *
narrative_copy (PmNarrative *narrative)
{
  return pm_narrative_copy (narrative);
}

static void
narrative_undo_free (gpointer data)
{
  NarrativeUndo *undo = data;

  g_clear_object (&undo->pilot);
  g_clear_object (&undo->old);
  g_free (undo);
}

static PmUndo *
narrative_undo_new (PmPilot     *pilot,
                    PmNarrative *old);

static gboolean
narrative_undo_run (PmStore  *store,
                    gpointer  data,
                    PmUndo  **redo,
                    GError  **error)
{
  NarrativeUndo *undo = data;
  g_autoptr(PmNarrative) narrative = narrative_copy (undo->old);
  PmPeriod *period = pm_narrative_get_period (undo->old);
  PmNarrative *current = pm_pilot_get_narrative (undo->pilot, period);
  g_autoptr(PmNarrative) replaced = NULL;

  replaced = current != NULL ? narrative_copy (current) : pm_narrative_new (period);
  if (!pm_store_save_narrative (store, undo->pilot, narrative, error))
    return FALSE;

  *redo = narrative_undo_new (undo->pilot, g_steal_pointer (&replaced));
  return TRUE;
}

/* Takes @old. */
static PmUndo *
narrative_undo_new (PmPilot     *pilot,
                    PmNarrative *old)
{
  NarrativeUndo *data = g_new0 (NarrativeUndo, 1);

  data->pilot = g_object_ref (pilot);
  data->old = old;

  return pm_undo_new (narrative_undo_run, data, narrative_undo_free);
}

gboolean
pm_edit_set_narrative (PmStore     *store,
                       PmPilot     *pilot,
                       PmPeriod    *period,
                       const char  *progress_text,
                       const char  *learning_text,
                       const char  *case_study_text,
                       const char  *risks_text,
                       const char  *milestones_text,
                       PmUndo     **undo,
                       GError     **error)
{
  g_autofree char *progress = strip_or_null (progress_text);
  g_autofree char *learning = strip_or_null (learning_text);
  g_autofree char *case_study = strip_or_null (case_study_text);
  g_autofree char *risks = strip_or_null (risks_text);
  g_autofree char *milestones = strip_or_null (milestones_text);
  g_autoptr(PmNarrative) narrative = NULL;
  g_autoptr(PmNarrative) old = NULL;
  PmNarrative *current;

  g_return_val_if_fail (PM_IS_STORE (store), FALSE);
  g_return_val_if_fail (PM_IS_PILOT (pilot), FALSE);
  g_return_val_if_fail (PM_IS_PERIOD (period), FALSE);
  g_return_val_if_fail (undo != NULL && *undo == NULL, FALSE);

  current = pm_pilot_get_narrative (pilot, period);
  old = current != NULL ? narrative_copy (current) : pm_narrative_new (period);

  if (g_strcmp0 (progress, pm_narrative_get_progress (old)) == 0
      && g_strcmp0 (learning, pm_narrative_get_learning (old)) == 0
      && g_strcmp0 (case_study, pm_narrative_get_case_study (old)) == 0
      && g_strcmp0 (risks, pm_narrative_get_risks (old)) == 0
      && g_strcmp0 (milestones, pm_narrative_get_milestones (old)) == 0)
    return TRUE;

  narrative = pm_narrative_new (period);
  pm_narrative_set_progress (narrative, progress);
  pm_narrative_set_learning (narrative, learning);
  pm_narrative_set_case_study (narrative, case_study);
  pm_narrative_set_risks (narrative, risks);
  pm_narrative_set_milestones (narrative, milestones);

  if (!pm_store_save_narrative (store, pilot, narrative, error))
    return FALSE;

  *undo = narrative_undo_new (pilot, g_steal_pointer (&old));

  return TRUE;
}

/* Reach */

typedef struct
{
  PmPilot      *pilot;
  PmReachEntry *old;
} ReachUndo;

static void
reach_undo_free (gpointer data)
{
  ReachUndo *undo = data;

  g_clear_object (&undo->pilot);
  g_clear_object (&undo->old);
  g_free (undo);
}

static gboolean reach_undo_run (PmStore  *store,
                                gpointer  data,
                                PmUndo  **redo,
                                GError  **error);

static PmUndo *
reach_undo_new (PmPilot    *pilot,
                PmPeriod   *period,
                const char *provider,
                int         families)
{
  ReachUndo *data = g_new0 (ReachUndo, 1);

  data->pilot = g_object_ref (pilot);
  data->old = pm_reach_entry_new (period, provider, families);

  return pm_undo_new (reach_undo_run, data, reach_undo_free);
}

static gboolean
reach_undo_run (PmStore  *store,
                gpointer  data,
                PmUndo  **redo,
                GError  **error)
{
  ReachUndo *undo = data;
  PmPeriod *period = pm_reach_entry_get_period (undo->old);
  const char *provider = pm_reach_entry_get_provider (undo->old);
  PmReachEntry *current = pm_pilot_get_reach_entry (undo->pilot, period, provider);
  int replaced = current != NULL ? pm_reach_entry_get_families (current) : -1;

  if (!pm_store_save_reach (store, undo->pilot, undo->old, error))
    return FALSE;

  /* As for the edit: no figure before, nothing to go back to. */
  if (replaced >= 0)
    *redo = reach_undo_new (undo->pilot, period, provider, replaced);
  return TRUE;
}

gboolean
pm_edit_set_reach (PmStore     *store,
                   PmPilot     *pilot,
                   PmPeriod    *period,
                   const char  *provider,
                   const char  *families_text,
                   PmUndo     **undo,
                   GError     **error)
{
  g_autoptr(PmReachEntry) entry = NULL;
  PmReachEntry *current;
  int families = 0;
  int old_families = -1;

  g_return_val_if_fail (PM_IS_STORE (store), FALSE);
  g_return_val_if_fail (PM_IS_PILOT (pilot), FALSE);
  g_return_val_if_fail (PM_IS_PERIOD (period), FALSE);
  g_return_val_if_fail (families_text != NULL, FALSE);
  g_return_val_if_fail (undo != NULL && *undo == NULL, FALSE);

  if (!pm_format_parse_count (families_text, &families, error))
    return FALSE;

  current = pm_pilot_get_reach_entry (pilot, period, provider);
  if (current != NULL)
    {
      old_families = pm_reach_entry_get_families (current);
      if (old_families == families)
        return TRUE;
    }

  entry = pm_reach_entry_new (period, provider, families);
  if (!pm_store_save_reach (store, pilot, entry, error))
    return FALSE;

  if (old_families >= 0)
    *undo = reach_undo_new (pilot, period, provider, old_families);

  return TRUE;
}

/* Spend */

gboolean
pm_edit_add_spend (PmStore       *store,
                   PmPilot       *pilot,
                   PmPeriod      *period,
                   const char    *description_text,
                   const char    *amount_text,
                   PmSpendStatus  status,
                   GError       **error)
{
  g_autofree char *description = strip_or_null (description_text);
  g_autoptr(PmSpendItem) item = NULL;
  double pence = 0;

  g_return_val_if_fail (PM_IS_STORE (store), FALSE);
  g_return_val_if_fail (PM_IS_PILOT (pilot), FALSE);
  g_return_val_if_fail (period == NULL || PM_IS_PERIOD (period), FALSE);

  if (description == NULL)
    {
      g_set_error_literal (error, PM_MODEL_ERROR, PM_MODEL_ERROR_MISSING,
                           _("Say what the money is for"));
      return FALSE;
    }

  if (!pm_unit_parse_value (PM_UNIT_MONEY, amount_text != NULL ? amount_text : "", &pence, error))
    return FALSE;

  item = pm_spend_item_new (description, (gint64) pence);
  pm_spend_item_set_period (item, period);
  pm_spend_item_set_status (item, status);

  return pm_store_add_spend (store, pilot, item, error);
}

/* Baselines and targets */

typedef struct
{
  PmKpi      *kpi;
  PmBaseline *old;
} BaselineUndo;

static void
baseline_undo_free (gpointer data)
{
  BaselineUndo *undo = data;

  g_clear_object (&undo->kpi);
  g_clear_object (&undo->old);
  g_free (undo);
}

static PmUndo *
baseline_undo_new (PmKpi      *kpi,
                   PmBaseline *old);

static gboolean
baseline_undo_run (PmStore  *store,
                   gpointer  data,
                   PmUndo  **redo,
                   GError  **error)
{
  BaselineUndo *undo = data;
  g_autoptr(PmBaseline) baseline = pm_baseline_copy (undo->old);
  g_autoptr(PmBaseline) replaced = pm_baseline_copy (pm_kpi_get_baseline (undo->kpi));

  if (!pm_store_set_baseline (store, undo->kpi, baseline, error))
    return FALSE;

  *redo = baseline_undo_new (undo->kpi, g_steal_pointer (&replaced));
  return TRUE;
}

/* Takes @old. */
static PmUndo *
baseline_undo_new (PmKpi      *kpi,
                   PmBaseline *old)
{
  BaselineUndo *data = g_new0 (BaselineUndo, 1);

  data->kpi = g_object_ref (kpi);
  data->old = old;

  return pm_undo_new (baseline_undo_run, data, baseline_undo_free);
}

gboolean
pm_edit_set_baseline (PmStore     *store,
                      PmKpi       *kpi,
                      PmBaseline  *baseline,
                      PmUndo     **undo,
                      GError     **error)
{
  g_autoptr(PmBaseline) old = NULL;

  g_return_val_if_fail (PM_IS_STORE (store), FALSE);
  g_return_val_if_fail (PM_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (PM_IS_BASELINE (baseline), FALSE);
  g_return_val_if_fail (undo != NULL && *undo == NULL, FALSE);

  old = pm_baseline_copy (pm_kpi_get_baseline (kpi));

  if (!pm_store_set_baseline (store, kpi, baseline, error))
    return FALSE;

  *undo = baseline_undo_new (kpi, g_steal_pointer (&old));

  return TRUE;
}

gboolean
pm_edit_add_target (PmStore   *store,
                    PmKpi     *kpi,
                    PmTarget  *target,
                    GError   **error)
{
  g_return_val_if_fail (PM_IS_STORE (store), FALSE);
  g_return_val_if_fail (PM_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (PM_IS_TARGET (target), FALSE);

  return pm_store_add_target (store, kpi, target, error);
}

/* Scalar fields */

typedef struct
{
  GObject  *object;
  GStrv     names;
  GValue   *values;
  guint     n_values;
} UpdateUndo;

static void
values_free (GValue *values,
             guint   n_values)
{
  for (guint i = 0; i < n_values; i++)
    g_value_unset (&values[i]);
  g_free (values);
}

static void
update_undo_free (gpointer data)
{
  UpdateUndo *undo = data;

  g_clear_object (&undo->object);
  g_clear_pointer (&undo->names, g_strfreev);
  values_free (undo->values, undo->n_values);
  g_free (undo);
}

static gboolean
store_update (PmStore  *store,
              GObject  *object,
              GError  **error)
{
  if (PM_IS_KPI (object))
    return pm_store_update_kpi (store, PM_KPI (object), error);
  if (PM_IS_PILOT (object))
    return pm_store_update_pilot (store, PM_PILOT (object), error);
  if (PM_IS_DISTRICT (object))
    return pm_store_update_district (store, PM_DISTRICT (object), error);
  if (PM_IS_PROGRAMME (object))
    return pm_store_update_programme (store, PM_PROGRAMME (object), error);

  g_return_val_if_reached (FALSE);
}

/* Setting the old values back is an update like any other: its undo is
 * the redo. */
static gboolean
update_undo_run (PmStore  *store,
                 gpointer  data,
                 PmUndo  **redo,
                 GError  **error)
{
  UpdateUndo *undo = data;

  return pm_edit_update (store, undo->object, undo->n_values,
                         (const char **) undo->names, undo->values, redo, error);
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char * const *x = g_value_get_boxed (a);
      const char * const *y = g_value_get_boxed (b);
      static const char * const none[] = { NULL };

      return g_strv_equal (x != NULL ? x : none, y != NULL ? y : none);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

gboolean
pm_edit_update (PmStore       *store,
                GObject       *object,
                guint          n_properties,
                const char   **names,
                const GValue  *values,
                PmUndo       **undo,
                GError       **error)
{
  GValue *old;
  gboolean changed = FALSE;
  UpdateUndo *data;

  g_return_val_if_fail (PM_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (n_properties == 0 || (names != NULL && values != NULL), FALSE);
  g_return_val_if_fail (undo != NULL && *undo == NULL, FALSE);

  old = g_new0 (GValue, n_properties);
  for (guint i = 0; i < n_properties; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), names[i]);

      g_return_val_if_fail (pspec != NULL, FALSE);

      g_value_init (&old[i], pspec->value_type);
      g_object_get_property (object, names[i], &old[i]);
      if (!values_equal (pspec, &old[i], &values[i]))
        changed = TRUE;
    }

  if (!changed)
    {
      values_free (old, n_properties);
      return TRUE;
    }

  /* The store writes what the object holds, so set first and put the old
   * values back if the write fails. */
  g_object_setv (object, n_properties, names, values);
  if (!store_update (store, object, error))
    {
      g_object_setv (object, n_properties, names, old);
      values_free (old, n_properties);
      return FALSE;
    }

  data = g_new0 (UpdateUndo, 1);
  data->object = g_object_ref (object);
  /* @names has n_properties entries and no NULL at the end. */
  data->names = g_new0 (char *, n_properties + 1);
  for (guint i = 0; i < n_properties; i++)
    data->names[i] = g_strdup (names[i]);
  data->n_values = n_properties;
  data->values = old;
  *undo = pm_undo_new (update_undo_run, data, update_undo_free);

  return TRUE;
}

/* Structure */

/* Undoing an add deletes the child; redoing adds it again. A deleted
 * object keeps what hangs below it in the model (only its id is
 * cleared), so adding it again writes all of that back, under new ids. */
typedef struct
{
  GObject  *parent;
  GObject  *child;
  gboolean  add;    /* FALSE: delete @child */
} AddUndo;

static void
add_undo_free (gpointer data)
{
  AddUndo *undo = data;

  g_clear_object (&undo->parent);
  g_clear_object (&undo->child);
  g_free (undo);
}

static gboolean
structure_delete (PmStore  *store,
                  GObject  *parent,
                  GObject  *child,
                  GError  **error)
{
  if (PM_IS_DISTRICT (child))
    return pm_store_delete_district (store, PM_PROGRAMME (parent), PM_DISTRICT (child), error);
  if (PM_IS_PILOT (child))
    return pm_store_delete_pilot (store, PM_DISTRICT (parent), PM_PILOT (child), error);
  if (PM_IS_KPI (child))
    return pm_store_delete_kpi (store, PM_PILOT (parent), PM_KPI (child), error);

  g_return_val_if_reached (FALSE);
}

static gboolean
structure_add (PmStore  *store,
               GObject  *parent,
               GObject  *child,
               GError  **error)
{
  if (PM_IS_DISTRICT (child))
    return pm_store_add_district (store, PM_PROGRAMME (parent), PM_DISTRICT (child), error);
  if (PM_IS_PILOT (child))
    return pm_store_add_pilot (store, PM_DISTRICT (parent), PM_PILOT (child), error);
  if (PM_IS_KPI (child))
    return pm_store_add_kpi (store, PM_PILOT (parent), PM_KPI (child), error);

  g_return_val_if_reached (FALSE);
}

static PmUndo *add_undo_new (gpointer parent,
                             gpointer child,
                             gboolean add);

static gboolean
add_undo_run (PmStore  *store,
              gpointer  data,
              PmUndo  **redo,
              GError  **error)
{
  AddUndo *undo = data;

  if (undo->add)
    {
      if (!structure_add (store, undo->parent, undo->child, error))
        return FALSE;
    }
  else if (!structure_delete (store, undo->parent, undo->child, error))
    {
      return FALSE;
    }

  *redo = add_undo_new (undo->parent, undo->child, !undo->add);
  return TRUE;
}

static PmUndo *
add_undo_new (gpointer parent,
              gpointer child,
              gboolean add)
{
  AddUndo *data = g_new0 (AddUndo, 1);

  data->parent = g_object_ref (parent);
  data->child = g_object_ref (child);
  data->add = add;

  return pm_undo_new (add_undo_run, data, add_undo_free);
}

gboolean
pm_edit_add_district (PmStore      *store,
                      PmProgramme  *programme,
                      PmDistrict   *district,
                      PmUndo      **undo,
                      GError      **error)
{
  g_return_val_if_fail (PM_IS_STORE (store), FALSE);
  g_return_val_if_fail (PM_IS_PROGRAMME (programme), FALSE);
  g_return_val_if_fail (PM_IS_DISTRICT (district), FALSE);
  g_return_val_if_fail (undo != NULL && *undo == NULL, FALSE);

  if (!pm_store_add_district (store, programme, district, error))
    return FALSE;

  *undo = add_undo_new (programme, district, FALSE);
  return TRUE;
}

gboolean
pm_edit_add_pilot (PmStore      *store,
                   PmDistrict   *district,
                   PmPilot      *pilot,
                   PmUndo      **undo,
                   GError      **error)
{
  g_return_val_if_fail (PM_IS_STORE (store), FALSE);
  g_return_val_if_fail (PM_IS_DISTRICT (district), FALSE);
  g_return_val_if_fail (PM_IS_PILOT (pilot), FALSE);
  g_return_val_if_fail (undo != NULL && *undo == NULL, FALSE);

  if (!pm_store_add_pilot (store, district, pilot, error))
    return FALSE;

  *undo = add_undo_new (district, pilot, FALSE);
  return TRUE;
}

gboolean
pm_edit_add_kpi (PmStore      *store,
                 PmPilot      *pilot,
                 PmKpi        *kpi,
                 PmUndo      **undo,
                 GError      **error)
{
  g_return_val_if_fail (PM_IS_STORE (store), FALSE);
  g_return_val_if_fail (PM_IS_PILOT (pilot), FALSE);
  g_return_val_if_fail (PM_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (undo != NULL && *undo == NULL, FALSE);

  if (!pm_store_add_kpi (store, pilot, kpi, error))
    return FALSE;

  *undo = add_undo_new (pilot, kpi, FALSE);
  return TRUE;
}
