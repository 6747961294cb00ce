"""Search latency with generated content: p50/p95 of the search service on SQLite or
PostgreSQL (whatever DATABASE_URL points at), with N pages spread over the eight languages.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python benchmarks/search.py --pages 1000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wegweiser_search \
        .venv/bin/python benchmarks/search.py --pages 20000

It builds a throw-away database (Django's test database, named `<name>_bench`), fills it,
runs the queries once to warm up, then times each query and prints the figures. Results are
recorded by hand in benchmarks/RESULTS.md (section "Search latency").
"""

import argparse
import cProfile
import datetime
import os
import random
import re
import statistics
import time

from scratch_db import ROOT, setup_django


def demo_words() -> dict[str, list[str]]:
    words = {}
    for path in (ROOT / "content").rglob("*.md"):
        language = path.name.split(".")[-2]
        text = path.read_text(encoding="utf-8").split("---", 2)[-1]
        words.setdefault(language, []).extend(w for w in re.findall(r"\w+", text) if len(w) > 3)
    return words


def fill(pages: int, rng: random.Random) -> None:
    from django.conf import settings
    from wagtail.models import Locale
    from wagtail.rich_text import RichText

    from cms.models import GlossaryTerm, GuidePage, Region, TopicPage
    from cms.models.vocabulary import REGION_CHOICES
    from cms.site_structure import ensure_site_structure, publish
    from funding.models import FundingProgrammePage

    home = ensure_site_structure()
    words = demo_words()
    regions = [Region.objects.get_or_create(code=code)[0] for code, _ in REGION_CHOICES]
    languages = [code for code, _ in settings.LANGUAGES]
    german_topics = list(TopicPage.objects.child_of(home))
    per_language = pages // len(languages)
    for language in languages:
        locale = Locale.objects.get(language_code=language)
        vocabulary = words.get(language) or words["de"]
        topics = []
        for topic in german_topics:
            if language == "de":
                topics.append(topic)
            else:
                copy = topic.copy_for_translation(locale, copy_parents=True)
                topics.append(publish(copy))

        def text(n, vocabulary=vocabulary):
            return " ".join(rng.choice(vocabulary) for _ in range(n))

        for i in range(per_language):
            parent = topics[i % len(topics)]
            common = {"title": text(5).capitalize(), "slug": f"bench-{language}-{i}",
                      "summary": text(25), "body": [("text", RichText(f"<p>{text(150)}</p>"))],
                      "live": True}
            if i % 6 == 5:
                page = FundingProgrammePage(
                    **common, funder=text(2), amount_min=500,
                    amount_max=rng.choice([3_000, 20_000, 80_000, 250_000]),
                    cofunding_percent=rng.choice([0, 5, 10, 20]), programme_url="https://example.org",
                    deadline=None if i % 4 == 0 else datetime.date(
                        2026 + i % 3, 1 + i % 12, 1 + i % 28),
                    figures_are_examples=True)
                parent.add_child(instance=page)
                page.regions.set(rng.sample(regions, 2))
            else:
                parent.add_child(instance=GuidePage(**common))
            if (i + 1) % 1000 == 0:
                print(f"  {language}: {i + 1}/{per_language}", flush=True)
        for i in range(20):
            GlossaryTerm.objects.create(locale=locale, term=text(1).capitalize(),
                                        slug=f"term-{i}", definition=text(20))


def fill_quickly(pages: int, rng: random.Random) -> None:
    """fill() in one transaction with per-save indexing off, then one bulk index."""
    from django.core.management import call_command
    from django.db import transaction
    from django.db.models.signals import post_save
    from modelsearch import index
    from modelsearch.signal_handlers import post_save_signal_handler

    models = index.get_indexed_models()
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with transaction.atomic():
            fill(pages, rng)
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
    call_command("update_index", verbosity=0)


