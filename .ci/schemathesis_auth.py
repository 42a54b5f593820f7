"""How schemathesis's token fared over its run, from its HAR report: requests and 401s per 10 s.

Usage: schemathesis_auth.py HAR_FILE

A run that loses its token fuzzes nothing but 401s from then on (issue 21: it revoked its own token 72 s
in). Requests sent without a token, and the few that schemathesis sends with a spoiled one to check that
authentication is enforced (`ignored_auth`), are answered 401 rightly; a 10-s stretch in which most
requests with a token are answered 401 is not. Exits 1 if there is one.
"""
import collections
import datetime
import json
import sys


def main(path):
    entries = json.load(open(path, encoding="utf-8"))["log"]["entries"]
    if not entries:
        print("no requests in the report")
        return 1
    start = datetime.datetime.fromisoformat(entries[0]["startedDateTime"])
    sent, refused = collections.Counter(), collections.Counter()
    for entry in entries:
        if not any(h["name"].lower() == "authorization" for h in entry["request"]["headers"]):
            continue
        second = (datetime.datetime.fromisoformat(entry["startedDateTime"]) - start).total_seconds()
        bucket = int(second // 10) * 10
        sent[bucket] += 1
        if entry["response"]["status"] == 401:
            refused[bucket] += 1
    bad = [b for b in sent if sent[b] >= 20 and refused[b] > sent[b] / 2]
    print("with a token: " + ", ".join(f"{b}s {refused[b]}/{sent[b]}" for b in sorted(sent)) + " (401s/requests per 10 s)")
    if bad:
        print(f"most requests with the token were refused from {min(bad)} s on: the run lost its token")
        return 1
    print(f"{sum(refused.values())} of {sum(sent.values())} requests with a token answered 401; no stretch of them")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
