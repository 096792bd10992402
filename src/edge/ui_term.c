/*
 * ui_term.c - what the terminal can do, asked of its terminfo entry
 * before curses starts (ui.h).  A file of its own: <term.h> defines
 * macros (lines, columns, ...) that would clash with ui.c's names.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <term.h>
#include <unistd.h>

#include "ui.h"

/* Whether the terminal TERM names can move the cursor to any place
 * (terminfo's cup): a full screen is drawn with nothing else.  Asked of
 * the terminfo entry alone, before curses writes anything. */
int
ui_term_check(const char *term, struct diags *d)
{
	int err = 0;

	if (setupterm(term, STDOUT_FILENO, &err) != OK) {
		diags_add(d, DIAG_ERROR, NULL, 0, "cannot use the terminal (TERM=%s): "
		    "%s; set TERM to your terminal's type, such as xterm-256color "
		    "('toe -a' lists the types known here)", term ? term : "",
		    err == 0 ? "this system knows no terminal type of that name" :
		    "no terminfo database");
		return -1;
	}
	const char *cup = tigetstr("cup");
	bool can = cup != NULL && cup != (char *)-1;
	del_curterm(cur_term);
	if (!can)
		diags_add(d, DIAG_ERROR, NULL, 0, "this terminal (TERM=%s) cannot move "
		    "the cursor; run backcoach in one that can, or set TERM to your "
		    "terminal's type (such as xterm-256color)", term ? term : "");
	return can ? 0 : -1;
}
