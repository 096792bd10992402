/*
 * draw_util.h - pieces the screens share: bars, centred text, the key
 * help overlay, a question overlay and the "too small" message.
 */
#ifndef BACKCOACH_DRAW_UTIL_H
#define BACKCOACH_DRAW_UTIL_H

/* A progress bar of w columns, frac (0-1) of it filled. */
void draw_bar(int y, int x, int w, double frac);
/* text centred on row y of a screen cols wide. */
void draw_centre(int y, int cols, int attr, const char *text);
/* The key bindings of a keys.h context, in a box over the screen. */
void draw_help(unsigned ctx);
/* A question in a box over the screen: the question, a detail wrapped
 * under it, and the keys that answer it. */
void draw_question(const char *question, const char *detail,
    const char *keys);
/* "Terminal too small: need at least WxH", wrapped to fit. */
void draw_too_small(int min_cols, int min_rows);

#endif
