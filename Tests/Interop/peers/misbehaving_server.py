"""HTTP servers that fail as real ones do, for the host's connection tests.
Usage: python misbehaving_server.py PORT MODE, where MODE is:
- silent: reads each request and never answers;
- stalled-events: answers 200 with an event stream, then sends nothing more;
- forgetful: a handshake-era server that refuses requests without a session (400, as
  the Python SDK's does), answers `initialize` with JSON and a session, and forgets the
  session at once: every other request gets 404. A notification that comes without
  `MCP-Protocol-Version` makes it answer 400 instead, saying so.
"""

import json
import socketserver
import sys
import threading
import time

MODE = sys.argv[2]
unversioned = []


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        while True:
            head = []
            while (line := self.rfile.readline()) not in (b"\r\n", b"\n", b""):
                head.append(line.decode("latin-1"))
            if not head:
                return
            fields = {name.strip().lower(): value.strip() for name, _, value in (h.partition(":") for h in head[1:])}
            body = self.rfile.read(int(fields.get("content-length", "0")))
            if MODE == "silent":
                time.sleep(3600)
            elif MODE == "stalled-events":
                comment = b": still here\n\n"
                self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
                self.wfile.write(b"%x\r\n%s\r\n" % (len(comment), comment))
                self.wfile.flush()
                time.sleep(3600)
            else:
                self.forgetful(fields, body)

    def forgetful(self, fields, body):
        message = json.loads(body or b"{}")
        if message.get("method") != "initialize" and "mcp-session-id" not in fields:
            self.reply(400, b"Bad Request: Missing session ID", b"Content-Type: text/plain\r\n")
        elif message.get("method") == "initialize":
            answer = json.dumps({
                "jsonrpc": "2.0", "id": message["id"],
                "result": {"protocolVersion": "2025-11-25", "capabilities": {"tools": {}},
                           "serverInfo": {"name": "forgetful", "version": "1"}},
            }).encode()
            self.reply(200, answer, b"Content-Type: application/json\r\nMcp-Session-Id: s-1\r\n")
        elif "id" not in message:
            if fields.get("mcp-protocol-version") != "2025-11-25":
                unversioned.append(message.get("method"))
            self.reply(202, b"", b"")
        elif unversioned:
            self.reply(400, b"%s came without MCP-Protocol-Version" % unversioned[0].encode(), b"Content-Type: text/plain\r\n")
        else:
            self.reply(404, b"Not Found: no such session", b"Content-Type: text/plain\r\n")

    def reply(self, status, body, headers):
        reason = {200: b"OK", 202: b"Accepted", 400: b"Bad Request", 404: b"Not Found"}[status]
        self.wfile.write(b"HTTP/1.1 %d %s\r\n%sContent-Length: %d\r\n\r\n%s" % (status, reason, headers, len(body), body))
        self.wfile.flush()


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


if __name__ == "__main__":
    with Server(("127.0.0.1", int(sys.argv[1])), Handler) as server:
        server.serve_forever()
