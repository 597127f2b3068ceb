import Foundation

/// The arguments `setlist` was started with, after its own name.
///
/// A Swift runtime linked in statically (the shipped binary) finds argv by walking
/// back from `environ`. A library preloaded with LD_PRELOAD that calls `setenv` while
/// it loads (libfaketime does) moves `environ` to the heap first, and
/// `CommandLine.arguments` then comes back empty: `setlist` would print its usage
/// instead of doing what it was asked. On Linux the kernel keeps its own copy in
/// `/proc/self/cmdline`, which nothing in the process can move.
enum ProcessArguments {
    static func current() -> [String] {
        resolve(runtime: CommandLine.arguments, cmdline: kernelCopy)
    }

    /// The runtime's arguments when it found any, else those of `cmdline` (read only
    /// then), both without the program's name.
    static func resolve(runtime: [String], cmdline: () -> [UInt8]?) -> [String] {
        guard runtime.isEmpty, let bytes = cmdline() else { return Array(runtime.dropFirst()) }
        // Each argument ends in a NUL, so an empty argument is nothing between two.
        var arguments = bytes.split(separator: 0, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        if bytes.last == 0 { arguments.removeLast() }
        return Array(arguments.dropFirst())
    }

    /// `/proc/self/cmdline`: argv as the kernel received it, NUL after each argument.
    private static func kernelCopy() -> [UInt8]? {
        #if os(Linux)
            FileHandle(forReadingAtPath: "/proc/self/cmdline").flatMap { try? $0.readToEnd() }.map(Array.init)
        #else
            nil
        #endif
    }
}
