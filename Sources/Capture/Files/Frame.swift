/// One captured packet: where its bytes sit in the file, when it was seen and on
/// which link. No bytes are copied; ``data`` is a range of the mapped file.
struct Frame {
    /// 1-based, as Wireshark numbers packets.
    var number: Int
    /// Nanoseconds since the Unix epoch; nil for pcapng simple packet blocks, which have none.
    var time: Int64?
    var link: LinkType
    /// The pcapng interface (0 for pcap).
    var interface: Int
    /// Offset of the captured bytes in the file.
    var offset: Int
    var capturedLength: Int
    var originalLength: Int
    var comments: [String] = []
}

/// The bytes of a pcapng Decryption Secrets Block, kept for the TLS seam.
package struct DecryptionSecrets: Sendable, Equatable {
    /// `0x544c534b` ("TLSK") is a TLS key log; others are kept as they are.
    package var type: UInt32
    package var data: [UInt8]
    /// Where the block starts in the file.
    package var offset: Int

    package var typeName: String {
        switch type {
        case 0x544c_534b: return "TLS key log"
        case 0x5747_4b4c: return "WireGuard key log"
        case 0x5a4e_5746: return "ZigBee NWK key"
        case 0x5a41_5053: return "ZigBee APS key"
        case 0x6f49_4c53: return "OPC UA key log"
        default: return "secrets of type 0x\(String(type, radix: 16))"
        }
    }
}

/// A pcapng interface, as its Interface Description Block declares it.
struct CaptureInterface {
    var link: LinkType
    var snapLength: UInt32
    var name: String?
    /// Units per second of its timestamps (10^6 unless `if_tsresol` says otherwise).
    var resolution: TimestampResolution = .decimal(6)
    /// Seconds added to each timestamp (`if_tsoffset`).
    var offsetSeconds: Int64 = 0
}

/// How finely a capture counts time: 10^-n or 2^-n seconds.
enum TimestampResolution: Equatable {
    case decimal(Int)
    case binary(Int)

    /// Converts a count of units into nanoseconds, without overflow for any resolution a file may declare.
    func nanoseconds(_ units: UInt64) -> Int64 {
        switch self {
        case .decimal(let digits):
            if digits <= 9 {
                var factor: UInt64 = 1
                for _ in 0..<(9 - digits) { factor *= 10 }
                let (product, overflow) = units.multipliedReportingOverflow(by: factor)
                return overflow ? Int64.max : Int64(clamping: product)
            }
            var divisor: UInt64 = 1
            for _ in 0..<min(digits - 9, 19) { divisor *= 10 }
            return Int64(clamping: units / divisor)
        case .binary(let bits):
            guard bits < 64 else { return 0 }
            let whole = units >> UInt64(bits)
            let fraction = units & ((UInt64(1) << UInt64(bits)) - 1)
            let fractionNanos = bits == 0 ? 0 : UInt64((Double(fraction) / Double(UInt64(1) << UInt64(bits))) * 1e9)
            let (seconds, overflow) = whole.multipliedReportingOverflow(by: 1_000_000_000)
            let (total, sumOverflow) = seconds.addingReportingOverflow(fractionNanos)
            return overflow || sumOverflow ? Int64.max : Int64(clamping: total)
        }
    }

    var description: String {
        switch self {
        case .decimal(6): return "microseconds"
        case .decimal(9): return "nanoseconds"
        case .decimal(3): return "milliseconds"
        case .decimal(let digits): return "10^-\(digits) s"
        case .binary(let bits): return "2^-\(bits) s"
        }
    }
}
