/* pm-report-pdf-join.c: one PDF from the parts drawn side by side
 *
 * A long export is drawn in parts, each on its own cairo surface, into
 * files of consecutive pages. Joining them renumbers the objects of each
 * part into one sequence, copies every stream byte for byte, and writes
 * what must be one for the whole document anew: the catalogue, the page
 * tree, the structure tree's root, its Document element and parent tree
 * (whose keys, the pages' /StructParents and the links' /StructParent,
 * are shifted past the parts before), the named destinations and the
 * outline. The first part's document information is kept.
 *
 * It reads PDF as cairo 1.16 writes it (classic objects, one
 * cross-reference table, flat page and name trees) and says so when a
 * part is not that.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pm-report-pdf.h"
#include "pm-report-private.h"

/* The objects written anew, numbered first. */
enum
{
  OBJ_CATALOG = 1,
  OBJ_PAGES,
  OBJ_STRUCT_ROOT,
  OBJ_DOCUMENT,
  OBJ_PARENT_TREE,
  OBJ_NAMES,
  OBJ_DESTS,
  OBJ_OUTLINES,
  OBJ_FIRST_ITEM,  /* then one per outline entry */
};

#define FLUSH_SIZE (1 << 20)

typedef struct
{
  char    *name;   /* the string as written, "(district-1)" */
  char    *value;  /* renumbered */
} Dest;

typedef struct
{
  GArray     *map;         /* guint: new number per old one; 0 when dropped */
  GArray     *dropped;     /* gboolean per old number: written anew instead */
  guint       key_offset;  /* added to the part's structure parent keys */
  gboolean    failed;      /* a reference to a dropped object */
  GString    *out;
} Rewrite;

typedef struct
{
  PmSafeFile *file;
  GString    *out;
  gsize       written;   /* bytes flushed to the file */
  GArray     *offsets;   /* gsize per new object number */
  GArray     *kids;      /* guint: new page objects, in order */
  GString    *document_kids;
  GString    *nums;
  GPtrArray  *dests;     /* Dest */
  guint       next;      /* the next new object number */
  guint       next_key;  /* the next structure parent key */
} Join;

static void
dest_free (gpointer data)
{
  Dest *dest = data;

  g_free (dest->name);
  g_free (dest->value);
  g_free (dest);
}

static gboolean
is_delimiter (char c)
{
  return g_ascii_isspace (c) || strchr ("()<>[]{}/%", c) != NULL;
}

/* The end of the string starting at @p, "(...)" or "<...>". */
static const char *
string_end (const char *p,
            const char *end)
{
  int depth = 0;

  if (*p == '<')
    {
      const char *close = memchr (p, '>', end - p);
      return close != NULL ? close + 1 : end;
    }

  for (; p < end; p++)
    {
      if (*p == '\\')
        p++;
      else if (*p == '(')
        depth++;
      else if (*p == ')' && --depth == 0)
        return p + 1;
    }

  return end;
}

/* An integer at @p followed by "G R": the reference's object number, with
 * @after set past the "R"; 0 otherwise. */
static guint
parse_ref (const char  *p,
           const char  *end,
           const char **after)
{
  char *next;
  guint64 number;

  if (!g_ascii_isdigit (*p))
    return 0;
  number = g_ascii_strtoull (p, &next, 10);
  if (next >= end || *next != ' ')
    return 0;
  next++;
  if (next >= end || !g_ascii_isdigit (*next))
    return 0;
  g_ascii_strtoull (next, &next, 10);
  if (next + 2 > end || next[0] != ' ' || next[1] != 'R' || (next + 2 < end && !is_delimiter (next[2])))
    return 0;

  *after = next + 2;
  return (guint) number;
}

/* Copies @p to @end into rw->out with the references renumbered and the
 * structure parent keys shifted; stops after the keyword "stream" (the
 * data that follows is not PDF syntax) and returns where it stopped. */
