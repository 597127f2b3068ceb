/// Reads pcapng: blocks of a type, a length, a body and the length again. Sections
/// (each with its own byte order) hold interfaces; packets name their interface,
/// whose link type, timestamp resolution and offset apply to them.
struct PcapngReader {
    let bytes: UnsafeRawBufferPointer
    private var offset = 0
    private var order: ByteOrder = .little
    private var number = 0
    /// The interfaces of the current section, by id.
    private(set) var interfaces: [CaptureInterface] = []
    /// Every interface of every section, in order, for the report.
    private(set) var allInterfaces: [CaptureInterface] = []
    private(set) var sections = 0
    private(set) var secrets: [DecryptionSecrets] = []
    /// Comments of section headers and interfaces (packet comments travel with their frame).
    private(set) var comments: [String] = []
    private(set) var damage: CaptureError?

    static let sectionHeader: UInt32 = 0x0A0D_0D0A

    /// Nil when the file does not start with a section header block.
    init?(bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= 4, bytes.u32(0, .big) == Self.sectionHeader else { return nil }
        self.bytes = bytes
    }

    /// The next packet, or nil at the end of the file or at damage.
    mutating func next() -> Frame? {
        while damage == nil, offset < bytes.count {
            let start = offset
            guard bytes.count - start >= 12 else {
                damage = .truncated(offset: start, what: "a block header")
                return nil
            }
            let type = bytes.u32(start, order)
            if bytes.u32(start, .big) == Self.sectionHeader {
                guard bytes.count - start >= 28 else {
                    damage = .truncated(offset: start, what: "a section header block")
                    return nil
                }
                switch bytes.u32(start + 8, .big) {
                case 0x1A2B_3C4D: order = .big
                case 0x4D3C_2B1A: order = .little
                default:
                    damage = .corrupt(offset: start + 8, reason: "a section header block with an unknown byte-order magic")
                    return nil
                }
            }
            let length = Int(bytes.u32(start + 4, order))
            guard length >= 12, length % 4 == 0 else {
                damage = .corrupt(offset: start + 4, reason: "a block of length \(length) (block lengths are multiples of 4, at least 12)")
                return nil
            }
            guard bytes.count - start >= length else {
                damage = .truncated(offset: start, what: "a block of \(length) bytes (\(bytes.count - start) left)")
                return nil
            }
            guard Int(bytes.u32(start + length - 4, order)) == length else {
                damage = .corrupt(offset: start + length - 4, reason: "the block's trailing length differs from its leading length \(length)")
                return nil
            }
            offset = start + length
            let body = start + 8
            let bodyEnd = start + length - 4
            if type == Self.sectionHeader {
                readSectionHeader(body: body, end: bodyEnd)
                continue
            }
            switch type {
            case 1: readInterface(body: body, end: bodyEnd)
            case 6: if let frame = readPacket(block: start, body: body, end: bodyEnd, obsolete: false) { return frame }
            case 3: if let frame = readSimplePacket(block: start, body: body, end: bodyEnd) { return frame }
            case 2: if let frame = readPacket(block: start, body: body, end: bodyEnd, obsolete: true) { return frame }
            case 0x0A: readSecrets(block: start, body: body, end: bodyEnd)
            default: continue  // name resolution, statistics, custom blocks: nothing to dissect
            }
        }
        return nil
    }

    // MARK: - Blocks

    private mutating func readSectionHeader(body: Int, end: Int) {
        sections += 1
        interfaces = []
        forEachOption(from: body + 16, to: end) { code, value, reader in
            if code == 1 { reader.comments.append(reader.text(value)) }
        }
    }

    private mutating func readInterface(body: Int, end: Int) {
        guard end - body >= 8 else {
            damage = .corrupt(offset: body, reason: "an interface description block too short for its fields")
            return
        }
        var interface = CaptureInterface(link: LinkType(rawValue: UInt32(bytes.u16(body, order))), snapLength: bytes.u32(body + 4, order))
        forEachOption(from: body + 8, to: end) { code, value, reader in
            switch code {
            case 1: reader.comments.append(reader.text(value))
            case 2: interface.name = reader.text(value)
            case 9 where value.count >= 1:
                let raw = reader.bytes[value.lowerBound]
                interface.resolution = raw & 0x80 == 0 ? .decimal(Int(raw)) : .binary(Int(raw & 0x7f))
            case 14 where value.count >= 8:
                interface.offsetSeconds = Int64(bitPattern: reader.bytes.u64(value.lowerBound, reader.order))
            default: break
            }
        }
        interfaces.append(interface)
        allInterfaces.append(interface)
    }