def copy_pages(copies: int) -> None:
    """Every generated page `copies - 1` more times, in SQL: the same text under a new slug,
    with its index entry. Wagtail saves about ten pages a second on a busy machine, so 20,000
    pages take an hour to generate; copies take seconds and match and rank like the
    originals (the vocabulary stays that of the generated pages, each word ×copies)."""
    import uuid

    from django.db import connection, transaction
    from wagtail.models import Page
    from wagtail.search.models import IndexEntry

    from cms.models import GuidePage
    from funding.models import FundingProgrammePage

    def columns(table, skip):
        with connection.cursor() as cursor:
            described = connection.introspection.get_table_description(cursor, table)
        return [c.name for c in described if c.name not in skip]

    def copy_rows(table, key, pairs, where=""):
        cols = ", ".join(columns(table, {"id", key}))
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({key}, {cols}) SELECT %s, {cols} "
                               f"FROM {table} WHERE {key} = %s {where}", pairs)

    originals = list(Page.objects.filter(depth=4, slug__startswith="bench-").order_by("path"))
    parents = {p.path: p for p in Page.objects.filter(depth=3)}
    fields = [f.attname for f in Page._meta.concrete_fields if f.attname != "id"]
    page_types = ", ".join(str(ct) for ct in {p.content_type_id for p in originals})
    with transaction.atomic():
        for n in range(1, copies):
            clones = []
            for page in originals:
                parent = parents[page.path[:Page.steplen * 3]]
                parent.numchild += 1
                clone = Page(**{name: getattr(page, name) for name in fields})
                clone.path = Page._get_path(parent.path, page.depth, parent.numchild)
                clone.slug = f"{page.slug}-copy{n}"
                clone.url_path = f"{parent.url_path}{clone.slug}/"
                clone.translation_key = uuid.uuid4()
                clones.append(clone)
            Page.objects.bulk_create(clones, batch_size=500)
            pairs = [(clone.pk, page.pk) for clone, page in zip(clones, originals, strict=True)]
            for model in (GuidePage, FundingProgrammePage):
                copy_rows(model._meta.db_table, "page_ptr_id", pairs)
            copy_rows(FundingProgrammePage.regions.through._meta.db_table,
                      "fundingprogrammepage_id", pairs)
            copy_rows(IndexEntry._meta.db_table, "object_id",
                      [(str(a), str(b)) for a, b in pairs],
                      f"AND content_type_id IN ({page_types})")
            print(f"  copies: {n}/{copies - 1}", flush=True)
        for parent in parents.values():
            Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild)


