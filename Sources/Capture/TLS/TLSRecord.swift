/// One TLS record as it sits in a reassembled stream.
struct TLSRecord {
    enum ContentType: UInt8 {
        case changeCipherSpec = 20
        case alert = 21
        case handshake = 22
        case applicationData = 23
        case heartbeat = 24
    }

    var type: ContentType
    var version: UInt16
    /// The fragment (after the 5-byte header) in the stream.
    var fragment: Range<Int>
    /// The frame that carried the record's last byte: when it could be read.
    var frame: Int
    var time: Int64?
}

/// Splits a stream into TLS records; a record may span any number of segments.
struct TLSRecordReader {
    /// Why reading stopped before the end of the stream, if it did.
    enum Stop: Equatable {
        case incomplete(offset: Int)
        case notTLS(offset: Int)
    }

    static let maximumFragment = 16_384 + 2048

    /// The records of a stream, whose bytes are `bytes` (contiguous), up to the end or
    /// to what is not a whole record.
    static func records(in bytes: UnsafeRawBufferPointer, stream: StreamBytes) -> (records: [TLSRecord], stop: Stop?) {
        var records: [TLSRecord] = []
        var offset = 0
        while offset < bytes.count {
            guard bytes.count - offset >= 5 else { return (records, .incomplete(offset: offset)) }
            guard let type = TLSRecord.ContentType(rawValue: bytes[offset]), bytes[offset + 1] == 3 else {
                return (records, .notTLS(offset: offset))
            }
            let version = bytes.u16(offset + 1)
            let length = Int(bytes.u16(offset + 3))
            guard length <= maximumFragment else { return (records, .notTLS(offset: offset)) }
            let end = offset + 5 + length
            guard end <= bytes.count else { return (records, .incomplete(offset: offset)) }
            let carrier = stream.frame(at: end - 1)
            records.append(TLSRecord(type: type, version: version, fragment: (offset + 5)..<end, frame: carrier.number, time: carrier.time))
            offset = end
        }
        return (records, nil)
    }

    /// Whether a stream starts like TLS: a handshake record of version 3.x.
    static func looksLikeTLS(_ stream: StreamBytes) -> Bool {
        stream.count >= 3 && stream.byte(at: 0) == 22 && stream.byte(at: 1) == 3 && stream.byte(at: 2) <= 4
    }
}
