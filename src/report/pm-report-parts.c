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
 * where fork() is safe; otherwise the export is drawn in one part.
 *
 * The children are forked while the pages are counted, at the start of a
 * section (a district) where the work done so far reaches the next share:
 * a child holds the layout as it stood there, so it goes on from that
 * place rather than from the first page. It waits until the count is
 * complete and it is told the number of pages and where its part ends,
 * then lays its sections out and draws its pages (from the page its
 * section began on) into a part file its parent made (and removes,
 * whatever happens), sends its figures' alternative texts and its outcome
 * back through a pipe, and exits. The parent lays the first part out
 * again and draws it, stopping where the first child took over.
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
  gboolean           drawn;       /* its last page is drawn */
  PangoLayout       *footnote;    /* set by the layout before any page */
  PmReportFurniture  furniture;
  gboolean           furnished;
  GPtrArray         *alt_texts;
  pid_t              pid;         /* the child drawing it; 0 for the parent */
  int                pipe;        /* from the child, or its end in the child */
  int                go;          /* to the child, or its end in the child */
  GByteArray        *in;          /* what came through it, page marks taken */
  guint              n_parts;     /* in the parent's first part: all of them */
  gboolean           closed;      /* the child closed it */
} Part;

typedef enum
{
  COUNTING,   /* the parent, counting the pages: forks at the shares */
  DRAWING,    /* the parent, drawing the first part: stops after it */
  CHILD,      /* a child drawing its part */
} Stage;

struct _PmReportParts
{
  Shared         shared;
  Part           part[MAX_PARTS];
  guint          n_parts;   /* the first and the children forked */
  guint          n_shares;  /* of the work, one for each process */
  guint          next_share;
  Stage          stage;
  PmSafeFile    *file;      /* the export's */
  GPtrArray     *files;     /* the parts', the first's already in */
  PangoLayout  **footnote;  /* the layout's, while it counts */
};

/* What a child is told once the pages are counted. */
typedef struct
{
  guint32 n_pages;
  gint32  footnote_page;
  guint32 last;
} Go;

/* A child writes this once for each page drawn, before its texts. */
#define PAGE_MARK '\x01'

static GQuark parts_quark;

static void read_children (Part *part, guint n_parts, gboolean wait);
static void G_GNUC_NORETURN child_finish (Part *part);

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
  part->drawn = index + 1 == part->last;

  if (part->pid == 0 && part->pipe >= 0)
    {
      char mark = PAGE_MARK;

      while (write (part->pipe, &mark, 1) < 0 && errno == EINTR)
        ;
      /* What follows is the next part's. */
      if (part->drawn)
        child_finish (part);
      return FALSE;
    }

  /* The parent tells of its pages and those the children have drawn. */
  shared->done++;
  if (shared->progress != NULL)
    shared->progress (shared->done, shared->n_pages, shared->user_data);
  read_children (part, part->n_parts, FALSE);
  return FALSE;
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
              /* Nothing more is told once cancelled. */
              if (shared->progress != NULL && !g_cancellable_is_cancelled (shared->cancellable))
                shared->progress (shared->done, shared->n_pages, shared->user_data);
            }
          g_byte_array_append (part[i].in, buffer + at, n - at);
        }
    }
}

