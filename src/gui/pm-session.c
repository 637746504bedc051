/* pm-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-format.h"
#include "pm-period-list.h"
#include "pm-reconnect.h"
#include "pm-session-private.h"

#define MAX_RECENT 10

struct _PmSession
{
  GObject       parent_instance;

  /* Owned references */
  GSettings    *settings;       /* NULL when the schema is not installed */
  PmStore      *store;
  PmProgramme  *programme;
  PmPeriod     *period;
  PmUndo       *undo;           /* what the latest "saved" offered to take back */
  PmUndo       *redo;           /* what the latest undo offered to make again */
  char         *author;
  gboolean      author_known;   /* typed, or the account's real name */
  gboolean      author_asked;
  char         *location;       /* as remembered, without a password */
  gboolean      choosing;       /* the period is being set on opening */
  PmReconnect  *reconnect;      /* while a server's connection is lost */
  /* The value typed when the connection went, saved once it is back. */
  PmKpi        *pending_kpi;
  PmPeriod     *pending_period;
  char         *pending_value;
  char         *pending_note;
  /* A server being opened in a worker (pm-session-server.c). */
  GCancellable *opening;
  char         *opening_name;
};

G_DEFINE_FINAL_TYPE (PmSession, pm_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_STORE,
  PROP_PROGRAMME,
  PROP_PERIOD,
  PROP_AUTHOR,
  PROP_OPENING,
  N_PROPS
};

enum {
  SAVED,
  FAILED,
  SIGNOFF_CHANGED,
  READ_FAILED,
  ENTRY_SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Run from a build tree without the compiled schema, the window still
   * works; it just remembers nothing. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new (APPLICATION_ID);
}

char *
pm_session_choose_author (const char *typed,
                          const char *real_name,
                          const char *login,
                          gboolean   *known)
{
  g_autofree char *name = g_strstrip (g_strdup (typed != NULL ? typed : ""));

  *known = TRUE;
  if (name[0] != '\0')
    return g_steal_pointer (&name);

  /* GLib says "Unknown" when the account has no real name, and many
   * accounts give their login again (root's "root"): neither is one. */
  if (real_name != NULL && real_name[0] != '\0' && g_strcmp0 (real_name, "Unknown") != 0 &&
      g_strcmp0 (real_name, login) != 0)
    return g_strdup (real_name);

  *known = FALSE;
  return login != NULL && login[0] != '\0' ? g_strdup (login) : NULL;
}

/* The name the audit trail and returns carry: as typed in preferences,
 * else the account's real name, else its login. */
static char *
find_author (PmSession *self,
             gboolean  *known)
{
  g_autofree char *typed = NULL;

  if (self->settings != NULL)
    typed = g_settings_get_string (self->settings, "author-name");

  return pm_session_choose_author (typed, g_get_real_name (), g_get_user_name (), known);
}

