import Foundation
import NIOCore
import NIOSSL
import Testing

@testable import OutgoingHTTPS

@Suite struct OutgoingTLSTests {
    @Test func withoutTheVariablesItIsTheDefaultClientConfiguration() throws {
        for environment in [[:], ["SSLKEYLOGFILE": "", "SSL_CERT_FILE": ""]] {
            let configuration = try OutgoingTLS.configuration(environment: environment)
            #expect(configuration.keyLogCallback == nil)
            #expect(configuration.additionalTrustRoots.isEmpty)
            #expect(configuration.certificateVerification == .fullVerification)
        }
    }

    @Test func sslKeyLogFileGetsEachSecretTheTLSLibraryGives() throws {
        let path = KeyLogFileTests.scratchPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = try OutgoingTLS.configuration(environment: ["SSLKEYLOGFILE": path])
        let callback = try #require(configuration.keyLogCallback)
        callback(ByteBuffer(string: "SERVER_TRAFFIC_SECRET_0 0011 2233\n"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "SERVER_TRAFFIC_SECRET_0 0011 2233\n")
        #expect(configuration.certificateVerification == .fullVerification, "a key log does not lower verification")
    }

    @Test func sslCertFileIsTrustedBesidesTheSystemsRoots() throws {
        let path = KeyLogFileTests.scratchPath()
        try "not read until a handshake".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = try OutgoingTLS.configuration(environment: ["SSL_CERT_FILE": path])
        #expect(configuration.additionalTrustRoots == [.file(path)])
        #expect(configuration.trustRoots == TLSConfiguration.makeClientConfiguration().trustRoots)
        // A file that is not there is left out, not a failure of every connection.
        let missing = try OutgoingTLS.configuration(environment: ["SSL_CERT_FILE": path + ".missing"])
        #expect(missing.additionalTrustRoots.isEmpty)
    }

    @Test func anUnwritableKeyLogIsRefusedWithWhatToDo() {
        #expect(throws: KeyLogFileError.self) {
            try OutgoingTLS.configuration(environment: ["SSLKEYLOGFILE": "/nonexistent-\(UUID().uuidString)/keys.log"])
        }
    }
}
