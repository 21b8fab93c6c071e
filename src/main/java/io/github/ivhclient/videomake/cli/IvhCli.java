package io.github.ivhclient.videomake.cli;

import io.github.ivhclient.videomake.IvhClient;
import io.github.ivhclient.videomake.IvhEndpoint;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code ivh} command line: submit a VideoMakeNoTrain task, follow it, list timbres, check a
 * request offline, or run the whole job against an in-process sandbox ({@code ivh demo}).
 *
 * <p>Credentials come from {@code IVH_APPKEY} and {@code IVH_ACCESS_TOKEN}, the gateway from
 * {@code --endpoint} or {@code IVH_ENDPOINT} (the mainland host by default). Exit codes are in
 * {@link ExitCode}. Every failure prints one line to standard error, without secrets; a stack
 * trace only with {@code --verbose}.
 *
 * <p>Embedding (tests do this): {@code new IvhCli(env, out, err).execute("status", taskId)}.
 */
@Command(
    name = "ivh",
    mixinStandardHelpOptions = true,
    versionProvider = CliVersion.class,
    description = "Client for the IVH video gateway's VideoMakeNoTrain job.",
    // The subcommands are CommandLines.COMMANDS, added per run: see CommandLines.forArgs.
    // picocli wraps at 80 columns: each line stays under it, so no entry is split.
    footer = {
        "",
        "Environment: IVH_APPKEY, IVH_ACCESS_TOKEN (credentials),",
        "             IVH_ENDPOINT (gateway URL).",
        "Exit codes: 0 ok, 1 invalid request, 2 usage or input file,",
        "            3 gateway or network, 4 task FAIL, 5 wait timed out,",
        "            70 internal error, 74 output not written,",
        "            130 interrupted (Ctrl-C)."
    })
public final class IvhCli implements Callable<Integer> {
  static final String ENV_APPKEY = "IVH_APPKEY";
  static final String ENV_ACCESS_TOKEN = "IVH_ACCESS_TOKEN";
  static final String ENV_ENDPOINT = "IVH_ENDPOINT";

