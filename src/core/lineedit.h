/*
 * lineedit.h - a line of text being typed, with a cursor: what the
 * number and note prompts edit.
 *
 * Part of the pure core.  The text is UTF-8 in a buffer of fixed size; the
 * cursor is a byte offset that always stands on a character boundary, so
 * no edit ever cuts a character in half.  Words (Ctrl-W) are separated by
 * spaces.
 */
#ifndef BACKCOACH_LINEEDIT_H
#define BACKCOACH_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keys.h"

struct line_edit {
	char *buf;              /* the text, NUL-terminated */
	size_t cap;             /* bytes buf holds, its NUL included */
	size_t cur;             /* the cursor: a byte offset into buf */
};

/* Starts an empty line in buf (cap bytes, at least 1). */
void line_init(struct line_edit *e, char *buf, size_t cap);

/* Inserts code point c at the cursor and moves past it; false (nothing
 * changed) when it does not fit, or is not a valid code point. */
bool line_insert(struct line_edit *e, uint32_t c);

/* The cursor one character left or right, to the start or the end. */
void line_left(struct line_edit *e);
void line_right(struct line_edit *e);
void line_to_start(struct line_edit *e);
void line_to_end(struct line_edit *e);

/* Deletes the character before the cursor (Backspace), under it
 * (Delete), everything before it (Ctrl-U), or the word before it and the
 * spaces between that word and the cursor (Ctrl-W). */
void line_backspace(struct line_edit *e);
void line_delete(struct line_edit *e);
void line_kill_before(struct line_edit *e);
void line_kill_word(struct line_edit *e);

/* Does the editing action a (keys.h: Left, Right, Home, End, Backspace,
 * Delete, Ctrl-U, Ctrl-W) to the line; false, nothing done, for any other
 * action.  The one table of them, for every typed line. */
bool line_act(struct line_edit *e, enum action a);

#endif
