package io.github.ivhclient.videomake.testlog;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.event.Level;

/**
 * Every log line of the test run. Each line (with the stack trace of its throwable) is searched
 * for secrets as it is logged; leaks are kept, and {@link LogLeakCheck} fails the run on them.
 * Only the latest lines are kept for tests that assert on log output, so a test that logs a
 * million lines does not hold them all.
 */
public final class CapturedLogs {
  private static final int RECENT = 10_000;
  private static final LeakScanner SCANNER = LeakScanner.forTestSecrets();
  private static final AtomicLong COUNT = new AtomicLong();
  private static final Deque<String> RECENT_LINES = new ArrayDeque<>();
  private static final List<String> LEAKS = new ArrayList<>();

  private CapturedLogs() {}

  static void record(Level level, String logger, String message, Throwable throwable) {
    String line = level + " " + logger + " - " + message;
    String full = throwable == null ? line : line + System.lineSeparator() + stackTrace(throwable);
    COUNT.incrementAndGet();
    List<String> found = SCANNER.find(full);
    synchronized (CapturedLogs.class) {
      if (!found.isEmpty() && LEAKS.size() < 100) {
        LEAKS.add(found + " in: " + full);
      }
      RECENT_LINES.addLast(line);
      if (RECENT_LINES.size() > RECENT) {
        RECENT_LINES.removeFirst();
      }
    }
    if (level == Level.WARN || level == Level.ERROR || Boolean.getBoolean("ivh.test.printLogs")) {
      System.err.println(throwable == null ? line : line + " [" + throwable + "]");
    }
  }

  /** How many lines were logged since the JVM started. */
  public static long count() {
    return COUNT.get();
  }

  /** The most recent lines, oldest first, formatted as {@code LEVEL logger - message}. */
  public static synchronized List<String> recent() {
    return new ArrayList<>(RECENT_LINES);
  }

  /** Lines in which a secret was found, with the secrets named. */
  public static synchronized List<String> leaks() {
    return new ArrayList<>(LEAKS);
  }

  private static String stackTrace(Throwable throwable) {
    StringWriter out = new StringWriter();
    throwable.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
