"""The Content-Security-Policy is the second line behind the HTML sanitiser: if a script ever
reached a page's HTML, Chromium would refuse to run it. The page's real answer (with its real
headers) is intercepted and a script and an event handler are put into its body; with the
header they do not run, without it (the control, showing the injection works) they do."""

import pytest
from playwright.sync_api import Page

from tests.e2e.pages import GUIDE_PATH

# How pages look and read in the browser: the same on every database, so CI checks it
# once (the SQLite pass; .ci/run).
pytestmark = pytest.mark.rendering

INJECTED = ('<script>document.documentElement.dataset.injected = "script"</script>'
            '<img src="data:image/png;base64,invalid" alt=""'
            ' onerror="document.documentElement.dataset.handler = 1">')


def inject(page: Page, keep_policy: bool) -> None:
    def handle(route):
        response = route.fetch()
        headers = {name: value for name, value in response.headers.items()
                   if name.lower() not in {"content-encoding", "content-length"}
                   and (keep_policy or name.lower() != "content-security-policy")}
        body = response.text().replace("</main>", INJECTED + "</main>", 1)
        route.fulfill(status=response.status, headers=headers, body=body)

    page.route(f"**/de/{GUIDE_PATH}", handle)


@pytest.mark.parametrize("keep_policy", [True, False], ids=["with-csp", "control-without-csp"])
def test_an_injected_script_does_not_run_under_the_policy(page, keep_policy):
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    inject(page, keep_policy)
    response = page.goto(f"/de/{GUIDE_PATH}")
    assert response.status == 200
    assert page.locator("main h1").is_visible()  # the page itself is whole
    injected = page.evaluate("() => ({...document.documentElement.dataset})")
    if keep_policy:
        assert injected == {}
        assert any("script-src" in text for text in violations), violations
    else:
        assert injected == {"injected": "script", "handler": "1"}