static const char *
rewrite (Rewrite    *rw,
         const char *p,
         const char *end)
{
  gboolean key_next = FALSE;

  while (p < end)
    {
      const char *start = p;
      const char *after;
      guint number;

      if (*p == '<' && p + 1 < end && p[1] == '<')
        p += 2;
      else if (*p == '(' || *p == '<')
        p = string_end (p, end);
      else if (*p == '%')
        {
          while (p < end && *p != '\n' && *p != '\r')
            p++;
        }
      else if (*p == '/')
        {
          for (p++; p < end && !is_delimiter (*p); p++)
            ;
          key_next = (p - start == 13 && memcmp (start, "/StructParent", 13) == 0) ||
                     (p - start == 14 && memcmp (start, "/StructParents", 14) == 0);
          g_string_append_len (rw->out, start, p - start);
          continue;
        }
      else if ((number = parse_ref (p, end, &after)) != 0)
        {
          guint renumbered = number < rw->map->len ? g_array_index (rw->map, guint, number) : 0;

          rw->failed = rw->failed || renumbered == 0;
          g_string_append_printf (rw->out, "%u 0 R", renumbered);
          p = after;
          key_next = FALSE;
          continue;
        }
      else if (g_ascii_isdigit (*p) && key_next)
        {
          char *next;
          guint64 key = g_ascii_strtoull (p, &next, 10);

          g_string_append_printf (rw->out, "%" G_GUINT64_FORMAT, key + rw->key_offset);
          p = next;
          key_next = FALSE;
          continue;
        }
      else if (g_ascii_isdigit (*p) || *p == '-' || *p == '+' || *p == '.')
        {
          while (p < end && (g_ascii_isdigit (*p) || *p == '-' || *p == '+' || *p == '.'))
            p++;
        }
      else if (g_ascii_isalpha (*p))
        {
          while (p < end && !is_delimiter (*p))
            p++;
          if (p - start == 6 && memcmp (start, "stream", 6) == 0)
            {
              g_string_append_len (rw->out, start, p - start);
              return p;
            }
        }
      else
        p++;

      if (!g_ascii_isspace (*start))
        key_next = FALSE;
      g_string_append_len (rw->out, start, p - start);
    }

  return p;
}

/* The end of the value (string, array, dictionary, reference, name or
 * number) starting at @p. */
static const char *
value_end (const char *p,
           const char *end)
{
  const char *after;
  int depth = 0;

  if (parse_ref (p, end, &after) != 0)
    return after;
  if (*p == '(' || (*p == '<' && p + 1 < end && p[1] != '<'))
    return string_end (p, end);
  if (*p != '[' && *p != '<')
    {
      for (p++; p < end && !is_delimiter (*p); p++)
        ;
      return p;
    }

  while (p < end)
    {
      if (*p == '(' || (*p == '<' && p + 1 < end && p[1] != '<'))
        {
          p = string_end (p, end);
          continue;
        }
      if (*p == '[' || (*p == '<' && p[1] == '<'))
        depth++;
      else if (*p == ']' || (*p == '>' && p + 1 < end && p[1] == '>'))
        depth--;
      p += (*p == '<' || *p == '>') ? 2 : 1;
      if (depth == 0)
        return p;
    }

  return end;
}

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

/* The array after @key in @dict, without its brackets, or NULL. */
static const char *
array_after (const char  *dict,
             const char  *key,
             const char **array_end)
{
  const char *p = strstr (dict, key);
  const char *end = dict + strlen (dict);

  if (p == NULL)
    return NULL;
  p = skip_space (p + strlen (key), end);
  if (p >= end || *p != '[')
    return NULL;

  *array_end = value_end (p, end) - 1;
  return p + 1;
}

static void
rewrite_into (Rewrite    *rw,
              GString    *out,
              const char *p,
              const char *end)
{
  rw->out = out;
  rewrite (rw, p, end);
}

/* The part's pages, its Document element's kids, parent tree entries and
 * named destinations, renumbered into @join. */
