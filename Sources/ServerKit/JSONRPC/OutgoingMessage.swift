import Foundation
import MCP

/// The JSON-RPC messages a server writes: answers to the client's requests, and
/// requests of its own. Members are sorted, as the MCP SDK writes them.
enum OutgoingMessage {
    /// `{"id":…,"jsonrpc":"2.0","result":…}` with the result already encoded.
    static func result(id: RequestID, json result: some Sequence<UInt8>) -> Data {
        var output = Array(#"{"id":"#.utf8)
        id.write(into: &output)
        output.append(contentsOf: #","jsonrpc":"2.0","result":"#.utf8)
        output.append(contentsOf: result)
        output.append(UInt8(ascii: "}"))
        return Data(output)
    }

    /// `{"error":{"code":…,"data":…,"message":…},"id":…,"jsonrpc":"2.0"}` (`data` when
    /// the error has some); the id is `null` when the request's could not be read.
    static func error(id: RequestID?, _ error: JSONRPCError) -> Data {
        var output = Array(#"{"error":{"code":"#.utf8)
        output.append(contentsOf: String(error.code).utf8)
        if let data = error.data {
            output.append(contentsOf: #","data":"#.utf8)
            JSONWriter.write(data, into: &output)
        }
        output.append(contentsOf: #","message":"#.utf8)
        JSONWriter.writeString(error.message, into: &output)
        output.append(contentsOf: #"},"id":"#.utf8)
        if let id { id.write(into: &output) } else { output.append(contentsOf: "null".utf8) }
        output.append(contentsOf: #","jsonrpc":"2.0"}"#.utf8)
        return Data(output)
    }

    /// The code of an error message written by ``error(id:_:)``; `nil` for any other message.
    static func errorCode(in message: Data) -> Int? {
        let prefix = #"{"error":{"code":"#.utf8
        guard message.starts(with: prefix) else { return nil }
        let digits = message.dropFirst(prefix.count).prefix { $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) }
        return Int(String(decoding: digits, as: UTF8.self))
    }

    /// A request from the server to the client.
    static func request(id: RequestID, method: String, params: Value?) -> Data {
        var output = Array(#"{"id":"#.utf8)
        id.write(into: &output)
        output.append(contentsOf: #","jsonrpc":"2.0","method":"#.utf8)
        JSONWriter.writeString(method, into: &output)
        if let params {
            output.append(contentsOf: #","params":"#.utf8)
            JSONWriter.write(params, into: &output)
        }
        output.append(UInt8(ascii: "}"))
        return Data(output)
    }

    /// A notification from the server to the client: a method and params, no id.
    static func notification(method: String, params: Value) -> Data {
        var output = Array(#"{"jsonrpc":"2.0","method":"#.utf8)
        JSONWriter.writeString(method, into: &output)
        output.append(contentsOf: #","params":"#.utf8)
        JSONWriter.write(params, into: &output)
        output.append(UInt8(ascii: "}"))
        return Data(output)
    }

    /// The answers to a batch, as one JSON array.
    static func batch(_ answers: [Data]) -> Data {
        var output = Data([UInt8(ascii: "[")])
        for (offset, answer) in answers.enumerated() {
            if offset > 0 { output.append(UInt8(ascii: ",")) }
            output.append(answer)
        }
        output.append(UInt8(ascii: "]"))
        return output
    }
}
