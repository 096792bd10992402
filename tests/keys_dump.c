/*
 * keys_dump.c - prints the key table of src/keys.c, one line per key and
 * context: "CONTEXT<TAB>KEY<TAB>WHAT IT DOES", for tests/man-keys.sh to
 * compare with the KEYS section of man/backcoach.1.
 */
#include <stdio.h>

#include "keys.h"

static const struct {
	unsigned bit;
	const char *name;       /* as tests/man-keys.sh names the man page's lists */
} contexts[] = {
	{ KC_SESSION, "session" },
	{ KC_PICKER, "picker" },
	{ KC_OVERLAY, "overlay" },
	{ KC_CONFIRM, "confirm" },
	{ KC_END, "end" },
	{ KC_PAGE, "page" },
};

int
main(void)
{
	size_t n;
	const struct key_binding *k = keys_table(&n);
	unsigned known = 0;

	for (size_t c = 0; c < sizeof contexts / sizeof contexts[0]; c++)
		known |= contexts[c].bit;
	for (size_t i = 0; i < n; i++) {
		if (k[i].ctx & ~known)
			printf("unknown-context\t%s\t%s\n", k[i].name, k[i].help);
		for (size_t c = 0; c < sizeof contexts / sizeof contexts[0]; c++)
			if (k[i].ctx & contexts[c].bit)
				printf("%s\t%s\t%s\n", contexts[c].name, k[i].name,
				    k[i].help);
	}
	return 0;
}
