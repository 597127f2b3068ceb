"""Writes the captures `capture.py` reads: MCP traffic over HTTP/1.1, and over TLS 1.3
with its NSS key log, synthesized frame by frame (Ethernet, IPv4, TCP with handshakes,
sequence and acknowledgment numbers, FIN) into classic pcap files. The same seed
writes the same bytes.

Each connection is one MCP session from its own client address: initialize,
notifications/initialized, tools/list, then tools/call requests on a kept-alive
connection, each answered after a few milliseconds. Some tools/call answers are
`text/event-stream` (chunked), with a progress notification before the result; the
others are JSON bodies. Connections overlap in time, as a busy server's do.

TLS 1.3 (TLS_AES_128_GCM_SHA256) is written as RFC 8446 protects it: cleartext
hellos, the server's EncryptedExtensions (ALPN http/1.1) and Finished and the client's
Finished under the handshake traffic keys, then HTTP under the application traffic
keys, AES-128-GCM with nonce = iv XOR sequence and the record header as additional
data. The secrets are random; the key log gives them by client random, so a reader
needs no certificate or key exchange. Needs the `cryptography` package for HTTPS.

Usage: python3 capture_files.py http|https OUT.pcap [MEBIBYTES] [KEYLOG]"""

import hashlib
import hmac
import json
import random
import struct
import sys

SERVER_MAC = bytes.fromhex("020000000001")
CLIENT_MAC = bytes.fromhex("020000000002")
SERVER_IP = bytes([10, 1, 0, 1])
MSS = 1460

FIN, SYN, RST, PSH, ACK = 0x01, 0x02, 0x04, 0x08, 0x10

TOOLS = [
    ("get_current_time", {"timezone": {"type": "string", "description": "IANA time zone, e.g. Europe/Paris"}}),
    ("convert_time", {"source_timezone": {"type": "string"}, "time": {"type": "string", "description": "HH:MM"},
                      "target_timezone": {"type": "string"}}),
    ("search_tracks", {"query": {"type": "string"}, "limit": {"type": "integer", "minimum": 1, "maximum": 50}}),
    ("get_recommendations", {"mood": {"type": "string"}, "seed_tracks": {"type": "array", "items": {"type": "string"}},
                             "limit": {"type": "integer"}}),
    ("read_file", {"path": {"type": "string", "description": "A path under the allowed folders"}}),
]
WORDS = ("rainy sunday slow coffee morning drive focus late night jazz piano ambient walk city lights "
         "summer road trip acoustic calm evening dinner party upbeat indie folk soul").split()


# MARK: - pcap and frames

def checksum(data):
    """The Internet checksum: a ones' complement sum of 16-bit words, which is the
    big-endian integer modulo 0xffff since 0x10000 = 1 modulo 0xffff."""
    if len(data) % 2:
        data += b"\0"
    total = int.from_bytes(data, "big") % 0xFFFF
    return ~total & 0xFFFF


