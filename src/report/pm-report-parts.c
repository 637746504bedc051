/* pm-report-parts.c: drawing a long export in parts, side by side
 *
 * cairo writes a PDF page (compressing it, printing its numbers) when the
 * page is shown, so one surface keeps one processor busy however the
 * drawing is done. A long export is therefore cut into consecutive parts,
 * each drawn on its own PDF surface, then joined (pm-report-pdf-join.c).
 *
 * The parts after the first are drawn by child processes, not threads:
 * the model is GObjects and GListStores, whose readers are not safe side
 * by side (a GListStore caches its last position as it is read), and a
 * child has its own copy of everything, report included, for free. A
 * process forks only while it has one thread (the command line's export),
 * where fork() is safe; otherwise the export is drawn in one part. Each
 * child lays the whole document out again and draws its own pages into a
 * part file its parent made (and removes, whatever happens), then sends
 * its figures' alternative texts and its outcome back through a pipe.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "pm-report.h"
#include "pm-report-pdf.h"
#include "pm-report-private.h"

#define MAX_PARTS 8

typedef struct
{
  PmReport             *report;
  guint                 n_pages;
  int                   footnote_page;
  GCancellable         *cancellable;  /* the parent's */
  PmReportProgressFunc  progress;     /* the parent's */
  gpointer              user_data;
  gboolean              cancelled;
  guint                 done;         /* pages drawn, children's included */
} Shared;

typedef struct
{
  Shared            *shared;
  PmSafeFile        *file;
  cairo_t           *cr;
  guint              first;       /* the part's pages: [first, last) */
  guint              last;
  PangoLayout       *footnote;    /* set by the layout before any page */
  PmReportFurniture  furniture;
  gboolean           furnished;
  GPtrArray         *alt_texts;
  pid_t              pid;         /* the child drawing it; 0 for the parent */
  int                pipe;        /* from the child, or its end in the child */
  GByteArray        *in;          /* what came through it, page marks taken */
  guint              n_parts;     /* in the parent's first part: all of them */
  gboolean           closed;      /* the child closed it */
} Part;

/* A child writes this once for each page drawn, before its texts. */
#define PAGE_MARK '\x01'

static void read_children (Part *part, guint n_parts, gboolean wait);

gboolean
_pm_report_can_fork (void)
{
  g_autoptr(GDir) tasks = g_dir_open ("/proc/self/task", 0, NULL);
  guint n_threads = 0;

  while (tasks != NULL && g_dir_read_name (tasks) != NULL)
    n_threads++;

  return n_threads == 1;
}

static gboolean
draw_page (PmReportPage *page,
           guint         index,
           gpointer      user_data)
{
  Part *part = user_data;
  Shared *shared = part->shared;

  if (index < part->first || index >= part->last || shared->cancelled)
    return FALSE;
  if (g_cancellable_is_cancelled (shared->cancellable))
    {
      shared->cancelled = TRUE;
      return FALSE;
    }

  if (!part->furnished)
    {
      _pm_report_furniture_for (shared->report, &part->furniture, part->footnote,
                                shared->footnote_page, shared->n_pages);
      part->furnished = TRUE;
    }

  _pm_report_furniture_add (&part->furniture, page, index, _pm_report_section_of_page (shared->report, index));
  /* Each part is a whole tagged document; the join makes them one. */
  if (index == part->first)
    cairo_tag_begin (part->cr, "Document", "");
  cairo_save (part->cr);
  _pm_report_page_draw (page, part->cr);
  cairo_restore (part->cr);
  _pm_report_page_collect_alt_texts (page, part->alt_texts);
  if (index + 1 == part->last)
    cairo_tag_end (part->cr, "Document");
  cairo_show_page (part->cr);

  if (part->pipe >= 0)
    {
      char mark = PAGE_MARK;

      while (write (part->pipe, &mark, 1) < 0 && errno == EINTR)
        ;
      return FALSE;
    }

  /* The parent tells of its pages and those the children have drawn. */
  shared->done++;
  if (shared->progress != NULL)
    shared->progress (shared->done, shared->n_pages, shared->user_data);
  read_children (part, part->n_parts, FALSE);
  return FALSE;
}

