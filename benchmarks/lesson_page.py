"""Lesson pages for a signed-in learner (never cached: personal) and for anonymous readers
(uncached render, as the first reader after a change), in process: the demo content imported
into a throw-away database, a learner signed in who answered half of the first quiz lesson,
then each page fetched `--repeat` times after a warm-up. Prints queries, wall and CPU time
per request (p50 / p95). The render memo is on, as in production.

    DATABASE_URL=sqlite:////tmp/lesson.sqlite3 .venv/bin/python benchmarks/lesson_page.py
"""

import argparse
import statistics
import time

from render import percentile
from scratch_db import ROOT, setup_django


def measure(client, url, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm-up
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    count = len(queries)
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        client.get(url)
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return response.status_code, count, walls, cpus


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--keep", action="store_true", help="reuse the imported database")
    args = parser.parse_args()
    setup_django("_bench_learning", keep=args.keep)

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    from learning.models import LessonPage

    settings.PAGE_CACHE_ENABLED = False
    settings.RENDER_MEMO_ENABLED = True
    settings.ALLOWED_HOSTS = ["*"]
    if not LessonPage.objects.exists():
        call_command("import_content", ROOT / "content", verbosity=0)
    lesson = next(lesson for lesson in LessonPage.objects.live().filter(
        locale__language_code="de").order_by("path") if lesson.questions())
    user, _ = get_user_model().objects.get_or_create(username="bench-learner")
    learner = Client()
    learner.force_login(user)
    questions = list(lesson.questions().items())
    for question_id, (kind, _value) in questions[: len(questions) // 2]:
        given = {"true_false": "true", "short_answer": "x"}.get(kind, "0")
        learner.post(f"/de/lernen/lektion/{lesson.translation_key}/antwort/",
                     {"question": question_id, "attempt": 1, "answer": given},
                     HTTP_ORIGIN="http://testserver")
    print(f"lesson: {lesson.url} ({len(questions)} questions, {len(questions) // 2} answered)")
    print(f"{'reader':10} {'lang':4} {'status':>6} {'queries':>7} {'wall p50':>9} {'wall p95':>9}"
          f" {'CPU p50':>8} {'CPU p95':>8}")
    for name, client in (("signed-in", learner), ("anonymous", Client())):
        for lang in ("de", "ar"):
            url = lesson.url.replace("/de/", f"/{lang}/", 1)
            status, count, walls, cpus = measure(client, url, args.repeat)
            print(f"{name:10} {lang:4} {status:>6} {count:>7}"
                  f" {statistics.median(walls):>8.1f}  {percentile(walls, .95):>8.1f}"
                  f" {statistics.median(cpus):>7.1f}  {percentile(cpus, .95):>7.1f}")


if __name__ == "__main__":
    main()
