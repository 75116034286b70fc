#!/usr/bin/env python3
"""Checks the .eml files Kairan writes (issue 10), with Python's email package and byte rules.

usage: check_email.py [--html-out DIR] FILE_OR_FOLDER...

For every .eml (folders are searched recursively): it parses with policy.default and no defects on
the message or any part; it is multipart/alternative with text/plain then text/html, both UTF-8;
the Subject decodes (printed). Then the rules the parser does not enforce: CRLF line ends only, no
line over 998 octets, encoded words of at most 75 characters, no 8-bit bytes in the header block,
the decoded HTML part under 100 KB. Prints `file: problem` lines and exits 1 on any problem.
--html-out DIR writes each decoded HTML part to DIR/<name>.html for the HTML and browser checks
(<name>: the path under the folder given, `/` as `-`: weekly-2026-W47.html; a file given: its stem).
"""
import argparse
import pathlib
import re
import sys
from email import policy
from email.parser import BytesParser

HTML_LIMIT = 100 * 1024
ENCODED_WORD = re.compile(rb"=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=")


def problems_of(path, name, html_out):
    data = path.read_bytes()
    problems = []

    # Byte rules first: they hold for the raw file, whatever the parser makes of it.
    for number, line in enumerate(data.split(b"\r\n"), start=1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {number}: bare LF or CR (lines must end with CRLF)")
            break
    if data and not data.endswith(b"\r\n"):
        problems.append("the message does not end with CRLF")
    for number, line in enumerate(re.split(rb"\r\n|\n|\r", data), start=1):
        if len(line) > 998:
            problems.append(f"line {number}: {len(line)} octets, over 998")
    header_end = data.find(b"\r\n\r\n")
    if header_end < 0:
        problems.append("no blank line after the header block")
        header_block = data
    else:
        header_block = data[:header_end]
    if any(byte >= 0x80 for byte in header_block):
        problems.append("8-bit bytes in the header block")
    for word in ENCODED_WORD.findall(header_block):
        if len(word) > 75:
            problems.append(f"encoded word of {len(word)} characters, over 75: {word[:40].decode('ascii', 'replace')}…")

    message = BytesParser(policy=policy.default).parsebytes(data)
    for part in message.walk():
        for defect in part.defects:
            problems.append(f"defect in {part.get_content_type()}: {defect.__class__.__name__}: {defect}")
        for field, value in part.items():
            for defect in getattr(value, "defects", ()):
                problems.append(f"defect in header {field}: {defect.__class__.__name__}: {defect}")

    subject = message["Subject"]
    if subject is None or not str(subject).strip():
        problems.append("no Subject")
    else:
        print(f"{path}: Subject: {subject}")
    for header in ("Date", "From", "To", "Message-ID", "MIME-Version"):
        if message[header] is None:
            problems.append(f"no {header} header")

    if message.get_content_type() != "multipart/alternative":
        problems.append(f"content type is {message.get_content_type()}, not multipart/alternative")
        return problems
    parts = list(message.iter_parts())
    types = [part.get_content_type() for part in parts]
    if types != ["text/plain", "text/html"]:
        problems.append(f"parts are {types}, not text/plain then text/html")
        return problems
    for part in parts:
        if (part.get_content_charset() or "").lower() != "utf-8":
            problems.append(f"{part.get_content_type()} is not charset=UTF-8")
        payload = part.get_payload(decode=True)
        try:
            payload.decode("utf-8")
        except UnicodeDecodeError as error:
            problems.append(f"{part.get_content_type()} is not valid UTF-8: {error}")
    html = parts[1].get_payload(decode=True)
    if len(html) >= HTML_LIMIT:
        problems.append(f"decoded HTML part is {len(html)} bytes, not under {HTML_LIMIT}")
    if html_out is not None:
        html_out.mkdir(parents=True, exist_ok=True)
        (html_out / (name + ".html")).write_bytes(html)
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER")
    parser.add_argument("--html-out", type=pathlib.Path, metavar="DIR")
    arguments = parser.parse_args()
    files = []
    for name in arguments.paths:
        path = pathlib.Path(name)
        if path.is_dir():
            # weekly/2026-W47.eml → weekly-2026-W47, so kinds with the same id do not collide.
            files += [(found, "-".join(found.relative_to(path).with_suffix("").parts)) for found in sorted(path.rglob("*.eml"))]
        elif path.exists():
            files.append((path, path.stem))
        else:
            print(f"{path}: no such file or folder")
            return 1
    if not files:
        print("no .eml files found")
        return 1
    failed = False
    for path, name in files:
        try:
            problems = problems_of(path, name, arguments.html_out)
        except Exception as error:  # a parser crash is a problem of this file
            problems = [f"cannot be checked: {error.__class__.__name__}: {error}"]
        for problem in problems:
            print(f"{path}: {problem}")
        failed = failed or bool(problems)
    print(f"{len(files)} message(s) checked, {'problems found' if failed else 'all fine'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
