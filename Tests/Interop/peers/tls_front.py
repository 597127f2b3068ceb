"""An HTTPS front for an MCP server on loopback, for the capture tests.

Usage: tls_front.py CERT KEY PORT UPSTREAM_PORT MAX_VERSION(1.2|1.3)

Takes one HTTP/1.1 request per TLS connection, posts its body to the plain-HTTP MCP
server at 127.0.0.1:UPSTREAM_PORT/mcp, and sends the answer back, closing after it.
Says "ready" on stderr once it listens.
"""
import http.client
import socket
import ssl
import sys

cert, key, port, upstream, highest = sys.argv[1:6]
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(cert, key)
if highest == "1.2":
    context.maximum_version = ssl.TLSVersion.TLSv1_2

listener = socket.socket()
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", int(port)))
listener.listen()
print("ready", file=sys.stderr, flush=True)

while True:
    connection, _ = listener.accept()
    try:
        tls = context.wrap_socket(connection, server_side=True)
        stream = tls.makefile("rb")
        stream.readline()
        headers = {}
        while True:
            line = stream.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        body = stream.read(int(headers.get("content-length", "0")))
        server = http.client.HTTPConnection("127.0.0.1", int(upstream), timeout=10)
        server.request("POST", "/mcp", body, {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"})
        answer = server.getresponse()
        data = answer.read()
        head = "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % (
            answer.status, answer.reason, answer.getheader("Content-Type", "application/json"), len(data))
        tls.sendall(head.encode("latin-1") + data)
        # The file object keeps the socket open; close both, and end the TCP stream for the client.
        stream.close()
        tls.shutdown(socket.SHUT_RDWR)
        tls.close()
    except Exception as error:  # one bad connection must not stop the front
        print(f"tls_front: {error}", file=sys.stderr, flush=True)
    finally:
        connection.close()