static gboolean
write_all (int         fd,
           const void *data,
           gsize       length)
{
  const char *next = data;

  while (length > 0)
    {
      gssize written = write (fd, next, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return FALSE;
      next += written;
      length -= (gsize) written;
    }

  return TRUE;
}

/* In the child, once its last page is drawn: finishes its file, sends
 * the alternative texts, each ending in a NUL, and the outcome: an empty
 * string, or the error's code and message. Never returns. */
static void G_GNUC_NORETURN
child_finish (Part *part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean finished;

  _pm_report_furniture_clear (&part->furniture);
  finished = _pm_report_pdf_surface_finish (g_steal_pointer (&part->cr), part->file, &error);

  for (guint i = 0; finished && i < part->alt_texts->len; i++)
    g_string_append_len (out, g_ptr_array_index (part->alt_texts, i),
                         strlen (g_ptr_array_index (part->alt_texts, i)) + 1);
  g_string_append_c (out, '\0');
  if (error != NULL)
    g_string_append_printf (out, "%d %s", error->code, error->message);
  write_all (part->pipe, out->str, out->len + 1);

  /* Nothing of the parent's may be flushed or finished twice. */
  _exit (0);
}

/* In a new child: waits until the pages are counted, then goes on with
 * the layout from where it was forked, drawing its part. */
static void
child_begin (PmReportParts *parts,
             Part          *part,
             PmReportFlow  *flow)
{
  Go go;
  gsize got = 0;

  while (got < sizeof go)
    {
      gssize n = read (part->go, (char *) &go + got, sizeof go - got);

      if (n < 0 && errno == EINTR)
        continue;
      /* The parent gave up, or drew the document whole. */
      if (n <= 0)
        _exit (1);
      got += n;
    }
  close (part->go);
  part->go = -1;

  parts->stage = CHILD;
  parts->shared.n_pages = go.n_pages;
  parts->shared.footnote_page = go.footnote_page;
  part->last = go.last;
  if (*parts->footnote != NULL)
    part->footnote = g_object_ref (*parts->footnote);
  part->cr = _pm_report_pdf_context_new (parts->shared.report, part->file);
  _pm_report_flow_set_done_func (flow, draw_page, part);
}

/* While counting, at a section that starts on @page: a child to draw
 * from there. Without one, the part before goes on. */
static void
fork_part (PmReportParts *parts,
           PmReportFlow  *flow,
           guint          page)
{
  Part *part = &parts->part[parts->n_parts];
  int result[2], go[2];

  if (!_pm_report_can_fork () || !g_unix_open_pipe (result, FD_CLOEXEC, NULL))
    return;
  if (!g_unix_open_pipe (go, FD_CLOEXEC, NULL))
    {
      close (result[0]);
      close (result[1]);
      return;
    }
  part->file = _pm_report_pdf_part_begin (parts->file, parts->files->len + 1, NULL);
  if (part->file != NULL)
    part->pid = fork ();
  if (part->file == NULL || part->pid < 0)
    {
      close (result[0]);
      close (result[1]);
      close (go[0]);
      close (go[1]);
      g_clear_pointer (&part->file, pm_safe_file_free);
      part->pid = 0;
      return;
    }

  if (part->pid == 0)
    {
      /* The parent's ends to the children before are not this one's. */
      for (guint i = 1; i < parts->n_parts; i++)
        {
          close (parts->part[i].pipe);
          close (parts->part[i].go);
          parts->part[i].pipe = parts->part[i].go = -1;
          parts->part[i].pid = 0;
        }
      close (result[0]);
      close (go[1]);
      part->pipe = result[1];
      part->go = go[0];
      part->first = page;
      child_begin (parts, part, flow);
      return;
    }

  close (result[1]);
  close (go[0]);
  part->pipe = result[0];
  part->go = go[1];
  part->first = page;
  g_ptr_array_add (parts->files, part->file);
  parts->n_parts++;
}

gboolean
_pm_report_resume_point (PmReport     *report,
                         PmReportFlow *flow,
                         guint64       work_done,
                         guint64       work_total)
{
  PmReportParts *parts = parts_quark != 0 ? g_object_get_qdata (G_OBJECT (report), parts_quark) : NULL;
  guint n_pages = _pm_report_flow_get_n_pages (flow);

  if (parts == NULL || parts->stage == CHILD)
    return TRUE;
  if (parts->stage == DRAWING)
    return !parts->part[0].drawn && !parts->shared.cancelled;

  /* A share begins: a child takes over from here, unless this page is
   * the last part's first already. */
  while (parts->next_share < parts->n_shares && n_pages > 0 &&
         work_done * parts->n_shares >= work_total * parts->next_share)
    {
      if (n_pages - 1 > parts->part[parts->n_parts - 1].first)
        fork_part (parts, flow, n_pages - 1);
      if (parts->stage == CHILD)
        return TRUE;
      parts->next_share++;
    }

  return TRUE;
}

PmReportParts *
_pm_report_parts_new (PmReport      *report,
                      PmSafeFile    *file,
                      GPtrArray     *files,
                      guint          n_processes,
                      PangoLayout  **footnote)
{
  PmReportParts *parts = g_new0 (PmReportParts, 1);

  if (parts_quark == 0)
    parts_quark = g_quark_from_static_string ("pm-report-parts");

  parts->shared.report = report;
  parts->n_parts = 1;
  parts->n_shares = CLAMP (n_processes, 1, MAX_PARTS);
  parts->next_share = 1;
  parts->file = file;
  parts->files = files;
  parts->footnote = footnote;
  for (guint i = 0; i < MAX_PARTS; i++)
    {
      parts->part[i].shared = &parts->shared;
      parts->part[i].pipe = -1;
      parts->part[i].go = -1;
      parts->part[i].alt_texts = g_ptr_array_new_with_free_func (g_free);
      parts->part[i].in = g_byte_array_new ();
    }
  g_object_set_qdata (G_OBJECT (report), parts_quark, parts);

  return parts;
}

static void abandon (PmReportParts *parts);

PmReportParts *
_pm_report_parts_counted (PmReportParts *parts,
                          gboolean       whole)
{
  /* A child's layout ends once its last page is drawn: never here. */
  if (parts->stage == CHILD)
    _exit (1);

  if (whole)
    {
      abandon (parts);
      return NULL;
    }

  return parts;
}

/* Kills the children that did not finish, and waits for them. */
static void
kill_children (PmReportParts *parts)
{
  for (guint i = 1; i < parts->n_parts; i++)
    {
      Part *part = &parts->part[i];
      int status;

      if (part->go >= 0)
        close (part->go);
      part->go = -1;
      if (part->pid == 0)
        continue;
      kill (part->pid, SIGKILL);
      while (waitpid (part->pid, &status, 0) < 0 && errno == EINTR)
        ;
      part->pid = 0;
    }
}

static void
parts_free (PmReportParts *parts)
{
  if (parts == NULL)
    return;

  g_object_set_qdata (G_OBJECT (parts->shared.report), parts_quark, NULL);
  kill_children (parts);
  for (guint i = 0; i < MAX_PARTS; i++)
    {
      if (parts->part[i].pipe >= 0)
        close (parts->part[i].pipe);
      g_clear_pointer (&parts->part[i].alt_texts, g_ptr_array_unref);
      g_clear_pointer (&parts->part[i].in, g_byte_array_unref);
    }
  g_free (parts);
}

/* The document is drawn whole after all: the children and their files
 * go. */
static void
abandon (PmReportParts *parts)
{
  kill_children (parts);
  /* Only the first part is drawn: the children's files go. */
  g_ptr_array_set_size (parts->files, 1);
  parts->n_parts = 1;
  parts_free (parts);
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

  /* Every layout of the document is the same: a difference is a bug.
   * The first part stops once drawn, where the children took over. */
  if ((pages->len != shared->n_pages && !(part->drawn && pages->len < shared->n_pages)) ||
      footnote_page != shared->footnote_page)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The report came out with %u pages where %u were counted."),
                   pages->len, shared->n_pages);
      return NULL;
    }
  g_ptr_array_set_size (pages, shared->n_pages);

  return g_steal_pointer (&pages);
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

