import ServerKit

// MARK: - JSON for scripts

extension CaptureReport {
    /// The report as JSON (`--json`): members in name order, indented by two spaces
    /// with ` : ` after names, as Foundation's `JSONEncoder` wrote it, optionals left
    /// out when nil.
    package var json: String {
        var bytes: [UInt8] = []
        writeJSON { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// How many connections are written at once: enough for every core, few enough
    /// that their bytes are reused from one batch to the next rather than all held.
    static let connectionsPerBatch = 256

    /// Writes the same JSON in pieces, in order, to `write`: the head, the connections
    /// (a batch at a time, each connection on its own core), the tail. The pieces are
    /// never joined. A batch is handed to `write` once it is written: `write` takes
    /// little time, and writing the next batch beside it left a core idle.
    package func writeJSON(_ write: ([UInt8]) throws -> Void) rethrows {
        var writer = ReportJSONWriter(depth: 0)
        writer.beginObject()
        writer.key("connections")
        writer.beginArray()
        try write(writer.bytes)
        writer.bytes = []
        let batches = stride(from: 0, to: connections.count, by: Self.connectionsPerBatch).map {
            $0..<min($0 + Self.connectionsPerBatch, connections.count)
        }
        for batch in batches {
            for piece in connectionsJSON(batch, depth: writer.depth) { try write(piece) }
        }
        if !connections.isEmpty { writer.element(writing: false) }
        writer.endArray()
        if let damage { writer.key("damage"); writer.string(damage) }
        if let damageOffset { writer.key("damageOffset"); writer.integer(damageOffset) }
        writer.key("file")
        writer.write(file)
        writer.key("otherPackets")
        writer.beginObject()
        writer.key("fragments"); writer.integer(otherPackets.fragments)
        writer.key("notTCP"); writer.integer(otherPackets.notTCP)
        writer.key("undecodable"); writer.integer(otherPackets.undecodable)
        writer.endObject()
        writer.endObject()
        writer.bytes.append(UInt8(ascii: "\n"))
        try write(writer.bytes)
    }
}

/// Writes the report's model as indented JSON bytes, member by member in name order.
/// Strings are escaped by ServerKit's `JSONWriter`.
struct ReportJSONWriter {
    var bytes: [UInt8] = []
    /// How many containers are open around what is written next.
    private(set) var depth: Int
    /// Whether nothing was written yet in the innermost open container.
    private var isFirst: Bool

    init(depth: Int, isFirst: Bool = true) {
        self.depth = depth
        self.isFirst = isFirst
    }

    // MARK: - Structure

    private static let nameEnd: StaticString = "\" : "

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts a member: `"name" : `.
    mutating func key(_ name: StaticString) {
        element()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(contentsOf: UnsafeBufferPointer(start: Self.nameEnd.utf8Start, count: Self.nameEnd.utf8CodeUnitCount))
    }

    /// Starts an element (or member) of the innermost container: a comma after the
    /// one before, then a new line. `writing: false` only notes that the container is
    /// not empty, for elements written elsewhere.
    mutating func element(writing: Bool = true) {
        defer { isFirst = false }
        guard writing else { return }
        if !isFirst { bytes.append(UInt8(ascii: ",")) }
        newLine()
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        isFirst = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        // An empty container is written with an empty line inside.
        if isFirst { bytes.append(UInt8(ascii: "\n")) }
        newLine()
        bytes.append(bracket)
        isFirst = false
    }

    /// Shared bytes are static strings, not arrays: arrays shared by the threads
    /// writing connections would have their reference counts fought over.
    private static let spaces: StaticString = "                                "

    private mutating func newLine() {
        bytes.append(UInt8(ascii: "\n"))
        var indentation = 2 * depth
        while indentation > 0 {
            let run = min(indentation, Self.spaces.utf8CodeUnitCount)
            bytes.append(contentsOf: UnsafeBufferPointer(start: Self.spaces.utf8Start, count: run))
            indentation -= run
        }
    }

    // MARK: - Values

    mutating func string(_ value: borrowing String) {
        JSONWriter.writeString(value, into: &bytes)
    }

    mutating func integer<Integer: BinaryInteger>(_ value: Integer) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = UInt64(value.magnitude)
        // Room for the 20 digits of the largest 64-bit integer, written from the end.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var position = buffer.count
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[position...]))
        }
    }

    /// As `JSONEncoder` writes a `Double`: its description, without a `.0` ending.
    mutating func double(_ value: Double) {
        let text = value.description
        bytes.append(contentsOf: text.hasSuffix(".0") ? text.utf8.dropLast(2) : text.utf8[...])
    }

    mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func strings(_ values: borrowing [String]) {
        beginArray()
        for index in values.indices { element(); string(values[index]) }
        endArray()
    }

    mutating func integers(_ values: [Int]) {
        beginArray()
        for value in values { element(); integer(value) }
        endArray()
    }
}

