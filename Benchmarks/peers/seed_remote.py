"""The seed's remote server: FastAPI on Uvicorn answering its two JSON-RPC requests.

Kept as the peer that Setlist's Clock server is measured against over HTTP. It
answers exactly what the original system answered: `{"status": "ok"}` to
`initialize` and `{"result": "YYYY-MM-DD HH:MM:SS UTC"}` to `current_time`.
"""

from datetime import datetime, timezone

from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/mcp/jsonrpc")
async def jsonrpc(request: Request):
    body = await request.json()
    method = body.get("method")
    if method == "initialize":
        return {"status": "ok"}
    if method == "tools/call" and body.get("params", {}).get("name") == "current_time":
        return {"result": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")}
    return {"error": "unknown method"}