static void
author_changed_cb (PmSession *self)
{
  g_autofree char *author = find_author (self, &self->author_known);

  if (g_strcmp0 (author, self->author) == 0)
    return;

  g_free (self->author);
  self->author = g_steal_pointer (&author);
  if (self->store != NULL)
    pm_store_set_author (self->store, self->author);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

static void
remember_location (PmSession  *self,
                   const char *location)
{
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  g_autofree char *safe = NULL;
  guint kept = 1;

  if (self->settings == NULL)
    return;

  /* A server's password is never written down. */
  safe = pm_store_location_to_keep (location);
  if (safe == NULL)
    return;

  g_settings_set_string (self->settings, "last-database", safe);

  /* Most recent first, no duplicates, ten at most. */
  g_strv_builder_add (builder, safe);
  recent = g_settings_get_strv (self->settings, "recent-databases");
  for (guint i = 0; recent[i] != NULL && kept < MAX_RECENT; i++)
    {
      if (g_strcmp0 (recent[i], safe) == 0)
        continue;
      g_strv_builder_add (builder, recent[i]);
      kept++;
    }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-databases", (const char * const *) updated);
}

/* The period picked on each database, keyed by its location as kept:
 * only those still among the recent ones stay. */
static void
remember_period (PmSession *self)
{
  g_autoptr(GVariant) periods = NULL;
  g_auto(GStrv) recent = NULL;
  g_autofree char *code = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *location, *kept;

  if (self->settings == NULL || self->location == NULL || self->programme == NULL || self->choosing)
    return;

  code = pm_period_to_code (self->period);
  recent = g_settings_get_strv (self->settings, "recent-databases");
  periods = g_settings_get_value (self->settings, "database-periods");

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_builder_add (&builder, "{ss}", self->location, code);
  g_variant_iter_init (&iter, periods);
  while (g_variant_iter_next (&iter, "{&s&s}", &location, &kept))
    if (g_strcmp0 (location, self->location) != 0
        && g_strv_contains ((const char * const *) recent, location))
      g_variant_builder_add (&builder, "{ss}", location, kept);

  g_settings_set_value (self->settings, "database-periods", g_variant_builder_end (&builder));
}

/* Where a database (@kept, as its location is kept) opens: on the period
 * last picked there, else on the one whose return is due in @programme. */
static PmPeriod *
opening_period (PmSession   *self,
                const char  *kept,
                PmProgramme *programme)
{
  g_autoptr(PmPeriod) current = pm_period_new_current ();
  PmPeriod *period = NULL;
  g_autofree char *code = NULL;

  if (self->settings != NULL && kept != NULL)
    {
      g_autoptr(GVariant) periods = g_settings_get_value (self->settings, "database-periods");

      /* An unreadable remembered period is no reason to complain. */
      if (g_variant_lookup (periods, kept, "s", &code))
        period = pm_period_parse (code, NULL);
    }
  if (period == NULL)
    period = pm_period_due (programme, current);

  return period;
}

static void
choose_period (PmSession *self)
{
  g_autoptr(PmPeriod) period = opening_period (self, self->location, self->programme);

  self->choosing = TRUE;
  pm_session_set_period (self, period);
  self->choosing = FALSE;
}

/* GObject */

static void
pm_session_dispose (GObject *object)
{
  PmSession *self = PM_SESSION (object);

  g_clear_pointer (&self->undo, pm_undo_free);
  g_clear_pointer (&self->redo, pm_undo_free);
  if (self->opening != NULL)
    g_cancellable_cancel (self->opening);
  g_clear_object (&self->opening);
  if (self->reconnect != NULL)
    pm_reconnect_stop (self->reconnect);
  g_clear_object (&self->reconnect);
  g_clear_object (&self->pending_kpi);
  g_clear_object (&self->pending_period);
  g_clear_object (&self->programme);
  g_clear_object (&self->store);
  g_clear_object (&self->period);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pm_session_parent_class)->dispose (object);
}

static void
pm_session_finalize (GObject *object)
{
  PmSession *self = PM_SESSION (object);

  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->pending_value, g_free);
  g_clear_pointer (&self->pending_note, g_free);
  g_clear_pointer (&self->opening_name, g_free);

  G_OBJECT_CLASS (pm_session_parent_class)->finalize (object);
}

