import Foundation
import MCP
import Testing

@testable import ServerKit

/// Thousands of generated messages, over stdio and over HTTP: every request gets
/// exactly one answer with its own id, everything else gets what JSON-RPC gives it, and
/// the server keeps going.
@Suite struct RouterFuzzTests {
    /// One generated body and the ids (as JSON text) of the answers it is owed.
    struct Case {
        var body: [UInt8]
        var answerIDs: [String]
        var isBatch = false
    }

    // MARK: - Generating

    /// A small deterministic generator, so that a failure can be replayed.
    struct Generator {
        private var state: UInt64
        private var counter = 0

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }

        /// A fresh id: integers small and beyond 64 bits, or strings of any characters.
        mutating func id() -> String {
            counter += 1
            switch below(4) {
            case 0: return String(counter)
            case 1: return "\(counter)000000000000000000000"
            case 2: return "-\(counter)"
            default: return JSONWriter.string(.string("s\(counter)-\(text())"))
            }
        }

        mutating func text() -> String {
            let pieces = ["a", "é", "e\u{301}", "\u{212B}", "🎵", "\"", "\\", "\n", "\u{1}", " ", "data:,x", "/", "ñ"]
            return (0..<below(6)).map { _ in pick(pieces) }.joined()
        }

        mutating func value(depth: Int = 0) -> Value {
            switch below(depth > 2 ? 5 : 7) {
            case 0: return .null
            case 1: return .bool(below(2) == 0)
            case 2: return .int(Int(truncatingIfNeeded: next()) >> below(60))
            case 3: return .double(Double(below(1000)) / 7)
            case 4: return .string(text())
            case 5: return .array((0..<below(4)).map { _ in value(depth: depth + 1) })
            default: return .object(Dictionary((0..<below(4)).map { _ in (text(), value(depth: depth + 1)) }, uniquingKeysWith: { a, _ in a }))
            }
        }

        mutating func params() -> String {
            switch below(6) {
            case 0: return #","params":{"name":"greet","arguments":{"name":\#(JSONWriter.string(.string("x" + text())))}}"#
            case 1: return #","params":{"name":"measure","arguments":{"text":\#(JSONWriter.string(.string(text())))}}"#
            case 2: return #","params":{"name":\#(JSONWriter.string(.string(text())))}"#
            case 3: return #","params":\#(JSONWriter.string(.object(["arguments": value()])))"#
            case 4: return ""
            default: return #","params":\#(JSONWriter.string(value()))"#
            }
        }

