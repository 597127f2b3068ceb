/// Why a capture could not be read (whole or in part), with the byte offset where
/// reading stopped, so that a person can look at the file there (`xxd -s OFFSET`).
package enum CaptureError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or mapped.
    case unreadable(path: String, reason: String)
    /// Neither pcap nor pcapng: the first four bytes are not a known magic number.
    case unknownFormat(magic: UInt32)
    /// The file ends inside a header, block or packet.
    case truncated(offset: Int, what: String)
    /// A header or block holds values that cannot be right.
    case corrupt(offset: Int, reason: String)

    package var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "Cannot read \(path): \(reason)."
        case .unknownFormat(let magic):
            let hex = String(magic, radix: 16)
            return "Not a pcap or pcapng capture (the file starts with 0x\(hex)): save captures with `tcpdump -w FILE` or Wireshark's pcap/pcapng formats."
        case .truncated(let offset, let what):
            return "The capture is truncated at byte \(offset): the file ends inside \(what). What came before is reported; if the capture was still being written, stop tcpdump first (it flushes on exit)."
        case .corrupt(let offset, let reason):
            return "The capture is damaged at byte \(offset): \(reason). What came before is reported."
        }
    }

    /// The byte offset where reading stopped, when there is one.
    package var offset: Int? {
        switch self {
        case .truncated(let offset, _), .corrupt(let offset, _): return offset
        case .unreadable, .unknownFormat: return nil
        }
    }
}