static void
pm_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PmSession *self = PM_SESSION (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PROGRAMME:
      g_value_set_object (value, self->programme);
      break;

    case PROP_PERIOD:
      g_value_set_object (value, self->period);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_OPENING:
      g_value_set_string (value, self->opening_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PmSession *self = PM_SESSION (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      pm_session_set_period (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_session_class_init (PmSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pm_session_dispose;
  object_class->finalize = pm_session_finalize;
  object_class->get_property = pm_session_get_property;
  object_class->set_property = pm_session_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PM_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRAMME] =
    g_param_spec_object ("programme", NULL, NULL, PM_TYPE_PROGRAMME,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD] =
    g_param_spec_object ("period", NULL, NULL, PM_TYPE_PERIOD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPENING] =
    g_param_spec_string ("opening", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 2,
                                 G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                                 G_TYPE_POINTER);
  signals[FAILED] = g_signal_new ("failed",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 2,
                                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[SIGNOFF_CHANGED] = g_signal_new ("signoff-changed",
                                           G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
  signals[READ_FAILED] = g_signal_new ("read-failed",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 2,
                                       G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                                       G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[ENTRY_SAVED] = g_signal_new ("entry-saved",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 4,
                                       PM_TYPE_KPI, PM_TYPE_PERIOD, G_TYPE_BOOLEAN,
                                       G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static gboolean retry_cb (PmSession *self);

static void
pm_session_init (PmSession *self)
{
  self->reconnect = pm_reconnect_new ();
  g_signal_connect_object (self->reconnect, "retry", G_CALLBACK (retry_cb), self, G_CONNECT_SWAPPED);
  self->period = pm_period_new_current ();
  self->settings = settings_new_if_installed ();
  self->author = find_author (self, &self->author_known);

  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::author-name",
                             G_CALLBACK (author_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

PmSession *
pm_session_new (void)
{
  return g_object_new (PM_TYPE_SESSION, NULL);
}

GSettings *
pm_session_get_settings (PmSession *self)
{
  g_return_val_if_fail (PM_IS_SESSION (self), NULL);

  return self->settings;
}

PmStore *
pm_session_get_store (PmSession *self)
{
  g_return_val_if_fail (PM_IS_SESSION (self), NULL);

  return self->store;
}

PmProgramme *
pm_session_get_programme (PmSession *self)
{
  g_return_val_if_fail (PM_IS_SESSION (self), NULL);

  return self->programme;
}

PmPeriod *
pm_session_get_period (PmSession *self)
{
  g_return_val_if_fail (PM_IS_SESSION (self), NULL);

  return self->period;
}

void
pm_session_set_period (PmSession *self,
                       PmPeriod  *period)
{
  g_return_if_fail (PM_IS_SESSION (self));
  g_return_if_fail (PM_IS_PERIOD (period));

  if (pm_period_equal (self->period, period))
    return;

  g_set_object (&self->period, period);
  remember_period (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

const char *
pm_session_get_author (PmSession *self)
{
  g_return_val_if_fail (PM_IS_SESSION (self), NULL);

  return self->author;
}

gboolean
pm_session_should_ask_author (PmSession *self)
{
  g_return_val_if_fail (PM_IS_SESSION (self), FALSE);

  if (self->author_known || self->author_asked || self->settings == NULL)
    return FALSE;

  self->author_asked = TRUE;
  return TRUE;
}

void
pm_session_set_document (PmSession   *self,
                         PmStore     *store,
                         PmProgramme *programme)
{
  g_return_if_fail (PM_IS_SESSION (self));
  g_return_if_fail (store == NULL || PM_IS_STORE (store));
  g_return_if_fail (programme == NULL || PM_IS_PROGRAMME (programme));

  pm_session_forget_undo (self);
  /* What waited for another database's connection is not this one's. */
  if (store != self->store)
    {
      pm_reconnect_stop (self->reconnect);
      g_clear_object (&self->pending_kpi);
    }
  g_set_object (&self->store, store);
  g_set_object (&self->programme, programme);
  if (store != NULL)
    pm_store_set_author (store, self->author);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMME]);
}

gboolean
_pm_session_check_not_saving (PmSession  *self,
                              GError    **error)
{
  if (self->store == NULL || !pm_store_is_saving (self->store))
    return TRUE;

  /* Closing the store now would drop the saves still queued on it. */
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                       _("A value is still being saved to the server. "
                         "Open another programme once it is saved."));
  return FALSE;
}

gboolean
pm_session_open (PmSession         *self,
                 const char        *location,
                 const char        *password,
                 PmStoreOpenFlags   flags,
                 GError           **error)
{
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) programme = NULL;

  g_return_val_if_fail (PM_IS_SESSION (self), FALSE);
  g_return_val_if_fail (location != NULL, FALSE);

  if (!_pm_session_check_not_saving (self, error))
    return FALSE;

  /* What is opened now wins over a server still loading. */
  pm_session_cancel_opening (self);
  store = pm_store_open_with_password (location, password, flags, error);
  if (store == NULL)
    return FALSE;

  if (!pm_store_is_empty (store))
    {
      programme = (flags & PM_STORE_OPEN_CHECK_LATER) != 0
                  ? pm_session_load_shown (self, store, location, error)
                  : pm_store_load (store, error);
      if (programme == NULL)
        return FALSE;
    }

  _pm_session_open_read (self, location, store, programme, NULL);
  return TRUE;
}

void
_pm_session_open_read (PmSession   *self,
                       const char  *location,
                       PmStore     *store,
                       PmProgramme *programme,
                       PmPeriod    *opening)
{
  g_autoptr(PmPeriod) period = NULL;
  g_autofree char *kept = NULL;
  gboolean told;

  pm_store_set_author (store, self->author);

  /* The period it opens on is the session's before its programme is
   * told of: views are then built once, at that period, rather than at
   * the last one first (on a large programme the overview took 55 ms
   * more). It is told of once the programme has been. */
  kept = pm_store_location_to_keep (location);
  period = opening != NULL ? g_object_ref (opening) : opening_period (self, kept, programme);
  told = pm_period_equal (self->period, period);
  g_set_object (&self->period, period);

  /* Until it is open, a change of period belongs to no database. */
  g_clear_pointer (&self->location, g_free);
  pm_session_set_document (self, store, programme);
  remember_location (self, location);
  self->location = g_steal_pointer (&kept);

  self->choosing = TRUE;
  if (!pm_period_equal (self->period, period))
    pm_session_set_period (self, period);   /* a view moved it meanwhile */
  else if (!told)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
  self->choosing = FALSE;
}

gboolean
pm_session_reload (PmSession  *self,
                   GError    **error)
{
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmStore) store = NULL;

  g_return_val_if_fail (PM_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  programme = pm_store_load (self->store, error);
  if (programme == NULL)
    return FALSE;

  store = g_object_ref (self->store);
  pm_session_set_document (self, store, programme);

  return TRUE;
}

/* Reporting */

/* Takes @undo and @redo, in place of the last ones, and says so. */
static void
emit_saved (PmSession  *self,
            const char *message,
            PmUndo     *undo,
            PmUndo     *redo)
{
  pm_session_forget_undo (self);
  self->undo = undo;
  self->redo = redo;

  g_signal_emit (self, signals[SAVED], 0, message, undo);
}

void
_pm_session_emit_entry_saved (PmSession    *self,
                              PmKpi        *kpi,
                              PmPeriod     *period,
                              gboolean      changed,
                              const GError *error)
{
  g_signal_emit (self, signals[ENTRY_SAVED], 0, kpi, period, changed, error);
}

void
pm_session_report_saved (PmSession  *self,
                         const char *message,
                         PmUndo     *undo)
{
  g_return_if_fail (PM_IS_SESSION (self));
  g_return_if_fail (message != NULL);

  emit_saved (self, message, undo, NULL);
}

void
pm_session_report_failure (PmSession    *self,
                           const char   *heading,
                           const GError *error)
{
  g_return_if_fail (PM_IS_SESSION (self));
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, PM_STORE_ERROR, PM_STORE_ERROR_DISCONNECTED))
    pm_session_connection_lost (self);
  g_signal_emit (self, signals[FAILED], 0, heading, error);
}

void
pm_session_report_read_failure (PmSession    *self,
                                const char   *heading,
                                const GError *error)
{
  g_return_if_fail (PM_IS_SESSION (self));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, PM_STORE_ERROR, PM_STORE_ERROR_DISCONNECTED))
    pm_session_connection_lost (self);
  g_signal_emit (self, signals[READ_FAILED], 0, heading, error);
}

/* A lost connection */

PmReconnect *
pm_session_get_reconnect (PmSession *self)
{
  g_return_val_if_fail (PM_IS_SESSION (self), NULL);

  return self->reconnect;
}

void
pm_session_connection_lost (PmSession *self)
{
  g_return_if_fail (PM_IS_SESSION (self));

  if (self->store != NULL)
    pm_reconnect_start (self->reconnect);
}

void
pm_session_keep_pending_entry (PmSession  *self,
                               PmKpi      *kpi,
                               PmPeriod   *period,
                               const char *value_text,
                               const char *note_text)
{
  g_return_if_fail (PM_IS_SESSION (self));
  g_return_if_fail (PM_IS_KPI (kpi));
  g_return_if_fail (PM_IS_PERIOD (period));

  g_set_object (&self->pending_kpi, kpi);
  g_set_object (&self->pending_period, period);
  g_free (self->pending_value);
  self->pending_value = g_strdup (value_text);
  g_free (self->pending_note);
  self->pending_note = g_strdup (note_text);
  pm_session_connection_lost (self);
}

gboolean
pm_session_has_pending_entry (PmSession *self)
{
  g_return_val_if_fail (PM_IS_SESSION (self), FALSE);

  return self->pending_kpi != NULL;
}

/* Saves the value kept while the connection was lost; FALSE when the
 * connection went again, and the value is still kept. */
static gboolean
save_pending (PmSession *self)
{
  g_autoptr(PmKpi) kpi = g_steal_pointer (&self->pending_kpi);
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;

  if (kpi == NULL)
    return TRUE;

  if (!pm_edit_set_entry (self->store, kpi, self->pending_period, self->pending_value,
                          self->pending_note, &undo, &error))
    {
      if (g_error_matches (error, PM_STORE_ERROR, PM_STORE_ERROR_DISCONNECTED))
        {
          self->pending_kpi = g_steal_pointer (&kpi);
          return FALSE;
        }
      /* Someone else saved first: the model holds their value now. */
      pm_session_report_failure (self,
                                 g_error_matches (error, PM_STORE_ERROR, PM_STORE_ERROR_CONFLICT)
                                 ? _("Someone Else Saved This Value First")
                                 : _("Could Not Save the Value"),
                                 error);
      return TRUE;
    }

  label = pm_period_get_label (self->pending_period);
  /* Translators: toast after saving a KPI value: "Saved for Q3 2016/17" */
  message = g_strdup_printf (_("Saved for %s"), label);
  pm_session_report_saved (self, message, g_steal_pointer (&undo));
  return TRUE;
}

static gboolean
retry_cb (PmSession *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return TRUE;

  if (!pm_store_reconnect (self->store, &error))
    {
      g_debug ("Still no connection: %s", error->message);
      return FALSE;
    }

  return save_pending (self);
}

void
pm_session_undo (PmSession *self)
{
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(PmUndo) redo = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PM_IS_SESSION (self));

  if (self->undo == NULL || self->store == NULL)
    return;
  if (!_pm_session_check_saved (self, _("Could Not Undo")))
    return;
  undo = g_steal_pointer (&self->undo);

  g_clear_pointer (&self->redo, pm_undo_free);
  if (!pm_undo_run_with_redo (undo, self->store, &redo, &error))
    {
      pm_session_report_failure (self, _("Could Not Undo"), error);
      return;
    }

  emit_saved (self, _("Change undone"), NULL, g_steal_pointer (&redo));
}

void
pm_session_redo (PmSession *self)
{
  g_autoptr(PmUndo) redo = NULL;
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PM_IS_SESSION (self));

  if (self->redo == NULL || self->store == NULL)
    return;
  if (!_pm_session_check_saved (self, _("Could Not Redo")))
    return;
  redo = g_steal_pointer (&self->redo);

  /* Making the change again is a change saved: Undo takes it back. */
  g_clear_pointer (&self->undo, pm_undo_free);
  if (!pm_undo_run_with_redo (redo, self->store, &undo, &error))
    {
      pm_session_report_failure (self, _("Could Not Redo"), error);
      return;
    }

  emit_saved (self, _("Change redone"), g_steal_pointer (&undo), NULL);
}

gboolean
pm_session_can_redo (PmSession *self)
{
  g_return_val_if_fail (PM_IS_SESSION (self), FALSE);

  return self->redo != NULL;
}

void
pm_session_forget_undo (PmSession *self)
{
  g_return_if_fail (PM_IS_SESSION (self));

  g_clear_pointer (&self->undo, pm_undo_free);
  g_clear_pointer (&self->redo, pm_undo_free);
}

void
_pm_session_emit_signoff_changed (PmSession *self)
{
  g_signal_emit (self, signals[SIGNOFF_CHANGED], 0);
}

/* Opening in a worker (pm-session-server.c) */

void
_pm_session_adopt (PmSession   *self,
                   const char  *location,
                   PmStore     *store,
                   PmProgramme *programme)
{
  /* As pm_session_open() does once its store is open. */
  g_clear_pointer (&self->location, g_free);
  pm_session_set_document (self, store, programme);
  remember_location (self, location);
  self->location = pm_store_location_to_keep (location);
  choose_period (self);
}

GCancellable *
_pm_session_get_opening_cancellable (PmSession *self)
{
  return self->opening;
}

void
_pm_session_set_opening (PmSession    *self,
                         GCancellable *cancellable,
                         const char   *name)
{
  g_set_object (&self->opening, cancellable);
  g_free (self->opening_name);
  self->opening_name = cancellable != NULL ? g_strdup (name) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPENING]);
}

const char *
pm_session_get_opening (PmSession *self)
{
  g_return_val_if_fail (PM_IS_SESSION (self), NULL);

  return self->opening_name;
}
