/*
 * keys_dump.c - prints the key table of src/core/keys.c for the tests.
 *
 *   keys_dump                  one line per key and context: "CONTEXT<TAB>
 *                              KEY<TAB>WHAT IT DOES", for tests/lint/man-keys.sh
 *                              to compare with man/backcoach.1's KEYS
 *   keys_dump hints CTX WIDTH  the footer of context CTX at WIDTH columns,
 *                              for tests/ui/ui.sh to compare with each screen
 *   keys_dump contexts         "NAME<TAB>WORDS" per context: the words that
 *                              open its list in backcoach(1), for
 *                              tests/lint/man-keys.sh
 * The contexts are keys_contexts(): a new one needs nothing here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"


static int
hints(const char *name, int width)
{
	char buf[256];
	size_t nc;
	const struct key_context *contexts = keys_contexts(&nc);

	for (size_t c = 0; c < nc; c++)
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
	size_t n, nc;
	const struct key_binding *k = keys_table(&n);
	const struct key_context *contexts = keys_contexts(&nc);
	unsigned known = 0;

	if (argc == 4 && strcmp(argv[1], "hints") == 0)
		return hints(argv[2], atoi(argv[3]));
	if (argc == 2 && strcmp(argv[1], "contexts") == 0) {
		for (size_t c = 0; c < nc; c++)
			printf("%s\t%s\n", contexts[c].name, contexts[c].man);
		return 0;
	}
	for (size_t c = 0; c < nc; c++)
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
		for (size_t c = 0; c < nc; c++)
			if (k[i].ctx & contexts[c].bit)
				printf("%s\t%s\t%s\n", contexts[c].name, k[i].name,
				    k[i].help);
	}
	return 0;
}
