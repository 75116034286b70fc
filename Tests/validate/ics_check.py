#!/usr/bin/env python3
"""Check a Kairan iCalendar file against independent parsers and an expected occurrence list.

Usage: ics_check.py FILE.ics EXPECTED.json

EXPECTED.json:
    {
      "from": "2026-12-01",          # first day to expand (inclusive, Asia/Tokyo)
      "through": "2027-12-31",       # last day to expand (inclusive, Asia/Tokyo)
      "occurrences": {               # every UID in the file -> its local start times, any order
        "office-hours@help.example.com": ["2026-12-03T14:00", ...],
        ...
      }
    }

Checks, in order:
  1. bytes: UTF-8, every line ends in CRLF (no bare CR or LF), no physical line over 75
     octets, each physical line valid UTF-8 on its own (folding never splits a character),
     continuation lines start with one space;
  2. vobject parses it into one VCALENDAR whose VEVENTs all have UID, DTSTAMP, DTSTART;
  3. icalendar parses it; DTSTART values are zone-aware (Asia/Tokyo), DTSTAMP is UTC;
  4. recurring_ical_events expands it between the two days, and the start times per UID
     equal the expected lists exactly; vobject's own RRULE/RDATE/EXDATE expansion must agree.

Exits 0 when everything matches; otherwise prints every problem found and exits 1
(2 for usage or unreadable input). Needs: pip install vobject icalendar recurring_ical_events
"""

import datetime
import json
import sys
from collections import defaultdict

MAX_OCTETS = 75
TOKYO = "Asia/Tokyo"


def usage(message):
    print(f"ics_check: {message}\nusage: ics_check.py FILE.ics EXPECTED.json", file=sys.stderr)
    sys.exit(2)


