#!/usr/bin/env python3
"""End-to-end test of `kairan send` against a real mail server on loopback.

    python3 scripts/mail_e2e.py KAIRAN_BINARY [--site DIR] [--output DIR]

An aiosmtpd server (PyPI) runs in this process on 127.0.0.1 at a free port and keeps every message
it receives: the envelope sender, the envelope recipients and the DATA bytes. msmtp (Debian) is the
sendmail command: site.yaml's `mail.sendmail` is set to `msmtp -C <config>` in a copy of the site.
The site and its built output/email/ are copied into a temporary folder (the default is the
hand-written fixture Tests/KairanCoreTests/Fixtures/send/site; `--site . --output output` uses the
demo's build), so the real mail-log.yaml is never touched.

Checked:
- `kairan send weekly <id>` delivers one message per list, each byte for byte the built .eml,
  with the envelope sender the outbox's `from` and exactly that list as the envelope recipient;
- a rerun sends nothing; `--resend` sends again;
- a server that refuses one list (550) gets the message to the other lists only, the report names
  which got it and which did not, exit 1, and a rerun sends only to the refused list;
- a server that is down: every list fails, nothing is recorded, and a rerun once it is back sends all;
- `--due --date D` sends exactly the messages due in the 7 days before D and lists older ones as missed;
- `--dry-run` sends nothing.
"""
import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta, timezone

from aiosmtpd.controller import Controller

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "Tests", "KairanCoreTests", "Fixtures", "send", "site")
JST = timezone(timedelta(hours=9))


class Recorder:
    """An aiosmtpd handler that keeps every message and can refuse chosen recipients with 550."""

    def __init__(self):
        self.received = []  # (mail_from, [rcpt], bytes)
        self.refuse = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable (refused by the test)"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        # With decode_data=False, `original_content` is the DATA section exactly as the client sent
        # it once SMTP transparency is undone: the server strips the ".\r\n" terminator and the
        # extra leading dot msmtp adds to each line starting with "." (RFC 5321 4.5.2), and keeps
        # the message's own final CRLF. So it must equal the .eml byte for byte, with no
        # normalisation at all — line ends, the final CRLF and lines starting with "." included.
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.original_content)))
        return "250 OK"


