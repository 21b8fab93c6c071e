package io.github.ivhclient.videomake.testlog;

import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Runs when the test run's launcher session closes, after every engine (Jupiter, jqwik) is done,
 * and fails the run if any log line held a secret. Registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public final class LogLeakCheck implements LauncherSessionListener {
  @Override
  public void launcherSessionClosed(LauncherSession session) {
    List<String> leaks = CapturedLogs.leaks();
    System.err.println("[log-leak-check] " + CapturedLogs.count() + " log lines checked, "
        + leaks.size() + " with a secret");
    if (!leaks.isEmpty()) {
      leaks.forEach(leak -> System.err.println("[log-leak-check] LEAK " + leak));
      throw new AssertionError("secrets leaked into " + leaks.size() + " log line(s); first: " + leaks.get(0));
    }
  }
}
