/// One direction of a connection as a byte stream: pieces in order, each a range of
/// the mapped file (or, for decrypted records, of plaintext the stream holds itself),
/// with the frame that carried it. Segments are never copied one by one: a reader
/// gathers the whole stream once, with ``withContiguousBytes(_:)``, when it needs it.
struct StreamBytes {
    struct Piece {
        /// Offset of the piece's first byte in the stream.
        var start: Int
        /// Where its bytes are: in the file, or in ``owned`` (decrypted plaintext).
        var source: Range<Int>
        var isOwned: Bool
        var frame: Int
        var time: Int64?

        var count: Int { source.count }
    }

    let file: UnsafeRawBufferPointer
    private(set) var pieces: [Piece] = []
    private(set) var count = 0
    /// Bytes of pieces that are not in the file, back to back: the plaintext of a TLS
    /// direction is one run, so reading it needs no gathering.
    private var owned: [UInt8] = []

    init(file: UnsafeRawBufferPointer) {
        self.file = file
    }

    mutating func append(_ range: Range<Int>, frame: Int, time: Int64?) {
        guard !range.isEmpty else { return }
        pieces.append(Piece(start: count, source: range, isOwned: false, frame: frame, time: time))
        count += range.count
    }

    mutating func append(owned bytes: some Collection<UInt8>, frame: Int, time: Int64?) {
        guard !bytes.isEmpty else { return }
        let start = owned.count
        owned.append(contentsOf: bytes)
        pieces.append(Piece(start: count, source: start..<owned.count, isOwned: true, frame: frame, time: time))
        count += owned.count - start
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
        let index = piece.source.lowerBound + offset - piece.start
        return piece.isOwned ? owned[index] : file[index]
    }

    /// Calls `body` with the whole stream in one buffer: a view of the file or of the
    /// owned plaintext when one run holds it all, else a gathered copy.
    func withContiguousBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        if pieces.allSatisfy(\.isOwned) {
            return try owned.withUnsafeBytes(body)
        }
        if pieces.count == 1 {
            return try body(UnsafeRawBufferPointer(rebasing: file[pieces[0].source]))
        }
        let gathered = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 16)
        defer { gathered.deallocate() }
        owned.withUnsafeBytes { owned in
            for piece in pieces {
                let from = piece.isOwned ? owned : file
                gathered.baseAddress!.advanced(by: piece.start)
                    .copyMemory(from: from.baseAddress!.advanced(by: piece.source.lowerBound), byteCount: piece.count)
            }
        }
        return try body(UnsafeRawBufferPointer(gathered))
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
            let from = piece.source.lowerBound + position - piece.start
            let to = piece.source.lowerBound + min(piece.count, range.upperBound - piece.start)
            if piece.isOwned { result.append(contentsOf: owned[from..<to]) } else { result.append(contentsOf: file[from..<to]) }
            position = piece.start + to - piece.source.lowerBound
            index += 1
        }
        return result
    }
}
