"""Uploaded images in production: nginx serves the media folder with the project's config,
Varnish in front sends /media/ there and caches it. Documents are not served this way."""

import base64
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from .servers import (
    PROJECT_ROOT,
    local_vcl,
    nginx,
    nginx_path,
    request,
    varnish,
    varnishd_path,
)

pytestmark = pytest.mark.skipif(
    varnishd_path() is None or nginx_path() is None,
    reason="varnishd or nginx is not installed and could not be installed "
           "(make test runs .ci/system-packages, which needs root and apt-get)")

MEDIA_CONF = PROJECT_ROOT / "docker" / "nginx" / "media.conf"
# A 1x1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


def test_the_vcl_compiles(tmp_path):
    vcl = tmp_path / "test.vcl"
    vcl.write_text(local_vcl(8000, 8001), encoding="utf-8")
    result = subprocess.run([varnishd_path(), "-C", "-j", "none", "-f", str(vcl),
                             "-n", str(tmp_path / "n")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


@pytest.fixture
def media_stack():
    # Not under pytest's tmp_path: nginx's workers (another user when run as root) must be
    # able to reach the files.
    base = Path(tempfile.mkdtemp(prefix="wegweiser-media-"))
    base.chmod(0o755)
    root = base / "srv"
    (root / "media" / "images").mkdir(parents=True)
    (root / "media" / "documents").mkdir(parents=True)
    (root / "media" / "images" / "logo.width-400.png").write_bytes(PNG)
    (root / "media" / "documents" / "vertraulich.pdf").write_bytes(b"%PDF-1.4 secret")
    for path in [root, *root.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    conf = MEDIA_CONF.read_text(encoding="utf-8").replace("root /srv;", f"root {root};")
    assert f"root {root};" in conf
    try:
        with nginx(conf, base / "nginx") as media_port, varnish(media_port, media_port) as port:
            yield port
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_images_are_served_and_cached(media_stack):
    path = "/media/images/logo.width-400.png"
    first = request(media_stack, "GET", path, {"Host": "localhost"})
    assert first[0] == 200 and first[1]["content-type"] == "image/png"
    second = request(media_stack, "GET", path, {"Host": "localhost",
                                                 "Cookie": "sessionid=abc"})
    assert second[1]["x-cache"] == "HIT"  # the same image for everybody, cookie or not
    assert second[1]["cache-control"] == "public, max-age=86400"


def test_documents_and_unknown_files_are_not_served_from_media(media_stack):
    for path in ("/media/documents/vertraulich.pdf", "/media/images/../documents/x",
                 "/media/images/logo.width-400.png.php"):
        status, _headers, body = request(media_stack, "GET", path, {"Host": "localhost"})
        assert status == 404, path
        assert "secret" not in body
