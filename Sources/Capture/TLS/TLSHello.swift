/// What a ClientHello offers.
struct ClientHello: Equatable {
    var legacyVersion: UInt16
    var random: [UInt8]
    var sessionID: [UInt8]
    var cipherSuites: [UInt16]
    var serverName: String?
    var supportedVersions: [UInt16]
    var supportedGroups: [UInt16]
    /// The groups it sent key shares for, with each share's length.
    var keyShares: [(group: UInt16, length: Int)]
    var alpn: [String]
    var extensions: [UInt16]

    static func == (a: ClientHello, b: ClientHello) -> Bool {
        a.random == b.random && a.cipherSuites == b.cipherSuites && a.serverName == b.serverName
            && a.supportedVersions == b.supportedVersions && a.supportedGroups == b.supportedGroups && a.alpn == b.alpn
            && a.keyShares.map(\.group) == b.keyShares.map(\.group)
    }
}

/// What a ServerHello chose.
struct ServerHello: Equatable {
    var legacyVersion: UInt16
    var random: [UInt8]
    var cipherSuite: UInt16
    /// From supported_versions (TLS 1.3), else the legacy version.
    var version: UInt16
    var keyShareGroup: UInt16?
    var alpn: String?
    /// A HelloRetryRequest is a ServerHello with this fixed random.
    var isHelloRetryRequest: Bool

    static let helloRetryRandom: [UInt8] = [
        0xCF, 0x21, 0xAD, 0x74, 0xE5, 0x9A, 0x61, 0x11, 0xBE, 0x1D, 0x8C, 0x02, 0x1E, 0x65, 0xB8, 0x91,
        0xC2, 0xA2, 0x11, 0x16, 0x7A, 0xBB, 0x8C, 0x5E, 0x07, 0x9E, 0x09, 0xE2, 0xC8, 0xA8, 0x33, 0x9C,
    ]
}

/// Parses the two hellos from a handshake message's body. Every read is bounded:
/// a malformed hello gives nil, never a trap.
enum TLSHelloParser {
    private struct Cursor {
        let bytes: [UInt8]
        var position: Int
        let end: Int

        mutating func u8() -> Int? {
            guard position < end else { return nil }
            defer { position += 1 }
            return Int(bytes[position])
        }

        mutating func u16() -> Int? {
            guard end - position >= 2 else { return nil }
            defer { position += 2 }
            return Int(bytes[position]) << 8 | Int(bytes[position + 1])
        }

        mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
            guard count >= 0, end - position >= count else { return nil }
            defer { position += count }
            return bytes[position..<(position + count)]
        }

        /// A sub-cursor over the next `count` bytes, which it skips.
        mutating func sub(_ count: Int) -> Cursor? {
            guard count >= 0, end - position >= count else { return nil }
            defer { position += count }
            return Cursor(bytes: bytes, position: position, end: position + count)
        }

        var remaining: Int { end - position }
    }

    static func clientHello(_ body: [UInt8]) -> ClientHello? {
        var cursor = Cursor(bytes: body, position: 0, end: body.count)
        guard let version = cursor.u16(), let random = cursor.take(32),
            let sessionLength = cursor.u8(), let session = cursor.take(sessionLength),
            let suitesLength = cursor.u16(), var suites = cursor.sub(suitesLength),
            let compressionLength = cursor.u8(), cursor.take(compressionLength) != nil
        else { return nil }
        var hello = ClientHello(
            legacyVersion: UInt16(version), random: Array(random), sessionID: Array(session), cipherSuites: [],
            serverName: nil, supportedVersions: [], supportedGroups: [], keyShares: [], alpn: [], extensions: [])
        while let suite = suites.u16() { hello.cipherSuites.append(UInt16(suite)) }
        guard cursor.remaining >= 2, let extensionsLength = cursor.u16(), var extensions = cursor.sub(extensionsLength) else { return hello }
        while let type = extensions.u16(), let length = extensions.u16(), var data = extensions.sub(length) {
            hello.extensions.append(UInt16(type))
            switch type {
            case 0:  // server_name
                guard let listLength = data.u16(), var list = data.sub(listLength) else { break }
                while let nameType = list.u8(), let nameLength = list.u16(), let name = list.take(nameLength) {
                    if nameType == 0 { hello.serverName = String(decoding: name, as: UTF8.self) }
                }
            case 10:  // supported_groups
                guard let listLength = data.u16(), var list = data.sub(listLength) else { break }
                while let group = list.u16() { hello.supportedGroups.append(UInt16(group)) }
            case 16:  // application_layer_protocol_negotiation
                guard let listLength = data.u16(), var list = data.sub(listLength) else { break }
                while let nameLength = list.u8(), let name = list.take(nameLength) { hello.alpn.append(String(decoding: name, as: UTF8.self)) }
            case 43:  // supported_versions
                guard let listLength = data.u8(), var list = data.sub(listLength) else { break }
                while let offered = list.u16() { hello.supportedVersions.append(UInt16(offered)) }
            case 51:  // key_share
                guard let listLength = data.u16(), var list = data.sub(listLength) else { break }
                while let group = list.u16(), let keyLength = list.u16(), list.take(keyLength) != nil {
                    hello.keyShares.append((UInt16(group), keyLength))
                }
            default: break
            }
        }
        return hello
    }

    static func serverHello(_ body: [UInt8]) -> ServerHello? {
        var cursor = Cursor(bytes: body, position: 0, end: body.count)
        guard let version = cursor.u16(), let random = cursor.take(32),
            let sessionLength = cursor.u8(), cursor.take(sessionLength) != nil,
            let suite = cursor.u16(), cursor.u8() != nil
        else { return nil }
        var hello = ServerHello(
            legacyVersion: UInt16(version), random: Array(random), cipherSuite: UInt16(suite), version: UInt16(version),
            keyShareGroup: nil, alpn: nil, isHelloRetryRequest: Array(random) == ServerHello.helloRetryRandom)
        guard cursor.remaining >= 2, let extensionsLength = cursor.u16(), var extensions = cursor.sub(extensionsLength) else { return hello }
        while let type = extensions.u16(), let length = extensions.u16(), var data = extensions.sub(length) {
            switch type {
            case 43: if let chosen = data.u16() { hello.version = UInt16(chosen) }
            case 51: if let group = data.u16() { hello.keyShareGroup = UInt16(group) }
            case 16:
                if data.u16() != nil, let nameLength = data.u8(), let name = data.take(nameLength) {
                    hello.alpn = String(decoding: name, as: UTF8.self)
                }
            default: break
            }
        }
        return hello
    }
}
