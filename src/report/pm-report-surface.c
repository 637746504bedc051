/* pm-report-surface.c: the cairo PDF surface an export draws on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>

#include "pm-report.h"
#include "pm-report-pdf.h"
#include "pm-report-private.h"

/* cairo's stream, to the file through a buffer: cairo writes a PDF in
 * pieces of a few bytes, a system call each unbuffered, and a national
 * pack is tens of megabytes. A failure is kept by the file and told at
 * the end. */
#define SINK_SIZE (256 * 1024)

typedef struct
{
  PmSafeFile *file;
  GByteArray *buffer;
} Sink;

static const cairo_user_data_key_t sink_key;

static gboolean
sink_flush (Sink *sink)
{
  gboolean written = pm_safe_file_write (sink->file, sink->buffer->data, sink->buffer->len, NULL);

  g_byte_array_set_size (sink->buffer, 0);
  return written;
}

/* When the surface goes, once cairo has written all it had. */
static void
sink_free (gpointer data)
{
  Sink *sink = data;

  sink_flush (sink);
  g_byte_array_unref (sink->buffer);
  g_free (sink);
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  if (sink->buffer->len + length > SINK_SIZE && !sink_flush (sink))
    return CAIRO_STATUS_WRITE_ERROR;
  if (length >= SINK_SIZE)
    return pm_safe_file_write (sink->file, data, length, NULL) ? CAIRO_STATUS_SUCCESS
                                                               : CAIRO_STATUS_WRITE_ERROR;

  g_byte_array_append (sink->buffer, data, length);
  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
_pm_report_pdf_surface_new (PmReport   *self,
                            PmSafeFile *file)
{
  g_autofree char *title = pm_report_get_title (self);
  cairo_surface_t *surface;
  double width, height;
  Sink *sink = g_new0 (Sink, 1);

  sink->file = file;
  sink->buffer = g_byte_array_sized_new (SINK_SIZE);
  pm_report_get_paper_size (self, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_cb, sink, width, height);
  cairo_surface_set_user_data (surface, &sink_key, sink, sink_free);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  /* The programme office that prints the document. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                  pm_programme_get_name (pm_report_get_programme (self)));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Pilot Monitor " PACKAGE_VERSION);

  return surface;
}

/* Finishes what @cr draws on, into @file: FALSE with the reason when it
 * could not be written. */
gboolean
_pm_report_pdf_surface_finish (cairo_t     *cr,
                               PmSafeFile  *file,
                               GError     **error)
{
  cairo_surface_t *surface = cairo_surface_reference (cairo_get_target (cr));
  cairo_status_t status;

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  /* A failure to write is the file's to tell, with its reason. */
  if (!pm_safe_file_get_write_error (file, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_basename (pm_safe_file_get_path (file));

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not save “%s”: %s."), name, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/* Reads back what cairo wrote and appends the accessibility update. */
gboolean
_pm_report_pdf_file_add_accessibility (PmSafeFile          *file,
                                       const char * const  *alt_texts,
                                       GError             **error)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new_from_fd (pm_safe_file_get_fd (file), FALSE, error);
  g_autoptr(GString) update = g_string_new (NULL);

  if (mapped == NULL)
    return FALSE;

  /* Translators: the language of the printed reports, as a BCP 47 tag
   * ("en-GB"): screen readers read the PDF in it */
  return _pm_report_pdf_add_accessibility (g_mapped_file_get_contents (mapped),
                                           g_mapped_file_get_length (mapped), alt_texts,
                                           C_("PDF language", "en-GB"), update, error) &&
         pm_safe_file_write (file, update->str, update->len, error);
}

cairo_t *
_pm_report_pdf_context_new (PmReport   *report,
                            PmSafeFile *file)
{
  cairo_surface_t *surface = _pm_report_pdf_surface_new (report, file);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

PmSafeFile *
_pm_report_pdf_part_begin (PmSafeFile  *file,
                           guint        number,
                           GError     **error)
{
  /* Only the temporary file is made: "NAME.partN" never is. */
  g_autofree char *target = g_strdup_printf ("%s.part%u", pm_safe_file_get_path (file), number);

  return pm_safe_file_begin (target, PM_SAFE_FILE_DEFAULT, error);
}

void
_pm_report_pdf_name_export (GError     *error,
                            PmSafeFile *file,
                            GPtrArray  *parts)
{
  g_autofree char *name = g_filename_display_basename (pm_safe_file_get_path (file));
  g_autoptr(GString) message = NULL;

  if (error == NULL || parts == NULL)
    return;

  message = g_string_new (error->message);
  /* The last first: "NAME.part12" before "NAME.part1". */
  for (guint i = parts->len; i > 0; i--)
    {
      PmSafeFile *part = g_ptr_array_index (parts, i - 1);
      g_autofree char *part_name = g_filename_display_basename (pm_safe_file_get_path (part));

      g_string_replace (message, part_name, name, 0);
    }
  g_free (error->message);
  error->message = g_string_free (g_steal_pointer (&message), FALSE);
}

/* The outline: one entry for each district (or whatever the document
 * made an entry for), pointing at its heading. */
void
_pm_report_pdf_add_outline (const GArray    *outline,
                            cairo_surface_t *surface)
{
  for (guint i = 0; outline != NULL && i < outline->len; i++)
    {
      const PmReportOutlineEntry *entry = &g_array_index (outline, PmReportOutlineEntry, i);
      char y[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *link = NULL;

      g_ascii_formatd (y, sizeof y, "%.2f", entry->y);
      link = g_strdup_printf ("page=%u pos=[0 %s]", entry->page + 1, y);
      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, entry->title, link, 0);
    }
}