static gboolean
collect (Join       *join,
         Rewrite    *rw,
         const Pdf  *pdf,
         const char *catalog,
         guint      *n_keys)
{
  g_autofree char *pages = _pm_pdf_object_dict (pdf, _pm_pdf_dict_ref (catalog, "/Pages "));
  g_autofree char *root = _pm_pdf_object_dict (pdf, _pm_pdf_dict_ref (catalog, "/StructTreeRoot "));
  g_autofree char *document = NULL;
  g_autofree char *tree = NULL;
  g_autofree char *names = _pm_pdf_object_dict (pdf, _pm_pdf_dict_ref (catalog, "/Names "));
  g_autofree char *dests = NULL;
  const char *p, *end;

  if (pages == NULL || root == NULL || strstr (pages, "/Type /Pages") == NULL)
    return FALSE;
  document = _pm_pdf_object_dict (pdf, _pm_pdf_dict_ref (root, "/K [ "));
  tree = _pm_pdf_object_dict (pdf, _pm_pdf_dict_ref (root, "/ParentTree "));
  if (document == NULL || tree == NULL || strstr (document, "/S /Document") == NULL)
    return FALSE;

  /* The page tree is flat: every kid is a page. */
  for (p = array_after (pages, "/Kids", &end); p != NULL && p < end; p++)
    {
      const char *after;
      guint number = parse_ref (p, end, &after);

      if (number == 0)
        continue;
      number = number < rw->map->len ? g_array_index (rw->map, guint, number) : 0;
      if (number == 0)
        return FALSE;
      g_array_append_val (join->kids, number);
      p = after - 1;
    }

  p = array_after (document, "/K ", &end);
  if (p == NULL)
    return FALSE;
  rewrite_into (rw, join->document_kids, p, end);

  /* The parent tree's keys run from 0 in each part. */
  *n_keys = 0;
  for (p = array_after (tree, "/Nums", &end); p != NULL && (p = skip_space (p, end)) < end;)
    {
      char *next;
      guint64 key = g_ascii_strtoull (p, &next, 10);
      const char *value = skip_space (next, end);

      if (next == p || value >= end)
        return FALSE;
      g_string_append_printf (join->nums, "\n   %" G_GUINT64_FORMAT " ", key + rw->key_offset);
      p = value_end (value, end);
      rewrite_into (rw, join->nums, value, p);
      *n_keys = MAX (*n_keys, (guint) key + 1);
    }

  if (names != NULL)
    dests = _pm_pdf_object_dict (pdf, _pm_pdf_dict_ref (names, "/Dests "));
  for (p = dests != NULL ? array_after (dests, "/Names", &end) : NULL;
       p != NULL && (p = skip_space (p, end)) < end;)
    {
      Dest *dest = g_new0 (Dest, 1);
      const char *value;
      g_autoptr(GString) renumbered = g_string_new (NULL);

      value = skip_space (string_end (p, end), end);
      dest->name = g_strndup (p, string_end (p, end) - p);
      p = value_end (value, end);
      rewrite_into (rw, renumbered, value, p);
      dest->value = g_string_free (g_steal_pointer (&renumbered), FALSE);
      g_ptr_array_add (join->dests, dest);
    }

  return dests == NULL || strstr (dests, "/Kids") == NULL;
}

/* Marks the objects written anew, which the part's own are dropped for. */
static void
mark_dropped (const Pdf  *pdf,
              const char *catalog,
              guint       root,
              guint       info,
              gboolean    keep_info,
              GArray     *dropped)
{
  g_autofree char *tree = _pm_pdf_object_dict (pdf, _pm_pdf_dict_ref (catalog, "/StructTreeRoot "));
  g_autofree char *names = _pm_pdf_object_dict (pdf, _pm_pdf_dict_ref (catalog, "/Names "));
  g_autofree char *outlines = _pm_pdf_object_dict (pdf, _pm_pdf_dict_ref (catalog, "/Outlines "));
  guint mark[] = {
    root,
    _pm_pdf_dict_ref (catalog, "/Pages "),
    _pm_pdf_dict_ref (catalog, "/StructTreeRoot "),
    _pm_pdf_dict_ref (catalog, "/Outlines "),
    _pm_pdf_dict_ref (catalog, "/Names "),
    tree != NULL ? _pm_pdf_dict_ref (tree, "/K [ ") : 0,
    tree != NULL ? _pm_pdf_dict_ref (tree, "/ParentTree ") : 0,
    names != NULL ? _pm_pdf_dict_ref (names, "/Dests ") : 0,
    keep_info ? 0 : info,
  };
  guint item = outlines != NULL ? _pm_pdf_dict_ref (outlines, "/First ") : 0;

  for (guint i = 0; i < G_N_ELEMENTS (mark); i++)
    if (mark[i] != 0 && mark[i] < dropped->len)
      g_array_index (dropped, gboolean, mark[i]) = TRUE;

  /* The outline is written anew from the document's: cairo's entries
   * are one level, chained by /Next. */
  while (item != 0 && item < dropped->len && !g_array_index (dropped, gboolean, item))
    {
      g_autofree char *dict = _pm_pdf_object_dict (pdf, item);

      g_array_index (dropped, gboolean, item) = TRUE;
      item = dict != NULL ? _pm_pdf_dict_ref (dict, "/Next ") : 0;
    }
}

