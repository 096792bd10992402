/*
 * routine_text.h - one value of a routine file changed in its text,
 * leaving every other byte (comments, layout) as the person wrote it.
 *
 * Part of the pure core: it works on the text, not through libconfig,
 * which would write the file back without its comments.
 */
#ifndef BACKCOACH_ROUTINE_TEXT_H
#define BACKCOACH_ROUTINE_TEXT_H

#include <stddef.h>

/*
 * The text with the value of setting `name` on line `line` (1-based; where
 * the loader found it) replaced by `value`, such as "[6, 4, 2]".  The value
 * must start on that line; it ends with ';' or ',' (or the group's '}', or
 * the end of a line, since libconfig needs no ';'), and an array or list
 * may run on over lines, with comments and strings in it.
 * Malloc'd, its length in *outlen; NULL when the line holds no such
 * setting (or out of memory).
 */
char *routine_text_set(const char *text, size_t len, int line,
    const char *name, const char *value, size_t *outlen);

#endif
