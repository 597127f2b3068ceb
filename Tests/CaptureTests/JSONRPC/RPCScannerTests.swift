import Foundation
import MCP
import ServerKit
import Testing

@testable import Capture

/// The scanner and the summary against what a full parse gives: ServerKit's parser,
/// the members read from its `Value`, secrets masked in the tree, and `JSONWriter`.
@Suite struct RPCScannerTests {
    /// Bodies that are JSON, some tricky: escapes, surrogate pairs, numbers in every
    /// spelling, nesting, repeated names, batches, secrets of every kind.
    static let valid: [String] = [
        #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x","arguments":{"b":2,"a":[1,2.5,-0,1e0,1E+2,0.1e-3]}}}"#,
        #"{"jsonrpc":"2.0","id":1.0,"result":{"z":null,"y":true,"x":false,"w":"caf\u00e9 \ud83c\udfb5 \"q\" \\ \/ \b\f\n\r\t \u0001"}}"#,
        #"{"jsonrpc":"2.0","id":"a\"b","result":{"text":"naïve 🎵 e\u0301"}}"#,
        #"  {"jsonrpc" : "2.0" , "id" : -0 , "error" : {"code" : -32600 , "message" : "Invalid \"Request\""}}  "#,
        #"{"jsonrpc":"2.0","id":7,"error":{"code":1.5,"message":3}}"#,
        #"{"jsonrpc":"2.0","id":7,"error":"broken"}"#,
        #"{"jsonrpc":"1.0","id":null,"method":"m"}"#,
        #"{"jsonrpc":"2.0","method":5,"result":[]}"#,
        #"{"jsonrpc":"2.0","id":true,"method":"m"}"#,
        #"{"jsonrpc":"2.0","id":[1],"method":"m","params":[]}"#,
        #"{"json\u0072pc":"2\u002e0","\u0069d":2,"method":"m\u00e9","params":{"a":1,"a":2,"b":{"c":{"d":[[[{}]]]}}}}"#,
        #"{"jsonrpc":"2.0","id":12345678901234567890,"result":123456789012345678901234567890}"#,
        #"{"jsonrpc":"2.0","id":3,"method":"auth","params":{"access_token":"tok-é","Password":123456,"secret":{"nested":"x"},"name":"t","list":[{"token":["a"]}]}}"#,
        #"{"jsonrpc":"2.0","id":4,"result":{"TOKEN":"abc","to\u212Aen":"kelvin","code_verifier":"","refresh_token":null}}"#,
        #"[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","method":"notifications/initialized"},3,"x",[]]"#,
        #"[]"#,
        #""just a string""#,
        #"{}"#,
        #"{"jsonrpc":"2.0","id":5,"result":{"content":[{"type":"text","text":"\#(String(repeating: "long text é ", count: 80))"}]}}"#,
        #"{"jsonrpc":"2.0","id":6,"result":{"items":[\#((0..<300).map { #"{"n":\#($0),"k":"v\#($0)"}"# }.joined(separator: ","))]}}"#,
        #"{"jsonrpc":"2.0","id":8,"result":"\#(String(repeating: "🎵", count: 250))"}"#,
        #"{"jsonrpc":"2.0","id":11,"result":{"text":"\#(String(repeating: #"say \"hi\"\n\u00e9\ud83c\udfb5\/\u0007 "#, count: 60))"}}"#,
        #"{"jsonrpc":"2.0","id":12,"result":["\#(String(repeating: #"\\"#, count: 300))"]}"#,
        #"{"jsonrpc":"2.0","id":10,"result":{"a b":1,"a":2,"a!":3,"A":4,"":5,"é":6,"e\u0301":7,"a\"":8,"token":9,"a":10}}"#,
        #"{"jsonrpc":"2.0","id":9,"result":{\#((0..<40).map { #""k\#(39 - $0)":\#($0)"# }.joined(separator: ",")),"k3":"again"}}"#,
    ]

    /// Text the parser refuses, which must not read as JSON-RPC either.
    static let invalid: [String] = [
        "", " ", "{", "}", #"{"a"}"#, #"{"a":}"#, #"{"a":1,}"#, "[1,]", "[1 2]", #"{"a":1}x"#, "01", "1.", ".5", "-", "1e", "1e+", "+1",
        "tru", "nul", "NaN", "1e400", "-1e400", #""\x""#, #""\u12""#, #""\ud800""#, #""\udc00""#, #""\ud800\u0041""#, "\"a\u{01}\"",
        "\"unterminated", "{'a':1}", #"{"a":1 "b":2}"#, String(repeating: "[", count: 513) + String(repeating: "]", count: 513),
    ]

