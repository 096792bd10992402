/*
 * bytecheck.c - for tests/cli/hostile.sh: reads its input and fails when a
 * terminal would obey any of it: a byte that is not strict UTF-8, or a
 * control character other than tab and line feed (a carriage return only
 * as the CRLF that ends a CSV row).  Prints where the first one is.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

int
main(int argc, char **argv)
{
	static char buf[1 << 22];
	size_t n = fread(buf, 1, sizeof buf - 1, stdin);
	const char *what = argc > 1 ? argv[1] : "input";
	uint32_t c;

	for (size_t i = 0; i < n; ) {
		size_t len = text_utf8(buf + i, n - i, &c);
		if (len == 0) {
			printf("%s: byte %zu: 0x%02x is not UTF-8\n", what, i,
			    (unsigned char)buf[i]);
			return 1;
		}
		if (text_is_control(c) && c != '\t' && c != '\n' &&
		    !(c == '\r' && i + 1 < n && buf[i + 1] == '\n')) {
			printf("%s: byte %zu: control character U+%04X\n", what, i,
			    (unsigned)c);
			return 1;
		}
		i += len;
	}
	return 0;
}
