/* pm-person.c: someone with a role on a programme kept on a server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-person.h"

struct _PmPerson
{
  GObject    parent_instance;

  char      *name;
  PmAccess   access;
  GStrv      districts;
};

G_DEFINE_FINAL_TYPE (PmPerson, pm_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ACCESS,
  PROP_DISTRICTS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pm_person_finalize (GObject *object)
{
  PmPerson *self = PM_PERSON (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->districts, g_strfreev);

  G_OBJECT_CLASS (pm_person_parent_class)->finalize (object);
}

static void
pm_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PmPerson *self = PM_PERSON (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ACCESS:
      g_value_set_enum (value, self->access);
      break;
    case PROP_DISTRICTS:
      g_value_set_boxed (value, self->districts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_person_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PmPerson *self = PM_PERSON (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;
    case PROP_ACCESS:
      self->access = g_value_get_enum (value);
      break;
    case PROP_DISTRICTS:
      g_strfreev (self->districts);
      self->districts = g_value_dup_boxed (value);
      if (self->districts == NULL)
        self->districts = g_new0 (char *, 1);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_person_class_init (PmPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pm_person_finalize;
  object_class->get_property = pm_person_get_property;
  object_class->set_property = pm_person_set_property;

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ACCESS] =
    g_param_spec_enum ("access", NULL, NULL,
                       PM_TYPE_ACCESS, PM_ACCESS_VIEWER,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_DISTRICTS] =
    g_param_spec_boxed ("districts", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_person_init (PmPerson *self)
{
  self->access = PM_ACCESS_VIEWER;
  self->districts = g_new0 (char *, 1);
}

PmPerson *
pm_person_new (const char         *name,
               PmAccess            access,
               const char * const *districts)
{
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (PM_TYPE_PERSON,
                       "name", name,
                       "access", access,
                       "districts", districts,
                       NULL);
}

const char *
pm_person_get_name (PmPerson *self)
{
  g_return_val_if_fail (PM_IS_PERSON (self), NULL);

  return self->name;
}

PmAccess
pm_person_get_access (PmPerson *self)
{
  g_return_val_if_fail (PM_IS_PERSON (self), PM_ACCESS_VIEWER);

  return self->access;
}

const char * const *
pm_person_get_districts (PmPerson *self)
{
  g_return_val_if_fail (PM_IS_PERSON (self), NULL);

  return (const char * const *) self->districts;
}