    @Test(arguments: valid)
    func validBodiesReadAsTheParserReadsThem(_ body: String) throws {
        for showSecrets in [false, true] {
            let scanned = try #require(scan(Array(body.utf8), showSecrets: showSecrets), "scanner refused \(body)")
            let parsed = try #require(try? JSONParser.parse(Data(body.utf8)))
            let expected = Reference.messages(in: parsed, showSecrets: showSecrets)
            #expect(scanned.count == expected.count)
            for (message, reference) in zip(scanned, expected) {
                #expect(message.kind == reference.kind, "\(body)")
                #expect(message.method == reference.method, "\(body)")
                if reference.idIsNumber {
                    // The parser's `Value` has lost the number's text: `numericIdsKeepTheirText` checks it.
                    guard case .number = message.id else { Issue.record("\(body): a numeric id reads as \(String(describing: message.id))"); continue }
                } else {
                    #expect(message.id?.description == reference.id, "\(body)")
                }
                #expect(message.errorCode == reference.errorCode, "\(body)")
                #expect(message.problem == reference.problem, "\(body)")
                #expect(message.summary == reference.summary, "\(body)")
            }
        }
    }

    @Test(arguments: invalid)
    func invalidBodiesAreNotJSON(_ body: String) {
        #expect((try? JSONParser.parse(Data(body.utf8))) == nil, "the parser reads \(body)")
        #expect(scan(Array(body.utf8), showSecrets: false) == nil, "the scanner reads \(body)")
    }

    @Test func illFormedUTF8IsNotJSON() {
        for bytes: [UInt8] in [[0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xE0, 0x80, 0xAF, 0x22]] {
            #expect((try? JSONParser.parse(Data(bytes))) == nil)
            #expect(scan(bytes, showSecrets: false) == nil)
        }
        #expect(scan([0x22, 0xF0, 0x9F, 0x8E, 0xB5, 0x22], showSecrets: false)?.count == 1)
    }

    @Test func numericIdsKeepTheirText() throws {
        let ids = try ["1", "1.0", "1e0", "-0", "\"1\""].map { id in
            try #require(scan(Array(#"{"jsonrpc":"2.0","id":\#(id),"method":"m"}"#.utf8), showSecrets: false)?.first?.id)
        }
        #expect(ids.map(\.description) == ["1", "1.0", "1e0", "-0", "\"1\""])
        #expect(Set(ids).count == 5)
    }

    @Test func secretMembersAreMaskedWhateverTheirKindOfValue() throws {
        let body = #"{"jsonrpc":"2.0","id":1,"method":"m","params":{"access_token":"abc","Password":123456,"secret":{"nested":"x"},"name":"current_time"}}"#
        let message = try #require(scan(Array(body.utf8), showSecrets: false)?.first)
        #expect(message.summary == #"{"Password":"••••","access_token":"••••(3 characters)","name":"current_time","secret":"••••"}"#)
    }

    func scan(_ bytes: [UInt8], showSecrets: Bool) -> [RPCMessage]? {
        bytes.withUnsafeBytes { RPCMessage.messages(in: $0, showSecrets: showSecrets) }
    }
}

/// How a message was read from a whole parsed `Value`, before the scanner: the
/// reference the scanner must agree with.
private enum Reference {
    struct Message {
        var kind: RPCMessage.Kind
        var method: String?
        var id: String?
        var idIsNumber = false
        var errorCode: Int?
        var problem: String?
        var summary = ""
    }

    static func messages(in value: Value, showSecrets: Bool) -> [Message] {
        if case .array(let batch) = value { return batch.map { message($0, showSecrets: showSecrets) } }
        return [message(value, showSecrets: showSecrets)]
    }

    static func message(_ value: Value, showSecrets: Bool) -> Message {
        guard case .object(let object) = value else { return Message(kind: .invalid, problem: "not a JSON object") }
        var message = Message(kind: .invalid, method: object["method"]?.stringValue)
        if let id = object["id"] {
            switch id {
            case .int, .double: message.idIsNumber = true
            case .string(let text): message.id = "\"\(text)\""
            case .null: message.id = "null"
            default: break
            }
        }
        if object["jsonrpc"]?.stringValue != "2.0" { message.problem = "no \"jsonrpc\": \"2.0\"" }
        var shown: Value?
        if message.method != nil {
            message.kind = object["id"] == nil ? .notification : .request
            shown = object["params"]
        } else if let error = object["error"] {
            message.kind = .error
            message.errorCode = error.objectValue?["code"]?.intValue
            message.summary = "\(message.errorCode.map(String.init) ?? "?") \(error.objectValue?["message"]?.stringValue ?? "")"
        } else if let result = object["result"] {
            message.kind = .result
            shown = result
        } else {
            message.problem = "neither a method nor a result or error"
        }
        if let value = shown { message.summary = JSONWriter.string(showSecrets ? value : masked(value)) }
        if message.summary.count > 200 { message.summary = String(message.summary.prefix(200)) + "…" }
        return message
    }

    static func masked(_ value: Value) -> Value {
        switch value {
        case .object(let object):
            var result: [String: Value] = [:]
            for (key, inner) in object {
                if SecretNames.contains(key) {
                    if case .string(let text) = inner { result[key] = .string(SecretMasking.masked(text.count)) } else { result[key] = .string("••••") }
                } else {
                    result[key] = masked(inner)
                }
            }
            return .object(result)
        case .array(let items): return .array(items.map(masked))
        default: return value
        }
    }
}
