package io.github.ivhclient.videomake.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@link IvhCli}'s picocli side. Apart from it because the JVM's verifier loads every class whose
 * place in the type hierarchy a class's code relies on (a {@link ParameterException} handed on as
 * an exception): here, that loading happens only when picocli parses, never for a
 * {@link PlainValidate}.
 */
final class CommandLines {
  /** The commands, in the order {@code ivh --help} lists them. */
  private static final List<Class<?>> COMMANDS = List.of(SubmitCommand.class, StatusCommand.class,
      WaitCommand.class, TimbresCommand.class, ValidateCommand.class, PreflightCommand.class,
      ProbeCommand.class, DemoCommand.class);

  private CommandLines() {}

  /**
   * picocli's model of the command the arguments name, and only of that one: building the model
   * of every command (their options, converters and the classes those load) was most of a cold
   * start. Without a known command name (help, a usage error) every command is built, so help and
   * error messages list them all.
   */
  static CommandLine forArgs(IvhCli cli, String[] args) {
    CommandLine commandLine = new CommandLine(cli);
    Class<?> chosen = commandNamedIn(commandLine.getCommandSpec(), args);
    for (Class<?> command : chosen == null ? COMMANDS : List.of(chosen)) {
      commandLine.addSubcommand(command);
    }
    FailureReporter failures = cli.failures();
    // Set after the subcommands are added: picocli applies these to the subcommands present.
    return commandLine
        .setOut(new PrintWriter(cli.out(), true, StandardCharsets.UTF_8))
        .setErr(new PrintWriter(cli.err(), true, StandardCharsets.UTF_8))
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler((e, unused) -> failures.usage(e, e.getCommandLine().getCommandSpec().qualifiedName()))
        .setExecutionExceptionHandler((e, cmd, parsed) -> failures.failure(e));
  }

  /** {@code ivh} without a command: a usage error. */
  static RuntimeException commandRequired(CommandSpec spec) {
    return new ParameterException(spec.commandLine(), "a command is required: "
        + String.join(", ", spec.subcommands().keySet()));
  }

  /** The command the first argument after {@code ivh}'s own options names, or null. */
  private static Class<?> commandNamedIn(CommandSpec root, String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        return null;
      }
      if (!arg.startsWith("-")) {
        for (Class<?> command : COMMANDS) {
          if (command.getAnnotation(Command.class).name().equals(arg)) {
            return command;
          }
        }
        return null;
      }
      OptionSpec option = root.findOption(arg);
      if (option != null && option.arity().min() > 0) {
        i++; // its value (an --option=value is one argument, and not found by name)
      }
    }
    return null;
  }
}
