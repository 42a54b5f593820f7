import Dispatch

/// Where work that computes for a long time runs: counting a report's periods, loading the dashboard's index,
/// writing an import. The server runs Swift Concurrency's jobs on its event loops (`RoundtableCLI.serve`), and
/// a job there stays on the loop it started on, which is what makes a page's awaits cheap. Work that keeps a
/// core busy for milliseconds or seconds must not stay there: a report's two periods were counted one after
/// the other on one loop (×1.8 the time), and loading the index would hold up every connection on its loop.
/// Tasks that prefer this executor run on threads of their own, side by side.
public enum LongWork {
    public static let executor: any TaskExecutor = QueueTaskExecutor(.global(qos: .userInitiated))
}

/// A task executor over one of Dispatch's global queues: each job runs on whichever of its threads is free.
final class QueueTaskExecutor: TaskExecutor {
    private let queue: DispatchQueue

    init(_ queue: DispatchQueue) { self.queue = queue }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