class Pcap:
    """Classic pcap, Ethernet, microsecond timestamps: frames are kept with their times
    and written sorted, so connections can be built one by one and still interleave."""

    def __init__(self):
        self.frames = []  # (time in microseconds, serial, frame bytes)
        self.serial = 0
        self.size = 24

    def add(self, micros, frame):
        self.frames.append((micros, self.serial, frame))
        self.serial += 1
        self.size += 16 + len(frame)

    def write(self, path):
        self.frames.sort()
        base = 1_764_000_000  # 2025-11-24, seconds
        parts = [struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1)]
        for micros, _, frame in self.frames:
            parts.append(struct.pack("<IIII", base + micros // 1_000_000, micros % 1_000_000, len(frame), len(frame)))
            parts.append(frame)
        with open(path, "wb") as out:
            out.write(b"".join(parts))
        return len(self.frames)


class Connection:
    """One TCP connection's frames, both directions, with real sequence numbers."""

    def __init__(self, pcap, rng, client_ip, client_port, server_port, start):
        self.pcap = pcap
        self.client = (client_ip, client_port)
        self.server = (SERVER_IP, server_port)
        self.seq = {True: rng.getrandbits(32), False: rng.getrandbits(32)}  # next sequence number, by from_client
        self.ip_id = {True: rng.getrandbits(16), False: rng.getrandbits(16)}
        self.now = start
        self.rng = rng

    def packet(self, from_client, flags, payload=b"", advance=None):
        (src, sport), (dst, dport) = (self.client, self.server) if from_client else (self.server, self.client)
        seq = self.seq[from_client]
        ack = self.seq[not from_client] if flags & ACK else 0
        tcp = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 5 << 4, flags, 65535, 0, 0)
        pseudo = src + dst + struct.pack("!BBH", 0, 6, len(tcp) + len(payload))
        tcp = tcp[:16] + struct.pack("!H", checksum(pseudo + tcp + payload)) + tcp[18:]
        self.ip_id[from_client] = (self.ip_id[from_client] + 1) & 0xFFFF
        ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp) + len(payload), self.ip_id[from_client], 0x4000, 64, 6, 0, src, dst)
        ip = ip[:10] + struct.pack("!H", checksum(ip)) + ip[12:]
        macs = CLIENT_MAC + SERVER_MAC if from_client else SERVER_MAC + CLIENT_MAC
        self.pcap.add(self.now, macs[6:] + macs[:6] + b"\x08\x00" + ip + tcp + payload)
        self.seq[from_client] = (seq + (len(payload) if advance is None else advance)) & 0xFFFFFFFF
        self.now += self.rng.randint(5, 40)

    def open(self):
        self.packet(True, SYN, advance=1)
        self.now += 80
        self.packet(False, SYN | ACK, advance=1)
        self.packet(True, ACK)

    def send(self, from_client, data):
        """Data in segments of at most MSS bytes, PSH on the last, then the peer's ACK."""
        for start in range(0, len(data), MSS):
            segment = data[start:start + MSS]
            self.packet(from_client, ACK | (PSH if start + MSS >= len(data) else 0), segment)
        self.packet(not from_client, ACK)

    def wait(self, micros):
        self.now += micros

    def close(self):
        self.packet(True, FIN | ACK, advance=1)
        self.packet(False, FIN | ACK, advance=1)
        self.packet(True, ACK)


# MARK: - MCP over HTTP

class Session:
    """The HTTP/1.1 messages of one MCP session; ids are unique in the whole capture."""

    next_id = 1

    def __init__(self, rng, host):
        self.rng = rng
        self.host = host
        self.session_id = "%032x" % rng.getrandbits(128)
        self.sse_answers = 0

    def take_id(self):
        Session.next_id += 1
        return Session.next_id - 1

    def request(self, message, with_session=True):
        body = json.dumps(message, separators=(",", ":")).encode()
        headers = [f"POST /mcp HTTP/1.1", f"Host: {self.host}", "User-Agent: setlist-bench/1.0",
                   "Accept: application/json, text/event-stream", "Content-Type: application/json",
                   f"Content-Length: {len(body)}"]
        if with_session:
            headers += [f"Mcp-Session-Id: {self.session_id}", "MCP-Protocol-Version: 2025-06-18",
                        "Authorization: Bearer sk-bench-" + "%024x" % self.rng.getrandbits(96)]
        return ("\r\n".join(headers) + "\r\n\r\n").encode() + body

    def json_response(self, message, status="200 OK"):
        body = json.dumps(message, separators=(",", ":")).encode() if message is not None else b""
        headers = [f"HTTP/1.1 {status}", "Date: Mon, 24 Nov 2025 16:00:00 GMT", "Server: setlist",
                   f"Mcp-Session-Id: {self.session_id}"]
        if message is not None:
            headers.append("Content-Type: application/json")
        headers.append(f"Content-Length: {len(body)}")
        return ("\r\n".join(headers) + "\r\n\r\n").encode() + body

    def sse_response(self, events):
        """The head and one chunk per event, then the last chunk: the pieces as sent."""
        head = ("HTTP/1.1 200 OK\r\nDate: Mon, 24 Nov 2025 16:00:00 GMT\r\nServer: setlist\r\n"
                f"Mcp-Session-Id: {self.session_id}\r\nContent-Type: text/event-stream\r\n"
                "Cache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n\r\n").encode()
        pieces = []
        for index, event in enumerate(events):
            data = f"event: message\nid: {index}\ndata: {json.dumps(event, separators=(',', ':'))}\n\n".encode()
            pieces.append(b"%x\r\n" % len(data) + data + b"\r\n")
        pieces[0] = head + pieces[0]
        pieces[-1] += b"0\r\n\r\n"
        return pieces

    def exchanges(self, calls, sse_share):
        """(request bytes, [response pieces]) in order."""
        rng = self.rng
        ident = self.take_id()
        yield self.request({"jsonrpc": "2.0", "id": ident, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {"roots": {"listChanged": True}, "sampling": {}},
            "clientInfo": {"name": "setlist-bench", "version": "1.0"}}}, with_session=False), [self.json_response(
            {"jsonrpc": "2.0", "id": ident, "result": {
                "protocolVersion": "2025-06-18", "capabilities": {"tools": {"listChanged": False}, "logging": {}},
                "serverInfo": {"name": "setlist-clock", "version": "0.9.0"},
                "instructions": "Tells the time in any IANA time zone and converts times between zones."}})]
        yield self.request({"jsonrpc": "2.0", "method": "notifications/initialized"}), [self.json_response(None, "202 Accepted")]
        ident = self.take_id()
        yield self.request({"jsonrpc": "2.0", "id": ident, "method": "tools/list"}), [self.json_response(
            {"jsonrpc": "2.0", "id": ident, "result": {"tools": [
                {"name": name, "description": f"{name.replace('_', ' ').capitalize()} for the current moment.",
                 "inputSchema": {"type": "object", "properties": properties, "required": [next(iter(properties))]}}
                for name, properties in TOOLS]}})]
        for _ in range(calls):
            ident = self.take_id()
            name = rng.choice(TOOLS)[0]
            query = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 5)))
            request = self.request({"jsonrpc": "2.0", "id": ident, "method": "tools/call", "params": {
                "name": name, "arguments": {"query": query, "limit": rng.randint(5, 50)},
                "_meta": {"progressToken": f"p-{ident}"}}})
            items = [{"id": "%022x" % rng.getrandbits(88), "name": " ".join(rng.choice(WORDS) for _ in range(3)).title(),
                      "artist": rng.choice(WORDS).title(), "duration_ms": rng.randint(120_000, 420_000),
                      "energy": round(rng.random(), 3), "valence": round(rng.random(), 3)}
                     for _ in range(rng.choice((1, 2, 3, 4, 6, 8, 12)))]
            text = json.dumps({"query": query, "items": items}, separators=(",", ":"))
            result = {"jsonrpc": "2.0", "id": ident, "result": {
                "content": [{"type": "text", "text": text}], "structuredContent": {"items": items}, "isError": False}}
            if rng.random() < sse_share:
                self.sse_answers += 1
                progress = {"jsonrpc": "2.0", "method": "notifications/progress",
                            "params": {"progressToken": f"p-{ident}", "progress": 1, "total": 2, "message": "searching"}}
                yield request, self.sse_response([progress, result])
            else:
                yield request, [self.json_response(result)]