extension CaptureReport {
    /// The JSON of the connections in `batch`, each written on its own core.
    func connectionsJSON(_ batch: Range<Int>, depth: Int) -> [[UInt8]] {
        ConcurrentMap.map(batch.count) { offset in
            let index = batch.lowerBound + offset
            var part = ReportJSONWriter(depth: depth, isFirst: index == 0)
            part.bytes.reserveCapacity(connections[index].estimatedJSONBytes)
            part.element()
            part.write(connections[index])
            return part.bytes
        }
    }
}

// MARK: - The report's parts

extension ConnectionReport {
    /// About what its JSON takes, so that the bytes are allocated once.
    var estimatedJSONBytes: Int {
        2048 + 512 * http.count + jsonrpc.reduce(0) { $0 + 384 + $1.summary.utf8.count }
    }
}

extension ReportJSONWriter {
    mutating func write(_ file: FileSummary) {
        beginObject()
        key("comments"); strings(file.comments)
        key("decryptionSecrets")
        beginArray()
        for secrets in file.decryptionSecrets {
            element()
            beginObject()
            key("bytes"); integer(secrets.bytes)
            key("offset"); integer(secrets.offset)
            key("type"); string(secrets.type)
            endObject()
        }
        endArray()
        key("durationSeconds"); double(file.durationSeconds)
        if let first = file.firstPacketTime { key("firstPacketTime"); string(first) }
        key("format"); string(file.format)
        key("interfaces")
        beginArray()
        for interface in file.interfaces {
            element()
            beginObject()
            key("index"); integer(interface.index)
            key("link"); string(interface.link)
            if let name = interface.name { key("name"); string(name) }
            key("timestampOffsetSeconds"); integer(interface.timestampOffsetSeconds)
            key("timestampResolution"); string(interface.timestampResolution)
            endObject()
        }
        endArray()
        key("packets"); integer(file.packets)
        key("path"); string(file.path)
        key("sections"); integer(file.sections)
        endObject()
    }

    mutating func write(_ connection: borrowing ConnectionReport) {
        beginObject()
        key("bytesToClient"); integer(connection.bytesToClient)
        key("bytesToServer"); integer(connection.bytesToServer)
        key("client"); string(connection.client)
        key("closing"); write(connection.closing)
        key("durationSeconds"); double(connection.durationSeconds)
        key("firstFrame"); integer(connection.firstFrame)
        key("handshake"); write(connection.handshake)
        key("http")
        beginArray()
        for index in connection.http.indices { element(); write(connection.http[index]) }
        endArray()
        key("index"); integer(connection.index)
        key("jsonrpc")
        beginArray()
        for index in connection.jsonrpc.indices { element(); write(connection.jsonrpc[index]) }
        endArray()
        key("lastFrame"); integer(connection.lastFrame)
        key("layers")
        beginObject()
        key("application"); string(connection.layers.application)
        key("link"); string(connection.layers.link)
        key("network"); string(connection.layers.network)
        key("transport"); string(connection.layers.transport)
        endObject()
        key("notes"); strings(connection.notes)
        key("packets"); integer(connection.packets)
        key("server"); string(connection.server)
        key("startSeconds"); double(connection.startSeconds)
        key("tcpNotes"); strings(connection.tcpNotes)
        if let tls = connection.tls { key("tls"); write(tls) }
        endObject()
    }

