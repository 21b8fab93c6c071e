package io.github.ivhclient.videomake.internal;

/** The app key and access token a client is built with, checked with messages that say where they come from. */
public final class Credentials {
  private Credentials() {}

  /**
   * A credential, refused with a message naming the environment variable the {@code ivh} command
   * line reads it from ({@code System.getenv} gives null when it is not set): an
   * {@link IllegalStateException} from {@code IvhClient.Builder#build()} when it was never given, else an
   * {@link IllegalArgumentException}.
   */
  public static String require(String value, String name, String variable, boolean atBuild) {
    if (value != null && !value.isBlank()) {
      return value;
    }
    String readBy = variable + " (the environment variable the ivh command line reads)";
    if (value == null && atBuild) {
      throw new IllegalStateException(name + " was not given: call " + name + "(…) before build(), e.g. with "
          + "System.getenv(\"" + variable + "\") for " + readBy);
    }
    throw new IllegalArgumentException(value == null
        ? name + " is null: System.getenv(\"" + variable + "\") gives null when " + readBy + " is not set"
        : name + " is blank: is " + readBy + " set to an empty value?");
  }
}
