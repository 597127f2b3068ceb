import Dispatch

/// Frees values on a background thread: what reading a capture leaves behind is
/// millions of small allocations, and the report need not wait for them to be freed.
enum BackgroundRelease {
    static func release(_ values: [Any]) {
        // Retained once more here, released there: the last release, which frees, is the background's.
        let box = Unmanaged.passRetained(Box(values))
        let handle = Handle(box: box)
        DispatchQueue.global(qos: .utility).async { handle.box.release() }
    }

    private final class Box {
        let values: [Any]
        init(_ values: [Any]) { self.values = values }
    }

    /// Only the background thread touches the box once it is handed over.
    private struct Handle: @unchecked Sendable {
        let box: Unmanaged<Box>
    }
}
