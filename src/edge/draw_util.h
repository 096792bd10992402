/*
 * draw_util.h - pieces the screens share: bars, centred text, a row in
 * one style, big digits, a figure's frame, a footer of key hints and the
 * "too small" message.  None knows which screen it is drawn on.
 */
#ifndef BACKCOACH_DRAW_UTIL_H
#define BACKCOACH_DRAW_UTIL_H

#include <stddef.h>

struct figure;
struct figure_frame;

/* A progress bar of w columns, frac (0-1) of it filled. */
void draw_bar(int y, int x, int w, double frac);
/* Row y from x, w columns of it, blank in attr (a selected row's
 * reverse video, across the whole row). */
void draw_fill(int y, int x, int w, int attr);
/* Big digits ('0'-'9' and ':'), in block characters ('#' without UTF-8):
 * DRAW_BIG_ROWS * scale rows high.  draw_big_width: the columns of s. */
#define DRAW_BIG_ROWS 5
int draw_big_width(const char *s, int scale);
void draw_big(int y, int x, int attr, const char *s, int scale);
/* Frame fr of figure f in f's box (its widest and tallest frame), the
 * box's top left corner at y,x; the frame stands on the box's bottom, so
 * the floor stays level as frames change (draw_figure.c). */
void draw_figure_frame(const struct figure *f, const struct figure_frame *fr,
    int y, int x);
/* A figure in the rows from *y to end (exclusive) of a block that needs
 * need_rows x need_cols: beside the block (to its right) when the block
 * keeps need_cols, and the columns it keeps are returned; else above it,
 * when need_rows are left below, and *y is moved below the figure; else
 * not at all.  Returns the block's columns (cols when not beside). */
int draw_figure_place(const struct figure *f, const struct figure_frame *fr,
    int *y, int end, int cols, int need_rows, int need_cols);
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
