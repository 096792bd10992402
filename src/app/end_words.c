/*
 * end_words.c - the words under the summary's counts (end_words.h).
 */
#include "end_words.h"

#include <stdbool.h>
#include <stdlib.h>

#include "dosing.h"
#include "progress.h"
#include "history_stats.h"
#include "programme_day.h"
#include "safety.h"
#include "store.h"
#include "util.h"
#include "wall.h"

char *
end_words(const struct settings *set, const struct routine *r,
    enum hist_kind kind, const struct hist_session *rec, bool gently)
{
	struct hstats st;
	struct diags d = { 0 };
	char pain[512], see[512] = "";

	history_pain_summary(rec->pain_before, rec->pain_after, pain,
	    sizeof pain);
	store_stats(set->history, &st, 1, wall_day(wall_now()), &d);
	if (safety_not_improving(&st.trend))
		safety_not_improving_say(&st.trend, see, sizeof see);
	hstats_free(&st);
	diags_free(&d);
	char *next = xstrdup("");
	if (kind == HK_EXERCISE) {
		struct dosing dz;
		dosing_plan(&dz, r, set->history, wall_day(wall_now()), &d);
		/* never "less" and "more", nor "more once the morning is
		 * known", on one screen */
		bool more = dz.dir > 0 || dz.advice.what == PROGRESS_WAIT;
		if (!(gently && more)) {
			free(next);
			next = dosing_text(&dz, r);
		}
		dosing_free(&dz);
		diags_free(&d);
	}
	char *prog = kind == HK_EXERCISE ? prog_day_summary(set) : NULL;
	char *words = xasprintf("%s%s%s%s%s%s%s%s%s", pain,
	    gently && *pain ? " " : "", gently ? "You reported pain of 4 or 5: "
	    "do a little less next time." : "", *see ? " " : "", see,
	    *next ? "\n\n" : "", next, prog ? "\n\n" : "", prog ? prog : "");
	free(next);
	free(prog);
	return words;
}