def check_bytes(raw, problems):
    """Line ends, line lengths and UTF-8 at byte level."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(f"file is not valid UTF-8: {error}")
    if not raw.endswith(b"\r\n"):
        problems.append("file does not end with CRLF")
    lines = raw.split(b"\r\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for number, line in enumerate(lines, start=1):
        if b"\r" in line or b"\n" in line:
            problems.append(f"line {number}: bare CR or LF inside the line (lines must end with CRLF)")
        if len(line) > MAX_OCTETS:
            problems.append(f"line {number}: {len(line)} octets, more than {MAX_OCTETS}")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number}: not valid UTF-8 on its own (folding split a character)")
        if not line:
            problems.append(f"line {number}: empty line")
        elif line.startswith(b"  ") or line.startswith(b"\t"):
            problems.append(f"line {number}: continuation must start with exactly one space")
        elif number == 1 and line.startswith(b" "):
            problems.append("line 1: starts with a space")
    if lines and lines[0] != b"BEGIN:VCALENDAR":
        problems.append("line 1 is not BEGIN:VCALENDAR")


def local_minute(value, tz):
    """`2026-12-03T14:00` in Asia/Tokyo for a date or date-time value."""
    if not isinstance(value, datetime.datetime):
        return f"{value.isoformat()}T00:00"
    if value.tzinfo is None:
        return "floating:" + value.strftime("%Y-%m-%dT%H:%M")
    return value.astimezone(tz).strftime("%Y-%m-%dT%H:%M")


def check_vobject(text, start, end, tz, problems):
    """Parse with vobject; return its expansion {uid: [starts]} or None when it cannot."""
    import vobject

    try:
        calendars = list(vobject.readComponents(text))
    except Exception as error:  # vobject raises several unrelated types
        problems.append(f"vobject cannot parse the file: {error}")
        return None
    if len(calendars) != 1 or calendars[0].name != "VCALENDAR":
        problems.append(f"vobject: expected one VCALENDAR, found {[c.name for c in calendars]}")
        return None
    expanded = defaultdict(list)
    for event in calendars[0].contents.get("vevent", []):
        for name in ("uid", "dtstamp", "dtstart"):
            if name not in event.contents:
                problems.append(f"vobject: a VEVENT has no {name.upper()}")
        if "uid" not in event.contents or "dtstart" not in event.contents:
            continue
        uid = event.uid.value
        try:
            rules = event.getrruleset(addRDate=True)
        except Exception as error:
            problems.append(f"vobject: cannot expand {uid}: {error}")
            continue
        if rules is None:
            starts = [event.dtstart.value]
        else:
            starts = rules.between(start, end, inc=True)
        for value in starts:
            if start <= value <= end:
                expanded[uid].append(local_minute(value, tz))
    return expanded


def check_icalendar(raw, tz, problems):
    """Parse with icalendar; return the Calendar or None."""
    import icalendar

    try:
        calendar = icalendar.Calendar.from_ical(raw)
    except Exception as error:
        problems.append(f"icalendar cannot parse the file: {error}")
        return None
    timezones = [str(component.get("TZID")) for component in calendar.walk("VTIMEZONE")]
    if TOKYO not in timezones:
        problems.append(f"icalendar: no VTIMEZONE for {TOKYO} (found {timezones})")
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("UID"))
        start = event.decoded("DTSTART")
        if not isinstance(start, datetime.datetime) or start.tzinfo is None:
            problems.append(f"icalendar: {uid}: DTSTART is not a zone-aware date-time")
        elif start.utcoffset() != datetime.timedelta(hours=9):
            problems.append(f"icalendar: {uid}: DTSTART offset is {start.utcoffset()}, not +09:00")
        stamp = event.decoded("DTSTAMP")
        if not isinstance(stamp, datetime.datetime) or stamp.utcoffset() != datetime.timedelta(0):
            problems.append(f"icalendar: {uid}: DTSTAMP is not UTC")
    return calendar


def expand(calendar, start, end, tz):
    """recurring_ical_events expansion {uid: [starts]} between start and end (inclusive)."""
    import recurring_ical_events

    result = defaultdict(list)
    for event in recurring_ical_events.of(calendar).between(start, end):
        result[str(event.get("UID"))].append(local_minute(event.decoded("DTSTART"), tz))
    return result


def compare(label, actual, expected, problems):
    for uid in sorted(set(expected) | set(actual)):
        want = sorted(expected.get(uid, []))
        got = sorted(actual.get(uid, []))
        if uid not in actual and want:
            problems.append(f"{label}: UID {uid} has no occurrences (expected {len(want)})")
        elif uid not in expected:
            problems.append(f"{label}: unexpected UID {uid} with {len(got)} occurrence(s): {got[:5]}")
        elif got != want:
            missing = sorted(set(want) - set(got))
            extra = sorted(set(got) - set(want))
            duplicates = sorted({value for value in got if got.count(value) > 1})
            detail = "; ".join(
                part
                for part in (
                    f"missing {missing}" if missing else "",
                    f"unexpected {extra}" if extra else "",
                    f"duplicated {duplicates}" if duplicates else "",
                )
                if part
            )
            problems.append(f"{label}: UID {uid}: occurrences differ: {detail}")


def main(argv):
    if len(argv) != 3:
        usage("expected two arguments")
    try:
        with open(argv[1], "rb") as handle:
            raw = handle.read()
        with open(argv[2], encoding="utf-8") as handle:
            expected = json.load(handle)
        first = datetime.date.fromisoformat(expected["from"])
        last = datetime.date.fromisoformat(expected["through"])
        occurrences = expected["occurrences"]
    except (OSError, ValueError, KeyError) as error:
        usage(f"cannot read input: {error!r}")

    try:
        import zoneinfo

        tz = zoneinfo.ZoneInfo(TOKYO)
    except Exception as error:
        usage(f"no time zone data for {TOKYO}: {error}")
    start = datetime.datetime.combine(first, datetime.time(0, 0), tz)
    end = datetime.datetime.combine(last, datetime.time(23, 59, 59), tz)

    problems = []
    check_bytes(raw, problems)
    text = raw.decode("utf-8", errors="replace")
    from_vobject = check_vobject(text, start, end, tz, problems)
    calendar = check_icalendar(raw, tz, problems)
    if calendar is not None:
        compare("recurring_ical_events", expand(calendar, start, end + datetime.timedelta(seconds=1), tz),
                occurrences, problems)
    if from_vobject is not None:
        compare("vobject", from_vobject, occurrences, problems)

    if problems:
        print(f"ics_check: {argv[1]}: {len(problems)} problem(s)", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    total = sum(len(values) for values in occurrences.values())
    print(f"ics_check: {argv[1]}: OK ({len(occurrences)} UIDs, {total} occurrences from {first} through {last})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
