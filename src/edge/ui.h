/*
 * ui.h - the terminal: curses start and stop, styles, keys, resize and
 * suspend, and small blocking modal widgets for the screens before and
 * after a session.
 *
 * ui.c and the draw*.c files are the only users of curses.  Everything
 * here assumes sig_init() has run, so that signals arrive on sig_fd().
 */
#ifndef BACKCOACH_UI_H
#define BACKCOACH_UI_H

#include <stdbool.h>
#include <stddef.h>

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
	UI_STYLE_COUNT
};

/* Starts curses on the terminal (dies when it cannot) and sets
 * die_cleanup so that every fatal path restores the terminal. */
void ui_start(void);
/* Restores the terminal; harmless when curses is not running. */
void ui_stop(void);
bool ui_active(void);
/* True when block characters may be drawn; false: ASCII only. */
bool ui_utf8(void);
/* The curses attributes of a style (colour or monochrome). */
int ui_attr(enum ui_style st);

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
/*
 * Waits for a key.  Returns KEYS_RESIZE after a resize or a suspend (the
 * caller redraws).  SIGINT, SIGTERM and SIGHUP call ui_signal_hook (when
 * set), restore the terminal and exit with 128 + the signal number.
 */
int ui_wait_key(void);
extern void (*ui_signal_hook)(int signo);

/* Draws text at y,x within w columns, cut to fit.  Returns columns used. */
int ui_put(int y, int x, int w, int attr, const char *text);
/* Draws text wrapped at word boundaries (a newline starts a new line) into w columns and at most
 * maxlines lines (the last cut with "..."); returns the lines used.  With
 * draw false, only counts. */
int ui_text(int y, int x, int w, int maxlines, int attr, const char *text,
    bool draw);
/* Display width of a UTF-8 string. */
int ui_width(const char *text);
/* A box with a title, cleared inside; fills *iy, *ix, *iw with its
 * inside. */
void ui_box(int y, int x, int h, int w, const char *title, int *iy, int *ix,
    int *iw);

/* Modal widgets: each clears the screen, draws itself, survives resizes
 * and suspends, and returns when answered. */
/* Digits and Enter: 1 with *out set; Enter alone or Esc skips: 0. */
int ui_prompt_number(const char *question, int lo, int hi, int *out);
/* A line of text and Enter: 1 with buf set; Enter alone or Esc: 0. */
int ui_prompt_line(const char *question, char *buf, size_t len);
/* y: 1; n or Esc: 0.  detail (or NULL) is wrapped under the question. */
int ui_ask_yes_no(const char *question, const char *detail);
/* Wrapped text; any key continues. */
void ui_message(const char *title, const char *text);

#endif
