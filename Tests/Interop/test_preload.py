"""`setlist` under a preloaded library that calls setenv while it loads, as libfaketime does.

The shipped binary links the Swift runtime statically, and that runtime finds argv by
walking back from `environ`, which such a library moves to the heap: `setlist` must
still read its arguments, not print its usage.
"""

import glob
import os
import subprocess

import pytest

from conftest import SETLIST, stdio_session

pytestmark = pytest.mark.anyio

FAKED_START = "2020-01-01"


def libfaketime():
    found = sorted(glob.glob("/usr/lib/*/faketime/libfaketime.so.1"))
    if not found:
        pytest.fail(
            "libfaketime is not installed, so this test cannot run: install it with "
            "`scripts/system-packages libfaketime` (or `apt-get install libfaketime`); scripts/test does that itself"
        )
    return found[0]


def faked_time():
    return {"LD_PRELOAD": libfaketime(), "FAKETIME": f"@{FAKED_START} 00:00:00", "TZ": "UTC"}


def test_version_survives_the_preload():
    plain = subprocess.run([SETLIST, "--version"], capture_output=True, text=True, timeout=30, check=True)
    preloaded = subprocess.run(
        [SETLIST, "--version"], capture_output=True, text=True, timeout=30, env={**os.environ, **faked_time()}
    )
    assert preloaded.returncode == 0, preloaded.stderr
    assert preloaded.stdout == plain.stdout


async def test_the_clock_serves_the_faked_time_over_stdio():
    async with stdio_session("serve", "clock", env=faked_time()) as session:
        assert session.initialize_result.server_info.name == "setlist-clock"
        now = await session.call_tool("current_time", {})
        assert not now.is_error
        assert now.content[0].text.startswith(FAKED_START + " ")