def mcp_connection(pcap, rng, index, server_port, start, wrap=None):
    """One session on one connection; `wrap` turns plaintext pieces into TLS records
    (and writes the TLS handshake) when given. Returns the session."""
    client_ip = bytes([10, 2, (index >> 8) & 0xFF, index & 0xFF])
    if index >= 1 << 16:
        client_ip = bytes([10, 3 + (index >> 16), (index >> 8) & 0xFF, index & 0xFF])
    connection = Connection(pcap, rng, client_ip, 40000 + rng.randint(0, 20000), server_port, start)
    connection.open()
    session = Session(rng, f"10.1.0.1:{server_port}")
    protect = wrap(connection, rng) if wrap else (lambda from_client, data: data)
    for request, pieces in session.exchanges(calls=rng.randint(3, 10), sse_share=0.2):
        connection.send(True, protect(True, request))
        for piece in pieces:
            connection.wait(rng.randint(300, 4000))
            connection.send(False, protect(False, piece))
        connection.wait(rng.randint(100, 1500))
    connection.close()
    return session


def write_capture(path, megabytes, seed, wrap=None, server_port=8080):
    rng = random.Random(seed)
    Session.next_id = 1
    pcap = Pcap()
    index = 0
    sse = 0
    while pcap.size < megabytes * 1_048_576:
        # A new session every 2 ms or so; each lasts some 10 to 60 ms: a few dozen overlap.
        sse += mcp_connection(pcap, rng, index, server_port, start=index * 2000 + rng.randint(0, 1500), wrap=wrap).sse_answers
        index += 1
    frames = pcap.write(path)
    return {"connections": index, "frames": frames, "bytes": pcap.size, "sse_answers": sse,
            "requests_with_id": Session.next_id - 1}


# MARK: - TLS 1.3

def hkdf_expand_label(secret, label, length):
    info = struct.pack("!H", length) + bytes([len(b"tls13 " + label)]) + b"tls13 " + label + b"\0"
    return hmac.new(secret, info + b"\x01", hashlib.sha256).digest()[:length]


