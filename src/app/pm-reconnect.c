/* pm-reconnect.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-reconnect.h"

struct _PmReconnect
{
  GObject   parent_instance;

  gboolean  waiting;
  guint     delay;
  guint     seconds_left;
  guint     tick_id;
  gboolean  trying;
};

G_DEFINE_FINAL_TYPE (PmReconnect, pm_reconnect, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WAITING,
  PROP_SECONDS_LEFT,
  PROP_DELAY,
  N_PROPS
};

enum {
  RETRY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

guint
pm_reconnect_next_delay (guint delay)
{
  if (delay == 0)
    return 1;

  return MIN (delay * 2, PM_RECONNECT_MAX_DELAY);
}

static void
set_seconds_left (PmReconnect *self,
                  guint        seconds)
{
  if (self->seconds_left == seconds)
    return;

  self->seconds_left = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS_LEFT]);
}

static void
set_waiting (PmReconnect *self,
             gboolean     waiting)
{
  if (self->waiting == waiting)
    return;

  self->waiting = waiting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING]);
}

static gboolean
tick_cb (gpointer data)
{
  PmReconnect *self = data;

  if (self->seconds_left > 1)
    {
      set_seconds_left (self, self->seconds_left - 1);
      return G_SOURCE_CONTINUE;
    }

  self->tick_id = 0;
  pm_reconnect_retry_now (self);
  return G_SOURCE_REMOVE;
}

/* Counts @delay seconds down, then tries. */
static void
schedule (PmReconnect *self,
          guint        delay)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->delay != delay)
    {
      self->delay = delay;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
    }
  set_seconds_left (self, delay);
  self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
}

static void
pm_reconnect_dispose (GObject *object)
{
  PmReconnect *self = PM_RECONNECT (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  G_OBJECT_CLASS (pm_reconnect_parent_class)->dispose (object);
}

static void
pm_reconnect_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PmReconnect *self = PM_RECONNECT (object);

  switch (prop_id)
    {
    case PROP_WAITING:
      g_value_set_boolean (value, self->waiting);
      break;

    case PROP_SECONDS_LEFT:
      g_value_set_uint (value, self->seconds_left);
      break;

    case PROP_DELAY:
      g_value_set_uint (value, self->delay);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_reconnect_class_init (PmReconnectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pm_reconnect_dispose;
  object_class->get_property = pm_reconnect_get_property;

  properties[PROP_WAITING] =
    g_param_spec_boolean ("waiting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECONDS_LEFT] =
    g_param_spec_uint ("seconds-left", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RETRY] = g_signal_new ("retry",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, g_signal_accumulator_first_wins, NULL, NULL,
                                 G_TYPE_BOOLEAN, 0);
}

static void
pm_reconnect_init (PmReconnect *self)
{
}

PmReconnect *
pm_reconnect_new (void)
{
  return g_object_new (PM_TYPE_RECONNECT, NULL);
}

void
pm_reconnect_start (PmReconnect *self)
{
  g_return_if_fail (PM_IS_RECONNECT (self));

  if (self->waiting)
    return;

  set_waiting (self, TRUE);
  schedule (self, pm_reconnect_next_delay (0));
}

void
pm_reconnect_retry_now (PmReconnect *self)
{
  g_autoptr(PmReconnect) hold = NULL;
  gboolean connected = FALSE;

  g_return_if_fail (PM_IS_RECONNECT (self));

  /* A handler that runs the main loop could ask again meanwhile. */
  if (!self->waiting || self->trying)
    return;

  hold = g_object_ref (self);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  self->trying = TRUE;
  g_signal_emit (self, signals[RETRY], 0, &connected);
  self->trying = FALSE;

  if (!self->waiting)
    return;  /* stopped by a handler */

  if (connected)
    {
      pm_reconnect_stop (self);
      return;
    }

  schedule (self, pm_reconnect_next_delay (self->delay));
}

void
pm_reconnect_stop (PmReconnect *self)
{
  g_return_if_fail (PM_IS_RECONNECT (self));

  g_clear_handle_id (&self->tick_id, g_source_remove);
  self->delay = 0;
  set_seconds_left (self, 0);
  set_waiting (self, FALSE);
}

gboolean
pm_reconnect_get_waiting (PmReconnect *self)
{
  g_return_val_if_fail (PM_IS_RECONNECT (self), FALSE);

  return self->waiting;
}

guint
pm_reconnect_get_seconds_left (PmReconnect *self)
{
  g_return_val_if_fail (PM_IS_RECONNECT (self), 0);

  return self->seconds_left;
}

guint
pm_reconnect_get_delay (PmReconnect *self)
{
  g_return_val_if_fail (PM_IS_RECONNECT (self), 0);

  return self->delay;
}
