# tests/tools/cue_errors.awk - compares cue onsets found in a recording with the
# times the plan gives, for the sound tests.
#
#   awk -f tests/tools/cue_errors.awk EXPECTED ONSETS
#
# Both files hold one time in seconds per line; EXPECTED from the plan,
# ONSETS from build/onsets.  The recording's clock starts anywhere, so
# times are compared relative to the first cue: for every cue k > 0 the
# interval error is (o[k] - o[k-1]) - (e[k] - e[k-1]) and the drift
# (o[k] - o[0]) - (e[k] - e[0]).  Prints one line:
#   cues N/M interval_max_ms X interval_mean_abs_ms Y drift_max_ms Z
# (N onsets found, M expected; the errors only when N == M) and exits 1
# when the counts differ.
FNR == 1 { file++ }
file == 1 { e[ne++] = $1; next }
file == 2 { o[no++] = $1 }
END {
	if (no != ne || ne < 2) {
		printf "cues %d/%d\n", no, ne
		exit 1
	}
	for (k = 1; k < ne; k++) {
		iv = ((o[k] - o[k - 1]) - (e[k] - e[k - 1])) * 1000
		dr = ((o[k] - o[0]) - (e[k] - e[0])) * 1000
		if (iv < 0) iv = -iv
		sum += iv
		if (dr < 0) dr = -dr
		if (iv > imax) imax = iv
		if (dr > dmax) dmax = dr
	}
	printf "cues %d/%d interval_max_ms %.2f interval_mean_abs_ms %.2f drift_max_ms %.2f\n",
	    no, ne, imax, sum / (ne - 1), dmax
}
