import Foundation

/// Runs blocking work (a read of a pipe or a terminal, a wait for a process to end) on a
/// thread of its own, and waits for it without holding a thread.
///
/// Tasks run on a few shared threads, one a core: work that blocks one of them, or one of
/// Dispatch's global queues that they share on Linux, stalls every task of the process
/// (timers, servers, other connections) until it returns.
package func onOwnThread<T: Sendable, Failure: Error>(
    _ work: @escaping @Sendable () throws(Failure) -> T
) async throws(Failure) -> T {
    let result = await withCheckedContinuation { (done: CheckedContinuation<Result<T, Failure>, Never>) in
        Thread { done.resume(returning: Result { () throws(Failure) -> T in try work() }) }.start()
    }
    return try result.get()
}
