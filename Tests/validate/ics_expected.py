#!/usr/bin/env python3
"""Turns `kairan schedule --json` into the EXPECTED.json that ics_check.py compares a calendar with.

usage: ics_expected.py AGENDA.json HOST FROM THROUGH [ID] > EXPECTED.json   (ID: one event's own .ics)
Keeps the customers' events (not publications, not skipped): these are what training/events.ics
publishes. The occurrence list comes from Kairan's own agenda, so ics_check.py proves that the
RRULE/EXDATE/RDATE encoding, expanded by independent libraries, yields exactly those dates.
"""
import json, sys

agenda_path, host, start, through = sys.argv[1:5]
only = sys.argv[5] if len(sys.argv) > 5 else None
publications = {"weekly-report", "newsletter", "release"}
occurrences = {}
for entry in json.load(open(agenda_path)):
    if entry["audience"] != "customers" or entry["kind"] in publications:
        continue
    if only and entry["id"] != only:
        continue
    uid = f'{entry["id"]}@{host}'
    occurrences.setdefault(uid, [])
    if entry["skipped"]:
        continue
    occurrences[uid].append(f'{entry["date"]}T{entry["time"]}')
json.dump({"from": start, "through": through, "occurrences": occurrences}, sys.stdout, ensure_ascii=False, indent=2)