/* Lays the document out and draws the part's pages: the pages as laid
 * out, or NULL with @error. */
static GPtrArray *
draw_part (Part    *part,
           GError **error)
{
  Shared *shared = part->shared;
  g_autoptr(GPtrArray) pages = NULL;
  int footnote_page;

  pages = _pm_report_lay_out (shared->report, part->cr, draw_page, part, &part->footnote, &footnote_page);
  if (part->furnished)
    _pm_report_furniture_clear (&part->furniture);
  g_clear_object (&part->footnote);

  if (!_pm_report_pdf_surface_finish (g_steal_pointer (&part->cr), part->file, error))
    return NULL;

  /* Every layout of the document is the same: a difference is a bug. */
  if (pages->len != shared->n_pages || footnote_page != shared->footnote_page)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The report came out with %u pages where %u were counted."),
                   pages->len, shared->n_pages);
      return NULL;
    }

  return g_steal_pointer (&pages);
}

/* Takes in what the children sent (waiting, with @wait, until each has
 * closed its pipe), and tells the progress function of every page drawn,
 * the parent's (part[0]) and the children's. */
static void
read_children (Part     *part,
               guint     n_parts,
               gboolean  wait)
{
  Shared *shared = part[0].shared;

  for (guint i = 1; i < n_parts; i++)
    {
      GPollFD poll = { part[i].pipe, G_IO_IN | G_IO_HUP, 0 };

      while (part[i].pid != 0 && !part[i].closed && g_poll (&poll, 1, wait ? -1 : 0) > 0)
        {
          guint8 buffer[65536];
          gssize n = read (part[i].pipe, buffer, sizeof buffer);
          gssize at = 0;

          if (n < 0 && errno == EINTR)
            continue;
          if (n <= 0)
            {
              part[i].closed = TRUE;
              break;
            }
          for (; part[i].in->len == 0 && at < n && buffer[at] == PAGE_MARK; at++)
            {
              shared->done++;
              if (shared->progress != NULL)
                shared->progress (shared->done, shared->n_pages, shared->user_data);
            }
          g_byte_array_append (part[i].in, buffer + at, n - at);
        }
    }
}

static void
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return;
      data += written;
      length -= (gsize) written;
    }
}

/* In the child: draws, then sends the alternative texts, each ending in
 * a NUL, and the outcome: an empty string, or the error's code and
 * message. Never returns. */
static void G_GNUC_NORETURN
child_main (Part *part)
{
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  part->cr = _pm_report_pdf_context_new (part->shared->report, part->file);
  pages = draw_part (part, &error);

  for (guint i = 0; pages != NULL && i < part->alt_texts->len; i++)
    g_string_append_len (out, g_ptr_array_index (part->alt_texts, i),
                         strlen (g_ptr_array_index (part->alt_texts, i)) + 1);
  g_string_append_c (out, '\0');
  if (error != NULL)
    g_string_append_printf (out, "%d %s", error->code, error->message);
  write_all (part->pipe, out->str, out->len + 1);

  /* Nothing of the parent's may be flushed or finished twice. */
  _exit (0);
}

/* In the parent, once the child closed its pipe (or, @kill_it, at once):
 * the child's texts and outcome. */