    /// An enhanced packet block, or the obsolete packet block it replaced: the same
    /// fields, but the obsolete one's interface id is 16 bits (a drops count follows it).
    private mutating func readPacket(block: Int, body: Int, end: Int, obsolete: Bool) -> Frame? {
        guard end - body >= 20 else {
            damage = .corrupt(offset: block, reason: "\(obsolete ? "a" : "an enhanced") packet block too short for its fields")
            return nil
        }
        let id = obsolete ? Int(bytes.u16(body, order)) : Int(bytes.u32(body, order))
        let units = UInt64(bytes.u32(body + 4, order)) << 32 | UInt64(bytes.u32(body + 8, order))
        let captured = Int(bytes.u32(body + 12, order))
        let original = Int(bytes.u32(body + 16, order))
        return packet(block: block, interfaceID: id, units: units, data: body + 20, captured: captured, original: original, end: end)
    }

    private mutating func readSimplePacket(block: Int, body: Int, end: Int) -> Frame? {
        guard end - body >= 4 else {
            damage = .corrupt(offset: block, reason: "a simple packet block too short for its fields")
            return nil
        }
        guard let interface = interfaces.first else {
            damage = .corrupt(offset: block, reason: "a simple packet block before any interface description block")
            return nil
        }
        let original = Int(bytes.u32(body, order))
        let captured = min(original, end - body - 4, Int(interface.snapLength == 0 ? UInt32.max : interface.snapLength))
        number += 1
        return Frame(number: number, time: nil, link: interface.link, interface: 0, offset: body + 4, capturedLength: captured, originalLength: original)
    }

    private mutating func packet(block: Int, interfaceID: Int, units: UInt64, data: Int, captured: Int, original: Int, end: Int) -> Frame? {
        guard interfaceID < interfaces.count else {
            damage = .corrupt(offset: block + 8, reason: "a packet names interface \(interfaceID), but the section declares \(interfaces.count)")
            return nil
        }
        guard captured <= end - data else {
            damage = .corrupt(offset: block + 20, reason: "a packet claims \(captured) captured bytes, more than its block holds")
            return nil
        }
        let interface = interfaces[interfaceID]
        number += 1
        var frame = Frame(
            number: number,
            time: interface.resolution.nanoseconds(units).addingReportingOverflow(interface.offsetSeconds &* 1_000_000_000).partialValue,
            link: interface.link, interface: allInterfaces.count - interfaces.count + interfaceID,
            offset: data, capturedLength: captured, originalLength: original)
        let optionsStart = data + (captured + 3) & ~3
        forEachOption(from: optionsStart, to: end) { code, value, reader in
            if code == 1 { frame.comments.append(reader.text(value)) }
        }
        return frame
    }

    private mutating func readSecrets(block: Int, body: Int, end: Int) {
        guard end - body >= 8 else {
            damage = .corrupt(offset: block, reason: "a decryption secrets block too short for its fields")
            return
        }
        let type = bytes.u32(body, order)
        let length = Int(bytes.u32(body + 4, order))
        guard length <= end - body - 8 else {
            damage = .corrupt(offset: block + 12, reason: "decryption secrets of \(length) bytes in a smaller block")
            return
        }
        secrets.append(DecryptionSecrets(type: type, data: Array(UnsafeRawBufferPointer(rebasing: bytes[(body + 8)..<(body + 8 + length)])), offset: block))
    }

    // MARK: - Options

    /// Calls `body` with each option's code and value range, up to `opt_endofopt` or
    /// the end; a malformed option ends the list (options are optional, the packet is not).
    private mutating func forEachOption(from start: Int, to end: Int, _ body: (UInt16, Range<Int>, inout PcapngReader) -> Void) {
        var position = start
        while end - position >= 4 {
            let code = bytes.u16(position, order)
            let length = Int(bytes.u16(position + 2, order))
            if code == 0 { return }
            let valueStart = position + 4
            guard length <= end - valueStart else { return }
            body(code, valueStart..<(valueStart + length), &self)
            position = valueStart + (length + 3) & ~3
        }
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
