// MARK: - Record content types (RFC 8446 §5.1)

enum ContentType {
    static let changeCipherSpec: UInt8 = 20
    static let alert: UInt8 = 21
    static let handshake: UInt8 = 22
    static let applicationData: UInt8 = 23
}

enum HandshakeType {
    static let finished: UInt8 = 20
    static let keyUpdate: UInt8 = 24
}

extension Array where Element == UInt8 {
    /// `value` as `width` big-endian bytes, for AAD and record headers.
    init(bigEndian value: UInt64, width: Int) {
        self = (0..<width).reversed().map { UInt8(truncatingIfNeeded: value >> UInt64(8 * $0)) }
    }
}