static gboolean
flush (Join     *join,
       gboolean  all,
       GError  **error)
{
  if (join->out->len < FLUSH_SIZE && !all)
    return TRUE;
  if (!pm_safe_file_write (join->file, join->out->str, join->out->len, error))
    return FALSE;

  join->written += join->out->len;
  g_string_truncate (join->out, 0);
  return TRUE;
}

static void
begin_object (Join  *join,
              guint  number)
{
  if (join->offsets->len <= number)
    g_array_set_size (join->offsets, number + 1);
  g_array_index (join->offsets, gsize, number) = join->written + join->out->len;
  g_string_append_printf (join->out, "%u 0 obj\n", number);
}

static int
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  gsize x = *(const gsize *) a, y = *(const gsize *) b;

  return x < y ? -1 : x > y;
}

/* Copies the part's objects, renumbered, in the order they are numbered;
 * stream data byte for byte. */
static gboolean
copy_objects (Join      *join,
              Rewrite   *rw,
              const Pdf *pdf,
              gsize      xref_at,
              GError   **error)
{
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gsize));

  /* An object ends where the next one starts, or at the table. */
  for (guint i = 0; i < pdf->offsets->len; i++)
    if (g_array_index (pdf->offsets, gsize, i) != 0)
      g_array_append_val (ends, g_array_index (pdf->offsets, gsize, i));
  g_array_append_val (ends, xref_at);
  g_array_sort (ends, compare_offsets);

  for (guint i = 1; i < pdf->offsets->len; i++)
    {
      gsize at = g_array_index (pdf->offsets, gsize, i);
      guint number = i < rw->map->len ? g_array_index (rw->map, guint, i) : 0;
      const char *start, *stop, *p;
      guint lo = 0, hi = ends->len;

      if (at == 0 || number == 0 || g_array_index (rw->dropped, gboolean, i))
        continue;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (ends, gsize, mid) <= at)
            lo = mid + 1;
          else
            hi = mid;
        }
      stop = pdf->data + (lo < ends->len ? g_array_index (ends, gsize, lo) : xref_at);
      start = _pm_pdf_find (pdf, at, "obj");
      if (start == NULL || start >= stop)
        return FALSE;

      /* "N 0 obj" and its line end are written anew. */
      start += 3;
      if (start < stop && *start == '\r')
        start++;
      if (start < stop && *start == '\n')
        start++;
      begin_object (join, number);
      rw->out = join->out;
      p = rewrite (rw, start, stop);
      g_string_append_len (join->out, p, stop - p);
      if (!flush (join, FALSE, error))
        return FALSE;
    }

  return !rw->failed;
}

