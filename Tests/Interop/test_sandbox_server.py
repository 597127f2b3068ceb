"""`setlist sandbox` as a separate process, driven by an independent HTTP client."""

import base64
import hashlib
import secrets
import signal
from urllib.parse import parse_qs, urlparse

import httpx2 as httpx

REDIRECT = "http://127.0.0.1:8888/callback"


def test_pkce_login_and_the_2026_api(sandbox):
    base, process = sandbox
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    with httpx.Client(base_url=base) as client:
        authorize = client.get("/authorize", params={
            "client_id": "sandbox-client", "response_type": "code", "redirect_uri": REDIRECT,
            "code_challenge_method": "S256", "code_challenge": challenge, "state": "s1",
            "scope": "user-read-private user-top-read playlist-modify-private",
        })
        assert authorize.status_code == 303
        query = parse_qs(urlparse(authorize.headers["location"]).query)
        assert query["state"] == ["s1"]
        token = client.post("/api/token", data={
            "grant_type": "authorization_code", "code": query["code"][0], "redirect_uri": REDIRECT,
            "client_id": "sandbox-client", "code_verifier": verifier,
        }).json()
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        assert client.get("/v1/me", headers=headers).json()["id"] == "sandbox-listener"
        too_many = client.get("/v1/search", params={"q": "rain", "type": "track", "limit": 11}, headers=headers)
        assert too_many.status_code == 400 and too_many.json()["error"]["message"] == "Invalid limit"
        top = client.get("/v1/me/top/tracks", params={"limit": 50}, headers=headers).json()
        assert top["total"] == 300 and len(top["items"]) == 50
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=10) == 0