/* Tells each child the number of pages and where its part ends. */
static gboolean
send_go (PmReportParts  *parts,
         GError        **error)
{
  for (guint i = 1; i < parts->n_parts; i++)
    {
      Part *part = &parts->part[i];
      Go go = { parts->shared.n_pages, parts->shared.footnote_page,
                i + 1 < parts->n_parts ? parts->part[i + 1].first : parts->shared.n_pages };

      part->last = go.last;
      if (part->first >= go.last || !write_all (part->go, &go, sizeof go))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("A part of the report could not be drawn."));
          return FALSE;
        }
      close (part->go);
      part->go = -1;
    }

  return TRUE;
}

GPtrArray *
_pm_report_draw_parts (PmReportParts         *parts,
                       cairo_t               *cr,
                       guint                  n_pages,
                       int                    footnote_page,
                       GPtrArray             *alt_texts,
                       GCancellable          *cancellable,
                       PmReportProgressFunc   progress,
                       gpointer               user_data,
                       gboolean              *cancelled,
                       GError               **error)
{
  Shared *shared = &parts->shared;
  Part *part = parts->part;
  guint n_parts = parts->n_parts;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) pages = NULL;

  shared->n_pages = n_pages;
  shared->footnote_page = footnote_page;
  shared->cancellable = cancellable;
  shared->progress = progress;
  shared->user_data = user_data;
  part[0].file = g_ptr_array_index (parts->files, 0);
  part[0].cr = cr;
  part[0].last = n_parts > 1 ? part[1].first : n_pages;
  part[0].n_parts = n_parts;
  parts->stage = DRAWING;

  if (send_go (parts, &local_error))
    pages = draw_part (&part[0], &local_error);
  else
    _pm_report_pdf_surface_finish (g_steal_pointer (&part[0].cr), part[0].file, NULL);

  *cancelled = shared->cancelled;
  if (local_error == NULL && !*cancelled)
    read_children (part, n_parts, TRUE);
  for (guint i = 1; i < n_parts; i++)
    collect_child (&part[i], local_error != NULL || *cancelled,
                   local_error == NULL ? &local_error : NULL);

  for (guint i = 0; i < n_parts; i++)
    for (guint j = 0; j < part[i].alt_texts->len; j++)
      g_ptr_array_add (alt_texts, g_steal_pointer (&part[i].alt_texts->pdata[j]));

  parts_free (parts);
  if (*cancelled)
    return NULL;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&pages);
}
