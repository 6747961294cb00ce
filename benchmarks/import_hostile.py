"""Time per hostile import file, and the Markdown worst cases the importer still accepts.

    .venv/bin/python benchmarks/import_hostile.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wegweiser_a \
        .venv/bin/python benchmarks/import_hostile.py

Builds a throw-away database (`<name>_bench_hostile`), imports the test fixture content, then
imports each hostile file of tests/cms/test_import_hostile.py and each accepted one of
test_import_cleaned.py on its own (one folder, one file) and prints the time and the message.
Then times markdown_to_richtext on 1 MB inputs that pass every check (the slowest a file can
make the parser), and the old patterns of markdown_blocks on the inputs that stalled them.
Results: benchmarks/RESULTS.md ("Hostile import files").
"""

import re
import shutil
import tempfile
import time
from pathlib import Path

from scratch_db import ROOT, setup_django

OLD_PATTERNS = {  # markdown_blocks on main before the hardening, with their worst input
    "HEADING": (r"^##[ \t]+(.+?)\s*#*\s*$", lambda n: "## x" + " " * n + "y"),
    "SUBHEADING": (r"^###[ \t]+(.+?)\s*#*\s*$", lambda n: "### x" + " " * n + "y"),
    "LIST_ITEM": (r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*\S)\s*$",
                  lambda n: "-" + " " * n),
    "KEY_VALUE": (r"^(\w+)\s*:\s*(.*?)\s*$", lambda n: "name: a" + " " * n + "b"),
    "DIRECTIVE_OPEN": (r"^:::(\w+)[ \t]*(.*?)\s*$", lambda n: ":::tip a" + " " * n + "b"),
    "front matter": (r"^---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|$)(.*)$",
                     lambda n: "---\n" + ("---" + " " * 10 + "x\n") * (n // 10)),
}


def timed(function):
    start = time.perf_counter()
    result = function()
    return (time.perf_counter() - start) * 1000, result


def hostile_files():
    from cms.importer import import_path
    from tests.cms import test_import_cleaned as accepted
    from tests.cms import test_import_hostile as cases
    from tests.cms.hostile_content import guide

    files = {kind: (case.name, case.text) for kind, case in cases.HOSTILE.items()}
    files.update({f"{kind} (accepted)": ("spaces.md", guide(body=body))
                  for kind, (body, _type, _text) in accepted.WHITESPACE.items()})
    files.update({f"{kind} (cleaned)": ("cleaned.md", guide(body=case.body + "\n"))
                  for kind, case in accepted.CLEANED.items()})
    print("| kind | ms | result |\n|---|---:|---|")
    for kind, (name, text) in files.items():
        folder = Path(tempfile.mkdtemp())
        try:
            (folder / "documents").mkdir()
            if isinstance(text, bytes):
                (folder / name).write_bytes(text)
            else:
                (folder / name).write_text(text, encoding="utf-8", errors="surrogatepass")
            ms, report = timed(lambda folder=folder: import_path(folder))
            result = report.results[0]
            outcome = result.message if result.status == "failed" else \
                "; ".join([result.status, *result.warnings])
            print(f"| {kind} | {ms:.0f} | {outcome[:80].replace('|', '/')} |")
        finally:
            shutil.rmtree(folder)


def accepted_worst_cases():
    from cms.importer.limits import MAX_FILE_BYTES
    from cms.importer.markdown_blocks import markdown_to_richtext

    paragraph = 9_000  # under the line limit
    inputs = {
        "plain words": "wort " * (paragraph // 5),
        "emphasis *a* _b_": "*a* _b_ " * (paragraph // 8),
        "bold **a**": "**a** " * (paragraph // 6),
        "code spans `a`": "`a` " * (paragraph // 4),
        "links [a](http://x.de)": "[a](http://x.de) " * (paragraph // 17),
        "matched brackets [[[a]]]": "[[[a]]] " * (paragraph // 8),
        "entities &amp;": "&amp; " * (paragraph // 6),
        "list items (100 in a row)": "\n".join(["- " + "wort " * 80] * 100),
    }
    size = f"{MAX_FILE_BYTES // 1024} KB"
    print(f"\n| {size} of | ms | ms per KB |\n|---|---:|---:|")
    for label, block in inputs.items():
        text = "\n\n".join([block] * (MAX_FILE_BYTES // (len(block) + 2)))
        ms, _html = timed(lambda text=text: markdown_to_richtext(text))
        print(f"| {label} | {ms:.0f} | {ms / (len(text) / 1024):.2f} |")
    prose = ("wort " * 200 + "\n\n") * (MAX_FILE_BYTES // 1002)
    tagged = prose.replace("wort wort", "<b>wort</b> wort", 100)  # the most raw tags allowed
    ms, _html = timed(lambda: markdown_to_richtext(tagged))
    print(f"| prose with 200 raw tags | {ms:.0f} | {ms / (len(tagged) / 1024):.2f} |")
    largest_accepted_file()


def largest_accepted_file():
    """The whole import (parse, clean, save, revision, search index) of the slowest file the
    limits let through: 256 KB of emphasis."""
    from cms.importer import import_path
    from cms.importer.limits import MAX_FILE_BYTES
    from tests.cms.hostile_content import guide

    paragraph = "*a* _b_ " * 600
    body = "\n\n".join([paragraph] * ((MAX_FILE_BYTES - 500) // (len(paragraph) + 2)))
    folder = Path(tempfile.mkdtemp())
    try:
        (folder / "gross.de.md").write_text(guide(slug="grosser-leitfaden", body=body))
        ms, report = timed(lambda: import_path(folder))
        assert report.ok, report.failed
        size = (folder / "gross.de.md").stat().st_size
        print(f"| whole import of a {size / 1024:.0f} KB file of emphasis | {ms:.0f} | "
              f"{ms / (size / 1024):.2f} |")
    finally:
        shutil.rmtree(folder)


def old_patterns():
    from cms.importer import markdown_blocks as new
    from cms.importer.parse import split_front_matter

    def new_match(name, line):
        if name in ("HEADING", "SUBHEADING"):
            return new.heading_text(line, "##" if name == "HEADING" else "###")
        if name == "front matter":
            try:
                return split_front_matter(line)
            except Exception:  # no closing line in this input: refused, as before
                return None
        compiled = {"LIST_ITEM": new.LIST_ITEM, "KEY_VALUE": new.KEY_VALUE,
                    "DIRECTIVE_OPEN": new.DIRECTIVE_OPEN}[name]
        return compiled.match(line)

    print("\n| pattern (worst input) | old, 1,000 ms | old, 2,000 ms | new, 2,000 ms | "
          "new, 100,000 ms |\n|---|---:|---:|---:|---:|")
    for name, (pattern, make) in OLD_PATTERNS.items():
        flags = re.DOTALL if name == "front matter" else 0
        compiled = re.compile(pattern, flags)
        old = [timed(lambda n=n, c=compiled, m=make: c.match(m(n)))[0] for n in (1000, 2000)]
        fresh = [timed(lambda n=n, m=make, k=name: new_match(k, m(n)))[0]
                 for n in (2000, 100_000)]
        print(f"| {name} | " + " | ".join(f"{ms:.1f}" for ms in old + fresh) + " |")


def library():
    """What the Markdown checks guard against: the libraries alone, each input at two sizes
    (double the size, four times the time: quadratic)."""
    import markdown

    from cms.sanitise import clean_html

    def parse(text):
        try:
            markdown.markdown(text)
        except RecursionError:
            return "RecursionError"
        return ""

    cases = {
        "Markdown: unclosed '[' in one paragraph": (lambda n: parse("[" * n), 2000),
        "Markdown: unclosed '[a](' in one paragraph": (lambda n: parse("[a](" * n), 1000),
        "Markdown: unclosed '<a ' over blank lines": (lambda n: parse("<a \n\n" * n), 2000),
        "Markdown: '<![CDATA[ >' lines": (lambda n: parse("<![CDATA[ >\n" * n), 500),
        "Markdown: '***  \\n*' in one paragraph": (lambda n: parse("***  \n*" * n), 2000),
        "Markdown: '- ' n times (n nested lists)": (lambda n: parse("- " * n + "x"), 250),
        "nh3: n nested <div>": (lambda n: clean_html("<div>" * n + "x") and "", 10_000),
    }
    print("\n| library, input | n | ms | 2n | ms |\n|---|---:|---:|---:|---:|")
    for label, (run, n) in cases.items():
        cells = []
        for size in (n, 2 * n):
            ms, error = timed(lambda size=size, run=run: run(size))
            cells += [f"{size:,}", error or f"{ms:.0f}"]
        print(f"| {label} | {' | '.join(cells)} |")


def main():
    connection = setup_django("_bench_hostile")
    from cms.importer import import_path

    report = import_path(ROOT / "tests" / "fixtures" / "content")
    assert report.ok, report.failed
    print(f"{connection.vendor}\n")
    hostile_files()
    accepted_worst_cases()
    old_patterns()
    library()
    connection.creation.destroy_test_db(connection.settings_dict["TEST"]["NAME"], verbosity=0)


if __name__ == "__main__":
    main()
