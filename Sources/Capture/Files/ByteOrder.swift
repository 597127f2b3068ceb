/// Reading fixed-size integers at an offset, in the byte order a header declares.
///
/// Callers check bounds first; these only load (unaligned: capture files align
/// nothing that matters).
enum ByteOrder: String, Sendable, Codable {
    case little = "little-endian"
    case big = "big-endian"
}

extension UnsafeRawBufferPointer {
    @inline(__always) func u8(_ offset: Int) -> UInt8 { self[offset] }

    @inline(__always) func u16(_ offset: Int, _ order: ByteOrder = .big) -> UInt16 {
        let raw = loadUnaligned(fromByteOffset: offset, as: UInt16.self)
        return order == .big ? UInt16(bigEndian: raw) : UInt16(littleEndian: raw)
    }

    @inline(__always) func u32(_ offset: Int, _ order: ByteOrder = .big) -> UInt32 {
        let raw = loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        return order == .big ? UInt32(bigEndian: raw) : UInt32(littleEndian: raw)
    }

    @inline(__always) func u64(_ offset: Int, _ order: ByteOrder = .big) -> UInt64 {
        let raw = loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        return order == .big ? UInt64(bigEndian: raw) : UInt64(littleEndian: raw)
    }
}
