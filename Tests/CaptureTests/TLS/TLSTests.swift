import Testing

@testable import Capture

/// TLS read from reassembled streams: hellos spanning segments, names, counts, and
/// the seam where a decryptor hands plaintext to the HTTP reading.
@Suite struct TLSTests {
    typealias T = TLSBuilder

    /// A TLS 1.3 connection whose ClientHello spans two segments.
    func tlsConversation(applicationData: [[UInt8]] = [[1, 2, 3], [4, 5, 6, 7]], responses: [[UInt8]] = [[9, 9]]) -> Conversation {
        var conversation = Conversation(serverPort: 443)
        conversation.handshake()
        let hello = T.clientHello()
        conversation.segment(fromClient: true, flags: .ack, payload: Array(hello[..<1000]))
        conversation.segment(fromClient: true, flags: [.psh, .ack], payload: Array(hello[1000...]))
        conversation.segment(fromClient: false, flags: [.psh, .ack], payload: T.serverHello() + T.changeCipherSpec + T.applicationData([0, 0, 0]))
        conversation.segment(fromClient: true, flags: [.psh, .ack], payload: T.changeCipherSpec)
        for data in applicationData { conversation.segment(fromClient: true, flags: [.psh, .ack], payload: T.applicationData(data)) }
        for data in responses { conversation.segment(fromClient: false, flags: [.psh, .ack], payload: T.applicationData(data)) }
        conversation.close()
        return conversation
    }

    @Test func aClientHelloSplitOverTwoSegments() throws {
        let hello = T.clientHello()
        #expect(hello.count > 1400)
        let report = try analyze(tlsConversation().pcap())
        let tls = try #require(report.connections.first?.tls)
        #expect(tls.clientHelloFrame == 5, "the hello is whole in the second segment")
        #expect(tls.serverName == "mcp.example.com")
        #expect(tls.offeredVersions == ["GREASE", "TLS 1.3", "TLS 1.2"])
        #expect(tls.cipherSuites == ["TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"])
        #expect(tls.groups == ["GREASE", "X25519MLKEM768", "x25519", "secp256r1", "secp384r1"])
        #expect(tls.keyShares == ["X25519MLKEM768 (1216 bytes)", "x25519 (32 bytes)"])
        #expect(tls.alpn == ["h2", "http/1.1"])
        #expect(tls.clientRandom == "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")
    }

    @Test func theServerHelloChoice() throws {
        let report = try analyze(tlsConversation().pcap())
        let connection = try #require(report.connections.first)
        let tls = try #require(connection.tls)
        #expect(tls.serverHelloFrame == 6)
        #expect(tls.version == "TLS 1.3")
        #expect(tls.cipherSuite == "TLS_AES_256_GCM_SHA384")
        #expect(tls.group == "X25519MLKEM768")
        #expect(tls.serverRandom?.hasPrefix("fffefd") == true)
        #expect(tls.changeCipherSpecFrames == [6, 7])
        #expect(tls.applicationDataToServer == 2)
        #expect(tls.applicationDataToClient == 2)
        #expect(!tls.decrypted)
        #expect(connection.layers.application == "TLS 1.3")
        #expect(report.text.contains("JSON-RPC: encrypted: 4 application-data records (no keys)"))
        #expect(report.text.contains("ServerHello TLS 1.3, TLS_AES_256_GCM_SHA384, X25519MLKEM768"))
    }

    /// A stand-in for the decryption module: "decrypts" by taking the fragment as it is.
    struct PlainDecryptor: RecordDecryptor {
        var seen: [TLSRecordHeader] = []
        mutating func open(_ header: TLSRecordHeader, fragment: UnsafeRawBufferPointer) -> OpenedRecord? {
            seen.append(header)
            guard header.contentType == 23, fragment.count > 3 else { return nil }
            return OpenedRecord(contentType: 23, plaintext: Array(fragment), protection: .applicationTraffic(generation: 0, sequence: 0))
        }
    }

    struct PlainProvider: RecordDecryptorProvider {
        func decryptor(for session: TLSSessionFacts, secrets: [DecryptionSecrets]) -> (any RecordDecryptor)? {
            guard session.clientRandom == TLSBuilder.clientRandom, session.cipherSuite == 0x1302, session.version == 0x0304,
                session.clientHelloMessage.first == 1, session.serverHelloMessage.first == 2
            else { return nil }
            return PlainDecryptor()
        }
    }

    @Test func decryptedRecordsFlowIntoHTTPAndJSONRPC() throws {
        let request = Array(post(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#).utf8)
        let response = Array(jsonResponse(#"{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":"2025-11-25"}}"#).utf8)
        let conversation = tlsConversation(
            applicationData: [Array(request[..<30]), Array(request[30...])], responses: [response])
        let report = try analyze(conversation.pcap(), options: CaptureOptions(decryptors: PlainProvider()))
        let connection = try #require(report.connections.first)
        #expect(connection.tls?.decrypted == true)
        #expect(connection.layers.application == "TLS 1.3 / HTTP/1.1 + JSON-RPC")
        #expect(connection.jsonrpc.map(\.kind) == ["request", "result"])
        #expect(connection.jsonrpc.first?.method == "initialize")
        #expect(connection.jsonrpc.last?.pairedFrame == connection.jsonrpc.first?.frame)
        #expect(connection.tls?.undecryptedRecords == 1, "the server's 3-byte record stays closed")
    }

    @Test func namesOfUnknownValuesAreHex() {
        #expect(TLSNames.cipherSuite(0x1234) == "0x1234")
        #expect(TLSNames.group(0x0a0a) == "GREASE")
        #expect(TLSNames.version(0x0304) == "TLS 1.3")
    }

    @Test func aHelloCutShortIsNilNotATrap() {
        let hello = T.clientHello()
        let body = Array(hello[9...])
        for length in stride(from: 0, to: body.count, by: 7) {
            _ = TLSHelloParser.clientHello(Array(body[..<length]))
            _ = TLSHelloParser.serverHello(Array(body[..<length]))
        }
        #expect(TLSHelloParser.clientHello(body)?.serverName == "mcp.example.com")
    }
}
