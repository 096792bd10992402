/*
 * safety.c - the health rules, as tables and small pure functions.
 *
 * Part of the pure core.  The words suggest and never diagnose: "please
 * get checked", with where to go, and nothing about what the cause is.
 * Each rule names the public page it rests on; backcoach(1), SOURCES,
 * lists them all.
 */
#include "safety.h"

#include <stdio.h>
#include <string.h>

#define X_RISK(id, what) { #id, what },
const struct safety_risk_factor safety_risk_factors[SAFETY_RISK_COUNT] = {
	SAFETY_RISK_FACTORS(X_RISK)
};
#undef X_RISK

/*
 * The red flags:
 * - NHS, Back pain (https://www.nhs.uk/conditions/back-pain/): call 999 or
 *   go to A&E with pain, tingling, weakness or numbness in both legs,
 *   numbness or tingling around the genitals or buttocks, difficulty
 *   peeing, loss of bladder or bowel control, chest pain, or pain after a
 *   serious accident; ask for an urgent GP appointment or call 111 with a
 *   high temperature, weight lost without trying, a lump, swelling or a
 *   changed shape of the back, pain that does not ease with rest or is
 *   worse at night, or pain high between the shoulder blades.
 * - Cauda equina leaflets, Royal Free London
 *   (https://royalfree.nhs.uk/patients-and-visitors/patient-information-leaflets/cauda-equina-syndrome)
 *   and Chesterfield Royal
 *   (https://chesterfieldroyal.nhs.uk/all-services-and-wards/physiotherapy-services/musculoskeletal-and-rheumatology-services/cauda-equina):
 *   a changed feeling when wiping, not knowing when the bladder is full or
 *   empty, no feeling when passing urine or a stool, difficulty walking,
 *   numbness of the genitals during sex, trouble getting an erection or
 *   ejaculating.
 * - Northern HSC Trust, Low back pain
 *   (https://www.northerntrust.hscni.net/services/physiotherapy-services/physiotherapy-service-outpatient-service/low-back-pain/),
 *   and Norfolk & Waveney, Got back pain?
 *   (https://norfolkandwaveneycommunityhealth.nhs.uk/msk/refer-yourself/systmconnect/got-back-pain/):
 *   what is new, or getting worse, and not normal for you.
 * - Risk factors are not red flags, and add questions: NHS Gloucestershire
 *   G-care (https://g-care.glos.nhs.uk/pathway/73/resource/3), NICE NG234,
 *   spinal metastases (https://www.nice.org.uk/guidance/NG234/chapter/recommendations),
 *   Royal Osteoporosis Society, bending forward
 *   (https://theros.org.uk/information-and-support/osteoporosis/living-with-osteoporosis/exercise-and-physical-activity-for-osteoporosis/caring-for-your-back/bending-forward-with-osteoporosis/).
 * - Chest pain and a serious fall or accident are urgent whether or not
 *   they are new; only the nerve signs are asked as "new, or getting
 *   worse" (the Northern Trust and Norfolk pages above).
 * - Pain in one leg with weakness or numbness, for a person who has had
 *   cancer: NICE NG234 (above) asks for immediate contact with the acute
 *   oncology or spinal cord compression service for limb weakness, which
 *   the urgent tier gives, with the acute oncology line beside it.
 * - Back pain much worse when coughing, sneezing or going to the toilet:
 *   NHS, Back pain (above), "see a GP"; asked with the same-day signs, the
 *   more cautious of the two tiers there are.
 * - "Pain so bad you can hardly move" is the source article's own.
 * - A fall or knock at 50 or over: NICE CKS, Back pain - low (without
 *   radiculopathy) (https://cks.nice.org.uk/topics/back-pain-low-without-radiculopathy/ ):
 *   minor trauma or strenuous lifting with osteoporosis or corticosteroid
 *   use is a red flag for a fracture, and age over 50 one for cancer (with
 *   a history of it, or weight lost).  Asking everyone of 50 or over about
 *   a fall or knock, even a small one, is the more cautious reading: bones
 *   thin with age before osteoporosis is found.
 */
#define X_FLAG(id, urgency, risks, brief, text) { #id, urgency, risks, brief, text },
const struct safety_question safety_red_flags[SAFETY_FLAG_COUNT] = {
	SAFETY_RED_FLAGS(X_FLAG)
};
#undef X_FLAG