static void
append_pdf_string (GString    *out,
                   const char *utf8)
{
  for (const char *c = utf8; *c != '\0'; c++)
    if ((guchar) *c < 0x20 || (guchar) *c > 0x7e)
      {
        _pm_pdf_append_text_string (out, utf8);
        return;
      }

  g_string_append_c (out, '(');
  for (const char *c = utf8; *c != '\0'; c++)
    {
      if (*c == '(' || *c == ')' || *c == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, ')');
}

static int
compare_dests (gconstpointer a,
               gconstpointer b)
{
  const Dest *x = *(Dest * const *) a, *y = *(Dest * const *) b;

  return strcmp (x->name, y->name);
}

/* The objects that are one for the whole document. */
static void
write_shared (Join         *join,
              const GArray *outline,
              double        page_height)
{
  char y[G_ASCII_DTOSTR_BUF_SIZE];
  guint n_items = outline != NULL ? outline->len : 0;

  begin_object (join, OBJ_CATALOG);
  g_string_append_printf (join->out,
                          "<< /Type /Catalog\n   /Pages %u 0 R\n   /StructTreeRoot %u 0 R\n"
                          "   /MarkInfo << /Marked true >>\n",
                          OBJ_PAGES, OBJ_STRUCT_ROOT);
  if (n_items > 0)
    g_string_append_printf (join->out, "   /Outlines %u 0 R\n", OBJ_OUTLINES);
  if (join->dests->len > 0)
    g_string_append_printf (join->out, "   /Names %u 0 R\n", OBJ_NAMES);
  g_string_append (join->out, ">>\nendobj\n");

  begin_object (join, OBJ_PAGES);
  g_string_append (join->out, "<< /Type /Pages\n   /Kids [");
  for (guint i = 0; i < join->kids->len; i++)
    g_string_append_printf (join->out, " %u 0 R", g_array_index (join->kids, guint, i));
  g_string_append_printf (join->out, " ]\n   /Count %u\n>>\nendobj\n", join->kids->len);

  begin_object (join, OBJ_STRUCT_ROOT);
  g_string_append_printf (join->out, "<< /Type /StructTreeRoot\n   /ParentTree %u 0 R\n"
                          "   /K [ %u 0 R ]\n>>\nendobj\n", OBJ_PARENT_TREE, OBJ_DOCUMENT);
  begin_object (join, OBJ_DOCUMENT);
  g_string_append_printf (join->out, "<< /Type /StructElem\n   /S /Document\n   /P %u 0 R\n"
                          "   /K [ %s ]\n>>\nendobj\n", OBJ_STRUCT_ROOT, join->document_kids->str);
  begin_object (join, OBJ_PARENT_TREE);
  g_string_append_printf (join->out, "<< /Nums [%s\n   ]\n>>\nendobj\n", join->nums->str);

  g_ptr_array_sort (join->dests, compare_dests);
  begin_object (join, OBJ_NAMES);
  g_string_append_printf (join->out, "<< /Dests %u 0 R >>\nendobj\n", OBJ_DESTS);
  begin_object (join, OBJ_DESTS);
  g_string_append (join->out, "<< /Names [");
  for (guint i = 0; i < join->dests->len; i++)
    {
      const Dest *dest = g_ptr_array_index (join->dests, i);

      g_string_append_printf (join->out, "\n   %s %s", dest->name, dest->value);
    }
  g_string_append (join->out, "\n  ]\n>>\nendobj\n");

  begin_object (join, OBJ_OUTLINES);
  g_string_append (join->out, "<< /Type /Outlines\n");
  if (n_items > 0)
    g_string_append_printf (join->out, "   /First %u 0 R\n   /Last %u 0 R\n   /Count %u\n",
                            OBJ_FIRST_ITEM, OBJ_FIRST_ITEM + n_items - 1, n_items);
  g_string_append (join->out, ">>\nendobj\n");

  for (guint i = 0; i < n_items; i++)
    {
      const PmReportOutlineEntry *entry = &g_array_index (outline, PmReportOutlineEntry, i);
      guint page = MIN (entry->page, join->kids->len - 1);

      begin_object (join, OBJ_FIRST_ITEM + i);
      g_string_append (join->out, "<< /Title ");
      append_pdf_string (join->out, entry->title);
      g_string_append_printf (join->out, "\n   /Parent %u 0 R\n", OBJ_OUTLINES);
      if (i > 0)
        g_string_append_printf (join->out, "   /Prev %u 0 R\n", OBJ_FIRST_ITEM + i - 1);
      if (i + 1 < n_items)
        g_string_append_printf (join->out, "   /Next %u 0 R\n", OBJ_FIRST_ITEM + i + 1);
      g_ascii_formatd (y, sizeof y, "%.4f", page_height - entry->y);
      g_string_append_printf (join->out, "   /Dest [%u 0 R /XYZ 0 %s 0]\n>>\nendobj\n",
                              g_array_index (join->kids, guint, page), y);
    }
}

static gboolean
write_xref (Join   *join,
            guint   info,
            GError **error)
{
  gsize at = join->written + join->out->len;

  g_string_append_printf (join->out, "xref\n0 %u\n0000000000 65535 f \n", join->offsets->len);
  for (guint i = 1; i < join->offsets->len; i++)
    g_string_append_printf (join->out, "%010" G_GSIZE_FORMAT " 00000 n \n",
                            g_array_index (join->offsets, gsize, i));
  g_string_append_printf (join->out, "trailer\n<< /Size %u\n   /Root %u 0 R\n", join->offsets->len, OBJ_CATALOG);
  if (info != 0)
    g_string_append_printf (join->out, "   /Info %u 0 R\n", info);
  g_string_append_printf (join->out, ">>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", at);

  return flush (join, TRUE, error);
}

static gboolean
join_part (Join        *join,
           const char  *path,
           guint        index,
           guint       *info,
           GError     **error)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, error);
  g_autoptr(GArray) offsets = g_array_new (FALSE, TRUE, sizeof (gsize));
  g_autoptr(GArray) dropped = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_autoptr(GArray) map = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autofree char *trailer = NULL;
  g_autofree char *catalog = NULL;
  g_autofree char *root_dict = NULL;
  Pdf pdf = { NULL, 0, offsets };
  Rewrite rw = { map, dropped, join->next_key, FALSE, NULL };
  const char *at;
  guint root, part_info, n_keys = 0;

  if (mapped == NULL)
    return FALSE;
  pdf.data = g_mapped_file_get_contents (mapped);
  pdf.length = g_mapped_file_get_length (mapped);

  at = pdf.length > 0 && _pm_pdf_read_xref (&pdf) ? _pm_pdf_find_last (&pdf, "trailer") : NULL;
  if (at != NULL)
    trailer = g_strndup (at, pdf.data + pdf.length - at);
  root = trailer != NULL ? _pm_pdf_dict_ref (trailer, "/Root ") : 0;
  part_info = trailer != NULL ? _pm_pdf_dict_ref (trailer, "/Info ") : 0;
  catalog = _pm_pdf_object_dict (&pdf, root);
  root_dict = catalog != NULL ? _pm_pdf_object_dict (&pdf, _pm_pdf_dict_ref (catalog, "/StructTreeRoot ")) : NULL;
  if (root_dict == NULL)
    goto invalid;

  g_array_set_size (dropped, offsets->len);
  g_array_set_size (map, offsets->len);
  mark_dropped (&pdf, catalog, root, part_info, index == 0, dropped);
  for (guint i = 1; i < offsets->len; i++)
    if (g_array_index (offsets, gsize, i) != 0 && !g_array_index (dropped, gboolean, i))
      g_array_index (map, guint, i) = join->next++;

  /* What the kept objects point at that is written anew. */
  g_array_index (map, guint, _pm_pdf_dict_ref (catalog, "/Pages ")) = OBJ_PAGES;
  g_array_index (map, guint, _pm_pdf_dict_ref (catalog, "/StructTreeRoot ")) = OBJ_STRUCT_ROOT;
  g_array_index (map, guint, _pm_pdf_dict_ref (root_dict, "/K [ ")) = OBJ_DOCUMENT;
  if (index == 0)
    *info = g_array_index (map, guint, part_info);

  if (!collect (join, &rw, &pdf, catalog, &n_keys) ||
      !copy_objects (join, &rw, &pdf, g_ascii_strtoull (_pm_pdf_find_last (&pdf, "startxref") + 9, NULL, 10),
                     error))
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      goto invalid;
    }

  join->next_key += n_keys;
  return TRUE;

