/*
 * cmd_risk_factors.c - `backcoach risk-factors`: the risk factors asked
 * again, on the same page as before the first session (read to its end
 * before Enter counts), marked as the settings hold them.  The answer
 * replaces the risk_factors value of the settings file in place
 * (settings_save: the rest of the file, comments too, kept as it was).
 * A risk factor added brings its red-flag questions before the next
 * session, whenever they were last answered.  A settings file with
 * problems is said first, as the coach says it; one the loader refuses
 * is never written (settings_save), and the command says so.
 */
#include <stdio.h>

#include "cmd.h"
#include "coach_life.h"
#include "screen_dialog.h"
#include "screen_redflag.h"
#include "settings.h"
#include "util.h"

/* "cancer, age50", or "none", into out. */
static void
risk_words(unsigned risks, char *out, size_t len)
{
	size_t n = 0;

	out[0] = '\0';
	for (int i = 0; i < SAFETY_RISK_COUNT && n < len; i++)
		if (risks & (1u << i))
			n += (size_t)snprintf(out + n, len - n, "%s%s", n ? ", " : "",
			    safety_risk_factors[i].id);
	if (n == 0)
		snprintf(out, len, "none");
}

/* After the page: the answer saved and said.  The exit status. */
static int
save(const struct settings *set, unsigned risks)
{
	struct diags d = { 0 };
	char words[160];

	risk_words(risks, words, sizeof words);
	if (set->risk_factors_known && risks == set->risk_factors) {
		printf("Risk factors unchanged: %s.\n", words);
		return 0;
	}
	if (settings_save_risks(set->file, risks, &d) != 0) {
		cmd_print_diags(&d);
		diags_free(&d);
		warn("risk-factors: not saved; your settings are as they were");
		return 1;
	}
	diags_free(&d);
	printf("Risk factors saved in %s: %s.\n", cmd_safe(set->file), words);
	if (risks & ~(set->risk_factors_known ? set->risk_factors : 0u)) {
		redflag_forget();
		printf("The warning-sign questions are asked before your next "
		    "session, with the ones these add.\n");
	}
	return 0;
}

int
cmd_risk_factors(const struct settings *set, int argc, char **argv)
{
	struct coach c;
	unsigned risks = 0;

	if (cmd_no_args(argc, argv) != 0)
		return EXIT_USAGE;
	if (coach_open(&c, set) != 0)
		return 1;
	enum screen_end e = SCREEN_DONE;
	if (set->warnings != NULL)      /* printed, and covered by the screen */
		e = dialog_message(&c.loop, "Problems in your settings: the "
		    "defaults are used for these", set->warnings);
	if (e == SCREEN_DONE)
		e = redflag_risks_again(&c.loop, set, &risks);
	int signo = c.loop.signo;
	coach_close(&c);
	if (e == SCREEN_SIGNAL)
		return 128 + signo;
	if (e != SCREEN_DONE) {
		printf("Nothing changed: your risk factors are as they were.\n");
		return 0;
	}
	return save(set, risks);
}