/*
 * NHS, Exercise in pregnancy
 * (https://www.nhs.uk/pregnancy/keeping-well/exercise/): after 16 weeks,
 * do not lie flat on your back for long.  Which positions suit is a
 * question for the midwife or physiotherapist, and the card says so; a
 * routine that names one like it off the back (its off_back setting: the
 * gentle flare-up names flare-up-off-back, the NHS page's own exercises)
 * offers it too (catalog.c).
 */
const char safety_pregnant_on_back[] = "You said you are pregnant, and this "
    "routine has exercises lying on your back. After 16 weeks, do not lie "
    "flat on your back for long (NHS, exercise in pregnancy): ask your "
    "midwife or physiotherapist which positions suit you.";

/* The stop rules follow the pain-monitoring model (see
 * safety_pain_during) and the NHS's "stop if pain spreads or brings new
 * numbness". */
#define X_RULE(id, text) "\n- " text
const char safety_stop_text[] = "Stop the exercise and rest if:"
    SAFETY_STOP_RULES(X_RULE);
#undef X_RULE

const char *const safety_flare_routines[] = {
	SAFETY_FLARE_ROUTINE, SAFETY_FLARE_ROUTINE_OFF_BACK, NULL,
};

bool
safety_flare_routine(const char *id)
{
	for (int i = 0; id != NULL && safety_flare_routines[i] != NULL; i++)
		if (strcmp(id, safety_flare_routines[i]) == 0)
			return true;
	return false;
}

int
safety_risk_find(const char *word)
{
	for (int i = 0; i < SAFETY_RISK_COUNT; i++)
		if (strcmp(word, safety_risk_factors[i].id) == 0)
			return i;
	return -1;
}

int
safety_flag_find(const char *id)
{
	for (int i = 0; i < SAFETY_FLAG_COUNT; i++)
		if (strcmp(id, safety_red_flags[i].id) == 0)
			return i;
	return -1;
}

bool
safety_flag_asked(enum safety_flag f, unsigned risks)
{
	return safety_red_flags[f].risks == 0 ||
	    (safety_red_flags[f].risks & risks) != 0;
}

const char *
safety_screen_question(enum safety_urgency u)
{
	return u == SAFETY_URGENT ?
	    "Before you start: does any of this apply to you now?" :
	    "And does any of this apply to you now?";
}

bool
safety_screen_due(enum safety_screen_freq f, bool have_last, long long last,
    int last_day, long long now, int today)
{
	switch (f) {
	case SAFETY_SCREEN_EVERY:
		return true;
	case SAFETY_SCREEN_NEVER:
		return false;
	default:
		break;
	}
	if (!have_last || last > now)           /* a clock set back: ask */
		return true;
	if (f == SAFETY_SCREEN_WEEKLY)
		return now - last >= 7 * 24 * 3600;
	return last_day != today;
}

enum safety_urgency
safety_flags_urgency(unsigned mask)
{
	enum safety_urgency u = SAFETY_OK;

	for (int f = 0; f < SAFETY_FLAG_COUNT; f++)
		if ((mask & SAFETY_FLAG_BIT(f)) && safety_red_flags[f].urgency > u)
			u = safety_red_flags[f].urgency;
	return u;
}

void
safety_flags_ids(unsigned mask, char *out, size_t len)
{
	size_t at = 0;

	out[0] = '\0';
	for (int f = 0; f < SAFETY_FLAG_COUNT && at < len; f++)
		if (mask & SAFETY_FLAG_BIT(f))
			at += (size_t)snprintf(out + at, len - at, "%s%s", at ? "," : "",
			    safety_red_flags[f].id);
}

/* The items of mask of urgency u as "A; B" after "You said: ". */
static size_t
said(unsigned mask, enum safety_urgency u, char *out, size_t len)
{
	size_t at = (size_t)snprintf(out, len, "You said: ");

	for (int f = 0, n = 0; f < SAFETY_FLAG_COUNT && at < len; f++)
		if ((mask & SAFETY_FLAG_BIT(f)) && safety_red_flags[f].urgency == u)
			at += (size_t)snprintf(out + at, len - at, "%s%s", n++ ? "; " :
			    "", safety_red_flags[f].text);
	return at < len ? at : len - 1;
}

