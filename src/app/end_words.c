/*
 * end_words.c - the words under the summary's counts (end_words.h).
 */
#include "end_words.h"

#include <stdbool.h>
#include <stdlib.h>

#include "dosing.h"
#include "history_stats.h"
#include "programme_day.h"
#include "progress.h"
#include "safety.h"
#include "sbuf.h"
#include "store.h"
#include "util.h"
#include "wall.h"

char *
end_words(const struct settings *set, const struct routine *r,
    enum hist_kind kind, const struct hist_session *rec, bool gently)
{
	struct hstats st;
	struct diags d = { 0 };
	char pain[512], see[1024] = "";
	const char *severe = safety_pain_after(rec->pain_after);

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
		/* never "less" or "see a GP" beside "more", nor beside "more
		 * once the morning is known" */
		bool more = dz.dir > 0 || dz.advice.what == PROGRESS_WAIT;
		if (!((gently || severe) && more)) {
			free(next);
			next = dosing_text(&dz, r);
		}
		dosing_free(&dz);
		diags_free(&d);
	}
	char *prog = kind == HK_EXERCISE ? prog_day_summary(set) : NULL;
	const char *part[] = { pain, gently ? "You reported pain of 4 or 5: "
	    "acceptable, if it settles by the next morning; if it has not, "
	    "do a little less next time." : "", severe ? severe : "", see };
	struct sbuf b = { NULL, 0, 0, 0 };
	for (size_t i = 0; i < sizeof part / sizeof part[0]; i++)
		if (*part[i])
			sb_printf(&b, "%s%s", b.len ? " " : "", part[i]);
	sb_printf(&b, "%s%s%s%s", *next ? "\n\n" : "", next, prog ? "\n\n" : "",
	    prog ? prog : "");
	char *words = sb_take(&b);
	if (words == NULL)
		oom();
	free(next);
	free(prog);
	return words;
}
