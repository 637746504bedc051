/* pm-json-check.c: is the text strict JSON, within sane limits?
 *
 * json-glib 1.6 accepts comments, single quotes, hexadecimal numbers and
 * trailing junk, and overflows its stack on deep nesting: this small
 * non-recursive scanner runs first so that only RFC 8259 JSON reaches it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gi18n.h>

#include "pm-programme-file-private.h"

typedef struct
{
  char  kind;       /* '{' or '[' */
  guint index;
  gsize path_len;
} Frame;

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  GString    *path;
  Frame       stack[PM_FILE_MAX_DEPTH];
  guint       depth;
} Checker;

/* RFC 8259's four: a switch, as files are mostly indentation. */
static inline gboolean
is_json_space (char ch)
{
  return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
}

static gboolean
checker_syntax_error (Checker    *c,
                      const char *problem,
                      GError    **error)
{
  guint line = 1;
  guint column = 1;

  for (gsize i = 0; i < c->pos && i < c->length; i++)
    {
      if (c->data[i] == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) c->data[i] & 0xC0) != 0x80)
        column++;
    }

  if (c->pos >= c->length)
    {
      gboolean blank = TRUE;

      for (gsize i = 0; i < c->length && blank; i++)
        blank = is_json_space (c->data[i]);
      problem = blank ? _("the file is empty") : _("the file ends too early");
    }

  g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_MALFORMED,
               _("line %u, column %u: %s (this is not valid JSON)"),
               line, column, problem);
  return FALSE;
}

static gboolean
checker_limit_error (Checker    *c,
                     const char *problem,
                     GError    **error)
{
  g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_INVALID,
               "%s: %s", _pm_file_location (c->path), problem);
  return FALSE;
}

static char
checker_peek (Checker *c)
{
  return c->pos < c->length ? c->data[c->pos] : '\0';
}

static void
checker_skip_space (Checker *c)
{
  while (c->pos < c->length && is_json_space (c->data[c->pos]))
    c->pos++;
}