  @Spec
  private CommandSpec spec;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "Gateway base URL, or 'mainland' / 'international' (default: $IVH_ENDPOINT, else the mainland host).")
  private String endpointOption;

  @Option(names = {"-v", "--verbose"}, description = "Print stack traces and the endpoint in use.")
  private boolean verbose;

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean terminal;
  private final Secrets secrets;
  private final Interruption interruption;
  private final FailureReporter failures;
  /** The process's standard output as written by {@link #main}; null when embedded. */
  private final ProcessStdout stdout;

  /**
   * A CLI that reads its settings from {@code env} and writes to {@code out} and {@code err}.
   * Progress is printed as plain lines, as when the output is not a terminal.
   */
  public IvhCli(Map<String, String> env, PrintStream out, PrintStream err) {
    this(env, out, err, false, null);
  }

  private IvhCli(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal, ProcessStdout stdout) {
    this.stdout = stdout;
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
    this.terminal = terminal;
    this.secrets = new Secrets(List.of(
        this.env.getOrDefault(ENV_APPKEY, ""), this.env.getOrDefault(ENV_ACCESS_TOKEN, "")));
    this.interruption = new Interruption(this.err);
    this.failures = new FailureReporter(this.err, secrets, interruption, () -> verbose);
  }

  public static void main(String[] args) {
    quietLibraryLogging();
    // Straight to the file descriptor: System.out would hide why a write failed.
    ProcessStdout stdout = new ProcessStdout(new FileOutputStream(FileDescriptor.out));
    PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    // A console exists only when standard input and output are terminals: then the bar may redraw in place.
    boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    IvhCli cli = new IvhCli(System.getenv(), out, err, terminal, stdout);
    // Ctrl-C ends the JVM (exit 130) without unwinding the waiting thread: the hook tidies up.
    Runtime.getRuntime().addShutdownHook(new Thread(cli.interruption(), "ivh-interrupted"));
    System.exit(cli.execute(args));
  }

  /**
   * Libraries log start-up banners at INFO (Hibernate Validator's HV000001 through jboss-logging),
   * which would interleave with the CLI's own lines on standard error. Route jboss-logging to
   * SLF4J and let slf4j-simple print warnings and errors only, unless the user chose otherwise.
   */
  private static void quietLibraryLogging() {
    if (System.getProperty("org.jboss.logging.provider") == null) {
      System.setProperty("org.jboss.logging.provider", "slf4j");
    }
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
  }

  /** Runs one command line and returns its exit code; never throws and never exits the JVM. */
  public int execute(String... args) {
    PlainValidate plain = PlainValidate.parse(args);
    return plain != null ? run(plain) : executeParsed(args);
  }

  /** Every command line through picocli: what {@link #execute} does for all but a {@link PlainValidate}. */
  int executeParsed(String... args) {
    int code;
    try {
      code = CommandLines.forArgs(this, args).execute(args);
    } catch (Error e) {
      // picocli hands only Exceptions to the handler: an Error (out of memory, a stack overflow)
      // would end the JVM with a raw stack trace and exit 1, which means "invalid request".
      code = failures.failure(e);
    }
    return outputChecked(code);
  }

  /** A plain {@code validate}, as picocli would run it: the same command, failures and exit codes. */
  private int run(PlainValidate plain) {
    int code;
    try {
      code = ValidateCommand.run(this, plain.file(), plain.json());
    } catch (Exception | Error e) {
      code = failures.failure(e);
    }
    return outputChecked(code);
  }

  /**
   * A command whose standard output could not be written did not succeed, whatever it did: a
   * script reading that output got nothing, or half of it. Commands that must not lose a line (a
   * submit's TaskId) have already said so on standard error.
   */
  private int outputChecked(int code) {
    if (!out.checkError()) {
      return code;
    }
    if (stdout != null && stdout.readerGone()) {
      return code;
    }
    if (code == ExitCode.OK) {
      err.println("ivh: could not write to standard output (a full disk, or a closed pipe); the output is incomplete");
      return ExitCode.OUTPUT;
    }
    return code;
  }

  /** Without a subcommand there is nothing to do: a usage error. */
  @Override
  public Integer call() {
    throw CommandLines.commandRequired(spec);
  }

  // ---- what the subcommands share ------------------------------------------------------------

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  FailureReporter failures() {
    return failures;
  }

  boolean terminal() {
    return terminal;
  }

  /** The Ctrl-C hook's state: waits register with it, {@link #main} installs it. */
  Interruption interruption() {
    return interruption;
  }

  /** A client for the configured endpoint; exit code 2 when a credential is missing. */
  IvhClient client() {
    String appKey = env.getOrDefault(ENV_APPKEY, "").trim();
    String accessToken = env.getOrDefault(ENV_ACCESS_TOKEN, "").trim();
    List<String> missing = new ArrayList<>();
    if (appKey.isEmpty()) {
      missing.add(ENV_APPKEY);
    }
    if (accessToken.isEmpty()) {
      missing.add(ENV_ACCESS_TOKEN);
    }
    if (!missing.isEmpty()) {
      throw new CliException(ExitCode.USAGE, "missing credentials: set " + String.join(" and ", missing)
          + " (the gateway's app key and access token), or try 'ivh demo' which needs none");
    }
    IvhEndpoint endpoint = endpoint();
    verbose("endpoint " + endpoint);
    return IvhClient.builder().appKey(appKey).accessToken(accessToken).endpoint(endpoint).build();
  }

  /** {@code --endpoint}, else {@code IVH_ENDPOINT}, else the mainland host. */
  IvhEndpoint endpoint() {
    String configured = endpointOption != null ? endpointOption : env.get(ENV_ENDPOINT);
    String source = endpointOption != null ? "--endpoint" : ENV_ENDPOINT;
    if (configured == null || configured.isBlank()) {
      return IvhEndpoint.MAINLAND;
    }
    switch (configured.trim().toLowerCase(Locale.ROOT)) {
      case "mainland":
        return IvhEndpoint.MAINLAND;
      case "international":
        return IvhEndpoint.INTERNATIONAL;
      default:
        try {
          return IvhEndpoint.custom(configured);
        } catch (IllegalArgumentException e) {
          throw new CliException(ExitCode.USAGE, source + ": " + e.getMessage(), e);
        }
    }
  }

  void verbose(String line) {
    if (verbose) {
      err.println("ivh: " + secrets.scrub(line));
    }
  }
}
