/*
 * text.h - text that came from a file (a routine, the settings, the
 * history) or a command line: checked, counted, and made safe to print.
 *
 * Part of the pure core.  A terminal obeys the control characters in what
 * it is sent, so nothing from a file reaches one unescaped: the loaders
 * refuse text with control characters or bytes that are not UTF-8
 * (text_check), and everything printed goes through text_escape, which
 * writes them visibly instead, the way ls(1) and git(1) do.
 */
#ifndef BACKCOACH_TEXT_H
#define BACKCOACH_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The code point at s (n bytes left) in strict UTF-8: no overlong forms,
 * no surrogates, nothing above U+10FFFF.  Its length (1-4), or 0 when s
 * does not start with a valid sequence. */
size_t text_utf8(const char *s, size_t n, uint32_t *cp);

/* Whether code point c is a control character: C0 (below U+0020), DEL or
 * C1 (U+0080-U+009F). */
bool text_is_control(uint32_t c);

/* Whether code point c is a bidirectional formatting character (an
 * embedding, override, isolate or mark): it makes text read in another
 * order than its bytes. */
bool text_is_bidi(uint32_t c);

/* Whether s is valid UTF-8 without control characters, but for those in
 * `allowed` ("\n": line breaks).  When not, *why (if not NULL) gets a few
 * words: "is not valid UTF-8", "holds a control character". */
bool text_check(const char *s, const char *allowed, const char **why);

/* The number of characters (code points) of s; a byte that is not UTF-8
 * counts as one. */
size_t text_chars(const char *s);

/*
 * s made safe for a terminal, into out (cap bytes, NUL-terminated when cap
 * > 0); returns the length it needs, like snprintf.  ESC is written \e,
 * other control characters \xNN (C1 too: \x9b), the bidirectional
 * overrides and isolates \uNNNN, a byte that is not UTF-8 '?'.  Printable
 * text and line breaks pass unchanged; a tab is written \t, since it
 * would throw a column out.
 */
size_t text_escape(const char *s, char *out, size_t cap);

/*
 * Display widths, for the columns the program aligns.  The core may not
 * depend on the locale (nothing here calls setlocale, and `list` or
 * `stats` run in whatever locale they are given), so the width of a code
 * point comes from a table of its own, made from glibc's wcwidth(3) in
 * C.UTF-8 (Unicode 15) rather than asked of the locale: 0 for combining
 * marks and other zero-width characters, 2 for East Asian wide and
 * fullwidth characters and emoji, 1 for the rest.  Controls (below
 * U+0300) count 1: text_escape or curses writes them visibly.
 */
int text_cp_width(uint32_t c);

/* The columns s takes; a byte that is not UTF-8 counts 1 (shown as ?). */
int text_width(const char *s);

/*
 * s fitted to exactly cols columns, into out (cap bytes, NUL-terminated
 * when cap > 0): when wider, cut on a character boundary and ended with
 * "\u2026" (an ellipsis; a wide character that would straddle the cut is
 * replaced by a space); when narrower, padded with spaces after it, or
 * before it when right is true.  cols <= 0 gives "".  Returns the length
 * it needs, like snprintf: at most strlen(s) + cols + 3.
 */
size_t text_fit(const char *s, int cols, bool right, char *out, size_t cap);

/* src copied into dst (cap bytes, cap > 0), cut at cap - 1 bytes: what
 * snprintf(dst, cap, "%s", src) does, at a tenth of the cost (the
 * history reader copies a few strings of every record). */
void text_copy(char *dst, size_t cap, const char *src);

/* Splits line (len bytes; line[len] must be writable) at TABs into at
 * most max fields (max >= 1), each NUL-terminated in place, f[i] the
 * i-th; returns the count, max + 1 when there are more, or -1 when the
 * line holds a NUL byte (nothing that reads it should go on). */
int text_split_tabs(char *line, size_t len, char **f, int max);
/* The same, and *plain set when every byte is printable ASCII or TAB with
 * no backslash: then no field has an escape to undo or a byte to check
 * (the history reader's most lines).  A machine without SSE2 says false,
 * which is only slower. */
int text_split_plain(char *line, size_t len, char **f, int max, bool *plain);

#endif