static int
checker_hex4 (Checker *c)
{
  int value = 0;

  if (c->length - c->pos < 4)
    return -1;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (c->data[c->pos + i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  c->pos += 4;
  return value;
}

/* At a '"': skips the string, giving back its raw (escaped) text. */
static gboolean
checker_string (Checker     *c,
                const char **raw,
                gsize       *raw_len,
                GError     **error)
{
  gsize start = ++c->pos;

  for (;;)
    {
      guchar ch;

      if (c->pos >= c->length)
        return checker_syntax_error (c, NULL, error);

      ch = c->data[c->pos];
      if (ch == '"')
        break;
      if (ch < 0x20)
        return checker_syntax_error (c, _("a control character inside text (a line break must be written \\n)"), error);

      c->pos++;
      if (ch != '\\')
        continue;

      ch = checker_peek (c);
      if (ch != '\0' && strchr ("\"\\/bfnrt", ch) != NULL)
        c->pos++;
      else if (ch == 'u')
        {
          int code;

          c->pos++;
          code = checker_hex4 (c);
          if (code < 0)
            return checker_syntax_error (c, _("“\\u” must be followed by four hexadecimal digits"), error);
          if (code == 0)
            return checker_limit_error (c, _("text must not contain the character \\u0000"), error);
          if (code >= 0xDC00 && code <= 0xDFFF)
            return checker_syntax_error (c, _("an unpaired surrogate in a \\u escape"), error);
          if (code >= 0xD800 && code <= 0xDBFF)
            {
              if (c->length - c->pos < 2 || c->data[c->pos] != '\\' || c->data[c->pos + 1] != 'u')
                return checker_syntax_error (c, _("an unpaired surrogate in a \\u escape"), error);
              c->pos += 2;
              code = checker_hex4 (c);
              if (code < 0xDC00 || code > 0xDFFF)
                return checker_syntax_error (c, _("an unpaired surrogate in a \\u escape"), error);
            }
        }
      else
        return checker_syntax_error (c, _("an unknown escape after “\\” in text"), error);
    }

  /* Each field's own limit is checked as it is read; this only keeps a
   * text longer than any field's out of the parser. */
  if (c->pos - start > PM_FILE_MAX_STRING)
    return checker_limit_error (c, _("the text is longer than any text Pilot Monitor keeps"), error);
  if (!g_utf8_validate_len (c->data + start, c->pos - start, NULL))
    return checker_syntax_error (c, _("text that is not UTF-8"), error);

  if (raw != NULL)
    {
      *raw = c->data + start;
      *raw_len = c->pos - start;
    }
  c->pos++;
  return TRUE;
}

static gboolean
checker_digits (Checker *c)
{
  gsize start = c->pos;

  while (g_ascii_isdigit (checker_peek (c)))
    c->pos++;
  return c->pos > start;
}

static gboolean
checker_number (Checker *c,
                GError **error)
{
  gsize start = c->pos;
  gsize int_digits;
  gboolean integral = TRUE;

  if (checker_peek (c) == '-')
    c->pos++;
  if (checker_peek (c) == '0')
    c->pos++;
  else if (!checker_digits (c))
    return checker_syntax_error (c, _("expected a digit"), error);
  int_digits = c->pos - start - (c->data[start] == '-');

  if (checker_peek (c) == '.')
    {
      c->pos++;
      integral = FALSE;
      if (!checker_digits (c))
        return checker_syntax_error (c, _("expected a digit after the decimal point"), error);
    }
  if (checker_peek (c) == 'e' || checker_peek (c) == 'E')
    {
      c->pos++;
      integral = FALSE;
      if (checker_peek (c) == '+' || checker_peek (c) == '-')
        c->pos++;
      if (!checker_digits (c))
        return checker_syntax_error (c, _("expected a digit in the exponent"), error);
    }

  if (integral && int_digits > PM_FILE_MAX_INT_DIGITS)
    return checker_limit_error (c, _("the number is too large"), error);
  return TRUE;
}

/* At a member name: reads it and the colon, and extends the path. */
static gboolean
checker_member (Checker *c,
                GError **error)
{
  const char *raw;
  gsize raw_len;

  if (checker_peek (c) != '"')
    return checker_syntax_error (c, _("expected a field name in double quotes"), error);
  if (!checker_string (c, &raw, &raw_len, error))
    return FALSE;
  checker_skip_space (c);
  if (checker_peek (c) != ':')
    return checker_syntax_error (c, _("expected “:” after a field name"), error);
  c->pos++;
  checker_skip_space (c);

  if (c->path->len > 0)
    g_string_append_c (c->path, '.');
  g_string_append_len (c->path, raw, raw_len);
  return TRUE;
}

static gboolean
checker_literal (Checker *c)
{
  static const char * const literals[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize len = strlen (literals[i]);

      if (c->length - c->pos >= len && memcmp (c->data + c->pos, literals[i], len) == 0)
        {
          c->pos += len;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
_pm_json_check (const char *data,
                gsize       length,
                GError    **error)
{
  g_autoptr(GString) path = g_string_new (NULL);
  Checker c = { data, length, 0, path, { { 0, 0, 0 } }, 0 };

  checker_skip_space (&c);
  for (;;)
    {
      char ch = checker_peek (&c);

      /* A value starts here. */
      if (ch == '{' || ch == '[')
        {
          Frame *frame;

          if (c.depth == PM_FILE_MAX_DEPTH)
            return checker_limit_error (&c, _("nested too deeply"), error);
          frame = &c.stack[c.depth++];
          frame->kind = ch;
          frame->index = 0;
          frame->path_len = c.path->len;
          c.pos++;
          checker_skip_space (&c);

          if (checker_peek (&c) == (ch == '{' ? '}' : ']'))
            {
              c.pos++;
              c.depth--;
            }
          else if (ch == '{')
            {
              if (!checker_member (&c, error))
                return FALSE;
              continue;
            }
          else
            {
              g_string_append (c.path, "[0]");
              continue;
            }
        }
      else if (ch == '"')
        {
          if (!checker_string (&c, NULL, NULL, error))
            return FALSE;
        }
      else if (ch == '-' || g_ascii_isdigit (ch))
        {
          if (!checker_number (&c, error))
            return FALSE;
        }
      else if (!checker_literal (&c))
        return checker_syntax_error (&c, _("expected a value (text in double quotes, a number, true, false, null, an object or a list)"), error);

      /* The value is complete: close what it completes. */
      for (;;)
        {
          Frame *frame;

          checker_skip_space (&c);
          if (c.depth == 0)
            {
              if (c.pos < c.length)
                return checker_syntax_error (&c, _("more text after the end of the data"), error);
              return TRUE;
            }

          frame = &c.stack[c.depth - 1];
          g_string_truncate (c.path, frame->path_len);
          ch = checker_peek (&c);
          if (ch == ',')
            {
              c.pos++;
              checker_skip_space (&c);
              if (frame->kind == '{')
                {
                  if (!checker_member (&c, error))
                    return FALSE;
                }
              else
                g_string_append_printf (c.path, "[%u]", ++frame->index);
              break;
            }
          else if (ch == (frame->kind == '{' ? '}' : ']'))
            {
              c.pos++;
              c.depth--;
            }
          else
            return checker_syntax_error (&c, frame->kind == '{'
                                             ? _("expected “,” or “}”")
                                             : _("expected “,” or “]”"), error);
        }
    }
}
