import Dispatch

/// Runs independent pieces of work (the connections of a capture) on every core:
/// `concurrentPerform` spreads the indices over as many threads as there are active
/// cores, each taking the next index when done, so a long connection does not hold
/// up the rest. Results keep the indices' order.
enum ConcurrentMap {
    static func map<T>(_ count: Int, _ transform: (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            let work = Work(transform: transform)
            return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                let results = Results(base: buffer.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    (results.base + index).initialize(to: work.transform(index))
                }
                initialized = count
            }
        }
    }

    /// Each index is written by one thread only, and read after all have finished.
    private struct Results<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T>
    }

    /// The transform reads shared state that no thread changes while the work runs.
    private struct Work<T>: @unchecked Sendable {
        let transform: (Int) -> T
    }
}
