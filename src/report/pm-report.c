/* pm-report.c: a printed document, laid out into pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>

#include "pm-report.h"
#include "pm-report-pdf.h"
#include "pm-report-private.h"

#include "model/pm-date.h"
#include "util/pm-safe-file.h"

typedef struct
{
  /* Owned references */
  PmProgramme  *programme;
  PmPeriod     *period;
  PmDistrict   *district;
  PangoContext *context;

  /* Plain data */
  gboolean      landscape;
  char         *printed_date;
  GPtrArray    *pages;      /* PmReportPage */
  GPtrArray    *sections;   /* the running header of each page, or NULL */
  char         *section;    /* the one for pages started now */
  GArray       *outline;    /* PmReportOutlineEntry */
  guint         kept_pages; /* an export longer than this is drawn as laid out */
  guint         part_pages; /* pages per part file, joined after; 0: one file */
  guint         n_processes; /* a long export's parts drawn side by side */
} PmReportPrivate;

/* A short export is kept whole after it is counted, and drawn from what
 * was laid out: laying it out again would cost more than holding it. */
#define KEPT_PAGES 100
#define MAX_PROCESSES 4

G_DEFINE_TYPE_WITH_PRIVATE (PmReport, pm_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROGRAMME,
  PROP_PERIOD,
  PROP_DISTRICT,
  PROP_LANDSCAPE,
  PROP_PRINTED_DATE,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

double
_pm_report_margin_for_width (double page_width,
                             double page_height)
{
  /* 17 mm at the sides of a portrait page; landscape tables need the width (10.6 mm). */
  return page_width > page_height ? 30.0 : 48.0;
}

double
_pm_report_body_top (double page_width,
                     double page_height)
{
  /* A landscape table needs the height: its body starts closer under
   * the running header. */
  return page_width > page_height ? 50.0 : PM_REPORT_BODY_TOP;
}

void
_pm_report_set_section (PmReport   *report,
                        const char *section)
{
  PmReportPrivate *priv = pm_report_get_instance_private (report);

  g_free (priv->section);
  priv->section = g_strdup (section);
}

static void
record_section (PmReportFlow *flow,
                gpointer      user_data)
{
  PmReportPrivate *priv = pm_report_get_instance_private (PM_REPORT (user_data));

  g_ptr_array_add (priv->sections, g_strdup (priv->section));
}

char *
_pm_report_meeting_text (PmReport *report)
{
  PmProgramme *programme = pm_report_get_programme (report);
  const char *committee = pm_programme_get_committee (programme);
  g_autofree char *date = pm_date_format (pm_programme_get_meeting_date (programme));

  if (committee != NULL && date != NULL)
    /* Translators: the meeting a pack goes to: "Cabinet, 14 January 2027" */
    return g_strdup_printf (_("%s, %s"), committee, date);
  if (committee != NULL)
    return g_strdup (committee);
  if (date != NULL)
    /* Translators: the meeting a pack goes to when its committee is not named */
    return g_strdup_printf (_("Meeting of %s"), date);

  return NULL;
}

char *
_pm_report_committee_text (PmReport *report)
{
  PmProgramme *programme = pm_report_get_programme (report);
  const char *officer = pm_programme_get_contact_officer (programme);
  g_autofree char *meeting = _pm_report_meeting_text (report);

  if (meeting != NULL && officer != NULL)
    /* Translators: on a pack's first page: "Report to Cabinet, 14 January 2027 · Contact officer: Jane Smith" */
    return g_strdup_printf (_("Report to %s · Contact officer: %s"), meeting, officer);
  if (meeting != NULL)
    return g_strdup_printf (_("Report to %s"), meeting);
  if (officer != NULL)
    return g_strdup_printf (_("Contact officer: %s"), officer);

  return NULL;
}

static char *
pm_report_real_get_title (PmReport *self)
{
  return g_strdup (pm_programme_get_name (pm_report_get_programme (self)));
}

static void
pm_report_dispose (GObject *object)
{
  PmReportPrivate *priv = pm_report_get_instance_private (PM_REPORT (object));

  g_clear_pointer (&priv->pages, g_ptr_array_unref);
  g_clear_object (&priv->context);
  g_clear_object (&priv->programme);
  g_clear_object (&priv->period);
  g_clear_object (&priv->district);

  G_OBJECT_CLASS (pm_report_parent_class)->dispose (object);
}

static void
pm_report_finalize (GObject *object)
{
  PmReportPrivate *priv = pm_report_get_instance_private (PM_REPORT (object));

  g_clear_pointer (&priv->printed_date, g_free);
  g_clear_pointer (&priv->sections, g_ptr_array_unref);
  g_clear_pointer (&priv->section, g_free);
  g_clear_pointer (&priv->outline, g_array_unref);

  G_OBJECT_CLASS (pm_report_parent_class)->finalize (object);
}

static void
pm_report_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PmReport *self = PM_REPORT (object);
  PmReportPrivate *priv = pm_report_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_PROGRAMME:
      g_value_set_object (value, priv->programme);
      break;
    case PROP_PERIOD:
      g_value_set_object (value, priv->period);
      break;
    case PROP_DISTRICT:
      g_value_set_object (value, priv->district);
      break;
    case PROP_LANDSCAPE:
      g_value_set_boolean (value, priv->landscape);
      break;
    case PROP_PRINTED_DATE:
      g_value_set_string (value, priv->printed_date);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, pm_report_get_n_pages (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_report_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PmReport *self = PM_REPORT (object);
  PmReportPrivate *priv = pm_report_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_PROGRAMME:
      priv->programme = g_value_dup_object (value);
      break;
    case PROP_PERIOD:
      priv->period = g_value_dup_object (value);
      break;
    case PROP_DISTRICT:
      priv->district = g_value_dup_object (value);
      break;
    case PROP_LANDSCAPE:
      priv->landscape = g_value_get_boolean (value);
      break;
    case PROP_PRINTED_DATE:
      pm_report_set_printed_date (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_report_class_init (PmReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pm_report_dispose;
  object_class->finalize = pm_report_finalize;
  object_class->get_property = pm_report_get_property;
  object_class->set_property = pm_report_set_property;

  klass->get_title = pm_report_real_get_title;

  properties[PROP_PROGRAMME] =
    g_param_spec_object ("programme", NULL, NULL, PM_TYPE_PROGRAMME,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD] =
    g_param_spec_object ("period", NULL, NULL, PM_TYPE_PERIOD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISTRICT] =
    g_param_spec_object ("district", NULL, NULL, PM_TYPE_DISTRICT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANDSCAPE] =
    g_param_spec_boolean ("landscape", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRINTED_DATE] =
    g_param_spec_string ("printed-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_report_init (PmReport *self)
{
  PmReportPrivate *priv = pm_report_get_instance_private (self);

  priv->printed_date = pm_date_today ();
  priv->sections = g_ptr_array_new_with_free_func (g_free);
  priv->kept_pages = KEPT_PAGES;
  /* Parts beyond the processors would only wait for one. */
  priv->n_processes = CLAMP (g_get_num_processors (), 1, MAX_PROCESSES);
}

PmProgramme *
pm_report_get_programme (PmReport *self)
{
  PmReportPrivate *priv;

  g_return_val_if_fail (PM_IS_REPORT (self), NULL);

  priv = pm_report_get_instance_private (self);

  return priv->programme;
}

PmPeriod *
pm_report_get_period (PmReport *self)
{
  PmReportPrivate *priv;

  g_return_val_if_fail (PM_IS_REPORT (self), NULL);

  priv = pm_report_get_instance_private (self);

  return priv->period;
}

PmDistrict *
pm_report_get_district (PmReport *self)
{
  PmReportPrivate *priv;

  g_return_val_if_fail (PM_IS_REPORT (self), NULL);

  priv = pm_report_get_instance_private (self);

  return priv->district;
}

gboolean
pm_report_get_landscape (PmReport *self)
{
  PmReportPrivate *priv;

  g_return_val_if_fail (PM_IS_REPORT (self), FALSE);

  priv = pm_report_get_instance_private (self);

  return priv->landscape;
}

const char *
pm_report_get_printed_date (PmReport *self)
{
  PmReportPrivate *priv;

  g_return_val_if_fail (PM_IS_REPORT (self), NULL);

  priv = pm_report_get_instance_private (self);

  return priv->printed_date;
}

void
pm_report_set_printed_date (PmReport   *self,
                            const char *iso)
{
  PmReportPrivate *priv;
  g_autofree char *today = NULL;

  g_return_if_fail (PM_IS_REPORT (self));
  g_return_if_fail (iso == NULL || pm_date_validate (iso, NULL));

  priv = pm_report_get_instance_private (self);

  if (iso == NULL)
    iso = today = pm_date_today ();

  if (g_strcmp0 (priv->printed_date, iso) == 0)
    return;

  g_free (priv->printed_date);
  priv->printed_date = g_strdup (iso);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRINTED_DATE]);
}

char *
pm_report_get_title (PmReport *self)
{
  g_return_val_if_fail (PM_IS_REPORT (self), NULL);

  return PM_REPORT_GET_CLASS (self)->get_title (self);
}

void
pm_report_get_paper_size (PmReport *self,
                          double   *width,
                          double   *height)
{
  PmReportPrivate *priv;

  g_return_if_fail (PM_IS_REPORT (self));

  priv = pm_report_get_instance_private (self);

  if (width != NULL)
    *width = priv->landscape ? PM_REPORT_A4_LONG : PM_REPORT_A4_SHORT;
  if (height != NULL)
    *height = priv->landscape ? PM_REPORT_A4_SHORT : PM_REPORT_A4_LONG;
}

/* The pages' running header and footer, for a document of @n_pages. */
static void
furniture_init (PmReport          *self,
                PmReportFurniture *furniture,
                double             width,
                double             height,
                PangoLayout       *footnote,
                int                footnote_page,
                guint              n_pages)
{
  PmReportPrivate *priv = pm_report_get_instance_private (self);
  g_autofree char *title = pm_report_get_title (self);
  g_autofree char *meeting = _pm_report_meeting_text (self);
  g_autofree char *header = NULL;
  g_autofree char *printed = pm_date_format (priv->printed_date);
  g_autofree char *footer = NULL;

  /* The running header names the meeting the pack is for; the date it was
   * produced is in the footer, in small type. */
  if (meeting != NULL)
    header = g_strdup_printf ("%s · %s", title, meeting);
  /* Translators: the footer of a printed report: the programme, then when it was produced */
  footer = g_strdup_printf (_("%s · Produced %s"), pm_programme_get_name (priv->programme), printed);
  _pm_report_furniture_init (furniture, priv->context, width, height,
                             _pm_report_margin_for_width (width, height),
                             header != NULL ? header : title, footer, footnote, footnote_page, n_pages);
}

static const char *
section_of_page (PmReport *self,
                 guint     page)
{
  PmReportPrivate *priv = pm_report_get_instance_private (self);

  return page < priv->sections->len ? g_ptr_array_index (priv->sections, page) : NULL;
}

/* Lays the document out; with @done, each page is handed to it once
 * complete and not kept (the array returned then holds NULLs). */
static GPtrArray *
lay_out (PmReport          *self,
         cairo_t           *cr,
         double             width,
         double             height,
         PmReportDoneFunc   done,
         gpointer           done_data,
         PangoLayout      **footnote,
         int               *footnote_page)
{
  PmReportPrivate *priv = pm_report_get_instance_private (self);
  PmReportClass *klass = PM_REPORT_GET_CLASS (self);
  g_autofree char *footnote_markup = NULL;
  PmReportFlow *flow;
  double margin;

  g_clear_pointer (&priv->pages, g_ptr_array_unref);
  g_ptr_array_set_size (priv->sections, 0);
  g_clear_pointer (&priv->section, g_free);
  g_clear_object (&priv->context);

  priv->context = pango_cairo_create_context (cr);
  _pm_report_context_setup (priv->context);

  margin = _pm_report_margin_for_width (width, height);

  *footnote = NULL;
  if (klass->get_footnote != NULL)
    footnote_markup = klass->get_footnote (self);
  if (footnote_markup != NULL)
    *footnote = _pm_report_layout_new (priv->context, PM_REPORT_FONT_SMALL, footnote_markup,
                                       width - 2 * margin);

  flow = _pm_report_flow_new (priv->context, width, height, margin, _pm_report_body_top (width, height),
                              _pm_report_body_bottom (height, NULL));
  _pm_report_flow_set_page_func (flow, record_section, self);
  _pm_report_flow_set_done_func (flow, done, done_data);
  if (*footnote != NULL)
    _pm_report_flow_set_footnote_space (flow, _pm_report_body_bottom (height, NULL) -
                                              _pm_report_body_bottom (height, *footnote));

  if (klass->layout != NULL)
    klass->layout (self, flow);

  /* An empty document is still a page: print says so rather than fail. */
  if (_pm_report_flow_get_n_pages (flow) == 0)
    _pm_report_flow_new_page (flow);

  *footnote_page = _pm_report_flow_get_footnote_page (flow);
  g_clear_pointer (&priv->outline, g_array_unref);
  priv->outline = _pm_report_flow_steal_outline (flow);
  if (done != NULL)
    _pm_report_flow_flush (flow);

  return _pm_report_flow_finish (flow);
}

GPtrArray *
_pm_report_lay_out (PmReport          *report,
                    cairo_t           *cr,
                    PmReportDoneFunc   done,
                    gpointer           done_data,
                    PangoLayout      **footnote,
                    int               *footnote_page)
{
  double width, height;

  pm_report_get_paper_size (report, &width, &height);
  return lay_out (report, cr, width, height, done, done_data, footnote, footnote_page);
}

void
_pm_report_furniture_for (PmReport          *report,
                          PmReportFurniture *furniture,
                          PangoLayout       *footnote,
                          int                footnote_page,
                          guint              n_pages)
{
  double width, height;

  pm_report_get_paper_size (report, &width, &height);
  furniture_init (report, furniture, width, height, footnote, footnote_page, n_pages);
}

const char *
_pm_report_section_of_page (PmReport *report,
                            guint     page)
{
  return section_of_page (report, page);
}

void
pm_report_paginate (PmReport *self,
                    cairo_t  *cr,
                    double    width,
                    double    height)
{
  PmReportPrivate *priv;
  PmReportFurniture furniture;
  g_autoptr(PangoLayout) footnote = NULL;
  guint old_n_pages;
  int footnote_page;

  g_return_if_fail (PM_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (width > 144 && height > 144);

  priv = pm_report_get_instance_private (self);
  g_return_if_fail (priv->programme != NULL && priv->period != NULL);

  old_n_pages = pm_report_get_n_pages (self);
  priv->pages = lay_out (self, cr, width, height, NULL, NULL, &footnote, &footnote_page);

  furniture_init (self, &furniture, width, height, footnote, footnote_page, priv->pages->len);
  for (guint i = 0; i < priv->pages->len; i++)
    _pm_report_furniture_add (&furniture, g_ptr_array_index (priv->pages, i), i, section_of_page (self, i));
  _pm_report_furniture_clear (&furniture);

  if (old_n_pages != priv->pages->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

guint
pm_report_get_n_pages (PmReport *self)
{
  PmReportPrivate *priv;

  g_return_val_if_fail (PM_IS_REPORT (self), 0);

  priv = pm_report_get_instance_private (self);

  return priv->pages != NULL ? priv->pages->len : 0;
}

void
pm_report_draw_page (PmReport *self,
                     cairo_t  *cr,
                     guint     page)
{
  PmReportPrivate *priv;

  g_return_if_fail (PM_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < pm_report_get_n_pages (self));

  priv = pm_report_get_instance_private (self);
  /* After an export the pages were drawn and let go: paginate again. */
  g_return_if_fail (g_ptr_array_index (priv->pages, page) != NULL);

  cairo_save (cr);
  _pm_report_page_draw (g_ptr_array_index (priv->pages, page), cr);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* PDF */

/* The second pass of an export: each page is drawn as soon as it is laid
 * out, then let go, so that the whole document is never held at once. */
typedef struct
{
  PmReport             *report;
  cairo_t              *cr;
  PmSafeFile           *file;
  GPtrArray            *parts;  /* PmSafeFile, each part's; NULL: drawn into file */
  GError               *error;  /* a part that could not be written */
  PmReportFurniture     furniture;
  GPtrArray            *alt_texts;
  GCancellable         *cancellable;
  gboolean              cancelled;
  PmReportProgressFunc  progress;
  gpointer              user_data;
} Export;

typedef struct
{
  guint    limit;
  gboolean keep;
} Count;

static gboolean
count_page (PmReportPage *page,
            guint         index,
            gpointer      user_data)
{
  Count *count = user_data;

  count->keep = count->keep && index < count->limit;
  return count->keep;
}

void
_pm_report_set_kept_pages (PmReport *report,
                           guint     n_pages)
{
  PmReportPrivate *priv = pm_report_get_instance_private (report);

  priv->kept_pages = n_pages;
}

void
_pm_report_set_processes (PmReport *report,
                          guint     n_processes)
{
  PmReportPrivate *priv = pm_report_get_instance_private (report);

  priv->n_processes = CLAMP (n_processes, 1, MAX_PROCESSES);
}

/* Whether an export is drawn into parts, joined after: in parts of a
 * test's size, or side by side where a process may fork. */
static gboolean
in_parts (PmReport *self)
{
  PmReportPrivate *priv = pm_report_get_instance_private (self);

  return priv->part_pages > 0 || (priv->n_processes > 1 && _pm_report_can_fork ());
}

void
_pm_report_set_part_pages (PmReport *report,
                           guint     n_pages)
{
  PmReportPrivate *priv = pm_report_get_instance_private (report);

  priv->part_pages = n_pages;
}

static cairo_t *
begin_part (Export  *export,
            GError **error)
{
  PmSafeFile *part = _pm_report_pdf_part_begin (export->file, export->parts->len + 1, error);

  if (part == NULL)
    return NULL;
  g_ptr_array_add (export->parts, part);
  return _pm_report_pdf_context_new (export->report, part);
}

static gboolean
next_part (Export *export)
{
  PmSafeFile *last = g_ptr_array_index (export->parts, export->parts->len - 1);

  if (!_pm_report_pdf_surface_finish (g_steal_pointer (&export->cr), last, &export->error))
    return FALSE;
  export->cr = begin_part (export, &export->error);
  return export->cr != NULL;
}

static gboolean
draw_page (PmReportPage *page,
           guint         index,
           gpointer      user_data)
{
  Export *export = user_data;
  PmReportPrivate *priv = pm_report_get_instance_private (export->report);
  guint n_pages = export->furniture.n_pages;
  guint part_pages = priv->part_pages > 0 && export->parts != NULL ? priv->part_pages : n_pages;

  if (export->cancelled || export->error != NULL || index >= n_pages)
    return FALSE;
  if (g_cancellable_is_cancelled (export->cancellable))
    {
      export->cancelled = TRUE;
      return FALSE;
    }
  if (index > 0 && index % part_pages == 0 && !next_part (export))
    return FALSE;

  _pm_report_furniture_add (&export->furniture, page, index, section_of_page (export->report, index));
  /* Each part is a whole tagged document, joined into one after. */
  if (index % part_pages == 0)
    cairo_tag_begin (export->cr, "Document", "");
  cairo_save (export->cr);
  _pm_report_page_draw (page, export->cr);
  cairo_restore (export->cr);
  _pm_report_page_collect_alt_texts (page, export->alt_texts);
  if (index + 1 == n_pages || (index + 1) % part_pages == 0)
    cairo_tag_end (export->cr, "Document");
  cairo_show_page (export->cr);
  if (export->progress != NULL)
    export->progress (index + 1, n_pages, export->user_data);
  return FALSE;
}

/* Lays a long document out twice: once to count its pages (the footer's
 * "of M", the programme table's page numbers and the outline need them
 * before the first page is drawn), then drawing each page as it comes. */
static gboolean
draw_pages (PmReport  *self,
            cairo_t   *cr,
            Export    *export,
            GError   **error)
{
  PmReportPrivate *priv = pm_report_get_instance_private (self);
  g_autoptr(PangoLayout) footnote = NULL;
  g_autoptr(PangoLayout) footnote_again = NULL;
  g_autoptr(GPtrArray) counted = NULL;
  double width, height;
  int footnote_page, footnote_page_again;
  guint old_n_pages = pm_report_get_n_pages (self);
  Count count = { priv->kept_pages, TRUE };
  PmReportParts *side_by_side = NULL;

  pm_report_get_paper_size (self, &width, &height);
  /* Side by side, the children are forked while the pages are counted. */
  if (export->parts != NULL && priv->part_pages == 0)
    side_by_side = _pm_report_parts_new (self, export->file, export->parts, priv->n_processes, &footnote);
  counted = lay_out (self, cr, width, height, count_page, &count, &footnote, &footnote_page);
  if (side_by_side != NULL)
    side_by_side = _pm_report_parts_counted (side_by_side, count.keep);
  /* Parts are given the outline when they are joined. */
  if (export->parts == NULL)
    _pm_report_pdf_add_outline (priv->outline, cairo_get_target (cr));

  furniture_init (self, &export->furniture, width, height, footnote, footnote_page, counted->len);
  if (count.keep)
    {
      for (guint i = 0; i < counted->len; i++)
        draw_page (g_ptr_array_index (counted, i), i, export);
      priv->pages = g_steal_pointer (&counted);
      _pm_report_furniture_clear (&export->furniture);
      if (old_n_pages != priv->pages->len)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
      return TRUE;
    }

  if (side_by_side != NULL)
    {
      /* The first part's layout stops where the children took over. */
      g_autoptr(GArray) outline = g_steal_pointer (&priv->outline);

      _pm_report_furniture_clear (&export->furniture);
      priv->pages = _pm_report_draw_parts (side_by_side, g_steal_pointer (&export->cr), counted->len,
                                           footnote_page, export->alt_texts, export->cancellable,
                                           export->progress, export->user_data, &export->cancelled,
                                           &export->error);
      g_clear_pointer (&priv->outline, g_array_unref);
      priv->outline = g_steal_pointer (&outline);
      if (priv->pages == NULL)
        return FALSE;
      footnote_page_again = footnote_page;
    }
  else
    {
      priv->pages = lay_out (self, cr, width, height, draw_page, export, &footnote_again, &footnote_page_again);
      _pm_report_furniture_clear (&export->furniture);
    }

  if (old_n_pages != priv->pages->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);

  /* Both passes lay out the same document: a difference is a bug. */
  if (priv->pages->len != counted->len || footnote_page != footnote_page_again)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The report came out with %u pages where %u were counted."),
                   priv->pages->len, counted->len);
      return FALSE;
    }

  return TRUE;
}

/* Joins the parts into @file, when drawn in parts. */
static gboolean
join_parts (PmReport    *self,
            Export      *export,
            GError     **error)
{
  PmReportPrivate *priv = pm_report_get_instance_private (self);
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  double height;

  for (guint i = 0; i < export->parts->len; i++)
    g_ptr_array_add (paths, (gpointer) pm_safe_file_get_temp_path (g_ptr_array_index (export->parts, i)));
  g_ptr_array_add (paths, NULL);
  pm_report_get_paper_size (self, NULL, &height);

  return _pm_report_pdf_join ((const char * const *) paths->pdata, priv->outline, height, export->file, error);
}

static gboolean
write_pdf (PmReport              *self,
           PmSafeFile            *file,
           GCancellable          *cancellable,
           PmReportProgressFunc   progress,
           gpointer               user_data,
           GError               **error)
{
  Export export = { self, NULL, file, NULL, NULL, { NULL, }, NULL, cancellable, FALSE, progress, user_data };
  g_autoptr(GPtrArray) alt_texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean drawn, finished;

  if (in_parts (self))
    {
      export.parts = parts = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_safe_file_free);
      export.cr = begin_part (&export, error);
      if (export.cr == NULL)
        return FALSE;
    }
  else
    {
      cairo_surface_t *surface = _pm_report_pdf_surface_new (self, file);

      export.cr = cairo_create (surface);
      cairo_surface_destroy (surface);
    }

  export.alt_texts = alt_texts;
  drawn = draw_pages (self, export.cr, &export, &local_error);

  /* Drawn in threads, the parts were finished there. */
  if (export.cr != NULL)
    finished = _pm_report_pdf_surface_finish (g_steal_pointer (&export.cr),
                                              parts != NULL ? g_ptr_array_index (parts, parts->len - 1) : file,
                                              export.error == NULL ? &export.error : NULL);
  else
    finished = export.error == NULL;

  if (export.cancelled)
    {
      g_clear_error (&export.error);
      return !g_cancellable_set_error_if_cancelled (cancellable, error);
    }
  if (export.error != NULL)
    {
      _pm_report_pdf_name_export (export.error, file, parts);
      g_propagate_error (error, export.error);
      return FALSE;
    }
  if (!drawn)
    {
      _pm_report_pdf_name_export (local_error, file, parts);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_assert (finished);

  if (parts != NULL && !join_parts (self, &export, error))
    return FALSE;

  g_ptr_array_add (alt_texts, NULL);
  return _pm_report_pdf_file_add_accessibility (file, (const char * const *) alt_texts->pdata, error);
}

gboolean
pm_report_export_pdf (PmReport    *self,
                      const char  *path,
                      GError     **error)
{
  return pm_report_export_pdf_full (self, path, NULL, NULL, NULL, error);
}

gboolean
pm_report_export_pdf_full (PmReport              *self,
                           const char            *path,
                           GCancellable          *cancellable,
                           PmReportProgressFunc   progress,
                           gpointer               user_data,
                           GError               **error)
{
  g_autoptr(PmSafeFile) file = NULL;

  g_return_val_if_fail (PM_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL && path[0] != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = pm_safe_file_begin (path, PM_SAFE_FILE_DEFAULT, error);

  return file != NULL &&
         write_pdf (self, file, cancellable, progress, user_data, error) &&
         pm_safe_file_commit (file, error);
}