static gboolean
collect_child (Part     *part,
               gboolean  kill_it,
               GError  **error)
{
  const char *p = (const char *) part->in->data;
  const char *end = p + part->in->len;
  int status = 0;

  if (kill_it)
    kill (part->pid, SIGKILL);
  close (part->pipe);
  part->pipe = -1;
  while (waitpid (part->pid, &status, 0) < 0 && errno == EINTR)
    ;
  part->pid = 0;

  if (kill_it)
    return TRUE;

  /* The texts, an empty one, then the outcome. */
  while (p < end && *p != '\0')
    {
      const char *nul = memchr (p, '\0', end - p);

      if (nul == NULL)
        break;
      g_ptr_array_add (part->alt_texts, g_strndup (p, nul - p));
      p = nul + 1;
    }
  p++;

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0 || p >= end)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("A part of the report could not be drawn."));
      return FALSE;
    }
  if (*p != '\0')
    {
      char *message;
      int code = (int) g_ascii_strtoll (p, &message, 10);

      g_set_error_literal (error, G_IO_ERROR, code, *message == ' ' ? message + 1 : message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
fork_part (Part    *part,
           GError **error)
{
  int fds[2];

  if (!g_unix_open_pipe (fds, FD_CLOEXEC, error))
    return FALSE;

  part->pid = fork ();
  if (part->pid < 0)
    {
      int saved = errno;

      close (fds[0]);
      close (fds[1]);
      part->pid = 0;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("A part of the report could not be drawn: %s."), g_strerror (saved));
      return FALSE;
    }
  if (part->pid == 0)
    {
      close (fds[0]);
      part->pipe = fds[1];
      child_main (part);
    }

  close (fds[1]);
  part->pipe = fds[0];
  return TRUE;
}

GPtrArray *
_pm_report_draw_parts (PmReport              *self,
                       cairo_t               *cr,
                       GPtrArray             *parts,
                       PmSafeFile            *file,
                       guint                  n_processes,
                       guint                  n_pages,
                       int                    footnote_page,
                       GPtrArray             *alt_texts,
                       GCancellable          *cancellable,
                       PmReportProgressFunc   progress,
                       gpointer               user_data,
                       gboolean              *cancelled,
                       GError               **error)
{
  Shared shared = { self, n_pages, footnote_page, cancellable, progress, user_data, FALSE };
  Part part[MAX_PARTS] = { { NULL, }, };
  guint n_parts = CLAMP (MIN (n_processes, n_pages), 1, MAX_PARTS);
  guint size = (n_pages + n_parts - 1) / n_parts;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  guint n_forked = 0;

  g_return_val_if_fail (parts->len == 1, NULL);

  for (guint i = 0; i < n_parts; i++)
    {
      part[i].shared = &shared;
      part[i].first = i * size;
      part[i].last = MIN ((i + 1) * size, n_pages);
      part[i].alt_texts = g_ptr_array_new_with_free_func (g_free);
      part[i].in = g_byte_array_new ();
      part[i].pipe = -1;
    }
  part[0].file = g_ptr_array_index (parts, 0);
  part[0].cr = cr;
  part[0].n_parts = n_parts;

  /* The children's part files are the parent's, to remove on failure. */
  for (guint i = 1; i < n_parts && local_error == NULL; i++)
    {
      part[i].file = _pm_report_pdf_part_begin (file, i + 1, &local_error);
      if (part[i].file != NULL)
        g_ptr_array_add (parts, part[i].file);
    }
  for (guint i = 1; i < n_parts && local_error == NULL; i++)
    if (fork_part (&part[i], &local_error))
      n_forked++;

  if (local_error == NULL)
    pages = draw_part (&part[0], &local_error);
  else
    _pm_report_pdf_surface_finish (g_steal_pointer (&part[0].cr), part[0].file, NULL);

  *cancelled = shared.cancelled;
  if (local_error == NULL && !*cancelled)
    read_children (part, n_forked + 1, TRUE);
  for (guint i = 1; i <= n_forked; i++)
    collect_child (&part[i], local_error != NULL || *cancelled,
                   local_error == NULL ? &local_error : NULL);

  for (guint i = 0; i < n_parts; i++)
    {
      for (guint j = 0; j < part[i].alt_texts->len; j++)
        g_ptr_array_add (alt_texts, g_steal_pointer (&part[i].alt_texts->pdata[j]));
      g_ptr_array_unref (part[i].alt_texts);
      g_byte_array_unref (part[i].in);
    }

  if (*cancelled)
    return NULL;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&pages);
}
