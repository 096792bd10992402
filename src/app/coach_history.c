/*
 * coach_history.c - the history as the full-screen coach uses it.
 *
 * An edge: it asks with the modal widgets of ui.h, writes through
 * store.c and reads statistics through history_stats.c; it draws nothing
 * itself.  A record is written exactly once per session: right away for
 * a session a signal ended (no questions then), else after the pain and
 * note questions, or from ui_signal_hook when a signal interrupts them.
 */
#include "coach_history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history_stats.h"
#include "safety.h"
#include "keys.h"
#include "settings.h"
#include "store.h"
#include "ui.h"
#include "util.h"

#define PAIN_QUESTION "Pain now, 0-10?"

/* The session waiting to be recorded, for the signal hook. */
static struct coach_report *pending;

/* Asks the pain before the session.  At 6 or more (the traffic light's
 * red, CONTENT.md) it says so and asks whether to start at all; returns
 * false when the person chooses not to. */
bool
coach_history_before(struct coach_report *rep)
{
	int v;

	rep->pain_before = -1;
	if (!settings.pain_prompts ||
	    !ui_prompt_number(PAIN_QUESTION " (before the session)", 0, 10, &v))
		return true;
	rep->pain_before = v;
	struct safety_pain_advice a = safety_pain_advice(v);
	if (a.light != SAFETY_RED)
		return true;
	return ui_ask_yes_no("Start the session anyway?", a.text) == 1;
}

static const char *const *
names_of(const struct routine *r)
{
	const char **v = xcalloc((size_t)r->nex + 1, sizeof *v);

	for (int i = 0; i < r->nex; i++)
		v[i] = r->ex[i].name;
	return v;
}

/* Writes rep's record; a failure is shown (or, with curses going away,
 * printed once the terminal is restored). */
static void
record(struct coach_report *rep, bool interactive)
{
	static const enum hist_reason reasons[] = {
		[COACH_END_COMPLETED] = HR_COMPLETED,
		[COACH_END_QUIT] = HR_QUIT,
		[COACH_END_SIGNAL] = HR_SIGNAL,
		[COACH_END_RED_FLAG] = HR_RED_FLAG,
		[COACH_END_PAIN] = HR_PAIN,
	};
	static const enum hist_status statuses[] = {
		[COACH_COMPLETED] = HS_COMPLETED,
		[COACH_PARTIAL] = HS_PARTIAL,
		[COACH_STOPPED] = HS_STOPPED,
	};
	const char *const *names = names_of(rep->routine);
	struct store_session ss = {
		.routine_id = rep->routine_id, .routine_name = rep->routine_name,
		.start = rep->started, .elapsed_ns = rep->elapsed_ns,
		.status = statuses[rep->status],
		.reason = reasons[rep->reason],
		.pain_before = rep->pain_before, .pain_after = rep->pain_after,
		.note = rep->note, .ex = rep->ex, .ex_names = names, .nex = rep->nex,
	};
	char msg[1024];
	int rc = store_record(&ss, msg, sizeof msg);

	free((void *)names);
	pending = NULL;
	if (msg[0] == '\0')
		return;
	if (interactive) {
		ui_message(rc == 0 ? "History" : "This session was not recorded", msg);
	} else {
		ui_stop();
		warn("%s", msg);
	}
}

/* ui_signal_hook while the questions after a session are open. */
static void
record_on_signal(int signo)
{
	(void)signo;
	ui_signal_hook = NULL;
	if (pending != NULL)
		record(pending, false);
}

void
coach_history_end(struct coach_report *rep, char *summary, size_t len)
{
	int v;

	summary[0] = '\0';
	rep->pain_after = -1;
	rep->note[0] = '\0';
	if (rep->reason == COACH_END_SIGNAL) {
		record(rep, false);
		return;
	}
	pending = rep;
	ui_signal_hook = record_on_signal;
	if (settings.pain_prompts &&
	    ui_prompt_number(PAIN_QUESTION " (after the session)", 0, 10, &v))
		rep->pain_after = v;
	ui_prompt_line("A note on this session? (optional)", rep->note,
	    sizeof rep->note);
	ui_signal_hook = NULL;
	record(rep, true);
	history_pain_summary(rep->pain_before, rep->pain_after, summary, len);
}

/* Records a session that safety stopped before it started. */
void
coach_history_stopped(struct coach_report *rep)
{
	rep->pain_after = -1;
	rep->note[0] = '\0';
	record(rep, true);
}

void
coach_history_last_done(struct picker_item *v, int n)
{
	struct hstats st;
	char buf[32];

	store_stats(&st, 1, NULL);
	for (int i = 0; i < n; i++) {
		const struct hstats_routine *r = hstats_routine(&st, v[i].id);
		free(v[i].last_done);
		v[i].last_done = NULL;
		if (r != NULL) {
			history_ago(r->last_day, st.today, buf, sizeof buf);
			v[i].last_done = xstrdup(buf);
		}
	}
	hstats_free(&st);
}

void
coach_history_stats_screen(void)
{
	struct hstats st;
	int top = 0;

	store_stats(&st, HSTATS_DEFAULT_WEEKS, NULL);
	char *text = hstats_render(&st, ui_cols());
	hstats_free(&st);
	if (text == NULL)
		die("out of memory");
	for (;;) {
		int lines = draw_page("Statistics", text, top);
		switch (keys_action(KC_PAGE, ui_wait_key())) {
		case ACT_UP:
			top = top > 0 ? top - 1 : 0;
			break;
		case ACT_DOWN:
			top = top + 1 < lines ? top + 1 : top;
			break;
		case ACT_CLOSE:
			free(text);
			return;
		default:
			break;
		}
	}
}
