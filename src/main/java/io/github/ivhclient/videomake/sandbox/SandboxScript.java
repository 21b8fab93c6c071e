package io.github.ivhclient.videomake.sandbox;

import io.github.ivhclient.videomake.sandbox.SandboxTask.ScriptedFailure;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a test scripted through {@link SandboxGateway} (failing tasks, HTTP answers, latency) and
 * what arrived (requests by path). Thread-safe: scripting takes effect for the next request.
 */
final class SandboxScript {
  private final ConcurrentLinkedQueue<ScriptedFailure> taskFailures = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<ScriptedAnswer> answers = new ConcurrentLinkedQueue<>();
  private final Map<String, AtomicInteger> requestCounts = new ConcurrentHashMap<>();
  private volatile Duration latency;

  /** A scripted HTTP answer: {@code retryAfterSeconds} is -1 when no Retry-After is sent. */
  record ScriptedAnswer(int httpStatus, long retryAfterSeconds) {}

  SandboxScript(Duration latency) {
    this.latency = latency;
  }

  void failNextTasks(int count, int failCode, String failMessage) {
    requireCount(count);
    Objects.requireNonNull(failMessage, "failMessage");
    for (int i = 0; i < count; i++) {
      taskFailures.add(new ScriptedFailure(failCode, failMessage));
    }
  }

  void answerNextRequests(int count, int httpStatus, long retryAfterSeconds) {
    requireCount(count);
    for (int i = 0; i < count; i++) {
      answers.add(new ScriptedAnswer(httpStatus, retryAfterSeconds));
    }
  }

  void latency(Duration latency) {
    this.latency = requireNotNegative(latency, "latency");
  }

  Duration latency() {
    return latency;
  }

  /** The failure scripted for the next task, consumed, or {@code null}. */
  ScriptedFailure nextTaskFailure() {
    return taskFailures.poll();
  }

  /** The next scripted HTTP answer, consumed, or {@code null}. */
  ScriptedAnswer nextAnswer() {
    return answers.poll();
  }

  void countRequest(String path) {
    requestCounts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
  }

  int requestCount(String path) {
    AtomicInteger count = requestCounts.get(Objects.requireNonNull(path, "path"));
    return count == null ? 0 : count.get();
  }

  Map<String, Integer> requestCounts() {
    Map<String, Integer> copy = new TreeMap<>();
    requestCounts.forEach((path, count) -> copy.put(path, count.get()));
    return copy;
  }

  static void requireCount(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
  }

  static Duration requireNotNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + d);
    }
    return d;
  }
}
