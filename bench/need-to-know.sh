#!/usr/bin/env bash
# Issue 17 §4: runs the need-to-know enumeration (tests/Senningen.Node.Tests/Security/NeedToKnowEnumerationTests.cs)
# against a node in demo mode with its demo users and two users of other units, and prints what it covered: API routes
# and console pages that take an object id, cross-unit attempts, denials written, and owner reads that wrote no audit
# entry (must be 0). The peer is the same route asked for an id that does not exist, in the same run: the median time
# of a denial next to it shows whether answering "not yours" takes measurably longer than "not there".
# Usage: bench/need-to-know.sh   (writes bench/results/need-to-know.json)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$PWD/bench/results/need-to-know.json"
rm -f "$out"
SENNINGEN_NTK_REPORT="$out" dotnet test tests/Senningen.Node.Tests -v q -- --filter-class '*NeedToKnowEnumerationTests*' >/tmp/need-to-know.log 2>&1 \
  || { tail -40 /tmp/need-to-know.log; echo "the enumeration failed: see above" >&2; exit 1; }
[ -s "$out" ] || { echo "no figures were written" >&2; exit 1; }
python3 - "$out" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))
print(f"routes covered {f['routesCovered']}, pages covered {f['pagesCovered']}, cross-unit attempts {f['crossUnitAttempts']}, "
      f"API denials written {f['apiDenialsWritten']}, owner reads checked {f['ownerReadsChecked']}, "
      f"reads without an audit entry {f['readsWithoutAuditEntry']}")
print(f"denied answer median {f['deniedMedianMs']} ms, missing id median {f['missingIdMedianMs']} ms, ratio {f['deniedOverMissing']}")
PY
