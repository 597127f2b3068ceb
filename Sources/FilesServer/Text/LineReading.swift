import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The first or last lines of a file, read without loading the rest of it; a
/// cancelled request stops between chunks.
enum LineReading {
    static let chunkSize = 64 * 1024

    /// The first `count` lines, joined by `\n`, without the newline that ends the last.
    static func head(_ file: borrowing Descriptor, lines count: Int, path: String, limit: Int) throws(FilesError) -> String {
        var data = Data()
        var newlines = 0
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        reading: while true {
            if Task.isCancelled { throw .cancelled }
            let received = chunk.withUnsafeMutableBytes { read(file.raw, $0.baseAddress, $0.count) }
            if received < 0 {
                if errno == EINTR { continue }
                throw .system(operation: "read", path: path, errno: errno)
            }
            if received == 0 { break }
            for index in 0..<received where chunk[index] == UInt8(ascii: "\n") {
                newlines += 1
                if newlines == count {
                    data.append(contentsOf: chunk[..<index])
                    break reading
                }
            }
            data.append(contentsOf: chunk[..<received])
            if data.count > limit { throw .tooLarge(path: path, bytes: data.count, limit: limit) }
        }
        return LineEdits.normalizeLineEndings(String(decoding: data, as: UTF8.self))
    }

    /// The last `count` lines, joined by `\n`.
    static func tail(
        _ file: borrowing Descriptor, lines count: Int, size: Int, path: String, limit: Int
    ) throws(FilesError) -> String {
        var data = Data()
        var position = size
        var newlines = 0
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        // A final newline ends the last line; it does not start an empty one.
        while position > 0 && newlines <= count {
            if Task.isCancelled { throw .cancelled }
            let length = min(chunkSize, position)
            position -= length
            let received = chunk.withUnsafeMutableBytes { pread(file.raw, $0.baseAddress, length, off_t(position)) }
            guard received >= 0 else { throw .system(operation: "read", path: path, errno: errno) }
            newlines += chunk[..<received].lazy.filter { $0 == UInt8(ascii: "\n") }.count
            data.insert(contentsOf: chunk[..<received], at: 0)
            if data.count > limit + chunkSize { throw .tooLarge(path: path, bytes: size, limit: limit) }
        }
        var lines = LineEdits.normalizeLineEndings(String(decoding: data, as: UTF8.self))
            .split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines.suffix(count).joined(separator: "\n")
    }
}
