/* pm-programme.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "pm-date.h"
#include "pm-indicator.h"
#include "pm-model-private.h"
#include "pm-programme.h"

struct _PmProgramme
{
  GObject      parent_instance;

  /* Owned references */
  GListStore  *districts;
  GListStore  *indicators;
  /* Case-folded name → the first district of that name (borrowed), built
   * when first needed and dropped when a name changes. */
  GHashTable  *by_name;

  gint64       id;
  char        *name;
  char        *description;
  char       **design_criteria;
  char        *committee;
  char        *meeting_date;
  char        *report_title;
  char        *contact_officer;
};

G_DEFINE_FINAL_TYPE (PmProgramme, pm_programme, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_DESIGN_CRITERIA,
  PROP_DISTRICTS,
  PROP_COMMITTEE,
  PROP_MEETING_DATE,
  PROP_REPORT_TITLE,
  PROP_CONTACT_OFFICER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pm_programme_dispose (GObject *object)
{
  PmProgramme *self = PM_PROGRAMME (object);

  g_clear_pointer (&self->by_name, g_hash_table_unref);
  g_clear_object (&self->districts);
  g_clear_object (&self->indicators);

  G_OBJECT_CLASS (pm_programme_parent_class)->dispose (object);
}

static void
pm_programme_finalize (GObject *object)
{
  PmProgramme *self = PM_PROGRAMME (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->committee, g_free);
  g_clear_pointer (&self->meeting_date, g_free);
  g_clear_pointer (&self->report_title, g_free);
  g_clear_pointer (&self->contact_officer, g_free);
  g_clear_pointer (&self->design_criteria, g_strfreev);

  G_OBJECT_CLASS (pm_programme_parent_class)->finalize (object);
}

static void
pm_programme_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PmProgramme *self = PM_PROGRAMME (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_DESIGN_CRITERIA:
      g_value_set_boxed (value, self->design_criteria);
      break;

    case PROP_DISTRICTS:
      g_value_set_object (value, self->districts);
      break;

    case PROP_COMMITTEE:
      g_value_set_string (value, self->committee);
      break;

    case PROP_MEETING_DATE:
      g_value_set_string (value, self->meeting_date);
      break;

    case PROP_REPORT_TITLE:
      g_value_set_string (value, self->report_title);
      break;

    case PROP_CONTACT_OFFICER:
      g_value_set_string (value, self->contact_officer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_programme_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PmProgramme *self = PM_PROGRAMME (object);

  switch (prop_id)
    {
    case PROP_ID:
      pm_programme_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      pm_programme_set_name (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      pm_programme_set_description (self, g_value_get_string (value));
      break;

    case PROP_DESIGN_CRITERIA:
      pm_programme_set_design_criteria (self, g_value_get_boxed (value));
      break;

    case PROP_COMMITTEE:
      pm_programme_set_committee (self, g_value_get_string (value));
      break;

    case PROP_MEETING_DATE:
      pm_programme_set_meeting_date (self, g_value_get_string (value));
      break;

    case PROP_REPORT_TITLE:
      pm_programme_set_report_title (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_OFFICER:
      pm_programme_set_contact_officer (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_programme_class_init (PmProgrammeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pm_programme_dispose;
  object_class->finalize = pm_programme_finalize;
  object_class->get_property = pm_programme_get_property;
  object_class->set_property = pm_programme_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DESIGN_CRITERIA] =
    g_param_spec_boxed ("design-criteria", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_COMMITTEE] =
    g_param_spec_string ("committee", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MEETING_DATE] =
    g_param_spec_string ("meeting-date", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_REPORT_TITLE] =
    g_param_spec_string ("report-title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CONTACT_OFFICER] =
    g_param_spec_string ("contact-officer", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DISTRICTS] =
    g_param_spec_object ("districts", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_programme_init (PmProgramme *self)
{
  self->districts = g_list_store_new (PM_TYPE_DISTRICT);
  self->indicators = g_list_store_new (PM_TYPE_INDICATOR);
}

PmProgramme *
pm_programme_new (const char *name)
{
  return g_object_new (PM_TYPE_PROGRAMME,
                       "name", name,
                       NULL);
}

gint64
pm_programme_get_id (PmProgramme *self)
{
  g_return_val_if_fail (PM_IS_PROGRAMME (self), 0);

  return self->id;
}

void
pm_programme_set_id (PmProgramme *self,
                     gint64       id)
{
  g_return_if_fail (PM_IS_PROGRAMME (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
pm_programme_get_name (PmProgramme *self)
{
  g_return_val_if_fail (PM_IS_PROGRAMME (self), NULL);

  return self->name;
}

void
pm_programme_set_name (PmProgramme *self,
                       const char  *name)
{
  g_return_if_fail (PM_IS_PROGRAMME (self));

  if (_pm_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
pm_programme_get_description (PmProgramme *self)
{
  g_return_val_if_fail (PM_IS_PROGRAMME (self), NULL);

  return self->description;
}

void
pm_programme_set_description (PmProgramme *self,
                              const char  *description)
{
  g_return_if_fail (PM_IS_PROGRAMME (self));

  if (_pm_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char * const *
pm_programme_get_design_criteria (PmProgramme *self)
{
  g_return_val_if_fail (PM_IS_PROGRAMME (self), NULL);

  return (const char * const *) self->design_criteria;
}

void
pm_programme_set_design_criteria (PmProgramme        *self,
                                  const char * const *criteria)
{
  g_return_if_fail (PM_IS_PROGRAMME (self));

  if (self->design_criteria == NULL && criteria == NULL)
    return;

  if (self->design_criteria != NULL && criteria != NULL &&
      g_strv_equal ((const char * const *) self->design_criteria, criteria))
    return;

  g_strfreev (self->design_criteria);
  self->design_criteria = g_strdupv ((char **) criteria);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESIGN_CRITERIA]);
}

GListModel *
pm_programme_get_districts (PmProgramme *self)
{
  g_return_val_if_fail (PM_IS_PROGRAMME (self), NULL);

  return G_LIST_MODEL (self->districts);
}

gboolean
pm_programme_add_district (PmProgramme  *self,
                           PmDistrict   *district,
                           GError      **error)
{
  const char *name;

  g_return_val_if_fail (PM_IS_PROGRAMME (self), FALSE);
  g_return_val_if_fail (PM_IS_DISTRICT (district), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  /* A district belongs to one programme: remove it from the other first. */
  g_return_val_if_fail (pm_district_get_programme (district) == NULL, FALSE);

  name = pm_district_get_name (district);
  if (name != NULL && pm_programme_find_district (self, name) != NULL)
    {
      g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_DUPLICATE,
                   _("The programme already has a district called “%s”."),
                   name);
      return FALSE;
    }

  g_list_store_append (self->districts, district);
  _pm_district_set_programme (district, self);
  /* find_district() has just built the index: keep it up to date. */
  if (name != NULL && self->by_name != NULL)
    g_hash_table_insert (self->by_name, g_utf8_casefold (name, -1), district);

  return TRUE;
}

void
pm_programme_remove_district (PmProgramme *self,
                              PmDistrict  *district)
{
  guint position;

  g_return_if_fail (PM_IS_PROGRAMME (self));
  g_return_if_fail (PM_IS_DISTRICT (district));

  if (!g_list_store_find (self->districts, district, &position))
    return;

  /* Keep the district alive until its back-pointer is cleared. */
  g_object_ref (district);
  g_list_store_remove (self->districts, position);
  _pm_district_set_programme (district, NULL);
  _pm_programme_forget_names (self);
  g_object_unref (district);
}

void
_pm_programme_forget_names (PmProgramme *self)
{
  g_assert (PM_IS_PROGRAMME (self));

  g_clear_pointer (&self->by_name, g_hash_table_unref);
}

/* Built whole once, then kept by add_district(), so that reading a
 * programme of many districts is not quadratic. */
static GHashTable *
ensure_index (PmProgramme *self)
{
  guint n_districts;

  if (self->by_name != NULL)
    return self->by_name;

  self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n_districts = g_list_model_get_n_items (G_LIST_MODEL (self->districts));
  for (guint i = 0; i < n_districts; i++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (G_LIST_MODEL (self->districts), i);
      const char *name = pm_district_get_name (district);
      char *folded;

      if (name == NULL)
        continue;

      /* A rename may have made two alike: the first in the list wins. */
      folded = g_utf8_casefold (name, -1);
      if (g_hash_table_contains (self->by_name, folded))
        g_free (folded);
      else
        g_hash_table_insert (self->by_name, folded, district);
    }

  return self->by_name;
}

PmDistrict *
pm_programme_find_district (PmProgramme *self,
                            const char  *name)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (PM_IS_PROGRAMME (self), NULL);

  if (name == NULL)
    return NULL;

  /* Casefolded, so "cannock chase" finds "Cannock Chase". */
  wanted = g_utf8_casefold (name, -1);

  return g_hash_table_lookup (ensure_index (self), wanted);
}

GListModel *
pm_programme_list_kpis (PmProgramme *self)
{
  GListStore *kpis;
  guint n_districts;

  g_return_val_if_fail (PM_IS_PROGRAMME (self), NULL);

  kpis = g_list_store_new (PM_TYPE_KPI);

  n_districts = g_list_model_get_n_items (G_LIST_MODEL (self->districts));
  for (guint d = 0; d < n_districts; d++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (G_LIST_MODEL (self->districts), d);
      GListModel *pilots = pm_district_get_pilots (district);
      guint n_pilots = g_list_model_get_n_items (pilots);

      for (guint p = 0; p < n_pilots; p++)
        {
          g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, p);
          GListModel *pilot_kpis = pm_pilot_get_kpis (pilot);
          guint n_kpis = g_list_model_get_n_items (pilot_kpis);

          for (guint k = 0; k < n_kpis; k++)
            {
              g_autoptr(PmKpi) kpi = g_list_model_get_item (pilot_kpis, k);

              g_list_store_append (kpis, kpi);
            }
        }
    }

  return G_LIST_MODEL (kpis);
}

void
pm_programme_count_rag (PmProgramme *self,
                        PmPeriod    *period,
                        guint       *counts)
{
  guint n_districts;

  g_return_if_fail (PM_IS_PROGRAMME (self));
  g_return_if_fail (PM_IS_PERIOD (period));
  g_return_if_fail (counts != NULL);

  for (guint i = 0; i < PM_N_RAG; i++)
    counts[i] = 0;

  n_districts = g_list_model_get_n_items (G_LIST_MODEL (self->districts));
  for (guint i = 0; i < n_districts; i++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (G_LIST_MODEL (self->districts), i);
      guint district_counts[PM_N_RAG];

      pm_district_count_rag (district, period, district_counts);
      for (guint j = 0; j < PM_N_RAG; j++)
        counts[j] += district_counts[j];
    }
}

const char *
pm_programme_get_committee (PmProgramme *self)
{
  g_return_val_if_fail (PM_IS_PROGRAMME (self), NULL);

  return self->committee;
}

void
pm_programme_set_committee (PmProgramme *self,
                           const char  *value)
{
  g_return_if_fail (PM_IS_PROGRAMME (self));

  if (_pm_set_str (&self->committee, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMMITTEE]);
}

const char *
pm_programme_get_meeting_date (PmProgramme *self)
{
  g_return_val_if_fail (PM_IS_PROGRAMME (self), NULL);

  return self->meeting_date;
}

void
pm_programme_set_meeting_date (PmProgramme *self,
                              const char  *value)
{
  g_return_if_fail (PM_IS_PROGRAMME (self));
  g_return_if_fail (value == NULL || pm_date_validate_day (value, NULL));

  if (_pm_set_str (&self->meeting_date, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING_DATE]);
}

const char *
pm_programme_get_report_title (PmProgramme *self)
{
  g_return_val_if_fail (PM_IS_PROGRAMME (self), NULL);

  return self->report_title;
}

void
pm_programme_set_report_title (PmProgramme *self,
                              const char  *value)
{
  g_return_if_fail (PM_IS_PROGRAMME (self));

  if (_pm_set_str (&self->report_title, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT_TITLE]);
}

const char *
pm_programme_get_contact_officer (PmProgramme *self)
{
  g_return_val_if_fail (PM_IS_PROGRAMME (self), NULL);

  return self->contact_officer;
}

void
pm_programme_set_contact_officer (PmProgramme *self,
                                 const char  *value)
{
  g_return_if_fail (PM_IS_PROGRAMME (self));

  if (_pm_set_str (&self->contact_officer, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_OFFICER]);
}

GListModel *
pm_programme_get_indicators (PmProgramme *self)
{
  g_return_val_if_fail (PM_IS_PROGRAMME (self), NULL);

  return G_LIST_MODEL (self->indicators);
}

PmIndicator *
pm_programme_find_indicator (PmProgramme *self,
                             const char  *key)
{
  guint n;

  g_return_val_if_fail (PM_IS_PROGRAMME (self), NULL);

  if (key == NULL)
    return NULL;

  /* A programme has a handful of indicators: a walk is enough. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->indicators));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PmIndicator) indicator = g_list_model_get_item (G_LIST_MODEL (self->indicators), i);

      if (g_str_equal (pm_indicator_get_key (indicator), key))
        return indicator;
    }

  return NULL;
}

gboolean
pm_programme_add_indicator (PmProgramme  *self,
                            PmIndicator  *indicator,
                            GError      **error)
{
  g_return_val_if_fail (PM_IS_PROGRAMME (self), FALSE);
  g_return_val_if_fail (PM_IS_INDICATOR (indicator), FALSE);

  if (pm_programme_find_indicator (self, pm_indicator_get_key (indicator)) != NULL)
    {
      g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_DUPLICATE,
                   _("There is already an indicator “%s”"), pm_indicator_get_key (indicator));
      return FALSE;
    }

  g_list_store_append (self->indicators, indicator);
  return TRUE;
}
