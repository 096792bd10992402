/*
 * ui_demo.c - drives the dialogs of screen_dialog.h for tests/ui/ui.sh: asks
 * a number, a line and a yes/no, shows a message, then prints the answers
 * on stdout after the terminal is restored.  They run on the real event
 * loop, as in the program.
 */
#include <stdio.h>

#include "loop.h"
#include "screen_dialog.h"
#include "sig.h"
#include "ui.h"

int
main(void)
{
	struct diags d = { 0 };
	struct loop l;
	int pain = -1;
	bool yes = false;
	char note[100] = "";

	if (sig_init() != 0 || ui_start(true, &d) != 0 || loop_open(&l, NULL) != 0)
		return 1;
	enum screen_end got_pain = dialog_number(&l, KC_INPUT, "Pain now, 0-10?",
	    0, 10, &pain);
	enum screen_end got_note = dialog_line(&l, "A note?", note, sizeof note);
	dialog_yes_no(&l, KC_YESNO, "Any numbness?", "Answer y or n.", NULL, &yes);
	dialog_message(&l, "Done", "Thank you. This is a longer text that is "
	    "wrapped over several lines when the screen is narrow enough for it.");
	loop_close(&l);
	ui_stop();
	/* pain=0/-1: skipped, with Enter alone (-1) or Esc */
	printf("pain=%d/%d note=%d/%s yes=%d\n", got_pain == SCREEN_DONE && pain >= 0,
	    pain,
	    got_note == SCREEN_DONE, note, yes);
	return 0;
}
