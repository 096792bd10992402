/*
 * ui_demo.c - drives the modal widgets of ui.h for tests/ui.sh: asks a
 * number, a line and a yes/no, shows a message, then prints the answers
 * on stdout after the terminal is restored.
 */
#include <stdio.h>

#include "cmd.h"
#include "settings.h"
#include "sig.h"
#include "ui.h"

struct options opts;

int
main(void)
{
	int pain = -1, yes;
	char note[100] = "";
	int got_pain, got_note;

	settings_defaults(&settings);
	sig_init();
	ui_start();
	got_pain = ui_prompt_number("Pain now, 0-10?", 0, 10, &pain);
	got_note = ui_prompt_line("A note?", note, sizeof note);
	yes = ui_ask_yes_no("Any numbness?", "Answer y or n.");
	ui_message("Done", "Thank you. This is a longer text that is wrapped "
	    "over several lines when the screen is narrow enough for it.");
	ui_stop();
	printf("pain=%d/%d note=%d/%s yes=%d\n", got_pain, pain, got_note, note,
	    yes);
	return 0;
}
