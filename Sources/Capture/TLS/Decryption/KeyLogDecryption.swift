import Foundation
import Synchronization

// MARK: - Decryption with key logs

/// Opens captured TLS with an NSS key log: the file a user gives (`--keylog`), merged
/// with any the capture carries itself (pcapng Decryption Secrets Blocks). A session
/// whose client random the logs do not name stays encrypted, and says so.
package struct KeyLogDecryption: RecordDecryptorProvider, Sendable {
    private let given: KeyLogReading
    /// The given log merged with the capture's own, read once for all its connections.
    private let merged = MergedLogs()

    /// Only the capture's own key logs.
    package init() {
        given = KeyLogReading(KeyLog())
    }

    /// A key log's text (SSLKEYLOGFILE format) besides the capture's own. It is read on
    /// a thread of its own from here, beside what comes next (the capture's frames,
    /// which do not need it); what needs it waits for it.
    package init(keyLogText: String) {
        given = KeyLogReading(reading: keyLogText)
    }

    var keyLog: KeyLog { given.log }

    /// Lines of the given key log that could not be used, with their numbers.
    package var problems: [String] {
        keyLog.problems.map(\.description)
    }

    package func decryptor(for session: TLSSessionFacts, secrets: [DecryptionSecrets]) -> (any RecordDecryptor)? {
        let log = secrets.isEmpty ? keyLog : merged.log(keyLog, with: secrets)
        guard let found = log.secrets(forClientRandom: session.clientRandom) else { return nil }
        return ConnectionDecryptor(
            toServer: DirectionDecryptor(facts: session, direction: .clientToServer, secrets: found),
            toClient: DirectionDecryptor(facts: session, direction: .serverToClient, secrets: found))
    }
}

/// A key log being read, or read.
private final class KeyLogReading: Sendable {
    private let read = DispatchGroup()
    private let result = Mutex<KeyLog?>(nil)

    init(_ log: KeyLog) {
        result.withLock { $0 = log }
    }

    init(reading text: String) {
        read.enter()
        Thread.detachNewThread { [self] in
            let log = KeyLog(text: text)
            result.withLock { $0 = log }
            read.leave()
        }
    }

    var log: KeyLog {
        read.wait()
        return result.withLock { $0! }
    }
}

/// A key log merged with the capture's own, made on first use and kept: every TLS
/// connection of a capture asks with the same secrets blocks, which may hold thousands
/// of lines.
private final class MergedLogs: Sendable {
    private let made = Mutex<(secrets: [DecryptionSecrets], log: KeyLog)?>(nil)

    func log(_ given: KeyLog, with secrets: [DecryptionSecrets]) -> KeyLog {
        made.withLock { made in
            if let made, Self.same(made.secrets, secrets) { return made.log }
            var log = given
            for block in secrets {
                if let carried = KeyLog(decryptionSecretsType: block.type, data: block.data) { log.merge(carried) }
            }
            made = (secrets, log)
            return log
        }
    }

    /// Whether two lists hold the same blocks: the very same bytes (kept alive here, so
    /// never another capture's), else equal ones.
    private static func same(_ kept: [DecryptionSecrets], _ asked: [DecryptionSecrets]) -> Bool {
        let identical = kept.count == asked.count && zip(kept, asked).allSatisfy { kept, asked in
            kept.offset == asked.offset && kept.type == asked.type
                && kept.data.withUnsafeBufferPointer { $0.baseAddress } == asked.data.withUnsafeBufferPointer { $0.baseAddress }
        }
        return identical || kept == asked
    }
}

/// Both directions of one connection, each with its own keys and sequence numbers.
struct ConnectionDecryptor: RecordDecryptor {
    var toServer: DirectionDecryptor
    var toClient: DirectionDecryptor

    mutating func open(_ header: TLSRecordHeader, fragment: UnsafeRawBufferPointer) -> OpenedRecord? {
        let result =
            header.direction == .clientToServer
            ? toServer.decrypt(contentType: header.contentType, legacyVersion: header.version, payload: fragment)
            : toClient.decrypt(contentType: header.contentType, legacyVersion: header.version, payload: fragment)
        return try? result.get()
    }
}

extension TLSSessionFacts {
    /// The facts decryption needs, without the rest the capture reader records.
    init(version: UInt16, cipherSuite: UInt16, clientRandom: [UInt8], serverRandom: [UInt8]) {
        self.init(
            clientRandom: clientRandom, serverRandom: serverRandom, version: version, cipherSuite: cipherSuite, group: nil,
            serverName: nil, clientHelloMessage: [], serverHelloMessage: [])
    }
}
