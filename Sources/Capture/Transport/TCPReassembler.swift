/// One direction of a TCP connection, put back in sequence order.
///
/// A pure state machine: segments go in (as ranges of the file, with their frame),
/// the in-order stream and notes come out. Retransmitted bytes are dropped, early
/// segments wait until the gap before them fills, and what never fills is noted as
/// missing when the capture ends; the stream is read up to the first gap.
struct TCPReassembler {
    /// What became of one segment's payload.
    enum Outcome: Equatable {
        case inOrder
        /// Every byte had been seen already.
        case retransmission
        /// Some bytes were new, some seen already.
        case partialRetransmission
        /// It came before the bytes that precede it; it waits.
        case outOfOrder
        case empty
    }

    /// Bytes that never arrived: the stream stops there.
    struct Gap: Equatable {
        var streamOffset: Int
        var missingBytes: Int
        /// The frame of the first segment after the gap.
        var beforeFrame: Int
    }

    private struct Waiting {
        var sequence: UInt32
        var range: Range<Int>
        var frame: Int
        var time: Int64?
    }

    private(set) var stream: StreamBytes
    /// The sequence number of the next byte expected; nil until the first SYN or segment.
    private(set) var nextSequence: UInt32?
    private(set) var initialSequence: UInt32?
    /// Early segments by sequence number: after a lost segment every later one waits,
    /// so finding one must not mean going through all the others.
    private var waiting: [UInt32: Waiting] = [:]
    private(set) var retransmissions = 0
    private(set) var outOfOrder = 0
    private(set) var gap: Gap?
    private(set) var finished = false

    init(file: UnsafeRawBufferPointer) {
        stream = StreamBytes(file: file)
    }

    /// A SYN: the stream starts after its sequence number.
    mutating func synchronize(sequence: UInt32) {
        initialSequence = sequence
        nextSequence = sequence &+ 1
    }

    /// Feeds one segment's payload; `sequence` is the sequence number of its first byte.
    @discardableResult
    mutating func receive(sequence: UInt32, payload: Range<Int>, frame: Int, time: Int64?) -> Outcome {
        guard !payload.isEmpty else { return .empty }
        guard gap == nil, let expected = nextSequence else {
            if nextSequence == nil {
                // The capture began after the handshake: start where the data does.
                nextSequence = sequence
                return receive(sequence: sequence, payload: payload, frame: frame, time: time)
            }
            return .outOfOrder
        }
        let distance = Int(Int32(bitPattern: sequence &- expected))
        if distance > 0 {
            if let held = waiting[sequence], held.range.count >= payload.count {
                retransmissions += 1
                return .retransmission
            }
            // A longer segment from the same place holds what the shorter one did.
            waiting[sequence] = Waiting(sequence: sequence, range: payload, frame: frame, time: time)
            outOfOrder += 1
            return .outOfOrder
        }
        let seen = -distance
        if seen >= payload.count {
            retransmissions += 1
            return .retransmission
        }
        append(payload.dropFirst(seen), frame: frame, time: time)
        drainWaiting(filledBy: frame, time: time)
        if seen > 0 {
            retransmissions += 1
            return .partialRetransmission
        }
        return .inOrder
    }

    /// The capture ended: what still waits is behind a gap.
    mutating func finish() {
        guard !finished else { return }
        finished = true
        guard let expected = nextSequence,
            let first = waiting.values.min(by: { Int32(bitPattern: $0.sequence &- expected) < Int32(bitPattern: $1.sequence &- expected) })
        else { return }
        gap = Gap(streamOffset: stream.count, missingBytes: Int(Int32(bitPattern: first.sequence &- expected)), beforeFrame: first.frame)
    }

    private mutating func append(_ range: Range<Int>, frame: Int, time: Int64?) {
        stream.append(range, frame: frame, time: time)
        nextSequence = nextSequence.map { $0 &+ UInt32(truncatingIfNeeded: range.count) }
    }

    /// Appends waiting segments that the stream has reached, trimming what it already
    /// holds. Their bytes could be read only once `frame` filled the gap: they are
    /// credited to it, as Wireshark shows a reassembled message in the frame that completed it.
    private mutating func drainWaiting(filledBy frame: Int, time: Int64?) {
        while !waiting.isEmpty, let expected = nextSequence {
            if let segment = waiting.removeValue(forKey: expected) {
                append(segment.range, frame: frame, time: time)
                continue
            }
            // One that starts inside what the stream holds (sent again with other
            // boundaries) is trimmed; looked for only once none starts where it ends.
            guard let (sequence, segment) = waiting.first(where: { Int32(bitPattern: $0.key &- expected) <= 0 }) else { return }
            waiting.removeValue(forKey: sequence)
            let seen = Int(expected &- sequence)
            if seen < segment.range.count {
                append(segment.range.dropFirst(seen), frame: frame, time: time)
            }
        }
    }
}