        /// A message that a batch may hold too.
        mutating func message() -> Case {
            switch below(6) {
            case 0, 1:
                let id = id()
                let method = pick(["ping", "tools/list", "tools/call", "initialize", "resources/list", text()])
                return Case(body: bytes(#"{"jsonrpc":"2.0","id":\#(id),"method":\#(JSONWriter.string(.string(method)))\#(params())}"#), answerIDs: [id])
            case 2:
                let method = pick(["notifications/initialized", "notifications/progress", "notifications/roots/list_changed", text()])
                let params = below(2) == 0 ? "" : #","params":\#(JSONWriter.string(.object(["x": value()])))"#
                return Case(body: bytes(#"{"jsonrpc":"2.0","method":\#(JSONWriter.string(.string(method)))\#(params)}"#), answerIDs: [])
            case 3:
                let outcome = below(2) == 0 ? #""result":\#(JSONWriter.string(value()))"# : #""error":{"code":-1,"message":"no"}"#
                return Case(body: bytes(#"{"jsonrpc":"2.0","id":\#(id()),\#(outcome)}"#), answerIDs: [])
            case 4:
                let (id, echoed) = pick([("true", "null"), ("null", "null"), ("{}", "null"), ("[2]", "null"), ("2.5", "2.5"), ("false", "null")])
                return Case(body: bytes(#"{"jsonrpc":"2.0","id":\#(id),"method":"ping"}"#), answerIDs: [echoed])
            default:
                let id = id()
                return Case(body: bytes(#"{"jsonrpc":"2.0","id":\#(id),"method":"ping","result":{}}"#), answerIDs: [id])
            }
        }

        /// Any body: a message, a batch, or text that is not a message.
        mutating func body() -> Case {
            switch below(10) {
            case 0:
                let parts = (0..<(1 + below(5))).map { _ in message() }
                var body = Array("[".utf8)
                for (offset, part) in parts.enumerated() {
                    if offset > 0 { body.append(UInt8(ascii: ",")) }
                    body += part.body
                }
                body.append(UInt8(ascii: "]"))
                return Case(body: body, answerIDs: parts.flatMap(\.answerIDs), isBatch: true)
            case 1:
                // Cut short: never JSON.
                let whole = message().body
                return Case(body: Array(whole.prefix(below(whole.count - 1) + 1)), answerIDs: ["null"])
            case 2:
                // JSON in all but one byte of a string: the id is still read.
                let id = id()
                let body = bytes(#"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":{"name":"measure","arguments":{"text":"a"#)
                    + [pick([0xFF, 0xC0, 0x80, 0xED])] + bytes(#""}}}"#)
                return Case(body: body, answerIDs: [id])
            case 3:
                return Case(body: bytes(JSONWriter.string(pick([.int(7), .string(text()), .bool(true), .null]))), answerIDs: ["null"])
            default:
                return message()
            }
        }

        private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
    }

    static func cases(count: Int, seed: UInt64) -> [Case] {
        var generator = Generator(seed: seed)
        return (0..<count).map { _ in generator.body() }
    }

    // MARK: - Reading answers

    /// The id of each answer in a line or body (the elements of a batch answer in turn), as JSON text.
    static func answerIDs(_ answer: [UInt8]) throws -> (ids: [String], isBatch: Bool) {
        let body = try answer.withUnsafeBytes { try JSONParser.parseMessageBody($0) }
        func id(_ value: Value, at position: Int) -> String {
            guard case .object(let members) = value, let id = members["id"] else { return "<no id>" }
            return body.numericIDs[position] ?? JSONWriter.string(id)
        }
        if case .array(let elements) = body.value {
            return (elements.enumerated().map { id($1, at: $0) }, true)
        }
        return ([id(body.value, at: 0)], false)
    }

    // MARK: - Over stdio

    @Test func everyRequestOverStdioIsAnsweredOnceWithItsId() async throws {
        let cases = Self.cases(count: 3_000, seed: 20261128)
        let server = StdioConnectionTests.PipedServer()
        let started = ContinuousClock.now
        let writer = Task {
            try await onOwnThread {
                for item in cases { server.send(Data(item.body + [UInt8(ascii: "\n")])) }
                try server.closeInput()
            }
        }
        let lines = try await server.linesUntilDone()
        try await writer.value
        var received: [String: Int] = [:]
        for line in lines {
            for id in try Self.answerIDs(Array(line)).ids { received[id, default: 0] += 1 }
        }
        var expected: [String: Int] = [:]
        for item in cases { for id in item.answerIDs { expected[id, default: 0] += 1 } }
        #expect(received == expected)
        #expect(lines.count == cases.filter { !$0.answerIDs.isEmpty }.count)
        #expect(ContinuousClock.now - started < .seconds(60))
    }

    // MARK: - Over HTTP

    @Test(arguments: [false, true])
    func everyRequestOverHTTPIsAnsweredOnceWithItsId(stateful: Bool) async throws {
        let cases = Self.cases(count: 1_500, seed: stateful ? 7 : 11)
        try await LiveServer.with(TestTools.service(), HTTPServingOptions(port: 0, stateful: stateful)) { server in
            let session = stateful ? [try await SessionStreamTests.openSession(server)] : []
            let connection = try server.connect()
            for item in cases {
                let answer = try await connection.exchange(bytes: httpRequest("POST", headers: session, bytes: item.body))
                if item.answerIDs.isEmpty {
                    #expect(answer.status == 202, "\(String(decoding: item.body, as: UTF8.self))")
                    #expect(answer.body.isEmpty)
                    continue
                }
                let read = try Self.answerIDs(Array(answer.body.utf8))
                #expect(read.ids == item.answerIDs, "\(String(decoding: item.body, as: UTF8.self))")
                #expect(read.isBatch == item.isBatch)
                #expect([200, 400].contains(answer.status))
            }
        }
    }
}
