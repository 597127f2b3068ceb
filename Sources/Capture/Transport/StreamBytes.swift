/// One direction of a connection as a byte stream: pieces in order, each a range of
/// the mapped file (or, for decrypted records, bytes of its own), with the frame that
/// carried it. Nothing is copied until a reader asks for bytes that span pieces.
struct StreamBytes {
    struct Piece {
        enum Storage {
            case mapped(Range<Int>)
            case owned([UInt8])
        }
        /// Offset of the piece's first byte in the stream.
        var start: Int
        var storage: Storage
        var frame: Int
        var time: Int64?

        var count: Int {
            switch storage {
            case .mapped(let range): return range.count
            case .owned(let bytes): return bytes.count
            }
        }
    }

    let file: UnsafeRawBufferPointer
    private(set) var pieces: [Piece] = []
    private(set) var count = 0

    init(file: UnsafeRawBufferPointer) {
        self.file = file
    }

    mutating func append(_ range: Range<Int>, frame: Int, time: Int64?) {
        guard !range.isEmpty else { return }
        pieces.append(Piece(start: count, storage: .mapped(range), frame: frame, time: time))
        count += range.count
    }

    mutating func append(owned bytes: [UInt8], frame: Int, time: Int64?) {
        guard !bytes.isEmpty else { return }
        pieces.append(Piece(start: count, storage: .owned(bytes), frame: frame, time: time))
        count += bytes.count
    }

    // MARK: - Reading

    /// The index of the piece holding stream offset `offset` (which must be < count).
    func pieceIndex(at offset: Int) -> Int {
        var low = 0
        var high = pieces.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if pieces[middle].start <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The frame that carried the byte at `offset`.
    func frame(at offset: Int) -> (number: Int, time: Int64?) {
        guard !pieces.isEmpty else { return (0, nil) }
        let piece = pieces[pieceIndex(at: min(max(offset, 0), count - 1))]
        return (piece.frame, piece.time)
    }

    func byte(at offset: Int) -> UInt8 {
        let piece = pieces[pieceIndex(at: offset)]
        switch piece.storage {
        case .mapped(let range): return file[range.lowerBound + offset - piece.start]
        case .owned(let bytes): return bytes[offset - piece.start]
        }
    }

    /// Calls `body` with the bytes of `range`: a view of the file when one piece
    /// holds them all, a copy only when they span pieces.
    func withBytes<R>(_ range: Range<Int>, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        guard !range.isEmpty else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        let index = pieceIndex(at: range.lowerBound)
        let piece = pieces[index]
        if range.upperBound <= piece.start + piece.count {
            let from = range.lowerBound - piece.start
            switch piece.storage {
            case .mapped(let mapped):
                return try body(UnsafeRawBufferPointer(rebasing: file[(mapped.lowerBound + from)..<(mapped.lowerBound + from + range.count)]))
            case .owned(let bytes):
                return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[from..<(from + range.count)])) }
            }
        }
        return try copy(range).withUnsafeBytes(body)
    }

    /// The bytes of `range`, gathered across pieces.
    func copy(_ range: Range<Int>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(range.count)
        guard !range.isEmpty else { return result }
        var index = pieceIndex(at: range.lowerBound)
        var position = range.lowerBound
        while position < range.upperBound, index < pieces.count {
            let piece = pieces[index]
            let from = position - piece.start
            let to = min(piece.count, range.upperBound - piece.start)
            switch piece.storage {
            case .mapped(let mapped): result.append(contentsOf: file[(mapped.lowerBound + from)..<(mapped.lowerBound + to)])
            case .owned(let bytes): result.append(contentsOf: bytes[from..<to])
            }
            position = piece.start + to
            index += 1
        }
        return result
    }

    /// The first offset at or after `from` (and before `limit`) where `pattern` starts.
    func firstIndex(of pattern: [UInt8], from: Int, limit: Int? = nil) -> Int? {
        let end = min(limit ?? count, count)
        guard !pattern.isEmpty, end - from >= pattern.count, !pieces.isEmpty else { return nil }
        var index = pieceIndex(at: from)
        var position = from
        var matched = 0
        var matchStart = from
        while position < end {
            while index + 1 < pieces.count, pieces[index + 1].start <= position { index += 1 }
            let piece = pieces[index]
            let byte: UInt8
            switch piece.storage {
            case .mapped(let mapped): byte = file[mapped.lowerBound + position - piece.start]
            case .owned(let bytes): byte = bytes[position - piece.start]
            }
            if byte == pattern[matched] {
                if matched == 0 { matchStart = position }
                matched += 1
                if matched == pattern.count { return matchStart }
                position += 1
            } else if matched > 0 {
                position = matchStart + 1
                matched = 0
                index = pieceIndex(at: position < count ? position : count - 1)
            } else {
                position += 1
            }
        }
        return nil
    }
}
