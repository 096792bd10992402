/*
 * draw_util.h - pieces the screens share: bars, centred text, a footer of
 * key hints and the "too small" message.
 */
#ifndef BACKCOACH_DRAW_UTIL_H
#define BACKCOACH_DRAW_UTIL_H

#include <stddef.h>

/* A progress bar of w columns, frac (0-1) of it filled. */
void draw_bar(int y, int x, int w, double frac);
/* text centred on row y of a screen cols wide. */
void draw_centre(int y, int cols, int attr, const char *text);
/* The key hints of context ctx (keys_hints), dimmed, on row y. */
void draw_keys(int y, int cols, unsigned ctx);
/* A line being typed, after prefix ("> "), in w columns from y,x, its
 * cursor at byte offset cursor (draw_prompt.c). */
void draw_typed(int y, int x, int w, const char *prefix, const char *input,
    size_t cursor);
/* "(3 more above, 12 more below)", dimmed, at y,x in w columns: what a
 * list or a page that does not fit leaves out; nothing when nothing is. */
void draw_more(int y, int x, int w, int above, int below);
/* "Terminal too small: need at least WxH", wrapped to fit. */
void draw_too_small(int min_cols, int min_rows);

#endif
