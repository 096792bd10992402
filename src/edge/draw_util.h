/*
 * draw_util.h - pieces the screens share: bars, centred text, a footer of
 * key hints and the "too small" message.
 */
#ifndef BACKCOACH_DRAW_UTIL_H
#define BACKCOACH_DRAW_UTIL_H

/* A progress bar of w columns, frac (0-1) of it filled. */
void draw_bar(int y, int x, int w, double frac);
/* text centred on row y of a screen cols wide. */
void draw_centre(int y, int cols, int attr, const char *text);
/* The key hints of context ctx (keys_hints), dimmed, on row y. */
void draw_keys(int y, int cols, unsigned ctx);
/* "Terminal too small: need at least WxH", wrapped to fit. */
void draw_too_small(int min_cols, int min_rows);

#endif