class TLS13Writer:
    """Writes a session's hellos and Finished messages, then protects what it is given,
    and logs its secrets to `keylog` (a list of lines)."""

    def __init__(self, connection, rng, keylog):
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
        self.rng = rng
        client_random = rng.randbytes(32)
        secrets = {name: rng.randbytes(32) for name in (
            "CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0")}
        keylog += [f"{name} {client_random.hex()} {secret.hex()}" for name, secret in secrets.items()]

        def keys(secret):
            return [AESGCM(hkdf_expand_label(secret, b"key", 16)), hkdf_expand_label(secret, b"iv", 12), 0]

        self.handshake = {True: keys(secrets["CLIENT_HANDSHAKE_TRAFFIC_SECRET"]), False: keys(secrets["SERVER_HANDSHAKE_TRAFFIC_SECRET"])}
        self.application = {True: keys(secrets["CLIENT_TRAFFIC_SECRET_0"]), False: keys(secrets["SERVER_TRAFFIC_SECRET_0"])}

        session_id = rng.randbytes(32)
        alpn = self.extension(16, self.vector(self.vector(b"http/1.1", 1), 2))
        key_share = rng.randbytes(32)
        client_hello = (b"\x03\x03" + client_random + self.vector(session_id, 1) + self.vector(b"\x13\x01\x13\x02\x13\x03", 2)
                        + b"\x01\x00" + self.vector(
                            self.extension(0, self.vector(b"\0" + self.vector(b"mcp.example", 2), 2))
                            + self.extension(10, self.vector(b"\x00\x1d\x00\x17", 2))
                            + self.extension(13, self.vector(b"\x04\x03\x08\x04\x04\x01", 2))
                            + self.extension(51, self.vector(b"\x00\x1d" + self.vector(key_share, 2), 2))
                            + self.extension(43, self.vector(b"\x03\x04", 1))
                            + self.extension(45, self.vector(b"\x01", 1)) + alpn, 2))
        server_hello = (b"\x03\x03" + rng.randbytes(32) + self.vector(session_id, 1) + b"\x13\x01\x00"
                        + self.vector(self.extension(43, b"\x03\x04")
                                      + self.extension(51, b"\x00\x1d" + self.vector(rng.randbytes(32), 2)), 2))
        connection.send(True, self.record(22, self.message(1, client_hello), version=0x0301))
        connection.wait(rng.randint(200, 800))
        connection.send(False, self.record(22, self.message(2, server_hello)) + self.record(20, b"\x01")
                        + self.seal(self.handshake[False], 22, self.message(8, self.vector(alpn, 2)) + self.message(20, rng.randbytes(32))))
        connection.send(True, self.record(20, b"\x01") + self.seal(self.handshake[True], 22, self.message(20, rng.randbytes(32))))

    @staticmethod
    def vector(data, width):
        return len(data).to_bytes(width, "big") + data

    @staticmethod
    def extension(kind, data):
        return struct.pack("!HH", kind, len(data)) + data

    @staticmethod
    def message(kind, body):
        return bytes([kind]) + len(body).to_bytes(3, "big") + body

    @staticmethod
    def record(kind, payload, version=0x0303):
        return struct.pack("!BHH", kind, version, len(payload)) + payload

    @staticmethod
    def seal(keys, inner_type, content):
        aead, iv, sequence = keys
        header = struct.pack("!BHH", 23, 0x0303, len(content) + 1 + 16)
        nonce = (int.from_bytes(iv, "big") ^ sequence).to_bytes(12, "big")
        keys[2] += 1
        return header + aead.encrypt(nonce, content + bytes([inner_type]), header)

    def __call__(self, from_client, data):
        return b"".join(self.seal(self.application[from_client], 23, data[start:start + 16384])
                        for start in range(0, len(data), 16384))


def write_tls_capture(path, keylog_path, megabytes, seed):
    keylog = []
    facts = write_capture(path, megabytes, seed, wrap=lambda connection, rng: TLS13Writer(connection, rng, keylog), server_port=443)
    with open(keylog_path, "w") as out:
        out.write("\n".join(keylog) + "\n")
    return facts


if __name__ == "__main__":
    kind, out = sys.argv[1], sys.argv[2]
    size = float(sys.argv[3]) if len(sys.argv) > 3 else 100
    if kind == "https":
        print(write_tls_capture(out, sys.argv[4], size, seed=2))
    else:
        print(write_capture(out, size, seed=1))
