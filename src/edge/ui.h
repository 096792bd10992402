/*
 * ui.h - the terminal: curses start and stop, styles, keys, resize and
 * suspend, and text drawn to fit.
 *
 * ui.c and the draw*.c files are the only users of curses: the screens
 * (src/app) draw through them.  Nothing here
 * waits: the event loop (app/loop.c) polls the terminal and calls
 * ui_read_key(), ui_resize() and ui_suspend(); it frames each redraw with
 * ui_clear() and ui_show().  Signals are expected to be blocked and read
 * from a signalfd (sig.h), so curses' own handlers never run.
 */
#ifndef BACKCOACH_UI_H
#define BACKCOACH_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

enum ui_style {
	UI_NORMAL,
	UI_TITLE,               /* the routine's name, headings */
	UI_WORK,                /* hold, tempo phases, timers */
	UI_EASY,                /* get ready, relax, rest, switch sides */
	UI_PAUSED,              /* "Paused" */
	UI_CAUTION,             /* caution lines, errors */
	UI_DIM,                 /* key hints */
	UI_BAR,                 /* the filled part of a bar */
	UI_SELECT,              /* the selected row of a list */
	UI_BOLD,                /* a name in a list, the exercise's */
	UI_STYLE_COUNT
};

/* Starts curses on the terminal, in colour when color is true and the
 * terminal has colours, and sets die_cleanup so that every fatal path
 * restores the terminal.  Returns 0, or -1 with an error in d (no
 * terminal, or one curses cannot drive or that cannot move the cursor),
 * the terminal untouched. */
int ui_start(bool color, struct diags *d);
/* Whether the terminal of type term (TERM) can move the cursor to any
 * place, as a full screen needs: 0; when not, or when it is unknown, -1
 * with an error in d.  Writes nothing to the terminal (ui_term.c). */
int ui_term_check(const char *term, struct diags *d);
/* Restores the terminal; harmless when curses is not running. */
void ui_stop(void);
/* True when block characters may be drawn; false: ASCII only. */
bool ui_utf8(void);
/* True on the Linux console (TERM=linux...), whose font has code page
 * 437's lines and blocks but few other symbols: figures are drawn with
 * those (figure_console), and the bars' full and shaded blocks are. */
bool ui_console(void);
/* The curses attributes of a style (colour or monochrome). */
int ui_attr(enum ui_style st);
/* The same, dimmed and not bold (the countdown while paused). */
int ui_attr_dimmed(enum ui_style st);

/* Screen size. */
int ui_rows(void);
int ui_cols(void);
/* Takes the terminal's new size (ioctl TIOCGWINSZ) after SIGWINCH. */
void ui_resize(void);
/* Restores the terminal and stops the process (SIGTSTP); on SIGCONT,
 * takes curses back.  The caller redraws. */
void ui_suspend(void);
/* Rings the terminal bell (a flash where there is none): the stand-in for
 * a sound cue when there is no sound. */
void ui_bell(void);
/* Clears the screen for a full redraw / shows what was drawn. */
void ui_clear(void);
void ui_show(void);

/* The next key already typed, or 0 when none: a character or a KEYS_*
 * code (keys.h).  Never blocks. */
int ui_read_key(void);
/* Draws text at y,x within w columns, cut to fit.  Returns columns used. */
int ui_put(int y, int x, int w, int attr, const char *text);
/* As ui_put, but text wider than w is cut a column short and ended with
 * an ellipsis ("..." where the locale is not UTF-8). */
int ui_put_cut(int y, int x, int w, int attr, const char *text);
/* Draws text wrapped at word boundaries (a newline starts a new line) into w columns and at most
 * maxlines lines (the last cut with "..."); returns the lines used.  With
 * draw false, only counts. */
int ui_text(int y, int x, int w, int maxlines, int attr, const char *text,
    bool draw);
/* ui_text's lines skip.. of text, at most maxlines, drawn from row y;
 * returns the lines drawn. */
int ui_text_part(int y, int x, int w, int skip, int maxlines, int attr,
    const char *text);
/* Display width of a UTF-8 string. */
int ui_width(const char *text);
/* A box with a title, cleared inside; fills *iy, *ix, *iw with its
 * inside. */
void ui_box(int y, int x, int h, int w, const char *title, int *iy, int *ix,
    int *iw);

#endif
