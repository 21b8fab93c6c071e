package io.github.ivhclient.videomake.testlog;

/**
 * Recognizable secrets that tests use, so the suite-wide log check can find them if they leak.
 * Every log line of the test run is searched for these values (see {@link LeakScanner}).
 */
public final class TestSecrets {
  public static final String APP_KEY = "AKtestAppKey7f3a9c04d2";
  public static final String ACCESS_TOKEN = "ATtestAccessToken5e1bd80f6a";

  private TestSecrets() {}
}
