import Dispatch

/// A serial executor on a dispatch queue of its own, for an actor whose work may block:
/// a store waiting for another process's lock then holds this queue's thread, not one
/// of the few threads all of the server's tasks share. (`DispatchSerialQueue` is an
/// executor on Apple platforms only.)
final class QueueExecutor: SerialExecutor {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async {
            job.runSynchronously(on: executor)
        }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}