invalid:
  {
    g_autofree char *name = g_filename_display_basename (path);

    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("The part “%s” of the PDF could not be read back to join it."), name);
    return FALSE;
  }
}

gboolean
_pm_report_pdf_join (const char * const *parts,
                     const GArray       *outline,
                     double              page_height,
                     PmSafeFile         *file,
                     GError            **error)
{
  Join join = { file, NULL, 0, NULL, NULL, NULL, NULL, NULL, 0, 0 };
  g_autoptr(GString) out = g_string_sized_new (FLUSH_SIZE + 65536);
  g_autoptr(GArray) offsets = g_array_new (FALSE, TRUE, sizeof (gsize));
  g_autoptr(GArray) kids = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) document_kids = g_string_new (NULL);
  g_autoptr(GString) nums = g_string_new (NULL);
  g_autoptr(GPtrArray) dests = g_ptr_array_new_with_free_func (dest_free);
  guint info = 0;

  join.out = out;
  join.offsets = offsets;
  join.kids = kids;
  join.document_kids = document_kids;
  join.nums = nums;
  join.dests = dests;
  join.next = OBJ_FIRST_ITEM + (outline != NULL ? outline->len : 0);

  /* The same header as cairo's, binary marker included. */
  g_string_append (out, "%PDF-1.5\n%\xb5\xed\xae\xfb\n");
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (document_kids, ' ');
      if (!join_part (&join, parts[i], i, &info, error))
        return FALSE;
    }

  if (kids->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The PDF has no pages to join."));
      return FALSE;
    }

  write_shared (&join, outline, page_height);
  return write_xref (&join, info, error);
}
