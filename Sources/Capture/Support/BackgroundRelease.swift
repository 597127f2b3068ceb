import Foundation

/// Frees values on a thread that runs only when a core would otherwise be idle: what
/// reading a capture leaves behind is millions of small allocations, and freeing them
/// must take no time from the report. If the process ends first, the system takes the
/// memory back at once.
enum BackgroundRelease {
    static func release(_ values: [Any]) {
        // Retained once more here, released there: the last release, which frees, is the background's.
        let box = Unmanaged.passRetained(Box(values))
        let handle = Handle(box: box)
        Thread.detachNewThread {
            #if os(Linux)
                // SCHED_IDLE (5 in <sched.h>, which Swift does not import): this thread only.
                var parameters = sched_param()
                _ = sched_setscheduler(0, 5, &parameters)
            #endif
            handle.box.release()
        }
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
