package bench;

/** The cold-start baseline: a JVM that prints one line. */
public final class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
