/*
 * onsets.c - finds the sound onsets in a recording, for the sound tests.
 *
 *   sox out.wav -t raw -e signed-integer -b 16 -c 1 -r 48000 - |
 *       build/onsets [-r RATE] [-t THRESHOLD] [-g GAP]
 *
 * Reads mono signed 16-bit native-endian samples on stdin and prints, one
 * per line, the time in seconds (from the first sample) of every onset:
 * the first sample whose magnitude reaches THRESHOLD (a fraction of full
 * scale, default 0.01) after at least GAP seconds (default 0.2) below it.
 * So a cue made of several notes with short gaps counts once, and the
 * timing is that of the cue's first sample above the noise: a cue file
 * starts sounding on its first sample.  With -s, prints a summary line
 * instead: "onsets N peak P".  With -d, each line also gives how long the
 * sound lasted, to its last sample above THRESHOLD before the next GAP of
 * quiet: "TIME DURATION" (a spoken phrase lasts, a tone is short).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	double rate = 48000, threshold = 0.01, gap = 0.2;
	int summary = 0, durations = 0, c;

	while ((c = getopt(argc, argv, "r:t:g:sd")) != -1) {
		switch (c) {
		case 'r': rate = atof(optarg); break;
		case 't': threshold = atof(optarg); break;
		case 'g': gap = atof(optarg); break;
		case 's': summary = 1; break;
		case 'd': durations = 1; break;
		default:
			fprintf(stderr, "usage: onsets [-s|-d] [-r RATE] [-t THRESHOLD] [-g GAP] < s16 mono\n");
			return 2;
		}
	}
	int level = (int)(threshold * 32768.0);
	int64_t gap_samples = (int64_t)(gap * rate), quiet = gap_samples, i = 0;
	int16_t buf[4096];
	size_t n;
	int peak = 0, count = 0;
	int64_t start = -1, last = -1;          /* the sound being measured */

	while ((n = fread(buf, sizeof *buf, sizeof buf / sizeof *buf, stdin)) > 0) {
		for (size_t k = 0; k < n; k++, i++) {
			int v = buf[k] < 0 ? -buf[k] : buf[k];
			if (v > peak)
				peak = v;
			if (v < level) {
				quiet++;
				continue;
			}
			if (quiet >= gap_samples) {
				count++;
				if (durations && start >= 0)
					printf("%.6f %.6f\n", start / rate,
					    (last - start + 1) / rate);
				else if (!summary && !durations)
					printf("%.6f\n", (double)i / rate);
				start = i;
			}
			last = i;
			quiet = 0;
		}
	}
	if (durations && start >= 0)
		printf("%.6f %.6f\n", start / rate, (last - start + 1) / rate);
	if (summary)
		printf("onsets %d peak %.4f\n", count, peak / 32768.0);
	return 0;
}
