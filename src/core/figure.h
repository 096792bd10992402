/*
 * figure.h - a figure: text art that shows an exercise's pose, one frame
 * per phase or role, read from a small text file (FIGURES in
 * backcoach-routine(5)).
 *
 * Part of the pure core.  figure_load.c reads the file; this parses and
 * validates its text, picks the frame for what the screen shows, and
 * (figure_art.c) makes each character's ASCII stand-in and mirror image,
 * so that a figure is drawn once and shown on any terminal.
 */
#ifndef BACKCOACH_FIGURE_H
#define BACKCOACH_FIGURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

#define FIGURE_MAX_ROWS    12           /* rows of a frame */
#define FIGURE_MAX_COLS    30           /* columns of a frame */
#define FIGURE_MAX_FRAMES  8            /* frames, mirrored ones too */
#define FIGURE_MAX_MIRRORS 4            /* mirror lines */
#define FIGURE_MAX_NAME    80           /* characters of the name line */
#define FIGURE_MAX_LABEL   40           /* characters of a frame label */
#define FIGURE_MAX_ID      40           /* characters of a figure's id */
#define FIGURE_MAX_BYTES   (64 * 1024)  /* a figure file */

struct figure_frame {
	char *label;                    /* "hold left", or NULL */
	char *rows[FIGURE_MAX_ROWS];    /* UTF-8, no trailing spaces */
	int nrows;
	int width;                      /* of the widest row, in columns */
	int line;                       /* the frame line (or mirror line) */
	bool mirrored;                  /* made by a mirror line */
};

struct figure {
	char *id;                       /* the file name without .fig */
	char *path;                     /* the file, as reported */
	char *name;                     /* its name line */
	struct figure_frame frames[FIGURE_MAX_FRAMES];
	int nframes;
	int width, height;              /* of the widest and tallest frame */
};

/*
 * Parses and validates the text of figure file `path` (len bytes) into f,
 * appending every problem as "path:LINE: error: ..." to d.  Returns 0
 * when f may be drawn, -1 when d has its errors.  f is always initialised;
 * free it with figure_free().
 */
int figure_parse(struct figure *f, const char *text, size_t len,
    const char *path, struct diags *d);
void figure_free(struct figure *f);

/* Whether id may name a figure (a file name: letters, digits, '-', '_',
 * '.', not starting with '.', at most FIGURE_MAX_ID characters); when not,
 * *why (if not NULL) says why. */
bool figure_id_ok(const char *id, const char **why);

/*
 * The frame for a step: its role word ("ready", "hold", "relax", "rest",
 * "time", or NULL for a tempo phase), its phase word (a tempo phase's
 * word, or NULL), its side (0 none, 1 the first, "left", 2 the second,
 * "right") and its rep (0 none; odd reps are "odd", even ones "even").
 * The frame whose label's words are all among the step's, the one with
 * most words; when none is, the one with most words in common and fewest
 * not; the first of equals.
 */
const struct figure_frame *figure_pick(const struct figure *f,
    const char *role, const char *phase, int side, int rep);

/* figure_art.c: each character's ASCII stand-in and mirror image. */

/* Whether c may be drawn in a figure: printable ASCII, box drawing, block
 * elements, geometric shapes, arrows and a few more, each one column wide
 * and with an ASCII stand-in. */
bool figure_char_ok(uint32_t c);
/* The ASCII stand-in of a character figure_char_ok() takes. */
char figure_ascii_char(uint32_t c);
/* The character facing the other way ('/' for '\', '┐' for '┌'), or c. */
uint32_t figure_mirror_char(uint32_t c);
/* Row s in ASCII, into out (cap bytes, NUL-terminated when cap > 0);
 * returns the length it needs, like snprintf. */
size_t figure_ascii(const char *s, char *out, size_t cap);
/* The character the Linux console's font has for c: c itself when the
 * font has it (code page 437's light and double lines, blocks), the light
 * line of a heavy, dashed or rounded one, else its ASCII stand-in. */
uint32_t figure_console_char(uint32_t c);
/* Row s in the console's characters (figure_console_char), UTF-8, into
 * out as figure_ascii does; returns the length it needs. */
size_t figure_console(const char *s, char *out, size_t cap);
/* Row s mirrored within width columns (padded to it first): malloc'd, or
 * NULL when out of memory. */
char *figure_mirror_row(const char *s, int width);

/*
 * The frames of f side by side, as many as fit in cols columns a band
 * (each frame padded to its width, 3 columns apart, the bottoms level),
 * with each frame's label under it; ASCII when ascii; the mirrored ones
 * too when mirrored.  Lines end in '\n'.  Malloc'd, or NULL when out of
 * memory.
 */
char *figure_render(const struct figure *f, bool ascii, int cols,
    bool mirrored);

#endif
