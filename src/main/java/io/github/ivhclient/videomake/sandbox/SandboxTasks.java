package io.github.ivhclient.videomake.sandbox;

import io.github.ivhclient.videomake.sandbox.SandboxGateway.SentCallback;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The sandbox's tasks by TaskId, and the log of the callbacks it attempted. Thread-safe. */
final class SandboxTasks {
  private final Map<String, SandboxTask> tasks = new ConcurrentHashMap<>();
  private final List<SentCallback> callbacks = new ArrayList<>();

  void add(SandboxTask task) {
    tasks.put(task.taskId(), task);
  }

  /** The task, or {@code null} for a TaskId the sandbox never issued. */
  SandboxTask get(String taskId) {
    return tasks.get(taskId);
  }

  void recordCallback(SentCallback callback) {
    synchronized (callbacks) {
      callbacks.add(callback);
      callbacks.notifyAll();
    }
  }

  List<SentCallback> sentCallbacks() {
    synchronized (callbacks) {
      return List.copyOf(callbacks);
    }
  }

  /** The callbacks attempted once there are {@code count}, or when {@code timeout} passed (possibly fewer). */
  List<SentCallback> awaitCallbacks(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (callbacks) {
      long left;
      while (callbacks.size() < count && (left = deadline - System.nanoTime()) > 0) {
        TimeUnit.NANOSECONDS.timedWait(callbacks, left);
      }
      return List.copyOf(callbacks);
    }
  }
}