class Server:
    def __init__(self, recorder):
        self.recorder = recorder
        self.controller = None
        self.port = None

    def start(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.controller = Controller(self.recorder, hostname="127.0.0.1", port=self.port, decode_data=False)
        self.controller.start()

    def stop(self):
        self.controller.stop()


failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kairan")
    parser.add_argument("--site", default=FIXTURE, help="site folder (its site.yaml is copied)")
    parser.add_argument("--output", help="the build's output folder (default: <site>/output)")
    args = parser.parse_args()
    kairan = os.path.abspath(args.kairan)
    source_email = os.path.join(args.output or os.path.join(args.site, "output"), "email")
    if shutil.which("msmtp") is None:
        sys.exit("msmtp is not installed (Debian package msmtp; `make deps` installs it)")

    work = tempfile.mkdtemp(prefix="kairan-mail-e2e-")
    try:
        site, output = os.path.join(work, "site"), os.path.join(work, "out")
        os.makedirs(site)
        # output/email is a link into the build's slot: copy what it points to.
        shutil.copytree(source_email, os.path.join(output, "email"), symlinks=False)
        with open(os.path.join(output, "email", "outbox.json"), encoding="utf-8") as f:
            outbox = json.load(f)["messages"]
        weekly = max((m for m in outbox if m["kind"] == "weekly"), key=lambda m: (len(m["lists"]), m["send_at"]), default=None)
        if weekly is None:
            sys.exit(f"{source_email}/outbox.json holds no weekly email to send")
        eml = {m["message_id"]: open(os.path.join(output, "email", m["eml"]), "rb").read() for m in outbox}

        recorder = Recorder()
        server = Server(recorder)
        server.start()
        config = os.path.join(work, "msmtprc")

        def configure():
            with open(config, "w") as f:
                f.write("defaults\nauth off\ntls off\ntls_starttls off\n"
                        f"account default\nhost 127.0.0.1\nport {server.port}\nfrom {weekly['from']}\n")
            os.chmod(config, 0o600)  # msmtp refuses a config others can read

        configure()
        write_site_yaml(os.path.join(args.site, "site.yaml"), os.path.join(site, "site.yaml"), f"msmtp -C {config}")
        log_path = os.path.join(site, "mail-log.yaml")

        def send(*words):
            run = subprocess.run([kairan, "send", *words, "--site", site, "--output", output], capture_output=True, text=True, timeout=120)
            return run.returncode, run.stdout, run.stderr

        def log_records():
            if not os.path.exists(log_path):
                return []
            return [line.split(":", 1)[1].strip().strip('"') for line in open(log_path, encoding="utf-8")
                    if line.strip().startswith("list:")]

        lists = [entry["address"] for entry in weekly["lists"]]
        name = ["weekly", weekly["id"]]

        # 1. One message per list, byte for byte, envelope right.
        code, out, err = send(*name, "--dry-run")
        check(code == 0 and recorder.received == [] and all(a in out for a in lists) and weekly["send_at"] in out,
              f"--dry-run names every list and the send time and sends nothing (exit {code})")
        code, out, err = send(*name)
        check(code == 0, f"kairan send weekly {weekly['id']} exits 0 (got {code}: {err.strip()})")
        check(sorted(r[1][0] for r in recorder.received) == sorted(lists) and all(len(r[1]) == 1 for r in recorder.received),
              f"one message per list, each with exactly its list as envelope recipient: {[r[1] for r in recorder.received]}")
        check(all(r[0] == weekly["from"] for r in recorder.received), "envelope sender is the outbox's from")
        check(all(r[2] == eml[weekly["message_id"]] for r in recorder.received),
              "every received message equals the .eml byte for byte (CRLF, final CRLF, leading dots)")
        check(sorted(log_records()) == sorted(lists), "mail-log.yaml records every list")

        # 2. Never twice; --resend on purpose.
        recorder.received.clear()
        code, out, err = send(*name)
        check(code == 0 and recorder.received == [] and "already sent" in out, "a rerun sends nothing twice")
        code, out, err = send(*name, "--resend")
        check(code == 0 and sorted(r[1][0] for r in recorder.received) == sorted(lists), "--resend sends to every list again")

        # 3. One list refused with 550: the others get it, the report says which, the rerun sends the rest.
        os.remove(log_path)
        recorder.received.clear()
        refused = lists[-1]
        recorder.refuse = {refused}
        code, out, err = send(*name)
        delivered = [a for a in lists if a != refused]
        check(code == 1, f"a refused list fails the run with exit 1 (got {code})")
        check(f"FAILED {refused}" in out and f"NOT sent to: {refused}" in out and all(f"sent to {a}" in out for a in delivered),
              "the report names the lists that got it and the one that did not")
        check(sorted(r[1][0] for r in recorder.received) == sorted(delivered) and sorted(log_records()) == sorted(delivered),
              "only the accepted lists received it and are recorded")
        recorder.refuse = set()
        recorder.received.clear()
        code, out, err = send(*name)
        check(code == 0 and [r[1] for r in recorder.received] == [[refused]], f"the rerun sends only to {refused}")

        # 4. The server is down: every list fails, nothing recorded; back up, the rerun sends all.
        os.remove(log_path)
        recorder.received.clear()
        server.stop()
        code, out, err = send(*name)
        check(code == 1 and all(f"FAILED {a}" in out for a in lists) and not os.path.exists(log_path),
              f"with the server down every list fails and nothing is recorded (exit {code})")
        server.start()
        configure()
        code, out, err = send(*name)
        check(code == 0 and sorted(r[1][0] for r in recorder.received) == sorted(lists), "once the server is back the rerun sends to every list")

        # 5. --due --date D: exactly the messages due in the 7 days before D's midnight.
        os.remove(log_path)
        recorder.received.clear()
        latest = max(datetime.fromisoformat(m["send_at"]) for m in outbox)
        day = (latest.astimezone(JST) + timedelta(days=1)).date()
        now = datetime(day.year, day.month, day.day, tzinfo=JST)
        due = [m for m in outbox if now - timedelta(days=7) <= datetime.fromisoformat(m["send_at"]) <= now]
        missed = [m for m in outbox if datetime.fromisoformat(m["send_at"]) < now - timedelta(days=7)]
        code, out, err = send("--due", "--date", day.isoformat())
        expected = sorted((m["message_id"], a["address"]) for m in due for a in m["lists"])
        got = sorted((message_id(r[2]), r[1][0]) for r in recorder.received)
        check(code == 0 and got == expected, f"--due --date {day} sends exactly {[m['kind'] + ' ' + m['id'] for m in due]} (got {got})")
        check(all(f"kairan send {m['kind']} {m['id']}" in err for m in missed),
              f"--due lists the older unsent ones as missed with the command to send them: {[m['id'] for m in missed]}")
        recorder.received.clear()
        code, out, err = send("--due", "--date", day.isoformat())
        check(code == 0 and recorder.received == [], "a second --due sends nothing")
        server.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        sys.exit(f"mail_e2e: {len(failures)} check(s) failed")
    print("mail_e2e: all checks passed")


def message_id(data):
    for line in data.split(b"\r\n"):
        if line.lower().startswith(b"message-id:"):
            return line.split(b":", 1)[1].strip().decode()
    return None


def write_site_yaml(source, target, sendmail):
    """Copies site.yaml with `mail.sendmail` set to `sendmail` (the `mail:` block is added when absent)."""
    lines = open(source, encoding="utf-8").read().splitlines()
    out, in_mail, done = [], False, False
    for line in lines:
        if in_mail and line.startswith("  sendmail:"):
            continue  # replaced below
        if in_mail and line and not line.startswith(" "):
            in_mail = False
        out.append(line)
        if line.rstrip() == "mail:":
            in_mail, done = True, True
            out.append(f"  sendmail: {sendmail}")
    if not done:
        out += ["mail:", f"  sendmail: {sendmail}"]
    with open(target, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
