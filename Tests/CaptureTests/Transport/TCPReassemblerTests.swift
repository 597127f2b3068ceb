import Testing

@testable import Capture

/// The reassembler alone: segments in, stream and notes out.
@Suite struct TCPReassemblerTests {
    /// A file of the letters a–z, so that ranges of it are recognizable text.
    let file = MappedFile(copying: Array("abcdefghijklmnopqrstuvwxyz".utf8))

    func text(_ reassembler: TCPReassembler) -> String {
        String(decoding: reassembler.stream.copy(0..<reassembler.stream.count), as: UTF8.self)
    }

    @Test func inOrder() {
        var tcp = TCPReassembler(file: file.bytes)
        tcp.synchronize(sequence: 99)
        #expect(tcp.receive(sequence: 100, payload: 0..<3, frame: 1, time: nil) == .inOrder)
        #expect(tcp.receive(sequence: 103, payload: 3..<6, frame: 2, time: nil) == .inOrder)
        #expect(text(tcp) == "abcdef")
        #expect(tcp.stream.frame(at: 4).number == 2)
    }

    @Test func outOfOrderWaitsForTheGapToFill() {
        var tcp = TCPReassembler(file: file.bytes)
        tcp.synchronize(sequence: 0)
        #expect(tcp.receive(sequence: 4, payload: 3..<6, frame: 1, time: nil) == .outOfOrder)
        #expect(tcp.receive(sequence: 7, payload: 6..<9, frame: 2, time: nil) == .outOfOrder)
        #expect(text(tcp) == "")
        #expect(tcp.receive(sequence: 1, payload: 0..<3, frame: 3, time: nil) == .inOrder)
        #expect(text(tcp) == "abcdefghi")
        #expect(tcp.outOfOrder == 2)
        tcp.finish()
        #expect(tcp.gap == nil)
    }

    @Test func retransmissionsAreDroppedAndOverlapsTrimmed() {
        var tcp = TCPReassembler(file: file.bytes)
        tcp.synchronize(sequence: 0)
        tcp.receive(sequence: 1, payload: 0..<4, frame: 1, time: nil)
        #expect(tcp.receive(sequence: 1, payload: 0..<4, frame: 2, time: nil) == .retransmission)
        #expect(tcp.receive(sequence: 3, payload: 2..<6, frame: 3, time: nil) == .partialRetransmission)
        #expect(text(tcp) == "abcdef")
        #expect(tcp.retransmissions == 2)
    }

    @Test func aGapThatNeverFillsEndsTheStream() {
        var tcp = TCPReassembler(file: file.bytes)
        tcp.synchronize(sequence: 0)
        tcp.receive(sequence: 1, payload: 0..<2, frame: 1, time: nil)
        tcp.receive(sequence: 6, payload: 5..<8, frame: 2, time: nil)
        tcp.finish()
        #expect(text(tcp) == "ab")
        #expect(tcp.gap == TCPReassembler.Gap(streamOffset: 2, missingBytes: 3, beforeFrame: 2))
    }

    @Test func overlappingEarlySegmentsAreTrimmedWhenTheGapFills() {
        var tcp = TCPReassembler(file: file.bytes)
        tcp.synchronize(sequence: 0)
        // Sent again with other boundaries: 4..<9 after 6..<8 and 9..<11, then the gap fills.
        tcp.receive(sequence: 7, payload: 6..<8, frame: 1, time: nil)
        tcp.receive(sequence: 5, payload: 4..<9, frame: 2, time: nil)
        tcp.receive(sequence: 10, payload: 9..<11, frame: 3, time: nil)
        #expect(tcp.receive(sequence: 5, payload: 4..<6, frame: 4, time: nil) == .retransmission)
        #expect(tcp.receive(sequence: 1, payload: 0..<6, frame: 5, time: nil) == .inOrder)
        #expect(text(tcp) == "abcdefghijk")
        tcp.finish()
        #expect(tcp.gap == nil)
    }

    @Test(.timeLimit(.minutes(1))) func aLostSegmentBeforeManyOthersIsNotedWithoutSlowingDown() {
        // A lost segment early in a long connection (tcpdump drops some under load): every
        // later one waits, 200,000 of them, each looked up without going through the rest.
        let count = 200_000
        var tcp = TCPReassembler(file: file.bytes)
        tcp.synchronize(sequence: 0)
        tcp.receive(sequence: 1, payload: 0..<1, frame: 1, time: nil)
        for index in 0..<count {
            let sequence = UInt32(3 + index)
            #expect(tcp.receive(sequence: sequence, payload: 2..<3, frame: 2 + index, time: nil) == .outOfOrder)
            if index % 1_000 == 0 {
                #expect(tcp.receive(sequence: sequence, payload: 2..<3, frame: 2 + index, time: nil) == .retransmission)
            }
        }
        tcp.finish()
        #expect(text(tcp) == "a")
        #expect(tcp.gap == TCPReassembler.Gap(streamOffset: 1, missingBytes: 1, beforeFrame: 2))
        #expect(tcp.outOfOrder == count && tcp.retransmissions == count / 1_000)
    }

    @Test func sequenceNumbersWrapAround() {
        var tcp = TCPReassembler(file: file.bytes)
        tcp.synchronize(sequence: UInt32.max - 1)
        #expect(tcp.receive(sequence: UInt32.max, payload: 0..<3, frame: 1, time: nil) == .inOrder)
        #expect(tcp.receive(sequence: 2, payload: 3..<5, frame: 2, time: nil) == .inOrder)
        #expect(text(tcp) == "abcde")
    }

    @Test func withoutASynTheStreamStartsAtTheFirstSegment() {
        var tcp = TCPReassembler(file: file.bytes)
        #expect(tcp.receive(sequence: 5000, payload: 0..<2, frame: 1, time: nil) == .inOrder)
        #expect(text(tcp) == "ab")
    }

    @Test func piecesAreReadAcrossBoundaries() {
        var tcp = TCPReassembler(file: file.bytes)
        tcp.synchronize(sequence: 0)
        tcp.receive(sequence: 1, payload: 0..<2, frame: 1, time: nil)
        tcp.receive(sequence: 3, payload: 10..<14, frame: 2, time: nil)
        #expect(text(tcp) == "abklmn")
        #expect(tcp.stream.copy(1..<4) == Array("bkl".utf8))
        #expect(tcp.stream.withContiguousBytes { Array($0) } == Array("abklmn".utf8))
        #expect(tcp.stream.frame(at: 2) == (2, nil))
    }
}
