import Crypto
import Testing
@testable import Capture

// MARK: - Hex

/// Bytes from hex text; whitespace is ignored so vectors can be laid out as in the RFCs.
func h(_ text: String) -> [UInt8] {
    let compact = String(text.filter { !$0.isWhitespace })
    guard let bytes = Hex.decode(compact) else {
        Issue.record("bad hex in test vector: \(text.prefix(40))…")
        return []
    }
    return bytes
}

func hex(_ bytes: [UInt8]) -> String { Hex.encode(bytes) }

// MARK: - Records

/// One record as the capture reader hands it over.
struct WireRecord: Equatable {
    var contentType: UInt8
    var legacyVersion: UInt16
    var payload: [UInt8]

    /// Splits a complete record (5-byte header included).
    init(complete bytes: [UInt8]) {
        contentType = bytes.first ?? 0
        legacyVersion = bytes.count >= 3 ? UInt16(bytes[1]) << 8 | UInt16(bytes[2]) : 0
        payload = Array(bytes.dropFirst(5))
        if bytes.count >= 5 {
            #expect(Int(bytes[3]) << 8 | Int(bytes[4]) == payload.count, "record length field")
        }
    }

    init(contentType: UInt8, legacyVersion: UInt16 = 0x0303, payload: [UInt8]) {
        self.contentType = contentType
        self.legacyVersion = legacyVersion
        self.payload = payload
    }

    /// The record with one payload byte flipped, as a corrupted capture would have it.
    func corrupted(at index: Int = 0) -> WireRecord {
        var copy = self
        copy.payload[index % copy.payload.count] ^= 0x40
        return copy
    }
}

extension DirectionDecryptor {
    mutating func decrypt(_ record: WireRecord) -> Result<OpenedRecord, RecordDecryptionFailure> {
        decrypt(contentType: record.contentType, legacyVersion: record.legacyVersion, payload: record.payload)
    }
}

extension Result where Success == OpenedRecord, Failure == RecordDecryptionFailure {
    var record: OpenedRecord? { try? get() }
    var failure: RecordDecryptionFailure? {
        if case .failure(let failure) = self { failure } else { nil }
    }
}

/// A handshake message: type, 24-bit length, body.
func handshakeMessage(type: UInt8, body: [UInt8]) -> [UInt8] {
    [type, UInt8(body.count >> 16 & 0xff), UInt8(body.count >> 8 & 0xff), UInt8(body.count & 0xff)] + body
}

func randomBytes(_ count: Int) -> [UInt8] {
    (0..<count).map { _ in UInt8.random(in: 0...255) }
}

func bigEndian(_ value: UInt64, width: Int) -> [UInt8] {
    (0..<width).reversed().map { UInt8(truncatingIfNeeded: value >> UInt64(8 * $0)) }
}

// MARK: - Sealing like a peer

/// The AEAD of a test peer, independent of the module's opening code.
enum TestAEAD {
    case aesGCM, chaCha

    func seal(key: [UInt8], nonce: [UInt8], plaintext: [UInt8], aad: [UInt8]) throws -> [UInt8] {
        switch self {
        case .aesGCM:
            let box = try AES.GCM.seal(plaintext, using: SymmetricKey(data: key), nonce: AES.GCM.Nonce(data: nonce), authenticating: aad)
            return Array(box.ciphertext) + Array(box.tag)
        case .chaCha:
            let box = try ChaChaPoly.seal(plaintext, using: SymmetricKey(data: key), nonce: ChaChaPoly.Nonce(data: nonce), authenticating: aad)
            return Array(box.ciphertext) + Array(box.tag)
        }
    }
}

func xor(_ iv: [UInt8], _ sequence: UInt64) -> [UInt8] {
    let padded = [UInt8](repeating: 0, count: iv.count - 8) + bigEndian(sequence, width: 8)
    return zip(iv, padded).map { $0 ^ $1 }
}

/// A TLS 1.3 sender (RFC 8446 §5.2–5.4): TLSInnerPlaintext with zero padding, outer
/// type 23, AAD = record header, nonce = IV XOR sequence number.
struct TLS13Sender {
    let aead: TestAEAD
    var key: [UInt8]
    var iv: [UInt8]
    var sequence: UInt64 = 0

    init(aead: TestAEAD, key: [UInt8], iv: [UInt8]) {
        self.aead = aead
        self.key = key
        self.iv = iv
    }

    mutating func seal(type: UInt8, _ content: [UInt8], padding: Int = 0) throws -> WireRecord {
        let inner = content + [type] + [UInt8](repeating: 0, count: padding)
        let length = inner.count + 16
        let header: [UInt8] = [23, 0x03, 0x03, UInt8(length >> 8), UInt8(length & 0xff)]
        let sealed = try aead.seal(key: key, nonce: xor(iv, sequence), plaintext: inner, aad: header)
        sequence += 1
        return WireRecord(contentType: 23, payload: sealed)
    }

    /// New keys (after Finished or KeyUpdate): sequence numbers restart at 0.
    mutating func rekey(key: [UInt8], iv: [UInt8]) {
        self.key = key
        self.iv = iv
        sequence = 0
    }
}

/// A TLS 1.2 AEAD sender: GCM with a record-carried 8-byte explicit nonce (RFC 5288 §3),
/// ChaCha20-Poly1305 with IV XOR sequence (RFC 7905 §2); AAD = seq, type, version, length.
struct TLS12Sender {
    let aead: TestAEAD
    let key: [UInt8]
    let iv: [UInt8]
    var sequence: UInt64 = 0

    mutating func seal(type: UInt8, _ plaintext: [UInt8], explicitNonce: [UInt8] = randomBytes(8)) throws -> WireRecord {
        let aad = bigEndian(sequence, width: 8) + [type, 0x03, 0x03] + bigEndian(UInt64(plaintext.count), width: 2)
        let payload: [UInt8]
        switch aead {
        case .aesGCM:
            payload = explicitNonce + (try aead.seal(key: key, nonce: iv + explicitNonce, plaintext: plaintext, aad: aad))
        case .chaCha:
            payload = try aead.seal(key: key, nonce: xor(iv, sequence), plaintext: plaintext, aad: aad)
        }
        sequence += 1
        return WireRecord(contentType: type, payload: payload)
    }
}