void
safety_call_now(const struct emergency_call *call, char *out, size_t len)
{
	snprintf(out, len, "Please call %s or go to %s now, and do not drive "
	    "yourself.", emergency_number_words(call), emergency_department(call));
}

void
safety_flags_advice(unsigned mask, const struct emergency_call *call,
    bool cancer_care, char *title, size_t tlen, char *text, size_t len)
{
	enum safety_urgency u = safety_flags_urgency(mask);
	char now[200];
	size_t at = said(mask, u, text, len);

	safety_call_now(call, now, sizeof now);
	if (u == SAFETY_URGENT) {
		snprintf(title, tlen, "Please get help now");
		snprintf(text + at, len - at, ".\n\n%s%s This screen cannot tell "
		    "what the cause is; a doctor can. No exercises for now.", now,
		    cancer_care ? " If you are under cancer care, call your acute "
		    "oncology line now as well." : "");
		return;
	}
	snprintf(title, tlen, "Please contact a doctor today");
	snprintf(text + at, len - at, ".\n\nPlease contact your doctor today "
	    "(in the UK, call NHS 111 if you cannot get an appointment).%s If it "
	    "gets worse quickly, call %s. This screen cannot tell what the "
	    "cause is; a doctor can.", cancer_care ?
	    " If you are under cancer care, call your acute oncology line." : "",
	    emergency_number_words(call));
}

void
safety_help_list(char *out, size_t len)
{
	static const struct {
		enum safety_urgency u;
		const char *head;
	} tiers[] = {
		{ SAFETY_URGENT, "Call the emergency number now, and do not exercise, "
		    "with any of these:" },
		{ SAFETY_SAME_DAY, "Contact a doctor today, and do not exercise until "
		    "then, with:" },
	};
	size_t at = 0;

	out[0] = '\0';
	for (size_t i = 0; i < sizeof tiers / sizeof tiers[0] && at < len; i++) {
		at += (size_t)snprintf(out + at, len - at, "%s%s\n", i ? "\n" : "",
		    tiers[i].head);
		for (int f = 0; f < SAFETY_FLAG_COUNT && at < len; f++)
			if (safety_red_flags[f].urgency == tiers[i].u)
				at += (size_t)snprintf(out + at, len - at, "  - %s\n",
				    safety_red_flags[f].brief);
	}
}

bool
safety_pain_valid(int pain)
{
	return pain >= SAFETY_PAIN_MIN && pain <= SAFETY_PAIN_MAX;
}

/*
 * High pain before a session is no reason to lie still: bed rest makes
 * back pain worse (CSP, https://www.csp.org.uk/public-patient/rehabilitation-exercises/back-pain ;
 * Guy's and St Thomas', "hurt does not equal harm",
 * https://www.guysandstthomas.nhs.uk/health-information/low-back-pain/physiotherapy-and-exercises ).
 */
const char *
safety_pain_before(int pain)
{
	if (!safety_pain_valid(pain) || pain < 6)
		return NULL;
	return "Your pain is high today. Choose the gentle flare-up routine and "
	    "move only within comfort: gentle movement helps more than rest. If "
	    "you can hardly move, get out of bed, wash or dress, please contact "
	    "a doctor today (in the UK, NHS 111).";
}

/*
 * NHS, Back pain (https://www.nhs.uk/conditions/back-pain/), "See a GP
 * if": the pain does not improve within a few weeks, stops you doing
 * your day-to-day activities, is very severe or gets worse over time.
 * The words are those of the page as NHS practices reproduce it
 * (Belmont Hill Surgery, "content adapted from NHS Choices",
 * https://www.belmonthillsurgery.co.uk/back-pain ; Bridgwater Bay Health,
 * https://bridgwaterbayhealth.nhs.uk/back-pain ): the nhs.uk page itself
 * could not be read when this was written.  The source gives no number
 * for "very severe", and none is invented: the sentence is said when the
 * pain after a session is above 5, the line above which the
 * pain-monitoring model (below) calls pain not acceptable, and the person
 * judges whether it is very severe.  "Gets worse over time" is the
 * not-improving rule's (safety_not_improving).
 */
const char *
safety_pain_after(int pain)
{
	if (!safety_pain_valid(pain) || pain < 6)
		return NULL;
	return "Your pain after this session is above 5 out of 10. The NHS "
	    "says to see a GP (a family doctor) if back pain is very severe or "
	    "gets worse over time, or if it stops you doing your day-to-day "
	    "activities.";
}

