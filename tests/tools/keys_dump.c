/*
 * keys_dump.c - prints the key table of src/core/keys.c for the tests.
 *
 *   keys_dump                  one line per key and context: "CONTEXT<TAB>
 *                              KEY<TAB>WHAT IT DOES", for tests/lint/man-keys.sh
 *                              to compare with man/backcoach.1's KEYS
 *   keys_dump hints CTX WIDTH  the footer of context CTX at WIDTH columns,
 *                              for tests/ui/ui.sh to compare with each screen
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"

static const struct {
	unsigned bit;
	const char *name;       /* as tests/lint/man-keys.sh names the man page's lists */
} contexts[] = {
	{ KC_SESSION, "session" },
	{ KC_PICKER, "picker" },
	{ KC_HELP, "help" },
	{ KC_CONFIRM, "confirm" },
	{ KC_END, "end" },
	{ KC_END_BACK, "end-back" },
	{ KC_PAGE, "page" },
	{ KC_YESNO, "yesno" },
	{ KC_MESSAGE, "message" },
	{ KC_INPUT, "input" },
	{ KC_CARD, "card" },
	{ KC_REDFLAG, "redflag" },
	{ KC_WHICH, "which" },
	{ KC_ADVICE, "advice" },
	{ KC_PAINSTOP, "painstop" },
	{ KC_RISKS, "risks" },
	{ KC_BEFORE, "before" },
	{ KC_FILTER, "filter" },
};
#define NCONTEXTS (sizeof contexts / sizeof contexts[0])

static int
hints(const char *name, int width)
{
	char buf[256];

	for (size_t c = 0; c < NCONTEXTS; c++)
		if (strcmp(contexts[c].name, name) == 0) {
			printf("%s\n", keys_hints(contexts[c].bit, width, buf, sizeof buf));
			return 0;
		}
	fprintf(stderr, "keys_dump: no context '%s'\n", name);
	return 2;
}

int
main(int argc, char **argv)
{
	size_t n;
	const struct key_binding *k = keys_table(&n);
	unsigned known = 0;

	if (argc == 4 && strcmp(argv[1], "hints") == 0)
		return hints(argv[2], atoi(argv[3]));
	for (size_t c = 0; c < NCONTEXTS; c++)
		known |= contexts[c].bit;
	for (size_t i = 0; i < n; i++) {
		if (k[i].ctx & ~known)
			printf("unknown-context\t%s\t%s\n", k[i].name, k[i].help);
		if (k[i].ctx == KC_SCROLLING || k[i].ctx == KC_TYPING) {
			/* documented once, for every such screen */
			printf("%s\t%s\t%s\n", k[i].ctx == KC_SCROLLING ? "scrolling" :
			    "typing", k[i].name, k[i].help);
			continue;
		}
		for (size_t c = 0; c < NCONTEXTS; c++)
			if (k[i].ctx & contexts[c].bit)
				printf("%s\t%s\t%s\n", contexts[c].name, k[i].name,
				    k[i].help);
	}
	return 0;
}
