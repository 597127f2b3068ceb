"""`setlist auth` and `setlist doctor` as a person runs them, against a sandbox process."""

import os
import stat
import subprocess

import httpx2 as httpx

from conftest import SETLIST


def environment(base, data_home):
    return {**os.environ, "SPOTIFY_CLIENT_ID": "sandbox-client", "SETLIST_SPOTIFY_BASE": base,
            "XDG_DATA_HOME": str(data_home), "SETLIST_LOG_LEVEL": "debug"}


def test_login_status_doctor_logout(sandbox, tmp_path):
    base, _ = sandbox
    env = environment(base, tmp_path)
    login = subprocess.Popen([SETLIST, "auth", "login", "--no-browser"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    link = None
    for line in login.stdout:
        if line.strip().startswith("http"):
            link = line.strip()
            break
    assert link and "code_challenge_method=S256" in link
    # The browser: follow Spotify's redirect back to the loopback callback.
    page = httpx.get(link, follow_redirects=True, timeout=10)
    assert page.status_code == 200 and "logged in" in page.text
    out, err = login.communicate(timeout=30)
    assert login.returncode == 0, err
    assert "Logged in as Sandbox Listener (sandbox-listener)" in out

    token_file = tmp_path / "setlist" / "spotify-user.json"
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    saved = token_file.read_text()
    tokens = [value for value in saved.replace('"', " ").split() if value.startswith("sbx-")]
    assert tokens and not any(token in err or token in out for token in tokens)

    status = subprocess.run([SETLIST, "auth", "status"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert status.returncode == 0 and "All scopes granted." in status.stdout

    doctor = subprocess.run([SETLIST, "doctor"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert "Everything Setlist needs from Spotify is in place." in doctor.stdout

    assert subprocess.run([SETLIST, "auth", "logout"], env=env, cwd=tmp_path).returncode == 0
    assert not token_file.exists()
    after = subprocess.run([SETLIST, "auth", "status"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert after.returncode == 1 and "setlist auth login" in after.stdout


def test_a_localhost_redirect_is_refused_with_the_fix(tmp_path):
    env = {**os.environ, "SPOTIFY_CLIENT_ID": "x", "SPOTIFY_REDIRECT_URI": "http://localhost:8888/callback",
           "XDG_DATA_HOME": str(tmp_path)}
    done = subprocess.run([SETLIST, "auth", "login", "--no-browser"], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=30)
    assert done.returncode != 0
    assert "http://127.0.0.1:8888/callback" in done.stderr


def test_doctor_says_what_is_missing(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPOTIFY_")} | {"XDG_DATA_HOME": str(tmp_path)}
    done = subprocess.run([SETLIST, "doctor"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=30)
    assert done.returncode == 1
    assert "SPOTIFY_CLIENT_ID" in done.stdout and "developer.spotify.com" in done.stdout


def test_login_by_pasting_the_address(sandbox, tmp_path):
    base, _ = sandbox
    env = environment(base, tmp_path)
    login = subprocess.Popen([SETLIST, "auth", "login", "--paste", "--bot"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    link = next(line.strip() for line in login.stdout if line.strip().startswith("http"))
    # No browser here: the person copies the address Spotify sent the browser to.
    landed = httpx.get(link, follow_redirects=False, timeout=10).headers["location"]
    assert "code=" in landed
    out, err = login.communicate(input=landed + "\n", timeout=30)
    assert login.returncode == 0, err
    assert (tmp_path / "setlist" / "spotify-bot.json").exists()
    assert not (tmp_path / "setlist" / "spotify-user.json").exists()