/*
 * During a session, the pain-monitoring model
 * (https://bim.physio/the-pain-monitoring-model/), adapted from
 * tendinopathy care: 0-3 is safe, 4-5 acceptable (go on gently), above 5
 * is not; pain of 4-5 should settle by the next morning, so it asks for
 * less only when it has not (and the progression rule reads that
 * morning before any step up); so is a rise of 2 points or more, and pain that spreads down a
 * leg.  New numbness of the genitals or bottom, of the bladder or bowel,
 * or in both legs gets the urgent advice of the red flags.  A person who
 * starts at 6 or more is stopped by the rise alone (2 points above where
 * they started), not by the first report of their usual pain: the model
 * judges pain against its baseline.  New numbness
 * or weakness in one leg (a foot that catches, a leg that gives way) ends
 * the session with the advice to contact a doctor or physiotherapist
 * today (NHS, Back pain, https://www.nhs.uk/conditions/back-pain/ : an
 * urgent GP appointment for numbness or weakness; the same day is the
 * more cautious reading of "urgent" for a sign that is new), and the
 * cauda equina leaflets (see above) send both legs to A&E.
 */
enum safety_pain_step
safety_pain_during(int pain, int before, bool spreads, bool numb,
    bool one_leg, const char **why)
{
	if (numb) {
		*why = "New numbness there needs a doctor straight away.";
		return SAFETY_PAIN_URGENT;
	}
	if (one_leg) {
		*why = "New numbness or weakness in one leg needs a doctor or "
		    "physiotherapist today.";
		return SAFETY_PAIN_SAME_DAY;
	}
	if (pain >= 6 && !(safety_pain_valid(before) && before >= 6)) {
		*why = "Your pain is 6 out of 10 or more.";
		return SAFETY_PAIN_STOP;
	}
	if (safety_pain_valid(before) && pain - before >= 2) {
		*why = "Your pain is 2 points or more above where you started.";
		return SAFETY_PAIN_STOP;
	}
	if (spreads) {
		*why = "The pain spreads down a leg.";
		return SAFETY_PAIN_STOP;
	}
	if (pain >= 4) {
		*why = "Pain of 4 or 5 is acceptable: go on gently. If it has "
		    "not settled by the next morning, do a little less next "
		    "time.";
		return SAFETY_PAIN_GENTLY;
	}
	*why = "Pain of 0 to 3 is fine: carry on.";
	return SAFETY_PAIN_FINE;
}

const char safety_one_leg_text[] =
    "Stop exercising for today. Please contact a doctor or physiotherapist "
    "today about new numbness or weakness in one leg (a foot that catches "
    "or drags, or a leg that gives way). If both legs are affected, or you "
    "have numbness around your genitals or bottom, or trouble with your "
    "bladder or bowels, call the emergency number now.";

/*
 * A meaningful change in pain is at least 2 points and at least 30 % of
 * the starting score (Farrar et al. 2001,
 * https://pubmed.ncbi.nlm.nih.gov/11690728/ ; Ostelo et al. 2008,
 * https://pubmed.ncbi.nlm.nih.gov/18164137/ ): 9 -> 6 is, 7 -> 5 (29 %)
 * and 0 -> 1 are not.  Farrar reports 2 points OR 30 % each as
 * meaningful; requiring both is the stricter reading, taken on purpose: an
 * improvement is claimed, and "not improving" spared, only when both
 * hold.  Both studies measured change over weeks, so one
 * session's change is worded as a change since the start, not a result.
 * Scores need not be whole: weekly means get the same rule (with a little
 * slack for the rounding of sums).
 */
enum safety_change
safety_pain_change(double before, double after)
{
	if (!(before >= SAFETY_PAIN_MIN && before <= SAFETY_PAIN_MAX) ||
	    !(after >= SAFETY_PAIN_MIN && after <= SAFETY_PAIN_MAX))
		return SAFETY_CHANGE_UNKNOWN;
	double delta = after - before;
	double size = delta < 0 ? -delta : delta;
	if (size < 2 - 1e-9 || size * 10 < before * 3 - 1e-9)
		return SAFETY_CHANGE_NONE;
	return delta < 0 ? SAFETY_CHANGE_BETTER : SAFETY_CHANGE_WORSE;
}