    mutating func write(_ packets: [PacketReport]) {
        beginArray()
        for packet in packets {
            element()
            beginObject()
            key("acknowledgment"); integer(packet.acknowledgment)
            key("direction"); string(packet.direction)
            key("flags"); string(packet.flags)
            key("frame"); integer(packet.frame)
            key("length"); integer(packet.length)
            key("sequence"); integer(packet.sequence)
            if let time = packet.time { key("time"); double(time) }
            key("window"); integer(packet.window)
            endObject()
        }
        endArray()
    }

    mutating func write(_ tls: TLSReport) {
        beginObject()
        key("alerts"); strings(tls.alerts)
        key("alpn"); strings(tls.alpn)
        key("applicationDataToClient"); integer(tls.applicationDataToClient)
        key("applicationDataToServer"); integer(tls.applicationDataToServer)
        key("changeCipherSpecFrames"); integers(tls.changeCipherSpecFrames)
        if let suite = tls.cipherSuite { key("cipherSuite"); string(suite) }
        key("cipherSuites"); strings(tls.cipherSuites)
        if let frame = tls.clientHelloFrame { key("clientHelloFrame"); integer(frame) }
        if let random = tls.clientRandom { key("clientRandom"); string(random) }
        key("decrypted"); bool(tls.decrypted)
        key("decryptedRecords"); integer(tls.decryptedRecords)
        if let group = tls.group { key("group"); string(group) }
        key("groups"); strings(tls.groups)
        key("helloRetryRequest"); bool(tls.helloRetryRequest)
        key("keyShares"); strings(tls.keyShares)
        key("keysFound"); bool(tls.keysFound)
        key("offeredVersions"); strings(tls.offeredVersions)
        if let alpn = tls.serverALPN { key("serverALPN"); string(alpn) }
        if let frame = tls.serverHelloFrame { key("serverHelloFrame"); integer(frame) }
        if let name = tls.serverName { key("serverName"); string(name) }
        if let random = tls.serverRandom { key("serverRandom"); string(random) }
        key("undecryptedRecords"); integer(tls.undecryptedRecords)
        if let version = tls.version { key("version"); string(version) }
        endObject()
    }

    mutating func write(_ message: borrowing HTTPReport) {
        beginObject()
        key("bodyBytes"); integer(message.bodyBytes)
        key("complete"); bool(message.complete)
        key("direction"); string(message.direction)
        key("frame"); integer(message.frame)
        key("headers")
        beginArray()
        for index in message.headers.indices {
            element()
            beginObject()
            key("name"); string(message.headers[index].name)
            key("value"); string(message.headers[index].value)
            endObject()
        }
        endArray()
        key("lastFrame"); integer(message.lastFrame)
        if let latency = message.latencyMilliseconds { key("latencyMilliseconds"); double(latency) }
        key("startLine"); string(message.startLine)
        if let time = message.time { key("time"); double(time) }
        endObject()
    }

    mutating func write(_ message: borrowing RPCReport) {
        beginObject()
        key("carrier"); string(message.carrier)
        key("direction"); string(message.direction)
        if let code = message.errorCode { key("errorCode"); integer(code) }
        key("flags"); strings(message.flags)
        key("frame"); integer(message.frame)
        if let id = message.id { key("id"); string(id) }
        key("kind"); string(message.kind)
        if let latency = message.latencyMilliseconds { key("latencyMilliseconds"); double(latency) }
        if let method = message.method { key("method"); string(method) }
        if let paired = message.pairedFrame { key("pairedFrame"); integer(paired) }
        key("summary"); string(message.summary)
        if let time = message.time { key("time"); double(time) }
        endObject()
    }
}