def queries(rng: random.Random, count: int) -> list[tuple[str, str]]:
    import yaml

    from search.text import words

    cases = yaml.safe_load((ROOT / "tests/search/relevance.yaml").read_text(encoding="utf-8"))
    fixed = [(c["q"], c.get("lang", "de")) for c in cases]
    vocab = demo_words()
    found = list(fixed)
    while len(found) < count:
        language = rng.choice(["de", "en", "ar", "uk", "de", "fa", "ru", "tr", "vi"])
        pool = vocab.get(language) or vocab["de"]
        found.append((" ".join(rng.choice(pool) for _ in range(rng.choice([1, 2, 2, 3]))),
                      language))
    return [(q, lang) for q, lang in found[:count] if words(q)]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--copies", type=int, default=1, metavar="K",
                        help="generate --pages/K pages through Wagtail and copy each K-1 times "
                             "in SQL (much faster; see copy_pages)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the generated database and reuse it on the next run with "
                             "--keep (for profiling; same --pages and --seed)")
    parser.add_argument("--analyze", action="store_true",
                        help="VACUUM ANALYZE (SQLite: ANALYZE) before timing, as autovacuum "
                             "does some time after a bulk import; without it the tables have "
                             "no statistics, the state right after the import")
    parser.add_argument("--slowest", type=int, default=0, metavar="N",
                        help="print the N slowest searches with the SQL each one ran (the "
                             "reader's part: the German part runs on its own connection, "
                             "search/overlap.py)")
    parser.add_argument("--profile", metavar="FILE",
                        help="write cProfile statistics of the timed searches to FILE (the "
                             "times printed then include the profiler's own cost)")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    connection = setup_django("_bench", keep=args.keep)
    from django.conf import settings
    from django.db import reset_queries
    from django.utils import translation
    from wagtail.models import Page

    from search import service
    from search.engines.base import SearchQuery

    settings.SEARCH_FREEZE_BUILT_OBJECTS = True  # as in production; the test settings' is off
    if args.keep and Page.objects.filter(depth__gte=4).exists():
        print(f"database: {connection.vendor}; reusing the kept database")
    else:
        print(f"database: {connection.vendor}; generating {args.pages} pages in 8 languages …")
        started = time.perf_counter()
        fill_quickly(args.pages // args.copies, rng)
        if args.copies > 1:
            copy_pages(args.copies)
        print(f"generated and indexed in {time.perf_counter() - started:.0f} s")

    if args.analyze:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        print("tables vacuumed and analysed")
    total = Page.objects.filter(depth__gte=4).count()
    # Its own generator: the same queries whether the pages were generated now or kept.
    workload = queries(random.Random(args.seed), args.queries)

    started = time.perf_counter()
    service.search(SearchQuery(text="Verein", locale="de"))
    cold = time.perf_counter() - started
    for text, language in workload:  # warm caches (vocabulary stems per language)
        with translation.override(language):
            service.search(SearchQuery(text=text, locale=language))

    timings, cpu, autocomplete, hits, slow = [], [], [], 0, []
    connection.force_debug_cursor = bool(args.slowest)  # record the SQL of each search
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    for text, language in workload:
        with translation.override(language):
            reset_queries()
            t0, c0 = time.perf_counter(), time.process_time()
            results = service.search(SearchQuery(text=text, locale=language))
            timings.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
            if args.slowest:
                slow.append((timings[-1], text, language, list(connection.queries)))
            t0 = time.perf_counter()
            service.autocomplete(text[:4], language)
            autocomplete.append((time.perf_counter() - t0) * 1000)
            hits += results.count > 0
        reset_queries()
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)

    print(f"pages (below topics): {total}; queries: {len(workload)} ({hits} with results)")
    print(f"first query (builds the vocabulary): {cold * 1000:.0f} ms")
    print(f"search       p50 {percentile(timings, 50):.1f} ms  p95 {percentile(timings, 95):.1f} ms"
          f"  mean {statistics.mean(timings):.1f} ms  max {max(timings):.1f} ms")
    # On a shared machine the wall time includes waiting for a core; this process's own CPU
    # time per search (the database server's work not included) does not.
    print(f"search CPU   p50 {percentile(cpu, 50):.1f} ms  p95 {percentile(cpu, 95):.1f} ms "
          "(Python side only)")
    # German searches are one engine call; the other languages add the German part
    # (search.service._with_german): a second call, with the question's words in German.
    german = [ms for ms, (_text, language) in zip(timings, workload, strict=True)
              if language == "de"]
    others = [ms for ms, (_text, language) in zip(timings, workload, strict=True)
              if language != "de"]
    german_cpu = [ms for ms, (_text, language) in zip(cpu, workload, strict=True)
                  if language == "de"]
    for label, part in (("in German", german), ("other languages", others)):
        if part:
            print(f"  {label:16} {len(part):>3} searches  p50 {percentile(part, 50):.1f} ms  "
                  f"p95 {percentile(part, 95):.1f} ms")
    print(f"  German searches' CPU p50 {percentile(german_cpu, 50):.1f} ms  "
          f"p95 {percentile(german_cpu, 95):.1f} ms")
    print(f"autocomplete p50 {percentile(autocomplete, 50):.1f} ms  "
          f"p95 {percentile(autocomplete, 95):.1f} ms")
    print(f"uptime: {os.popen('uptime').read().strip()}")
    for ms, text, language, sql in sorted(slow, key=lambda s: -s[0])[:args.slowest]:
        print(f"\n{ms:.1f} ms  [{language}] {text!r}: {len(sql)} statements")
        for statement in sorted(sql, key=lambda q: -float(q["time"]))[:5]:
            print(f"  {float(statement['time']) * 1000:8.1f} ms  {statement['sql'][:2000]}")
    if not args.keep:
        from search import overlap

        overlap.shutdown()  # its connection would keep PostgreSQL from dropping the database
        connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


if __name__ == "__main__":
    main()
